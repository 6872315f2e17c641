// `npm test`: type check, unit and integration tests (embedded PGlite, and PostgreSQL too when
// TEST_DATABASE_URL is set), then end-to-end journeys in real Chromium. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';

const out = mkdtempSync(join(tmpdir(), 'crm-test-results-'));
let passed = 0;
let failed = 0;
let ok = true;

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) ok = false;
  return r.status === 0;
}

function vitest(label, project, env = {}) {
  const file = join(out, `${label.replace(/\W+/g, '-')}.json`);
  run(label, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests || r.numFailedTestSuites || 0;
    if (r.numTotalTests === 0) ok = false;
  } catch {
    failed += 1;
  }
}

run('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
vitest('unit tests', 'unit');
vitest('integration tests (PGlite)', 'int', { TEST_DATABASE_URL: '' });
if (process.env.TEST_DATABASE_URL) vitest('integration tests (PostgreSQL)', 'int');
if (ensureChromium()) {
  run('build web app', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  vitest('end-to-end tests (Chromium)', 'e2e');
} else {
  ok = false;
  failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
