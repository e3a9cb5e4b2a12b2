import {
  addPeriods,
  boundaries,
  commitmentEnd,
  elapsedFraction,
  nextRenewal,
  PERIOD_CODES,
  type Period,
  type PeriodCode,
  type PeriodInterval,
  parsePeriod,
  periodContaining,
  type TermsOptions,
} from 'subscription-machines/terms';
import { expectTypeOf, test } from 'vitest';

test('period codes are a closed union of the platforms codes', () => {
  expectTypeOf<PeriodCode>().toEqualTypeOf<
    | '1m'
    | '1y'
    | '3y'
    | 'one-time'
    | 'monthly'
    | 'yearly'
    | 'years_2'
    | 'years_3'
    | 'years_4'
    | 'years_5'
    | 'years_6'
  >();
  expectTypeOf(PERIOD_CODES).toExtend<readonly PeriodCode[]>();
  expectTypeOf<(typeof PERIOD_CODES)[number]>().toEqualTypeOf<PeriodCode>();
  // @ts-expect-error: not a period code
  parsePeriod('2m');
  // @ts-expect-error: codes are case-sensitive
  parsePeriod('Monthly');
  // @ts-expect-error: Connect's codes stop at years_6
  addPeriods('2026-01-31T00:00:00Z', 'years_7', 1);
});

test('parsePeriod returns a Period, a plain discriminated union', () => {
  expectTypeOf(parsePeriod).parameter(0).toEqualTypeOf<PeriodCode>();
  expectTypeOf(parsePeriod('1m')).toEqualTypeOf<Period>();
  const period = parsePeriod('3y');
  if (period.unit !== 'one-time') expectTypeOf(period.count).toBeNumber();
  expectTypeOf<{ unit: 'month'; count: 3 }>().toExtend<Period>();
  expectTypeOf<{ unit: 'one-time' }>().toExtend<Period>();
  expectTypeOf<{ unit: 'week'; count: 1 }>().not.toExtend<Period>();
  expectTypeOf<{ unit: 'month' }>().not.toExtend<Period>();
});

test('the functions take codes or Periods and return canonical strings', () => {
  expectTypeOf(addPeriods).returns.toBeString();
  expectTypeOf(addPeriods).parameter(1).toEqualTypeOf<Period | PeriodCode>();
  expectTypeOf(addPeriods).parameter(3).toEqualTypeOf<TermsOptions | undefined>();
  expectTypeOf(periodContaining).returns.toEqualTypeOf<PeriodInterval>();
  expectTypeOf<PeriodInterval>().toEqualTypeOf<{
    readonly from: string;
    readonly to: string;
    readonly index: number;
  }>();
  expectTypeOf(commitmentEnd).returns.toBeString();
  expectTypeOf(nextRenewal).returns.toBeString();
  expectTypeOf(elapsedFraction).returns.toBeNumber();
  expectTypeOf(boundaries).returns.toEqualTypeOf<string[]>();
  addPeriods('2026-01-31T00:00:00Z', { unit: 'year', count: 2 }, 1, { timeZone: 'Europe/Berlin' });
  addPeriods('2026-01-31T00:00:00Z', '1m', 1, { timeZone: undefined });
  // @ts-expect-error: the options hold a timeZone, nothing else
  addPeriods('2026-01-31T00:00:00Z', '1m', 1, { zone: 'Europe/Berlin' });
  // @ts-expect-error: a count is a number
  addPeriods('2026-01-31T00:00:00Z', '1m', '1');
  // @ts-expect-error: timestamps are ISO strings, not Dates
  addPeriods(new Date(0), '1m', 1);
});
