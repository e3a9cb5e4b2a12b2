// @ts-check
/**
 * Mutation testing of the core's chart, command and API files (`npm run mutation:core`), against the
 * same tests as `npm run mutation`: the core is reached by every machine's tests. The step and its
 * helpers (step, evaluate, bookkeeping, plain, time, persist, admit, schema) are left to
 * `npm run mutation`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import base from './stryker.config.mjs';

export default {
  ...base,
  mutate: [
    'src/core/api.ts',
    'src/core/chart.ts',
    'src/core/command.ts',
    'src/core/compiled.ts',
    'src/core/machine.ts',
    'src/core/rejection.ts',
    'src/core/rules.ts',
    'src/core/spec.ts',
  ],
  // The per-file floor is scripts/mutation-floor.ts.
  thresholds: { high: 95, low: 85, break: 85 },
  incrementalFile: 'reports/mutation/core/incremental.json',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/core/index.html' },
  jsonReporter: { fileName: 'reports/mutation/core/mutation.json' },
};
