import { describe, expect, it } from 'vitest';
import { isPeriodCode, PERIOD_CODES, type PeriodCode, parsePeriod } from '../../src/terms';

describe('parsePeriod', () => {
  // The Marketplace's subscription `terms` and Connect's billing.period.uom enum.
  it.each<[PeriodCode, unknown]>([
    ['1m', { unit: 'month', count: 1 }],
    ['1y', { unit: 'year', count: 1 }],
    ['3y', { unit: 'year', count: 3 }],
    ['one-time', { unit: 'one-time' }],
    ['monthly', { unit: 'month', count: 1 }],
    ['yearly', { unit: 'year', count: 1 }],
    ['years_2', { unit: 'year', count: 2 }],
    ['years_3', { unit: 'year', count: 3 }],
    ['years_4', { unit: 'year', count: 4 }],
    ['years_5', { unit: 'year', count: 5 }],
    ['years_6', { unit: 'year', count: 6 }],
  ])('%s is %o', (code, period) => {
    expect(parsePeriod(code)).toEqual(period);
  });

  it('knows every code of PERIOD_CODES, and only those', () => {
    expect(PERIOD_CODES).toHaveLength(11);
    for (const code of PERIOD_CODES) expect(isPeriodCode(code)).toBe(true);
    // An array whose only item is a code is not a code, though it names the same property.
    for (const other of ['Monthly', '2m', 'years_7', 'onetime', 'toString', '', 1, null, ['1m']]) {
      expect(isPeriodCode(other)).toBe(false);
    }
  });

  it('returns a fresh, serialisable object each time', () => {
    const a = parsePeriod('1m');
    expect(a).not.toBe(parsePeriod('1m'));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it.each([['2m'], ['Monthly'], ['years_7'], ['toString'], [''], [12], [null], [['1m']]])(
    'refuses %o with a RangeError naming it',
    (code) => {
      expect(() => parsePeriod(code as PeriodCode)).toThrow(RangeError);
      expect(() => parsePeriod(code as PeriodCode)).toThrow(
        `parsePeriod: code ${JSON.stringify(code)} is not a period code`,
      );
    },
  );

  it('lists the codes it knows when it refuses one', () => {
    expect(() => parsePeriod('2m' as PeriodCode)).toThrow(
      'parsePeriod: code "2m" is not a period code (1m, 1y, 3y, one-time, monthly, yearly, years_2, years_3, years_4, years_5, years_6)',
    );
  });
});
