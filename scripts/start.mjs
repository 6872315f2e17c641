// `npm start`: builds the web app when its sources changed since the last build, then runs the server
// in this same process (so SIGTERM reaches it and the embedded database closes cleanly).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'web/dist/index.html');

const newest = (dir) => {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
};

const stale = !existsSync(built) || Math.max(newest(join(root, 'web/src')), newest(join(root, 'common'))) > statSync(built).mtimeMs;
if (stale) {
  console.log('building the web app (first start or changed sources)…');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
await import(join(root, 'server/main.ts'));
