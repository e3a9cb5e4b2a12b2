// @ts-check
/**
 * Mutation testing of the core (`npm run mutation:core`): every file of `src/core/`, against the
 * same tests as `npm run mutation`, since the core is reached by every machine's tests. It takes
 * one to two hours on two cores; a file alone is quicker: `npx stryker run stryker.core.config.mjs
 * --mutate src/core/plain.ts`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import base from './stryker.config.mjs';

export default {
  ...base,
  mutate: ['src/core/**/*.ts', '!src/core/index.ts'],
  // The per-file floor is scripts/mutation-floor.ts.
  thresholds: { high: 95, low: 85, break: 85 },
  incrementalFile: 'reports/mutation/core/incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/core/index.html' },
  jsonReporter: { fileName: 'reports/mutation/core/mutation.json' },
};
