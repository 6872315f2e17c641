import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = { '@common': fileURLToPath(new URL('./common', import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', setupFiles: ['server/test-support/setup.ts'], include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.ts'], exclude: ['**/*.int.test.ts', 'node_modules/**'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'int',
          setupFiles: ['server/test-support/setup.ts'],
          include: ['server/**/*.int.test.ts'],
          // *.pg.int.test.ts need a PostgreSQL server (e.g. two processes on one database).
          exclude: process.env.TEST_DATABASE_URL ? ['node_modules/**'] : ['node_modules/**', '**/*.pg.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          setupFiles: ['server/test-support/setup.ts'],
          include: ['e2e/**/*.e2e.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
          // vitest's 1 s default is shorter than a page load plus its first API call on a busy 2-core CI machine.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
