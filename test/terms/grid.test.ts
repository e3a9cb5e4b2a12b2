/**
 * The boundary grid (src/terms/grid.ts): the exact edges of the years 0000 and 9999, and how far
 * from its anchor a boundary may be before it is NaN.
 */
import { describe, expect, it } from 'vitest';
import { addPeriods } from '../../src/terms';
import { boundary, indexAt, inRange, makeGrid, output } from '../../src/terms/grid';

const FIRST_MS = new Date('0000-01-01T00:00:00.000Z').getTime();
const LAST_MS = new Date('9999-12-31T23:59:59.999Z').getTime();
const PROBLEM = 'leads to a date outside the years 0000–9999';

describe('the years 0000 to 9999, edges included', () => {
  it('keeps the first and the last millisecond', () => {
    expect(inRange(FIRST_MS, 'f', 'x', 1)).toBe(FIRST_MS);
    expect(inRange(LAST_MS, 'f', 'x', 1)).toBe(LAST_MS);
    expect(output(FIRST_MS, 'f', 'x', 1)).toBe('0000-01-01T00:00:00Z');
    expect(output(LAST_MS, 'f', 'x', 1)).toBe('9999-12-31T23:59:59.999Z');
  });

  it('refuses a millisecond beyond either edge, and NaN, naming the function and argument', () => {
    expect(() => inRange(FIRST_MS - 1, 'addPeriods', 'count', -1)).toThrow(
      new RangeError(`addPeriods: count -1 ${PROBLEM}`),
    );
    expect(() => inRange(LAST_MS + 1, 'commitmentEnd', 'start', '9999-12-31T00:00:00Z')).toThrow(
      new RangeError(`commitmentEnd: start "9999-12-31T00:00:00Z" ${PROBLEM}`),
    );
    expect(() => output(Number.NaN, 'f', 'x', 2)).toThrow(`f: x 2 ${PROBLEM}`);
  });

  it('addPeriods reaches the last millisecond of 9999 and the first of 0000, not beyond', () => {
    expect(addPeriods('9999-11-30T23:59:59.999Z', '1m', 1)).toBe('9999-12-30T23:59:59.999Z');
    expect(addPeriods('9999-12-31T23:59:59.999Z', '1m', 0)).toBe('9999-12-31T23:59:59.999Z');
    expect(addPeriods('0000-02-01T00:00:00Z', '1m', -1)).toBe('0000-01-01T00:00:00Z');
    expect(() => addPeriods('0000-02-01T00:00:00Z', '1m', -2)).toThrow(
      `addPeriods: count -2 ${PROBLEM}`,
    );
    expect(() => addPeriods('9999-12-01T00:00:00Z', '1m', 1)).toThrow(
      `addPeriods: count 1 ${PROBLEM}`,
    );
  });
});

describe('boundaries far from the anchor', () => {
  it('a boundary 1,200,000 months away is a date; one more month is NaN', () => {
    const grid = makeGrid(FIRST_MS, 1, null);
    expect(Number.isFinite(boundary(grid, 1_200_000))).toBe(true);
    expect(boundary(grid, 1_200_001)).toBeNaN();
    expect(Number.isFinite(boundary(grid, -1_200_000))).toBe(true);
    expect(boundary(grid, -1_200_001)).toBeNaN();
    // The limit counts months, not periods.
    expect(boundary(makeGrid(FIRST_MS, 12, null), 100_001)).toBeNaN();
  });

  it('boundary 0 is the anchor itself, in a zone too', () => {
    const start = Date.UTC(2026, 2, 29, 1, 30);
    expect(boundary(makeGrid(start, 1, 'Europe/London'), 0)).toBe(start);
    expect(boundary(makeGrid(start, 1, null), 0)).toBe(start);
  });

  it('indexAt finds the period that holds an instant, its start included', () => {
    const start = Date.UTC(2026, 0, 31);
    const grid = makeGrid(start, 1, null);
    expect(indexAt(grid, start)).toBe(0);
    expect(indexAt(grid, Date.UTC(2026, 1, 28) - 1)).toBe(0);
    expect(indexAt(grid, Date.UTC(2026, 1, 28))).toBe(1);
    expect(indexAt(grid, start - 1)).toBe(-1);
  });
});
