import { afterEach, describe, expect, it } from 'vitest';
import { addPeriods, type Period, type PeriodCode } from '../../src/terms';

/** Boundaries 0…n of one anchor, for tables that read down a calendar. */
const walk = (start: string, period: Period | PeriodCode, n: number, timeZone?: string) =>
  Array.from({ length: n + 1 }, (_, i) =>
    addPeriods(start, period, i, timeZone === undefined ? undefined : { timeZone }),
  );

describe('addPeriods: the anchor rule', () => {
  it('comes back to the 31st after a short month (docs/terms.md)', () => {
    expect(addPeriods('2026-01-31T00:00:00Z', '1m', 1)).toBe('2026-02-28T00:00:00Z');
    expect(addPeriods('2026-01-31T00:00:00Z', '1m', 2)).toBe('2026-03-31T00:00:00Z');
  });

  it('walks a Jan 31 anchor through a year: clamped per month, never drifting', () => {
    expect(walk('2026-01-31T08:15:00Z', '1m', 12).map((t) => t.slice(0, 10))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      '2026-12-31',
      '2027-01-31',
    ]);
  });

  it.each([
    // Month ends: anchors on the 28th, 29th, 30th and 31st.
    ['2026-01-28T00:00:00Z', '1m', 1, '2026-02-28T00:00:00Z'],
    ['2026-01-29T00:00:00Z', '1m', 1, '2026-02-28T00:00:00Z'],
    ['2026-01-29T00:00:00Z', '1m', 2, '2026-03-29T00:00:00Z'],
    ['2026-01-30T00:00:00Z', '1m', 1, '2026-02-28T00:00:00Z'],
    ['2026-01-30T00:00:00Z', '1m', 2, '2026-03-30T00:00:00Z'],
    ['2026-03-31T00:00:00Z', '1m', 1, '2026-04-30T00:00:00Z'],
    ['2026-03-31T00:00:00Z', '1m', 2, '2026-05-31T00:00:00Z'],
    ['2026-08-31T00:00:00Z', '1m', 6, '2027-02-28T00:00:00Z'],
    ['2026-12-31T23:59:59.999Z', '1m', 2, '2027-02-28T23:59:59.999Z'],
    // Leap years: 2024 and 2000 have Feb 29, 2100 and 1900 do not.
    ['2024-01-31T00:00:00Z', '1m', 1, '2024-02-29T00:00:00Z'],
    ['2000-01-31T00:00:00Z', '1m', 1, '2000-02-29T00:00:00Z'],
    ['2100-01-31T00:00:00Z', '1m', 1, '2100-02-28T00:00:00Z'],
    ['1900-01-29T00:00:00Z', '1m', 1, '1900-02-28T00:00:00Z'],
    // Feb 29 anchors over yearly periods: Feb 28 in common years, Feb 29 again in leap years.
    ['2024-02-29T00:00:00Z', '1y', 1, '2025-02-28T00:00:00Z'],
    ['2024-02-29T00:00:00Z', '1y', 4, '2028-02-29T00:00:00Z'],
    ['2096-02-29T00:00:00Z', '1y', 4, '2100-02-28T00:00:00Z'],
    ['2096-02-29T00:00:00Z', '1y', 8, '2104-02-29T00:00:00Z'],
    ['1996-02-29T00:00:00Z', '1y', 4, '2000-02-29T00:00:00Z'],
    ['2024-02-29T00:00:00Z', '3y', 1, '2027-02-28T00:00:00Z'],
    ['2024-02-29T00:00:00Z', '3y', 4, '2036-02-29T00:00:00Z'],
    ['2024-02-29T00:00:00Z', 'years_4', 1, '2028-02-29T00:00:00Z'],
    // Negative counts go backwards from the same anchor.
    ['2026-03-31T00:00:00Z', '1m', -1, '2026-02-28T00:00:00Z'],
    ['2026-03-31T00:00:00Z', '1m', -2, '2026-01-31T00:00:00Z'],
    ['2028-02-29T00:00:00Z', '1y', -1, '2027-02-28T00:00:00Z'],
    ['2028-02-29T00:00:00Z', '1y', -4, '2024-02-29T00:00:00Z'],
  ] as const)('%s + %s × %i = %s', (start, period, count, expected) => {
    expect(addPeriods(start, period, count)).toBe(expected);
  });
});

describe('addPeriods: periods', () => {
  it.each<[PeriodCode, string]>([
    ['1m', '2026-02-28T12:00:00Z'],
    ['monthly', '2026-02-28T12:00:00Z'],
    ['1y', '2027-01-31T12:00:00Z'],
    ['yearly', '2027-01-31T12:00:00Z'],
    ['years_2', '2028-01-31T12:00:00Z'],
    ['3y', '2029-01-31T12:00:00Z'],
    ['years_3', '2029-01-31T12:00:00Z'],
    ['years_4', '2030-01-31T12:00:00Z'],
    ['years_5', '2031-01-31T12:00:00Z'],
    ['years_6', '2032-01-31T12:00:00Z'],
  ])('one %s period after 2026-01-31T12:00Z is %s', (code, expected) => {
    expect(addPeriods('2026-01-31T12:00:00Z', code, 1)).toBe(expected);
  });

  it('takes Period objects: a year is 12 months, a quarter 3', () => {
    const start = '2026-01-31T00:00:00Z';
    expect(addPeriods(start, { unit: 'month', count: 12 }, 5)).toBe(addPeriods(start, '1y', 5));
    expect(walk(start, { unit: 'month', count: 3 }, 4).map((t) => t.slice(0, 10))).toEqual([
      '2026-01-31',
      '2026-04-30',
      '2026-07-31',
      '2026-10-31',
      '2027-01-31',
    ]);
  });

  it('gives a one-time period only its start (count 0)', () => {
    expect(addPeriods('2026-01-31T01:00:00+01:00', 'one-time', 0)).toBe('2026-01-31T00:00:00Z');
    expect(addPeriods('2026-01-31T00:00:00Z', { unit: 'one-time' }, 0)).toBe(
      '2026-01-31T00:00:00Z',
    );
    expect(() => addPeriods('2026-01-31T00:00:00Z', 'one-time', 1)).toThrow(
      'addPeriods: period "one-time" does not recur, so count must be 0',
    );
  });
});

describe('addPeriods: output', () => {
  it('writes canonical UTC whatever the input offset, with milliseconds only when set', () => {
    expect(addPeriods('2026-01-31T10:30:00+05:30', '1m', 0)).toBe('2026-01-31T05:00:00Z');
    expect(addPeriods('2026-01-31T10:30+05:30', '1m', 1)).toBe('2026-02-28T05:00:00Z');
    expect(addPeriods('2026-01-31T00:00:00.250Z', '1m', 1)).toBe('2026-02-28T00:00:00.250Z');
  });

  it('without a timeZone counts calendar months in UTC, not in the offset of start', () => {
    // 2026-02-01T01:00+02:00 is Jan 31 in UTC, so the UTC anchor day is the 31st.
    expect(addPeriods('2026-02-01T01:00:00+02:00', '1m', 1)).toBe('2026-02-28T23:00:00Z');
  });

  it('reaches the years 0000 and 9999, and refuses to go beyond', () => {
    expect(addPeriods('0000-01-31T00:00:00Z', '1m', 1)).toBe('0000-02-29T00:00:00Z');
    expect(addPeriods('9999-11-30T00:00:00Z', '1m', 1)).toBe('9999-12-30T00:00:00Z');
    expect(() => addPeriods('9999-12-30T00:00:00Z', '1m', 1)).toThrow(
      'addPeriods: count 1 leads to a date outside the years 0000–9999',
    );
    expect(() => addPeriods('0000-01-01T00:00:00Z', '1y', -1)).toThrow(RangeError);
    expect(() => addPeriods('2026-01-01T00:00:00Z', '1y', Number.MAX_SAFE_INTEGER)).toThrow(
      RangeError,
    );
  });
});

describe('addPeriods without a timeZone ignores the process time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  const cases = [
    ['2026-01-31T00:00:00Z', '1m', 1],
    ['2026-01-31T23:30:00Z', '1m', 1],
    ['2026-02-28T02:30:00Z', '1m', 1],
    ['2026-10-31T01:30:00Z', '1m', 1],
    ['2024-02-29T12:00:00Z', '1y', 1],
    ['2026-03-29T01:30:00Z', '1y', -3],
    // Kiritimati skipped Dec 31, 1994 locally; UTC did not.
    ['1968-12-31T00:00:00Z', '1y', 26],
  ] as const;

  it('gives the same results in zones far apart, including across their DST changes', () => {
    const results = new Map<string, string[]>();
    const localOffsets: number[] = [];
    for (const zone of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York']) {
      process.env.TZ = zone;
      localOffsets.push(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset());
      results.set(
        zone,
        cases.map(([start, period, count]) => addPeriods(start, period, count)),
      );
    }
    // Each switch of process.env.TZ took effect: local Date methods saw UTC, +14, -11 and -5.
    expect(localOffsets).toEqual([0, -840, 660, 300]);
    const utc = results.get('UTC');
    expect(utc).toEqual([
      '2026-02-28T00:00:00Z',
      '2026-02-28T23:30:00Z',
      '2026-03-28T02:30:00Z',
      '2026-11-30T01:30:00Z',
      '2025-02-28T12:00:00Z',
      '2023-03-29T01:30:00Z',
      '1994-12-31T00:00:00Z',
    ]);
    for (const list of results.values()) expect(list).toEqual(utc);
  });
});
