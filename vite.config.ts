import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { bundleBudget } from './build/bundle-size.ts';

// The admin app imports the composer by its package name, as a host does, built from the same entry.
const publicEntries = {
  'memberlink/composer': fileURLToPath(new URL('src/composer/index.ts', import.meta.url)),
  'memberlink/template': fileURLToPath(new URL('src/template/index.ts', import.meta.url)),
};

// One config for the admin app build (vite) and every test suite (vitest).
// Browser-side tests opt into jsdom per file with `// @vitest-environment jsdom`.
/** Issue 14: the admin app's first load (page, entry JS with its static imports, CSS) ≤ 100 kB gzipped. */
export const APP_FIRST_LOAD_BUDGET_BYTES = 100_000;
/** The seed of the integration suites' shuffled order (see `sequence` below). */
export const INTEGRATION_ORDER_SEED = 1796305230596;

export default defineConfig({
  plugins: [react(), bundleBudget({ index: APP_FIRST_LOAD_BUDGET_BYTES }, { html: 'index.html' })],
  resolve: { alias: publicEntries },
  build: { outDir: 'dist/app', emptyOutDir: true },
  server: {
    proxy: {
      // The API trusts cookie-authenticated writes only from PUBLIC_URL's origin (server/http/csrf.ts):
      // the dev server presents its own pages' requests as that origin.
      '/api': {
        target: 'http://127.0.0.1:3000',
        configure: (proxy) =>
          proxy.on('proxyReq', (req) => {
            if (req.getHeader('origin') === 'http://localhost:5173') req.setHeader('origin', process.env.PUBLIC_URL ?? 'http://localhost:3000');
          }),
      },
      '/healthz': 'http://127.0.0.1:3000',
    },
  },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    // The integration suites' shuffled order: fixed, so a red run can be replayed; change it (or run
    // `npm run test:shuffle` for a random one) to try another order.
    sequence: { seed: INTEGRATION_ORDER_SEED },
    projects: [
      {
        extends: true,
        // Issue 18: every integration test makes its own data, so within each file they run in a
        // shuffled order (a test leaning on an earlier one's leftovers fails here, not by chance later).
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], sequence: { shuffle: { files: false, tests: true } } },
      },
      // Unit tests, and the e2e suites (a browser story told in order: sign in, then each page).
      { extends: true, test: { name: 'unit and e2e', include: ['test/unit/**/*.test.{ts,tsx}', 'test/e2e/**/*.test.ts'] } },
    ],
  },
});
