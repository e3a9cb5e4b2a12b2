/**
 * `subscription-machines/terms`: billing periods, commitments and renewals without drift.
 * Every result is counted from the original anchor; see docs/terms.md.
 * @packageDocumentation
 */
export { addPeriods } from './add-periods';
export type { TermsOptions } from './arguments';
export { boundaries, MAX_BOUNDARIES } from './boundaries';
export { commitmentEnd } from './commitment-end';
export { elapsedFraction } from './elapsed-fraction';
export { nextRenewal } from './next-renewal';
export { isPeriodCode, PERIOD_CODES, type Period, type PeriodCode, parsePeriod } from './period';
export { type PeriodInterval, periodContaining } from './period-containing';
