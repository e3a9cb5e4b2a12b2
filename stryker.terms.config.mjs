// @ts-check
/**
 * Mutation testing of the terms arithmetic alone (`npm run mutation:terms`): every file of
 * `src/terms/`, against only the tests that import the terms module (vitest.mutation.terms.config.ts),
 * so that a run takes minutes rather than the hours of `npm run mutation`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import base from './stryker.config.mjs';

export default {
  ...base,
  mutate: ['src/terms/**/*.ts', '!src/terms/index.ts'],
  vitest: { configFile: 'vitest.mutation.terms.config.ts', related: false },
  // The per-file floor is scripts/mutation-floor.ts.
  thresholds: { high: 95, low: 85, break: 85 },
  incrementalFile: 'reports/mutation/terms/incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/terms/index.html' },
  jsonReporter: { fileName: 'reports/mutation/terms/mutation.json' },
};
