import { describe, expect, it } from 'vitest';
import { nextRenewal } from '../../src/terms';

describe('nextRenewal', () => {
  it.each([
    // start, period, after, next
    ['2026-01-31T00:00:00Z', '1m', '2026-01-31T00:00:00Z', '2026-02-28T00:00:00Z'],
    ['2026-01-31T00:00:00Z', '1m', '2026-02-27T23:59:59.999Z', '2026-02-28T00:00:00Z'],
    ['2026-01-31T00:00:00Z', '1m', '2026-02-28T00:00:00Z', '2026-03-31T00:00:00Z'],
    ['2026-01-31T00:00:00Z', '1m', '2026-03-30T00:00:00Z', '2026-03-31T00:00:00Z'],
    ['2024-02-29T00:00:00Z', '1y', '2027-02-28T00:00:00Z', '2028-02-29T00:00:00Z'],
    ['2024-02-29T00:00:00Z', '3y', '2024-02-29T00:00:00Z', '2027-02-28T00:00:00Z'],
    ['2026-01-31T00:00:00Z', 'years_2', '2031-06-01T00:00:00Z', '2032-01-31T00:00:00Z'],
    // start is not a renewal: before the first renewal the answer is always boundary 1.
    ['2026-01-31T00:00:00Z', '1y', '2026-01-30T00:00:00Z', '2027-01-31T00:00:00Z'],
    ['2026-01-31T00:00:00Z', '1y', '2020-01-01T00:00:00Z', '2027-01-31T00:00:00Z'],
  ] as const)('%s %s: after %s comes %s', (start, period, after, next) => {
    expect(nextRenewal(start, period, after)).toBe(next);
  });

  it('is strictly after, even within the same millisecond', () => {
    const next = nextRenewal('2026-01-31T00:00:00Z', '1m', '2026-02-28T00:00:00.001Z');
    expect(next).toBe('2026-03-31T00:00:00Z');
  });

  it('keeps the local renewal time with a timeZone', () => {
    const options = { timeZone: 'America/New_York' };
    // 00:00 New York on the 31st; the renewal after Feb 28 is Mar 31 at 00:00 EDT.
    expect(nextRenewal('2026-01-31T00:00:00-05:00', '1m', '2026-03-01T00:00:00Z', options)).toBe(
      '2026-03-31T04:00:00Z',
    );
  });

  it('refuses a one-time period', () => {
    expect(() =>
      nextRenewal('2026-01-31T00:00:00Z', { unit: 'one-time' }, '2026-01-31T00:00:00Z'),
    ).toThrow('nextRenewal: period {"unit":"one-time"} does not recur');
  });
});
