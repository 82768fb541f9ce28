import { defineConfig } from 'vitest/config';

// Two projects: `unit` is the fast loop (pure code, temp dirs, temp git repos);
// `e2e` holds slow tests tagged by file name (*.e2e.test.ts): browser, build, daemons.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tools/**/*.test.ts', 'site/**/*.test.ts', 'schemas/**/*.test.ts'],
          exclude: ['**/*.e2e.test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tools/**/*.e2e.test.ts', 'site/**/*.e2e.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
