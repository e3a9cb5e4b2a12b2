/**
 * `plainCopy`, the copier every command, input and snapshot object goes through before anything
 * reads it: what it keeps, what it refuses, and the path and wording of each refusal, which reach
 * users as `INVALID_COMMAND`'s `details.field` and message and as `SnapshotError` messages.
 */
import { describe, expect, it } from 'vitest';
import { isForbiddenKey, plainCopy } from '../../src/core/plain';

/** `n` objects nested in one another under `key`, around `1`. */
const nested = (n: number, wrap: (inner: unknown) => unknown) => {
  let value: unknown = 1;
  for (let i = 0; i < n; i++) value = wrap(value);
  return value;
};

const refusal = (value: unknown, path?: string) => {
  const result = plainCopy(value, path);
  if (result.ok) throw new Error('copied');
  return { message: result.message, field: result.field };
};

describe('plainCopy keeps JSON data', () => {
  it('copies deeply: the copy shares nothing with the value', () => {
    const by = { role: 'buyer', id: 'U-1' };
    const items = [{ id: 'SKU-1', quantity: 3 }];
    const value = { type: 'request.create', at: '2026-01-01T00:00:00Z', by, items, flag: false };
    const result = plainCopy(value);
    expect(result).toEqual({ ok: true, value });
    if (!result.ok) return;
    const copy = result.value as typeof value;
    expect(copy).not.toBe(value);
    expect(copy.by).not.toBe(by);
    expect(copy.items).not.toBe(items);
    expect(copy.items[0]).not.toBe(items[0]);
    by.role = 'vendor';
    items.push({ id: 'SKU-2', quantity: 1 });
    expect(copy.by.role).toBe('buyer');
    expect(copy.items).toHaveLength(1);
  });

  it('keeps null, drops undefined properties, and keeps the order of keys', () => {
    expect(plainCopy({ b: null, a: undefined, c: [null, 0, ''] })).toEqual({
      ok: true,
      value: { b: null, c: [null, 0, ''] },
    });
    const result = plainCopy({ z: 1, a: 2 });
    expect(result.ok && Object.keys(result.value as object)).toEqual(['z', 'a']);
  });

  it('accepts an object without a prototype, and gives back an ordinary one', () => {
    const bare = Object.assign(Object.create(null) as object, { role: 'system' });
    const result = plainCopy({ by: bare });
    expect(result).toEqual({ ok: true, value: { by: { role: 'system' } } });
  });

  it('reads own enumerable string keys only, as JSON does, and each getter once', () => {
    let reads = 0;
    const value = Object.defineProperty({ [Symbol('s')]: 1, a: 1 }, 'hidden', {
      value: 2,
      enumerable: false,
    });
    Object.defineProperty(value, 'at', {
      enumerable: true,
      get: () => {
        reads += 1;
        return `2026-01-0${reads}T00:00:00Z`;
      },
    });
    expect(plainCopy(value)).toEqual({ ok: true, value: { a: 1, at: '2026-01-01T00:00:00Z' } });
    expect(reads).toBe(1);
  });

  it('copies 64 levels of nesting, objects or arrays', () => {
    expect(plainCopy(nested(64, (a) => ({ a }))).ok).toBe(true);
    expect(plainCopy(nested(64, (a) => [a])).ok).toBe(true);
  });

  it('copies a top-level array and the strings, numbers and booleans in it', () => {
    expect(plainCopy(['a', 1.5, -0, true])).toEqual({ ok: true, value: ['a', 1.5, -0, true] });
    expect(plainCopy('x')).toEqual({ ok: true, value: 'x' });
    expect(plainCopy(null)).toEqual({ ok: true, value: null });
  });
});

describe('plainCopy refuses what is not JSON data, naming where', () => {
  it.each([
    ['a function', { run: () => 1 }, 'run: expected plain JSON data, got a function', 'run'],
    ['a bigint', { n: 10n }, 'n: expected plain JSON data, got a bigint', 'n'],
    ['a symbol', { s: Symbol('q') }, 's: expected plain JSON data, got a symbol', 's'],
    ['NaN', { q: Number.NaN }, 'q: expected a finite number, got NaN', 'q'],
    ['Infinity', { q: -Infinity }, 'q: expected a finite number, got -Infinity', 'q'],
    [
      'a class instance',
      { at: new Date(0) },
      'at: expected a plain object, got an instance of a class',
      'at',
    ],
    ['a Map', { m: new Map() }, 'm: expected a plain object, got an instance of a class', 'm'],
  ])('%s', (_, value, message, field) => {
    expect(refusal(value)).toEqual({ message, field });
  });

  it('a hole in an array, which JSON would turn into null', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(refusal({ items: [1, , 3] })).toEqual({
      message: 'items[1]: expected an element, got a hole',
      field: 'items[1]',
    });
  });

  it('a value itself, with no path', () => {
    expect(refusal(undefined)).toEqual({
      message: 'value: expected plain JSON data, got undefined',
      field: '',
    });
    expect(refusal(() => 1)).toEqual({
      message: 'value: expected plain JSON data, got a function',
      field: '',
    });
  });

  it('paths through objects and arrays, at any depth', () => {
    expect(refusal({ m: [[1, Number.POSITIVE_INFINITY]] }).field).toBe('m[0][1]');
    expect(refusal([1, { a: [{ b: Number.NaN }] }]).field).toBe('[1].a[0].b');
    expect(refusal({ params: [{ id: 'x', value: () => 1 }] })).toEqual({
      message: 'params[0].value: expected plain JSON data, got a function',
      field: 'params[0].value',
    });
  });

  it('prefixes the path it is given, before a key or an index', () => {
    expect(refusal({ m: [[1, Number.NaN]] }, 'input')).toEqual({
      message: 'input.m[0][1]: expected a finite number, got NaN',
      field: 'input.m[0][1]',
    });
    expect(refusal([Number.NaN], 'list')).toEqual({
      message: 'list[0]: expected a finite number, got NaN',
      field: 'list[0]',
    });
    expect(refusal(undefined, 'input')).toEqual({
      message: 'input: expected plain JSON data, got undefined',
      field: 'input',
    });
  });

  it('more than 64 levels of nesting', () => {
    const deepObjects = refusal(nested(65, (a) => ({ a })));
    expect(deepObjects.field).toBe(Array.from({ length: 64 }, () => 'a').join('.'));
    expect(deepObjects.message).toBe(`${deepObjects.field}: expected at most 64 levels of nesting`);
    expect(refusal(nested(65, (a) => [a])).field).toBe('[0]'.repeat(64));
  });

  it('a cycle, as too deep', () => {
    const cycle: Record<string, unknown> = { type: 'x' };
    cycle.self = cycle;
    expect(refusal(cycle).message).toMatch(
      /^self(\.self)+: expected at most 64 levels of nesting$/,
    );
  });

  it('a key named after an Object.prototype member, at any depth', () => {
    expect(refusal(JSON.parse('{"by":{"__proto__":{"role":"vendor"}}}'))).toEqual({
      message: 'by.__proto__: expected no key named __proto__',
      field: 'by.__proto__',
    });
    expect(refusal({ items: [{ constructor: 1 }] })).toEqual({
      message: 'items[0].constructor: expected no key named constructor',
      field: 'items[0].constructor',
    });
    expect(refusal({ toString: 'x' }).field).toBe('toString');
  });

  it('an enumerable key inherited from a polluted Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    Object.defineProperty(proto, 'polluted', {
      value: 1,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    // Copied while the prototype is polluted, compared once it is clean again.
    let empty: unknown;
    let nestedBy: unknown;
    try {
      empty = refusal({});
      nestedBy = refusal({ by: { role: 'buyer' } });
    } finally {
      delete proto.polluted;
    }
    expect(empty).toEqual({
      message: 'polluted: expected own keys only, got an inherited one',
      field: 'polluted',
    });
    expect(nestedBy).toEqual({
      message: 'by.polluted: expected own keys only, got an inherited one',
      field: 'by.polluted',
    });
    expect(plainCopy({ by: { role: 'buyer' } }).ok).toBe(true);
  });

  it('a getter that throws, with the error it threw', () => {
    const throwing = (thrown: unknown) =>
      Object.defineProperty({}, 'at', {
        enumerable: true,
        get: () => {
          throw thrown;
        },
      });
    expect(refusal(throwing(new Error('boom')), 'snapshot')).toEqual({
      message: 'snapshot: could not be read as plain data (boom)',
      field: 'snapshot',
    });
    expect(refusal(throwing('x'))).toEqual({
      message: 'value: could not be read as plain data (x)',
      field: '',
    });
  });

  it('a Proxy whose type reads differently the second time', () => {
    let reads = 0;
    const event = new Proxy(
      { type: 'request.approve' },
      {
        get: (target, key) =>
          key === 'type'
            ? reads++ === 0
              ? 'request.approve'
              : 'request.fail'
            : Reflect.get(target, key),
      },
    );
    expect(refusal(event)).toEqual({
      message: 'type: expected a data property, got one that reads differently',
      field: 'type',
    });
  });

  it('a Proxy that reads the same each time is copied', () => {
    const event = new Proxy({ type: 'clock.tick', at: '2026-01-01T00:00:00Z' }, {});
    expect(plainCopy(event)).toEqual({
      ok: true,
      value: { type: 'clock.tick', at: '2026-01-01T00:00:00Z' },
    });
  });
});

describe('isForbiddenKey', () => {
  it('names every Object.prototype member, prototype and XState’s marker, and nothing else', () => {
    for (const key of Object.getOwnPropertyNames(Object.prototype))
      expect(isForbiddenKey(key), key).toBe(true);
    expect(isForbiddenKey('prototype')).toBe(true);
    expect(isForbiddenKey('xstate$$type')).toBe(true);
    for (const key of ['type', 'at', 'by', 'proto', 'value', 'id'])
      expect(isForbiddenKey(key)).toBe(false);
  });
});
