import { describe, expect, it } from 'vitest';
import { elapsedFraction } from '../../src/terms';

describe('elapsedFraction', () => {
  it.each([
    // start, period, at, fraction
    ['2026-01-01T00:00:00Z', '1m', '2026-01-01T00:00:00Z', 0],
    ['2026-01-01T00:00:00Z', '1m', '2026-02-15T00:00:00Z', 14 / 28],
    ['2024-01-01T00:00:00Z', '1m', '2024-02-15T00:00:00Z', 14 / 29],
    ['2026-01-31T00:00:00Z', '1m', '2026-03-01T00:00:00Z', 1 / 31], // Feb 28 → Mar 31
    ['2026-01-01T00:00:00Z', '1y', '2026-07-02T12:00:00Z', 182.5 / 365],
    ['2024-01-01T00:00:00Z', '1y', '2024-07-02T00:00:00Z', 183 / 366],
    ['2026-01-01T00:00:00Z', '1m', '2025-12-16T12:00:00Z', 15.5 / 31], // before start
  ] as const)('%s %s at %s is %d', (start, period, at, fraction) => {
    expect(elapsedFraction(start, period, at)).toBeCloseTo(fraction, 12);
  });

  it('stays below 1 at the last millisecond of a period', () => {
    const f = elapsedFraction('2026-01-01T00:00:00Z', 'years_6', '2031-12-31T23:59:59.999Z');
    expect(f).toBeLessThan(1);
    expect(f).toBeGreaterThan(0.999_999_999);
  });

  it('uses the real length of a month with a DST change (New York, March 2026: 743 hours)', () => {
    const options = { timeZone: 'America/New_York' };
    const start = '2026-01-01T00:00:00-05:00';
    // Mar 1 00:00 EST → Mar 16 12:00 EDT is 15.5 days minus the skipped hour.
    expect(elapsedFraction(start, '1m', '2026-03-16T12:00:00-04:00', options)).toBeCloseTo(
      (15.5 * 24 - 1) / (31 * 24 - 1),
      12,
    );
    // In UTC the periods run from 05:00Z on the 1st: 371 of a plain 744 hours.
    expect(elapsedFraction(start, '1m', '2026-03-16T12:00:00-04:00')).toBeCloseTo(371 / 744, 12);
  });
});
