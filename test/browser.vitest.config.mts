import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Browser suites (Debian Chromium via playwright-core): `npm run test:browser`, run by .ci/run. */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
