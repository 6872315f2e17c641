// End-to-end tests drive the system Chromium (Debian package `chromium`); Playwright's own download cannot work offline.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('installing Chromium (Debian package chromium) for the end-to-end tests…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core'], { stdio: 'inherit', env });
    if (existsSync(CHROMIUM)) return true;
  }
  console.error('Chromium is missing: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH), then run npm test again.');
  return false;
}
