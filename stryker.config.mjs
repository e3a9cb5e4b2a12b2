// @ts-check
/**
 * Mutation testing (`npm run mutation`): does the suite notice when the rules, the core or the
 * terms arithmetic break? Survivors judged equivalent are listed in stryker.equivalent.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  mutate: ['src/core/**/*.ts', 'src/**/*.rules.ts', 'src/terms/**/*.ts', '!src/**/index.ts'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  // Each mutant runs only the tests that executed it.
  coverageAnalysis: 'perTest',
  // Most of the core also runs while test files load (fixtures built in describe bodies), which
  // makes its mutants "static": each would rerun the whole suite, days on two cores. Those are run
  // against the tests that cover them; ones that only ever run at load time are left out.
  ignoreStatic: true,
  // The sandbox's sources get `// @ts-nocheck`: a mutant need not type-check to be tested.
  disableTypeChecks: 'src/**/*.ts',
  // The machine has two shared cores.
  concurrency: 2,
  timeoutMS: 30_000,
  // Coloured in the reports; the floor CI enforces is in stryker.rules.config.mjs.
  thresholds: { high: 95, low: 85, break: null },
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
