import { describe, expect, it } from 'vitest';
import { addPeriods, periodContaining } from '../../src/terms';

/** Midnight UTC of a date, or the timestamp itself: keeps the table rows short. */
const utc = (text: string) => (text.length === 10 ? `${text}T00:00:00Z` : text);

describe('periodContaining', () => {
  it.each([
    // start, period, at, from, to, index
    ['2026-01-31', '1m', '2026-01-31', '2026-01-31', '2026-02-28', 0],
    ['2026-01-31', '1m', '2026-02-27T23:59:59.999Z', '2026-01-31', '2026-02-28', 0],
    ['2026-01-31', '1m', '2026-02-28', '2026-02-28', '2026-03-31', 1],
    ['2026-01-31', '1m', '2026-03-15T12:00:00Z', '2026-02-28', '2026-03-31', 1],
    ['2026-01-31', '1m', '2026-03-31', '2026-03-31', '2026-04-30', 2],
    ['2024-02-29', '1y', '2025-03-01', '2025-02-28', '2026-02-28', 1],
    ['2024-02-29', '1y', '2028-02-28T23:00:00Z', '2027-02-28', '2028-02-29', 3],
    ['2024-02-29', '3y', '2030-01-01', '2027-02-28', '2030-02-28', 1],
    // Before start: negative indexes, counted from the same anchor.
    ['2026-01-31', '1m', '2026-01-30T23:59:59Z', '2025-12-31', '2026-01-31', -1],
    ['2026-03-31', '1m', '2026-02-28', '2026-02-28', '2026-03-31', -1],
    ['2026-01-31', '1y', '2025-06-01', '2025-01-31', '2026-01-31', -1],
    // Far away: found arithmetically, not by walking.
    ['2026-01-31', '1m', '9999-12-15', '9999-11-30', '9999-12-31', 95_686],
    ['2026-01-31', '1m', '0001-01-01', '0000-12-31', '0001-01-31', -24_301],
  ] as const)('%s %s at %s is [%s, %s), index %i', (start, period, at, from, to, index) => {
    expect(periodContaining(utc(start), period, utc(at))).toEqual({
      from: utc(from),
      to: utc(to),
      index,
    });
    expect(addPeriods(utc(start), period, index)).toBe(utc(from));
    expect(addPeriods(utc(start), period, index + 1)).toBe(utc(to));
  });

  it('compares instants, not texts, for inputs with offsets', () => {
    // 2026-02-28T01:00+02:00 is 2026-02-27T23:00Z, still in period 0.
    expect(periodContaining('2026-01-31T00:00:00Z', '1m', '2026-02-28T01:00:00+02:00')).toEqual({
      from: '2026-01-31T00:00:00Z',
      to: '2026-02-28T00:00:00Z',
      index: 0,
    });
  });

  it('follows the wall clock of the anchor with a timeZone, across DST', () => {
    const options = { timeZone: 'Europe/Berlin' };
    // Anchor: midnight on the 1st in Berlin. March 29 springs forward, October 25 falls back.
    const start = '2026-01-01T00:00:00+01:00';
    expect(periodContaining(start, '1m', '2026-04-15T12:00:00+02:00', options)).toEqual({
      from: '2026-03-31T22:00:00Z',
      to: '2026-04-30T22:00:00Z',
      index: 3,
    });
    expect(periodContaining(start, '1m', '2026-10-31T23:30:00+01:00', options)).toEqual({
      from: '2026-09-30T22:00:00Z',
      to: '2026-10-31T23:00:00Z',
      index: 9,
    });
    // Without the zone the anchor is Dec 31 23:00 UTC, so 00:30 on May 1 in Berlin is still in
    // the UTC period that ends on Apr 30 23:00Z.
    const at = '2026-05-01T00:30:00+02:00';
    expect(periodContaining(start, '1m', at, options).index).toBe(4);
    expect(periodContaining(start, '1m', at)).toEqual({
      from: '2026-03-31T23:00:00Z',
      to: '2026-04-30T23:00:00Z',
      index: 3,
    });
  });

  it('puts the hour repeated after a fall-back at midnight in the new month (Goose Bay, 2009)', () => {
    // At 00:01 on 1 November 2009 Goose Bay went back to 23:01 on 31 October: 03:30Z reads as
    // October on the wall, yet comes after the November period began at 00:00 ADT (03:00Z).
    const options = { timeZone: 'America/Goose_Bay' };
    const start = '2009-10-01T00:00:00-03:00';
    expect(periodContaining(start, '1m', '2009-11-01T03:30:00Z', options)).toEqual({
      from: '2009-11-01T03:00:00Z',
      to: '2009-12-01T04:00:00Z',
      index: 1,
    });
    expect(periodContaining(start, '1m', '2009-11-01T02:59:59.999Z', options).index).toBe(0);
  });

  it('refuses a one-time period, which has no periods after its start', () => {
    expect(() =>
      periodContaining('2026-01-31T00:00:00Z', 'one-time', '2026-02-01T00:00:00Z'),
    ).toThrow('periodContaining: period "one-time" does not recur');
  });

  it('refuses a moment whose period ends after 9999', () => {
    expect(() => periodContaining('2026-01-31T00:00:00Z', '1y', '9999-06-01T00:00:00Z')).toThrow(
      'periodContaining: at "9999-06-01T00:00:00Z" leads to a date outside the years',
    );
  });
});
