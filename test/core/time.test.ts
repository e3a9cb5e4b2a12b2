import { describe, expect, it } from 'vitest';
import { compareInstants, daysInMonth, formatInstant, parseInstant } from '../../src/core/time';

describe('parseInstant', () => {
  it.each([
    ['2026-01-31T00:00:00Z', Date.UTC(2026, 0, 31)],
    ['2026-01-31T09:30Z', Date.UTC(2026, 0, 31, 9, 30)],
    ['2026-01-31T09:30:15.250Z', Date.UTC(2026, 0, 31, 9, 30, 15, 250)],
    ['2026-01-31T09:30:15.123456789Z', Date.UTC(2026, 0, 31, 9, 30, 15, 123)],
    ['2026-01-31T10:30:00+01:00', Date.UTC(2026, 0, 31, 9, 30)],
    ['2026-01-31T04:00:00-05:30', Date.UTC(2026, 0, 31, 9, 30)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['0099-06-01T00:00:00Z', Date.parse('0099-06-01T00:00:00.000Z')],
  ])('accepts %s', (text, epoch) => {
    expect(parseInstant(text)).toBe(epoch);
  });

  it.each([
    ['no zone', '2026-01-31T00:00:00'],
    ['date only', '2026-01-31'],
    ['space separator', '2026-01-31 00:00:00Z'],
    ['February 30', '2026-02-30T00:00:00Z'],
    ['February 29 of a common year', '2026-02-29T00:00:00Z'],
    ['February 29 of 1900', '1900-02-29T00:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['day 0', '2026-01-00T00:00:00Z'],
    ['hour 24', '2026-01-31T24:00:00Z'],
    ['leap second', '2026-01-31T23:59:60Z'],
    ['offset without colon', '2026-01-31T00:00:00+0100'],
    ['offset minutes 60', '2026-01-31T00:00:00+01:60'],
    ['lowercase z', '2026-01-31T00:00:00z'],
    ['trailing text', '2026-01-31T00:00:00Z '],
    ['empty', ''],
  ])('refuses %s', (_, text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it.each([[null], [undefined], [0], [Date.UTC(2026, 0, 1)], [{}], [new Date(0)]])(
    'refuses non-strings (%s)',
    (v) => {
      expect(parseInstant(v)).toBeNull();
    },
  );
});

describe('formatInstant', () => {
  it('drops zero milliseconds and keeps the others', () => {
    expect(formatInstant(Date.UTC(2026, 1, 28))).toBe('2026-02-28T00:00:00Z');
    expect(formatInstant(Date.UTC(2026, 1, 28, 0, 0, 0, 250))).toBe('2026-02-28T00:00:00.250Z');
  });

  it('round-trips with parseInstant', () => {
    for (const text of ['2026-02-28T00:00:00Z', '1999-12-31T23:59:59.999Z']) {
      expect(formatInstant(parseInstant(text) ?? Number.NaN)).toBe(text);
    }
  });
});

describe('compareInstants and daysInMonth', () => {
  it('compares by instant, not by text', () => {
    expect(compareInstants('2026-01-31T10:30:00+01:00', '2026-01-31T09:30:00Z')).toBe(0);
    expect(compareInstants('2026-01-31T09:00:00Z', '2026-01-31T09:30:00Z')).toBeLessThan(0);
  });

  it('knows the Gregorian leap years', () => {
    expect([2024, 2025, 2000, 1900].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 29, 28]);
    expect([1, 4, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 30, 31]);
  });
});
