// @ts-check
/**
 * Mutation testing of the core (`npm run test:mutation`; not part of `npm test`), in two targets
 * run one after the other, each with the tests that cover it (vitest.mutation.config.ts):
 *   template  src/template (the compiler), against its unit tests;
 *   links     the magic-link mint/verify/redeem code, against its unit tests and the links-core and
 *             redemption integration suites (PGlite).
 * Split because a mutant runs the whole file of every test that reaches it: the integration suites'
 * setup (an app and a database) would otherwise be paid by every compiler mutant a login email reaches.
 * Each mutant is type-checked first (one that does not compile is no test gap). `break` fails a
 * target below 80% of mutants killed. Incremental: reports/mutation-<target>/incremental.json
 * (ignored by git) lets a rerun test only mutants whose code or tests changed; add `--force` to test
 * everything again.
 */

/** What each target mutates (its tests: vitest.mutation.config.ts). */
const MUTATE_BY_TARGET = {
  template: ['src/template/**/*.ts'],
  links: [
    'server/links/link-token.ts',
    'server/links/mint-magic-link.ts',
    'server/links/key-ring.ts',
    'server/links/link-state.ts',
    'server/auth/redeem-link.ts',
  ],
  token: ['server/links/link-token.ts'],
};

const target = process.env.MUTATION_TARGET ?? '';
const mutate = MUTATE_BY_TARGET[/** @type {keyof typeof MUTATE_BY_TARGET} */ (target)];
if (!mutate) throw new Error(`Set MUTATION_TARGET to one of ${Object.keys(MUTATE_BY_TARGET).join(', ')} (got "${target}")`);
const reports = `reports/mutation-${target}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  // Only the target's code and its imports: checking the whole project per mutant made the checker
  // the bottleneck (a test runner idle most of the time).
  tsconfigFile: `test/mutation/tsconfig.${target}.json`,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants, run once at import) each need every related suite in a
  // fresh environment: ~16% of the mutants but ~60% of the time. They are reported as ignored.
  ignoreStatic: true,
  mutate,
  concurrency: 2,
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 80, break: 80 },
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
