/**
 * The runtime schema language (src/core/schema.ts) that checks every command, input and persisted
 * context: what each schema accepts and refuses, and the path-qualified message a refusal carries.
 */

import { describe, expect, it } from 'vitest';
import {
  anObject,
  array,
  boolean,
  describe as describeValue,
  instant,
  integer,
  isPlainObject,
  literal,
  nonEmptyString,
  nullable,
  object,
  optional,
  record,
  refine,
  string,
} from '../../src/core/schema';

class Point {
  constructor(readonly x = 1) {}
}

describe('describe, the words for a value in a message', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [[1, 2], 'an array'],
    ['abc', '"abc"'],
    ['x'.repeat(40), `"${'x'.repeat(40)}"`],
    ['y'.repeat(41), `"${'y'.repeat(40)}…"`],
    [{ a: 1 }, 'an object'],
    [42, 'number 42'],
    [true, 'boolean true'],
  ])('%j reads %s', (value, words) => {
    expect(describeValue(value)).toBe(words);
  });
});

describe('strings', () => {
  it('string accepts any string and names the path of anything else', () => {
    expect(string('', 'a.b')).toBeNull();
    expect(string(1, 'a.b')).toBe('a.b: expected a string, got number 1');
    expect(string(null, '')).toBe('value: expected a string, got null');
  });

  it('nonEmptyString refuses blank strings as empty ones', () => {
    for (const blank of ['', ' ', '   ', '\t\n'])
      expect(nonEmptyString(blank, 'reason')).toBe(
        `reason: expected a non-empty string, got ${JSON.stringify(blank)}`,
      );
    expect(nonEmptyString(' x ', 'reason')).toBeNull();
    expect(nonEmptyString(7, 'reason')).toBe('reason: expected a non-empty string, got number 7');
  });

  it('instant needs a zone designator', () => {
    expect(instant('2026-01-01T00:00:00Z', 'at')).toBeNull();
    expect(instant('2026-01-01T00:00:00', 'at')).toBe(
      'at: expected an ISO-8601 timestamp with a zone designator, got "2026-01-01T00:00:00"',
    );
  });

  it('boolean accepts only booleans', () => {
    expect(boolean(false, 'on')).toBeNull();
    expect(boolean('true', 'on')).toBe('on: expected a boolean, got "true"');
  });
});

describe('integers', () => {
  it('enforces both bounds, inclusive, and names the range', () => {
    const percent = integer(0, 100);
    expect(percent(0, 'p')).toBeNull();
    expect(percent(100, 'p')).toBeNull();
    expect(percent(101, 'p')).toBe('p: expected an integer from 0 to 100, got number 101');
    expect(percent(-1, 'p')).toBe('p: expected an integer from 0 to 100, got number -1');
  });

  it('refuses fractions and unsafe integers', () => {
    expect(integer()(1.5, 'n')).toBe(
      `n: expected an integer from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}, got number 1.5`,
    );
    expect(integer()(2 ** 53, 'n')).not.toBeNull();
    expect(integer()(Number.MAX_SAFE_INTEGER, 'n')).toBeNull();
    expect(integer()(Number.MIN_SAFE_INTEGER, 'n')).toBeNull();
    expect(integer()('1', 'n')).toBe(
      `n: expected an integer from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}, got "1"`,
    );
  });

  it('words the usual ranges', () => {
    expect(integer(0)(-1, 'n')).toBe('n: expected a non-negative integer, got number -1');
    expect(integer(1)(0, 'n')).toBe('n: expected a positive integer, got number 0');
    expect(integer(1, 10)(0, 'n')).toBe('n: expected an integer from 1 to 10, got number 0');
    expect(integer(0, 10)(11, 'n')).toBe('n: expected an integer from 0 to 10, got number 11');
  });
});

describe('literals and nullable', () => {
  it('literal lists the values it accepts', () => {
    expect(literal('a')('b', 'k')).toBe('k: expected "a", got "b"');
    expect(literal<'a' | 1 | null>('a', 1, null)(2, 'k')).toBe(
      'k: expected one of "a", 1, null, got number 2',
    );
    expect(literal<'a' | 1 | null>('a', 1, null)(null, 'k')).toBeNull();
  });

  it('nullable lets null through and checks anything else', () => {
    const s = nullable(string);
    expect(s(null, 'k')).toBeNull();
    expect(s(3, 'k')).toBe('k: expected a string, got number 3');
  });
});

describe('arrays', () => {
  const strings = array(string, { maxLength: 2 });

  it('refuses anything but an array', () => {
    expect(strings({ 0: 'a', length: 1 }, 'list')).toBe('list: expected an array, got an object');
    expect(strings('ab', 'list')).toBe('list: expected an array, got "ab"');
    expect(array(string)(undefined, '')).toBe('value: expected an array, got undefined');
  });

  it('enforces its maximum length', () => {
    expect(strings(['a', 'b'], 'list')).toBeNull();
    expect(strings(['a', 'b', 'c'], 'list')).toBe('list: expected at most 2 elements, got 3');
    expect(array(string)(Array(500).fill('a'), 'list')).toBeNull();
  });

  it('names the first bad element by its index', () => {
    expect(strings(['a', 2], 'list')).toBe('list[1]: expected a string, got number 2');
    expect(array(string)([1, 'a', 2], 'list')).toBe('list[0]: expected a string, got number 1');
    expect(array(string)([], 'list')).toBeNull();
  });
});

describe('records', () => {
  const counts = record(integer(0));

  it('refuses anything but a plain object', () => {
    expect(counts(['a'], 'counts')).toBe('counts: expected an object, got an array');
    expect(counts(null, 'counts')).toBe('counts: expected an object, got null');
    expect(counts(new Date(0), 'counts')).toBe('counts: expected an object, got an object');
    expect(counts(5, '')).toBe('value: expected an object, got number 5');
  });

  it('refuses a bad value, naming its key', () => {
    expect(counts({ a: 1, b: -1 }, 'counts')).toBe(
      'counts.b: expected a non-negative integer, got number -1',
    );
    expect(counts({ a: 'x' }, '')).toBe('a: expected a non-negative integer, got "x"');
    expect(counts({ a: 1, b: 0 }, 'counts')).toBeNull();
  });

  it('refuses keys named after Object.prototype members', () => {
    const tricky = JSON.parse('{"__proto__": 1}');
    expect(counts(tricky, 'counts')).toBe('counts.__proto__: is not allowed');
    expect(counts(tricky, '')).toBe('__proto__: is not allowed');
  });
});

describe('objects', () => {
  const item = object({ id: nonEmptyString, quantity: optional(integer(0)) });

  it('needs every required field, checks optional ones, and refuses unknown ones', () => {
    expect(item({ id: 'A' }, 'items[0]')).toBeNull();
    expect(item({ id: 'A', quantity: undefined }, 'items[0]')).toBeNull();
    expect(item({ id: 'A', quantity: 2 }, 'items[0]')).toBeNull();
    expect(item({}, 'items[0]')).toBe('items[0].id: is required');
    expect(item({ id: 'A', quantity: -2 }, 'items[0]')).toBe(
      'items[0].quantity: expected a non-negative integer, got number -2',
    );
    expect(item({ id: 'A', qty: 2 }, 'items[0]')).toBe('items[0].qty: is not a known field');
    expect(item({ id: ' ' }, '')).toBe('id: expected a non-empty string, got " "');
  });

  it('refuses a Date, a class instance and an array', () => {
    expect(item(new Date(0), 'x')).toBe('x: expected an object, got an object');
    expect(item(new Point(), 'x')).toBe('x: expected an object, got an object');
    expect(item([], 'x')).toBe('x: expected an object, got an array');
  });

  it('exposes its shape', () => {
    expect(Object.keys(item.shape)).toEqual(['id', 'quantity']);
  });
});

describe('isPlainObject and anObject', () => {
  it('accept objects with the Object prototype or none', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(anObject({ a: 1 }, 'o')).toBeNull();
  });

  it('refuse a Date, a class instance, an array, null and primitives', () => {
    for (const value of [new Date(0), new Point(), [], null, 'x', 1, undefined, new Map()])
      expect(isPlainObject(value)).toBe(false);
    expect(anObject(new Point(), 'o')).toBe('o: expected an object, got an object');
    expect(anObject([], 'o')).toBe('o: expected an object, got an array');
  });
});

describe('refine', () => {
  const even = refine(integer(), (v, path) => (v % 2 === 0 ? null : `${path}: expected even`));

  it('checks the inner schema first, then the condition at the same path', () => {
    expect(even('2', 'n')).toBe(
      `n: expected an integer from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}, got "2"`,
    );
    expect(even(3, 'n')).toBe('n: expected even');
    expect(even(3, '')).toBe('value: expected even');
    expect(even(4, 'n')).toBeNull();
  });
});
