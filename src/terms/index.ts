/**
 * `subscription-machines/terms`: billing periods, commitments and renewals without drift.
 * Every result is counted from the original anchor; see docs/terms.md.
 * @packageDocumentation
 */
export { isPeriodCode, PERIOD_CODES, type Period, type PeriodCode, parsePeriod } from './period';
