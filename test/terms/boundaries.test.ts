import { describe, expect, it } from 'vitest';
import { addPeriods, boundaries, MAX_BOUNDARIES } from '../../src/terms';

describe('boundaries', () => {
  const start = '2026-01-31T00:00:00Z';

  it('lists the boundaries b with from ≤ b < to', () => {
    expect(boundaries(start, '1m', '2026-01-31T00:00:00Z', '2026-05-31T00:00:00Z')).toEqual([
      '2026-01-31T00:00:00Z',
      '2026-02-28T00:00:00Z',
      '2026-03-31T00:00:00Z',
      '2026-04-30T00:00:00Z',
    ]);
    expect(boundaries(start, '1m', '2026-01-31T00:00:00.001Z', '2026-05-31T00:00:00.001Z')).toEqual(
      [
        '2026-02-28T00:00:00Z',
        '2026-03-31T00:00:00Z',
        '2026-04-30T00:00:00Z',
        '2026-05-31T00:00:00Z',
      ],
    );
  });

  it('splits a range without listing a boundary twice', () => {
    const whole = boundaries(start, '1m', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
    const first = boundaries(start, '1m', '2026-01-01T00:00:00Z', '2026-03-31T00:00:00Z');
    const second = boundaries(start, '1m', '2026-03-31T00:00:00Z', '2027-01-01T00:00:00Z');
    expect([...first, ...second]).toEqual(whole);
    expect(whole).toHaveLength(12);
  });

  it('includes boundaries before start, counted from the same anchor', () => {
    expect(boundaries(start, '1m', '2025-11-01T00:00:00Z', '2026-02-01T00:00:00Z')).toEqual([
      '2025-11-30T00:00:00Z',
      '2025-12-31T00:00:00Z',
      '2026-01-31T00:00:00Z',
    ]);
  });

  it('lists Feb 29 anchors over years', () => {
    expect(
      boundaries('2024-02-29T00:00:00Z', '1y', '2024-01-01T00:00:00Z', '2029-01-01T00:00:00Z'),
    ).toEqual([
      '2024-02-29T00:00:00Z',
      '2025-02-28T00:00:00Z',
      '2026-02-28T00:00:00Z',
      '2027-02-28T00:00:00Z',
      '2028-02-29T00:00:00Z',
    ]);
  });

  it('keeps the wall clock with a timeZone (Sydney midnights across April and October)', () => {
    const list = boundaries(
      '2026-01-01T00:00:00+11:00',
      { unit: 'month', count: 3 },
      '2026-01-01T00:00:00+11:00',
      '2027-01-01T00:00:00+11:00',
      { timeZone: 'Australia/Sydney' },
    );
    expect(list).toEqual([
      '2025-12-31T13:00:00Z',
      '2026-03-31T13:00:00Z',
      '2026-06-30T14:00:00Z',
      '2026-09-30T14:00:00Z',
    ]);
  });

  it('gives [] for an empty range or a range between two boundaries', () => {
    expect(boundaries(start, '1m', '2026-02-28T00:00:00Z', '2026-02-28T00:00:00Z')).toEqual([]);
    expect(boundaries(start, '1y', '2026-02-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([]);
  });

  it(`returns up to ${MAX_BOUNDARIES} boundaries and refuses more`, () => {
    const to = addPeriods(start, '1m', MAX_BOUNDARIES);
    const list = boundaries(start, '1m', start, to);
    expect(list).toHaveLength(MAX_BOUNDARIES);
    expect(list.at(-1)).toBe(addPeriods(start, '1m', MAX_BOUNDARIES - 1));
    const beyond = addPeriods(start, '1m', MAX_BOUNDARIES + 1);
    expect(() => boundaries(start, '1m', start, beyond)).toThrow(
      `boundaries: to "${beyond}" spans more than 10000 boundaries from "${start}"`,
    );
  });

  it('lists a short range far from start: the limit counts the boundaries listed', () => {
    // 10 800 months after the anchor, three boundaries.
    expect(
      boundaries('1000-01-01T00:00:00Z', '1m', '1900-01-01T00:00:00Z', '1900-04-01T00:00:00Z'),
    ).toEqual(['1900-01-01T00:00:00Z', '1900-02-01T00:00:00Z', '1900-03-01T00:00:00Z']);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => boundaries(start, '1m', '2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z')).toThrow(
      'boundaries: to "2026-02-01T00:00:00Z" is before from "2026-03-01T00:00:00Z"',
    );
  });
});
