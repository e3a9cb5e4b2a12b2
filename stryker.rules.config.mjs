// @ts-check
/**
 * Mutation testing of the rules alone (`npm run mutation:rules`), as CI runs it: every
 * `src/**\/*.rules.ts`, against the same tests as `npm run mutation`. A whole run of the core and
 * the terms takes hours on two cores; the rules are where a silently broken condition costs most.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import base from './stryker.config.mjs';

export default {
  ...base,
  mutate: ['src/**/*.rules.ts'],
  // CI fails when the rules' score drops below this (the per-file floor is scripts/mutation-floor.ts).
  thresholds: { high: 95, low: 85, break: 85 },
  incrementalFile: 'reports/mutation/rules/incremental.json',
  // One line of progress at a time: readable in a CI log.
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/rules/index.html' },
  jsonReporter: { fileName: 'reports/mutation/rules/mutation.json' },
};
