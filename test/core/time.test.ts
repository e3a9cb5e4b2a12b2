import { describe, expect, it } from 'vitest';
import {
  compareInstants,
  dayAfter,
  daysInMonth,
  formatInstant,
  isInstant,
  parseInstant,
} from '../../src/core/time';

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
    ['the last second of a day', '2026-12-31T23:59:59Z', Date.UTC(2026, 11, 31, 23, 59, 59)],
    ['the largest offset, +23:59', '2026-01-31T23:59:00+23:59', Date.UTC(2026, 0, 31, 0, 0)],
    [
      'a negative offset of minutes only',
      '2026-01-31T09:00:00-00:30',
      Date.UTC(2026, 0, 31, 9, 30),
    ],
    ['the first day of year 0000', '0000-01-01T00:00:00Z', Date.parse('0000-01-01T00:00:00.000Z')],
    ['the last day of year 9999', '9999-12-31T00:00:00Z', Date.parse('9999-12-31T00:00:00.000Z')],
    ['April 30', '2026-04-30T00:00:00Z', Date.UTC(2026, 3, 30)],
    ['December 31', '2026-12-31T00:00:00Z', Date.UTC(2026, 11, 31)],
  ])('accepts the edge: %s', (_, text, epoch) => {
    expect(parseInstant(text)).toBe(epoch);
    expect(isInstant(text)).toBe(true);
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
    ['offset hours 24', '2026-01-31T00:00:00+24:00'],
    ['month 0', '2026-00-10T00:00:00Z'],
    ['April 31', '2026-04-31T00:00:00Z'],
    ['January 32', '2026-01-32T00:00:00Z'],
    ['minute 60', '2026-01-31T10:60:00Z'],
    ['a fraction of ten digits', '2026-01-31T10:00:00.1234567890Z'],
    ['lowercase z', '2026-01-31T00:00:00z'],
    ['trailing text', '2026-01-31T00:00:00Z '],
    ['leading text', 'on 2026-01-31T00:00:00Z'],
    ['a five-digit year', '12026-01-31T00:00:00Z'],
    ['empty', ''],
  ])('refuses %s', (_, text) => {
    expect(parseInstant(text)).toBeNull();
    expect(isInstant(text)).toBe(false);
  });

  it('answers the same for a text it has seen before', () => {
    const text = '2026-05-05T05:05:05Z';
    expect(parseInstant(text)).toBe(parseInstant(text));
    expect(parseInstant('2026-02-30T00:00:00Z')).toBeNull();
    expect(parseInstant('2026-02-30T00:00:00Z')).toBeNull();
  });

  it('still answers rightly after more distinct texts than it remembers', () => {
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 5000; i++) {
      const text = formatInstant(base + i * 1000);
      expect(parseInstant(text)).toBe(base + i * 1000);
    }
    expect(parseInstant(formatInstant(base))).toBe(base);
  });

  it.each([
    [null],
    [undefined],
    [0],
    [Date.UTC(2026, 0, 1)],
    [{}],
    [new Date(0)],
    [{ toString: () => '2026-01-31T00:00:00Z' }],
    [new String('2026-01-31T00:00:00Z')],
    [['2026-01-31T00:00:00Z']],
  ])('refuses non-strings (%s)', (v) => {
    expect(parseInstant(v)).toBeNull();
  });
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

  it('is NaN when either side is not a timestamp', () => {
    expect(compareInstants('soon', '2026-01-31T09:30:00Z')).toBeNaN();
    expect(compareInstants('2026-01-31T09:30:00Z', 'soon')).toBeNaN();
  });

  it('gives the instant a day later, canonical', () => {
    expect(dayAfter('2026-02-28T10:30:00+01:00')).toBe('2026-03-01T09:30:00Z');
    expect(dayAfter('2026-12-31T23:59:59.500Z')).toBe('2027-01-01T23:59:59.500Z');
  });

  it('knows the Gregorian leap years', () => {
    expect([2024, 2025, 2000, 1900].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 29, 28]);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });
});
