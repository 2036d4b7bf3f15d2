import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    // Suites that need programs from apt run on their own (npm run test:browser, test:editors).
    exclude: ['test/browser/**', '**/node_modules/**'],
    testTimeout: 30_000,
    // A suite's setup starts a language server and waits for its indexing: as slow as a test on a busy
    // CI machine (vitest's default 10 s failed setups at load average 20 here).
    hookTimeout: 30_000,
  },
});
