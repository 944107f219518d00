import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (Node, fake-indexeddb and in-process fakes) and the end-to-end
// suite (real Prosody, real Chromium). `npm test` runs both after type checking and lint.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 10_000,
        },
      },
      {
        test: {
          name: 'integration',
          // Node against a private Prosody: the worker's XMPP layers without a browser.
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/integrationGlobalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: true,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['test/support/e2eGlobalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // Two cores: one browser per file, files in parallel up to 2.
          maxWorkers: 2,
        },
      },
    ],
  },
});
