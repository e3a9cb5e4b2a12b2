import { describe, expect, it } from 'vitest';
import {
  addPeriods,
  boundaries,
  commitmentEnd,
  elapsedFraction,
  nextRenewal,
  type PeriodCode,
  periodContaining,
} from '../../src/terms';

const S = '2026-01-31T00:00:00Z';
const AT = '2026-03-15T00:00:00Z';
const NOT_ISO = 'is not an ISO-8601 timestamp with a zone designator';
const OUTSIDE = 'leads to a date outside the years 0000–9999';
// 9999-12-31 at 23:00 in New York is already the year 10000 in UTC.
const LATE = '9999-12-31T23:00:00-05:00';

/** Calls a terms function with loosely typed arguments, as JavaScript callers may. */
type Loose = (...args: unknown[]) => unknown;
const loose = (fn: unknown) => fn as Loose;

describe('bad input throws a RangeError that names the input', () => {
  it.each<[string, () => unknown, string]>([
    // Timestamps: no zone, impossible dates, other types.
    [
      'start without zone',
      () => addPeriods('2026-01-31T00:00:00', '1m', 1),
      `addPeriods: start "2026-01-31T00:00:00" ${NOT_ISO}`,
    ],
    [
      'start on Feb 30',
      () => addPeriods('2026-02-30T00:00:00Z', '1m', 1),
      `addPeriods: start "2026-02-30T00:00:00Z" ${NOT_ISO}`,
    ],
    [
      'start on Feb 29, 2100',
      () => commitmentEnd('2100-02-29T00:00:00Z', '1y'),
      `commitmentEnd: start "2100-02-29T00:00:00Z" ${NOT_ISO}`,
    ],
    [
      'start as a Date',
      () => loose(addPeriods)(new Date(0), '1m', 1),
      `addPeriods: start "1970-01-01T00:00:00.000Z" ${NOT_ISO}`,
    ],
    ['start as a number', () => loose(addPeriods)(0, '1m', 1), `addPeriods: start 0 ${NOT_ISO}`],
    [
      'at, a date only',
      () => periodContaining(S, '1m', '2026-03-15'),
      `periodContaining: at "2026-03-15" ${NOT_ISO}`,
    ],
    [
      'at, an hour 24',
      () => elapsedFraction(S, '1m', '2026-03-15T24:00:00Z'),
      `elapsedFraction: at "2026-03-15T24:00:00Z" ${NOT_ISO}`,
    ],
    ['after, empty', () => nextRenewal(S, '1m', ''), `nextRenewal: after "" ${NOT_ISO}`],
    // Every function that takes a start names it.
    [
      'start of boundaries',
      () => boundaries('2026-01-31', '1m', S, AT),
      `boundaries: start "2026-01-31" ${NOT_ISO}`,
    ],
    [
      'start of elapsedFraction',
      () => elapsedFraction('2026-01-31', '1m', AT),
      `elapsedFraction: start "2026-01-31" ${NOT_ISO}`,
    ],
    [
      'start of nextRenewal',
      () => nextRenewal('2026-01-31', '1m', AT),
      `nextRenewal: start "2026-01-31" ${NOT_ISO}`,
    ],
    [
      'start of periodContaining',
      () => periodContaining('2026-01-31', '1m', AT),
      `periodContaining: start "2026-01-31" ${NOT_ISO}`,
    ],
    [
      'from, undefined',
      () => loose(boundaries)(S, '1m', undefined, AT),
      `boundaries: from undefined ${NOT_ISO}`,
    ],
    [
      'to, a leap second',
      () => boundaries(S, '1m', S, '2026-12-31T23:59:60Z'),
      `boundaries: to "2026-12-31T23:59:60Z" ${NOT_ISO}`,
    ],
    // Periods: unknown codes and malformed objects.
    [
      'unknown code',
      () => addPeriods(S, '2m' as PeriodCode, 1),
      'addPeriods: period "2m" is not a period code (1m, 1y, 3y, one-time, monthly, yearly, years_2, years_3, years_4, years_5, years_6)',
    ],
    [
      'code in other case',
      () => nextRenewal(S, 'Monthly' as PeriodCode, AT),
      'nextRenewal: period "Monthly" is not a period code',
    ],
    [
      'unknown unit',
      () => periodContaining(S, { unit: 'week', count: 1 } as never, AT),
      'periodContaining: period {"unit":"week","count":1} has a unit other than "month", "year" or "one-time"',
    ],
    [
      'count 0 in a period',
      () => commitmentEnd(S, { unit: 'month', count: 0 }),
      'commitmentEnd: period {"unit":"month","count":0} has a count that is not a positive safe integer',
    ],
    [
      'fractional period count',
      () => addPeriods(S, { unit: 'year', count: 1.5 }, 1),
      'addPeriods: period {"unit":"year","count":1.5} has a count',
    ],
    [
      'period null',
      () => loose(addPeriods)(S, null, 1),
      'addPeriods: period null is neither a period code nor a Period object',
    ],
    [
      'period undefined',
      () => loose(addPeriods)(S, undefined, 1),
      'addPeriods: period undefined is neither a period code nor a Period object',
    ],
    [
      'period a number of months',
      () => loose(addPeriods)(S, 12, 1),
      'addPeriods: period 12 is neither a period code nor a Period object',
    ],
    [
      // JSON cannot write a BigInt: the message falls back to String(), still a RangeError.
      'period with a BigInt count',
      () => loose(addPeriods)(S, { unit: 'month', count: 1n }, 1),
      'addPeriods: period [object Object] has a count that is not a positive safe integer',
    ],
    [
      'period an array',
      () => loose(addPeriods)(S, ['1m'], 1),
      'addPeriods: period ["1m"] is neither a period code nor a Period object',
    ],
    [
      'one-time, recurring',
      () => elapsedFraction(S, 'one-time', AT),
      'elapsedFraction: period "one-time" does not recur',
    ],
    // Counts: safe integers only.
    ['count 1.5', () => addPeriods(S, '1m', 1.5), 'addPeriods: count 1.5 is not a safe integer'],
    [
      'count NaN',
      () => addPeriods(S, '1m', Number.NaN),
      'addPeriods: count NaN is not a safe integer',
    ],
    [
      'count Infinity',
      () => addPeriods(S, '1m', Number.POSITIVE_INFINITY),
      'addPeriods: count Infinity is not a safe integer',
    ],
    [
      'count 2**53',
      () => addPeriods(S, '1m', 2 ** 53),
      'addPeriods: count 9007199254740992 is not a safe integer',
    ],
    [
      'count as string',
      () => loose(addPeriods)(S, '1m', '1'),
      'addPeriods: count "1" is not a safe integer',
    ],
    [
      'count, one-time',
      () => addPeriods(S, 'one-time', -1),
      'addPeriods: period "one-time" does not recur, so count must be 0',
    ],
    // Time zones.
    [
      'unknown zone',
      () => addPeriods(S, '1m', 1, { timeZone: 'Mars/Olympus' }),
      'addPeriods: timeZone "Mars/Olympus" is not a time zone known to Intl.DateTimeFormat',
    ],
    [
      'empty zone',
      () => periodContaining(S, '1m', AT, { timeZone: '' }),
      'periodContaining: timeZone "" is not a time zone',
    ],
    [
      'offset-looking zone',
      () => nextRenewal(S, '1m', AT, { timeZone: 'Foo+05' }),
      'nextRenewal: timeZone "Foo+05" is not a time zone',
    ],
    [
      'zone not a string',
      () => loose(commitmentEnd)(S, '1y', { timeZone: 1 }),
      'commitmentEnd: timeZone 1 is not a time zone',
    ],
    [
      'options not an object',
      () => loose(addPeriods)(S, '1m', 1, 'UTC'),
      'addPeriods: options "UTC" is not an object',
    ],
    [
      'options null',
      () => loose(addPeriods)(S, '1m', 1, null),
      'addPeriods: options null is not an object',
    ],
    // Results beyond what an ISO timestamp with a four-digit year can say.
    [
      'result after 9999',
      () => addPeriods(S, 'years_6', 1400),
      'addPeriods: count 1400 leads to a date outside the years 0000–9999',
    ],
    [
      'result before 0000',
      () => addPeriods(S, '1y', -2027),
      'addPeriods: count -2027 leads to a date outside the years 0000–9999',
    ],
    // An offset can put a four-digit local date just outside the years in UTC.
    [
      'one-time start before 0000 in UTC',
      () => addPeriods('0000-01-01T00:30:00+01:00', 'one-time', 0),
      `addPeriods: start "0000-01-01T00:30:00+01:00" ${OUTSIDE}`,
    ],
    [
      'boundaries up to a to after 9999 in UTC',
      () => boundaries('9999-01-01T00:00:00Z', '1y', '9999-01-01T00:00:00Z', LATE),
      `boundaries: to "${LATE}" ${OUTSIDE}`,
    ],
    [
      'period of at ending after 9999',
      () => elapsedFraction('9999-06-01T00:00:00Z', '1y', '9999-07-01T00:00:00Z'),
      `elapsedFraction: at "9999-07-01T00:00:00Z" ${OUTSIDE}`,
    ],
    [
      'period of at starting before 0000',
      () => elapsedFraction('0000-06-01T00:00:00Z', '1y', '0000-03-01T00:00:00Z'),
      `elapsedFraction: at "0000-03-01T00:00:00Z" ${OUTSIDE}`,
    ],
    [
      'period containing at starting before 0000',
      () => periodContaining('0000-06-01T00:00:00Z', '1y', '0000-03-01T00:00:00Z'),
      `periodContaining: at "0000-03-01T00:00:00Z" ${OUTSIDE}`,
    ],
    [
      'renewal after 9999',
      () => nextRenewal('9999-06-01T00:00:00Z', '1y', '9999-07-01T00:00:00Z'),
      `nextRenewal: after "9999-07-01T00:00:00Z" ${OUTSIDE}`,
    ],
  ])('%s', (_, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('names the first bad argument, left to right', () => {
    expect(() => loose(addPeriods)('nope', 'nope', 'nope', { timeZone: 'nope' })).toThrow(
      'addPeriods: start "nope"',
    );
    expect(() => loose(addPeriods)(S, 'nope', 'nope', { timeZone: 'nope' })).toThrow(
      'addPeriods: period "nope"',
    );
    expect(() => loose(addPeriods)(S, '1m', 'nope', { timeZone: 'nope' })).toThrow(
      'addPeriods: count "nope"',
    );
  });

  it('accepts an explicit undefined for the options and the zone', () => {
    expect(loose(addPeriods)(S, '1m', 1, undefined)).toBe('2026-02-28T00:00:00Z');
    expect(loose(addPeriods)(S, '1m', 1, { timeZone: undefined })).toBe('2026-02-28T00:00:00Z');
  });
});
