/**
 * Argument checks shared by the terms functions. Each returns the parsed value or throws the
 * `RangeError` of {@link invalid}, naming the function, the argument and the value it got.
 */
import { parseInstant } from '../core/time';
import { invalid } from './errors';
import { isPeriodCode, PERIOD_CODES, parsePeriod } from './period';
import { isTimeZone } from './zone';

/**
 * Options every terms function accepts.
 *
 * @example
 * ```ts
 * import { addPeriods, type TermsOptions } from 'subscription-machines/terms';
 *
 * const berlin: TermsOptions = { timeZone: 'Europe/Berlin' };
 * addPeriods('2026-03-01T09:00:00+01:00', '1m', 1, berlin); // '2026-04-01T07:00:00Z', 09:00 CEST
 * ```
 */
export interface TermsOptions {
  /**
   * An IANA time zone, such as `Europe/Berlin`: the calendar arithmetic then keeps the anchor's
   * local wall-clock time in that zone. Without it (or with `undefined`) the arithmetic is in UTC.
   */
  readonly timeZone?: string | undefined;
}

/** An ISO-8601 timestamp with a zone designator, as epoch milliseconds. */
export function instantArg(fn: string, name: string, value: unknown): number {
  const epoch = parseInstant(value);
  if (epoch === null) {
    throw invalid(fn, name, value, 'is not an ISO-8601 timestamp with a zone designator');
  }
  return epoch;
}

/** A whole number of periods, negative to count backwards from the anchor. */
export function countArg(fn: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw invalid(fn, 'count', value, 'is not a safe integer');
  }
  return value;
}

/**
 * A period code or a `Period` object, as the number of calendar months it spans, or `null` for a
 * one-time period.
 */
export function periodArg(fn: string, value: unknown): number | null {
  if (typeof value === 'string') {
    if (!isPeriodCode(value)) {
      throw invalid(fn, 'period', value, `is not a period code (${PERIOD_CODES.join(', ')})`);
    }
    const period = parsePeriod(value);
    if (period.unit === 'one-time') return null;
    return period.unit === 'year' ? period.count * 12 : period.count;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(fn, 'period', value, 'is neither a period code nor a Period object');
  }
  const { unit, count } = value as { unit?: unknown; count?: unknown };
  if (unit === 'one-time') return null;
  if (unit !== 'month' && unit !== 'year') {
    throw invalid(fn, 'period', value, 'has a unit other than "month", "year" or "one-time"');
  }
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
    throw invalid(fn, 'period', value, 'has a count that is not a positive safe integer');
  }
  return unit === 'year' ? count * 12 : count;
}

/** A period that recurs, as the number of calendar months it spans. */
export function recurringPeriodArg(fn: string, value: unknown): number {
  const months = periodArg(fn, value);
  if (months === null) throw invalid(fn, 'period', value, 'does not recur');
  return months;
}

/** The options object, as its time zone or `null` for UTC. */
export function optionsArg(fn: string, value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null) {
    throw invalid(fn, 'options', value, 'is not an object');
  }
  const { timeZone } = value as { timeZone?: unknown };
  if (timeZone === undefined) return null;
  if (!isTimeZone(timeZone)) {
    throw invalid(fn, 'timeZone', timeZone, 'is not a time zone known to Intl.DateTimeFormat');
  }
  return timeZone;
}
