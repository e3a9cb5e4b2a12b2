import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { addPeriods } from '../../src/terms';
import { offsetAt } from '../../src/terms/offset';

const at = (iso: string) => Date.parse(iso);
const hms = (sign: 1 | -1, h: number, m: number, s = 0) => sign * ((h * 60 + m) * 60 + s) * 1000;

describe('offsetAt', () => {
  it.each([
    // zone, instant, offset: local mean time keeps its seconds, on both sides of Greenwich.
    ['Europe/Dublin', '1911-05-31T12:55:21Z', hms(-1, 0, 25, 21)],
    ['Africa/Casablanca', '1900-01-01T00:00:00Z', hms(-1, 0, 30, 20)],
    ['Africa/Monrovia', '1970-01-01T00:00:00Z', hms(-1, 0, 44, 30)],
    ['Europe/London', '1800-01-01T00:00:00Z', hms(-1, 0, 1, 15)],
    ['America/New_York', '1882-01-30T23:56:02Z', hms(-1, 4, 56, 2)],
    // Dublin Summer Time of 1916 was east of Greenwich by less than an hour: it stays positive.
    ['Europe/Dublin', '1916-06-01T00:00:00Z', hms(1, 0, 34, 39)],
    ['Asia/Kolkata', '2026-01-01T00:00:00Z', hms(1, 5, 30)],
    ['America/St_Johns', '2026-01-01T00:00:00Z', hms(-1, 3, 30)],
    ['Pacific/Chatham', '2026-01-01T00:00:00Z', hms(1, 13, 45)],
    ['UTC', '2026-01-01T00:00:00Z', 0],
  ] as const)('%s at %s is %i ms', (zone, iso, expected) => {
    expect(offsetAt(zone, at(iso))).toBe(expected);
  });

  it('corrects tzOffset, which reads -00:25:21 as +25.35 minutes', () => {
    // When this fails, @date-fns/tz reads the sign right (date-fns/date-fns#4279): the check in
    // offsetAt is then dead code, harmless, and can go.
    expect(tzOffset('Europe/Dublin', new Date(at('1911-05-31T12:55:21Z')))).toBe(25.35);
    expect(offsetAt('Europe/Dublin', at('1911-05-31T12:55:21Z'))).toBe(-25.35 * 60_000);
  });
});

describe('addPeriods across local mean time west of Greenwich by less than an hour', () => {
  const dublin = { timeZone: 'Europe/Dublin' };
  const casablanca = { timeZone: 'Africa/Casablanca' };

  it('keeps the wall clock of a Dublin anchor from 1911 (12:30 DMT) into 1943 (12:30 IST)', () => {
    // Before the fix this was 1943-05-31T12:20:42Z: tzOffset's +00:25:21 moved it 50:42 late.
    const start = '1911-05-31T12:55:21Z';
    expect(addPeriods(start, 'years_2', 16, dublin)).toBe('1943-05-31T11:30:00Z');
    expect(addPeriods('1943-05-31T11:30:00Z', 'years_2', -16, dublin)).toBe(start);
    expect(addPeriods(start, '1m', 1, dublin)).toBe('1911-06-30T12:55:21Z');
  });

  it('keeps the wall clock of a Casablanca anchor across the switch from LMT to GMT in 1913', () => {
    // 09:00Z in January 1913 is 08:29:40 local mean time (-00:30:20); a year later it is GMT.
    expect(addPeriods('1913-01-15T09:00:00Z', '1m', 12, casablanca)).toBe('1914-01-15T08:29:40Z');
    // Local midnight, 1900 → 1940, and back from 2026 (+01:00) to 1906.
    expect(addPeriods('1900-01-31T00:30:20Z', '1y', 40, casablanca)).toBe('1940-01-31T00:00:00Z');
    expect(addPeriods('2026-01-31T00:00:00+01:00', '1y', -120, casablanca)).toBe(
      '1906-01-31T00:30:20Z',
    );
  });

  it('also holds where such an offset lasted into the 1970s (Monrovia, -00:44:30 until 1972)', () => {
    const monrovia = { timeZone: 'Africa/Monrovia' };
    expect(addPeriods('1970-01-15T12:00:00Z', '1m', 24, monrovia)).toBe('1972-01-15T11:15:30Z');
  });

  it('keeps New York local mean time to the second in 1882', () => {
    // 1950-01-31 is Jan 30 19:00 EST; 68 years earlier 19:00 was at offset -04:56:02.
    const start = '1950-01-31T00:00:00Z';
    const result = addPeriods(start, 'years_2', -34, { timeZone: 'America/New_York' });
    expect(result).toBe('1882-01-30T23:56:02Z');
  });
});
