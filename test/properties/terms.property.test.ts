/**
 * Properties of the terms functions over random anchors, periods, counts, moments and zones.
 *
 * "Counted from the same anchor" means: boundary n of an anchor s is addPeriods(s, p, n), and
 * moving along that one grid of boundaries is the only way to step. So stepping a periods and then
 * b more lands where addPeriods(s, p, a + b) does. It does NOT mean feeding a result back in as a
 * new anchor, addPeriods(addPeriods(s, p, a), p, b): that re-anchors on a clamped day and drifts
 * (Jan 31 → Feb 28 → Mar 28), as the counterexample below shows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, formatInstant, parseInstant } from '../../src/core/time';
import {
  addPeriods,
  boundaries,
  elapsedFraction,
  nextRenewal,
  type Period,
  type PeriodCode,
  periodContaining,
  type TermsOptions,
} from '../../src/terms';
import { runs } from '../support/runs';

const ms = (text: string) => parseInstant(text) ?? Number.NaN;

/** Instants from 1950 to 2100, as canonical UTC or with a random offset. */
const instant = fc
  .tuple(
    fc.oneof(
      // Anywhere, to the millisecond.
      fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }),
      // Month ends (28th–31st) on the hour or half hour, where clamping and DST bite.
      fc
        .record({
          year: fc.integer({ min: 1950, max: 2099 }),
          month: fc.integer({ min: 1, max: 12 }),
          fromEnd: fc.integer({ min: 0, max: 3 }),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.constantFrom(0, 30),
        })
        .map(({ year, month, fromEnd, hour, minute }) =>
          Date.UTC(year, month - 1, daysInMonth(year, month) - fromEnd, hour, minute),
        ),
    ),
    fc.constantFrom(0, 330, -180, 840),
  )
  .map(([epoch, minutes]) => {
    if (minutes === 0) return formatInstant(epoch);
    // The same instant written in another offset: local time, milliseconds, then the offset.
    const local = new Date(epoch + minutes * 60_000).toISOString().slice(0, 23);
    const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
    const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
    return `${local}${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
  });

const recurring: fc.Arbitrary<Period | PeriodCode> = fc.oneof(
  fc.constantFrom<PeriodCode>('1m', '1y', '3y', 'monthly', 'yearly', 'years_2', 'years_6'),
  fc.record({
    unit: fc.constantFrom('month' as const, 'year' as const),
    count: fc.integer({ min: 1, max: 12 }),
  }),
);

const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Australia/Lord_Howe'];
const options: fc.Arbitrary<TermsOptions | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...zones).map((timeZone) => ({ timeZone })),
);

const count = fc.integer({ min: -60, max: 60 });

/** One step along the grid of `start`: the next boundary after `x`, or the one before it. */
function step(start: string, p: Period | PeriodCode, x: string, dir: 1 | -1, o?: TermsOptions) {
  if (dir === 1) return periodContaining(start, p, x, o).to;
  return periodContaining(start, p, formatInstant(ms(x) - 1), o).from;
}

describe('additivity, counted from the same anchor', () => {
  it('stepping a periods and then b more along the anchor grid is addPeriods(s, p, a + b)', () => {
    fc.assert(
      fc.property(
        instant,
        recurring,
        count,
        fc.integer({ min: -12, max: 12 }),
        options,
        (s, p, a, b, o) => {
          let x = addPeriods(s, p, a, o);
          for (let i = 0; i < Math.abs(b); i += 1) x = step(s, p, x, b > 0 ? 1 : -1, o);
          expect(x).toBe(addPeriods(s, p, a + b, o));
          expect(periodContaining(s, p, x, o).index).toBe(a + b);
        },
      ),
      { numRuns: runs(3000) },
    );
  });

  it('a period of k months counted n times is one month counted k × n times', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 12 }), count, options, (s, k, n, o) => {
        const lhs = addPeriods(s, { unit: 'month', count: k }, n, o);
        expect(lhs).toBe(addPeriods(s, '1m', k * n, o));
        if (k === 12) expect(lhs).toBe(addPeriods(s, '1y', n, o));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('counterexample: re-anchoring on a result is not additive (it drifts)', () => {
    const s = '2026-01-31T00:00:00Z';
    const reanchored = addPeriods(addPeriods(s, '1m', 1), '1m', 1);
    expect(reanchored).toBe('2026-03-28T00:00:00Z');
    expect(addPeriods(s, '1m', 2)).toBe('2026-03-31T00:00:00Z');
  });

  it('re-anchoring agrees only when no day was clamped (UTC, day ≤ 28)', () => {
    fc.assert(
      fc.property(instant, recurring, count, count, (s, p, a, b) => {
        fc.pre(new Date(ms(s)).getUTCDate() <= 28);
        expect(addPeriods(addPeriods(s, p, a), p, b)).toBe(addPeriods(s, p, a + b));
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe('periodContaining', () => {
  it('from ≤ at < to, and from, to are boundaries index and index + 1', () => {
    fc.assert(
      fc.property(instant, recurring, instant, options, (s, p, at, o) => {
        const { from, to, index } = periodContaining(s, p, at, o);
        expect(ms(from)).toBeLessThanOrEqual(ms(at));
        expect(ms(at)).toBeLessThan(ms(to));
        expect(from).toBe(addPeriods(s, p, index, o));
        expect(to).toBe(addPeriods(s, p, index + 1, o));
      }),
      { numRuns: runs(4000) },
    );
  });

  it('finds the period of each boundary, and of the millisecond before it', () => {
    fc.assert(
      fc.property(instant, recurring, count, options, (s, p, n, o) => {
        const b = addPeriods(s, p, n, o);
        expect(periodContaining(s, p, b, o)).toMatchObject({ from: b, index: n });
        const before = formatInstant(ms(b) - 1);
        expect(periodContaining(s, p, before, o)).toMatchObject({ to: b, index: n - 1 });
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe('the other functions agree with periodContaining', () => {
  it('nextRenewal is the next boundary, at least the first, strictly after', () => {
    fc.assert(
      fc.property(instant, recurring, instant, options, (s, p, after, o) => {
        const next = nextRenewal(s, p, after, o);
        const { index } = periodContaining(s, p, after, o);
        expect(ms(next)).toBeGreaterThan(ms(after));
        expect(next).toBe(addPeriods(s, p, Math.max(index + 1, 1), o));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('elapsedFraction is in [0, 1) and measures the containing period in milliseconds', () => {
    fc.assert(
      fc.property(instant, recurring, instant, options, (s, p, at, o) => {
        const f = elapsedFraction(s, p, at, o);
        const { from, to } = periodContaining(s, p, at, o);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThan(1);
        expect(f).toBe((ms(at) - ms(from)) / (ms(to) - ms(from)));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('boundaries lists exactly the boundaries in [from, to)', () => {
    fc.assert(
      fc.property(instant, recurring, instant, instant, options, (s, p, x, y, o) => {
        const [from, to] = ms(x) <= ms(y) ? [x, y] : [y, x];
        const list = boundaries(s, p, from, to, o);
        const first = periodContaining(s, p, from, o);
        const start = first.from === formatInstant(ms(from)) ? first.index : first.index + 1;
        const expected: string[] = [];
        for (let n = start; ms(addPeriods(s, p, n, o)) < ms(to); n += 1) {
          expected.push(addPeriods(s, p, n, o));
        }
        expect(list).toEqual(expected);
      }),
      { numRuns: runs(500) },
    );
  });
});
