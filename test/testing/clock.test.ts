/** `testClock`: monotonic readings, durations, and refusals of time travel backwards. */
import { testClock, toMilliseconds } from 'subscription-machines/testing';
import { describe, expect, it } from 'vitest';

describe('testClock', () => {
  it('moves a step (default a minute) at each reading, and by any duration', () => {
    const clock = testClock('2026-01-31T23:59:00Z');
    expect(clock.now()).toBe('2026-01-31T23:59:00Z');
    expect(clock.next()).toBe('2026-02-01T00:00:00Z');
    expect(clock.advance('30d')).toBe('2026-03-03T00:00:00Z');
    expect(clock.advance(1500)).toBe('2026-03-03T00:00:01.500Z');
    expect(testClock('2026-01-01T00:00:00+02:00', '2h').next()).toBe('2026-01-01T00:00:00Z');
  });

  it('reads strictly later every time it moves, so its commands are never OUT_OF_ORDER', () => {
    const clock = testClock();
    const readings = Array.from({ length: 50 }, () => clock.next());
    expect([...readings].sort()).toEqual(readings);
    expect(new Set(readings).size).toBe(readings.length);
  });

  it('sets a later time, and refuses an earlier one or a time without a zone', () => {
    const clock = testClock('2026-06-01T00:00:00Z');
    expect(clock.set('2026-06-02T12:00:00+00:00')).toBe('2026-06-02T12:00:00Z');
    expect(() => clock.set('2026-06-01T00:00:00Z')).toThrow(RangeError);
    expect(() => testClock('2026-06-01T00:00:00')).toThrow(/with a zone/);
    expect(() => testClock(undefined, 0)).toThrow(/positive/);
  });

  it('reads durations in ms, s, m, h and d', () => {
    expect(['90s', '15m', '2h', '1d', '250ms'].map((d) => toMilliseconds(d as never))).toEqual([
      90_000, 900_000, 7_200_000, 86_400_000, 250,
    ]);
    expect(() => toMilliseconds('1w' as never)).toThrow(RangeError);
    expect(() => toMilliseconds(-1)).toThrow(RangeError);
  });
});
