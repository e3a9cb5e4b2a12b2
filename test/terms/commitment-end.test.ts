import { describe, expect, it } from 'vitest';
import { addPeriods, commitmentEnd, nextRenewal, type PeriodCode } from '../../src/terms';

describe('commitmentEnd', () => {
  it.each<[string, PeriodCode, string]>([
    ['2026-01-31T00:00:00Z', '1m', '2026-02-28T00:00:00Z'],
    ['2026-03-31T00:00:00Z', '1m', '2026-04-30T00:00:00Z'],
    ['2026-01-31T00:00:00Z', '1y', '2027-01-31T00:00:00Z'],
    ['2024-02-29T10:00:00Z', '1y', '2025-02-28T10:00:00Z'],
    ['2024-02-29T10:00:00Z', '3y', '2027-02-28T10:00:00Z'],
    ['2024-02-29T10:00:00Z', 'years_4', '2028-02-29T10:00:00Z'],
    ['2026-05-15T09:30:00+02:00', 'years_6', '2032-05-15T07:30:00Z'],
  ])('%s committed for %s ends at %s', (start, commitment, end) => {
    expect(commitmentEnd(start, commitment)).toBe(end);
    expect(addPeriods(start, commitment, 1)).toBe(end);
  });

  it('ends at the same local midnight with a timeZone', () => {
    // Midnight Jan 1 in Berlin (CET) to midnight Jan 1 a year later.
    expect(commitmentEnd('2026-01-01T00:00:00+01:00', '1y', { timeZone: 'Europe/Berlin' })).toBe(
      '2026-12-31T23:00:00Z',
    );
    // Midnight Jul 1 in Sydney (AEST) to midnight Oct 1 (AEST, DST starts Oct 4).
    expect(
      commitmentEnd(
        '2026-07-01T00:00:00+10:00',
        { unit: 'month', count: 3 },
        {
          timeZone: 'Australia/Sydney',
        },
      ),
    ).toBe('2026-09-30T14:00:00Z');
  });

  it('renews term after term from the start, never from the previous end', () => {
    const start = '2026-01-31T00:00:00Z';
    let end = commitmentEnd(start, '1m');
    const ends = [end];
    for (let i = 0; i < 3; i += 1) {
      end = nextRenewal(start, '1m', end);
      ends.push(end);
    }
    expect(ends).toEqual([
      '2026-02-28T00:00:00Z',
      '2026-03-31T00:00:00Z',
      '2026-04-30T00:00:00Z',
      '2026-05-31T00:00:00Z',
    ]);
    // The drifting way, a term added to the previous end, loses the 31st for good.
    expect(commitmentEnd(commitmentEnd(start, '1m'), '1m')).toBe('2026-03-28T00:00:00Z');
  });

  it('refuses a one-time commitment and an end after 9999', () => {
    expect(() => commitmentEnd('2026-01-31T00:00:00Z', 'one-time')).toThrow(
      'commitmentEnd: period "one-time" does not recur',
    );
    expect(() => commitmentEnd('9999-03-01T00:00:00Z', '1y')).toThrow(
      'commitmentEnd: start "9999-03-01T00:00:00Z" leads to a date outside the years 0000–9999',
    );
  });
});
