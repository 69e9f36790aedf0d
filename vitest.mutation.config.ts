import { defineConfig } from 'vitest/config';
import base from './vite.config.ts';

/**
 * The tests `npm run test:mutation` runs against the mutants of one target (MUTATION_TARGET; what
 * each target mutates is in stryker.config.mjs): only the suites that exercise that code. Stryker
 * then picks, per mutant, the tests of these that reach it.
 */
const TESTS_BY_TARGET: Record<string, string[]> = {
  template: ['test/unit/template/**/*.test.ts'],
  links: [
    'test/unit/links/**/*.test.ts',
    'test/integration/links-core.test.ts',
    'test/integration/redemption.test.ts',
    // redeemLink's outcomes and what each attempt records, without the pages around them.
    'test/integration/redeem-link.test.ts',
  ],
  // The token's sign/verify alone, against its unit tests: a quick run when only link-token.ts changed.
  token: ['test/unit/links/**/*.test.ts'],
};

const target = process.env.MUTATION_TARGET ?? '';
const include = TESTS_BY_TARGET[target];
if (!include) throw new Error(`Set MUTATION_TARGET to one of ${Object.keys(TESTS_BY_TARGET).join(', ')} (got "${target}")`);

// One run of the target's own tests, not npm test's projects.
const { projects: _projects, ...baseTest } = base.test ?? {};

export default defineConfig({
  ...base,
  // PGlite only: the mutated modules issue the same SQL on both drivers, and PostgreSQL's own
  // guarantees (real concurrency) are npm test's job (links-concurrency-postgres.test.ts).
  // isolate: false keeps imported modules (mjml takes seconds) between mutant runs; Stryker switches
  // mutants at run time, so nothing needs a fresh import.
  test: { ...baseTest, include, isolate: false, env: { TEST_DRIVERS: 'pglite' } },
});
