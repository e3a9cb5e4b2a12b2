/**
 * Untrusted values in, plain JSON data out.
 *
 * Commands and persisted snapshots come from outside: an HTTP body, a database row, a caller's
 * object it may change later. Before anything reads them, they are copied into fresh plain data:
 * own enumerable string keys with data values only, no prototype but `Object.prototype`, no key
 * named after an `Object.prototype` member (`__proto__`, `constructor`, `toString`, …). A getter is never run, and a Proxy whose trap
 * throws is refused like any other non-data value. Whatever the caller does to its object
 * afterwards, the copy does not change.
 */

/**
 * Keys no command or snapshot may carry, at any depth: the names of `Object.prototype`'s members,
 * `prototype`, and `xstate$$type` (the marker XState's restore replaces with a child actor). No
 * field of any machine has one of these names, so they can only be an attack or a mistake.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  'xstate$$type',
]);

/** Deeper than this is not a command or a snapshot of this library. */
const MAX_DEPTH = 64;

/** A value that is not plain data, and where. */
export interface NotPlain {
  readonly message: string;
  /** The path of the offending value, e.g. `params[0].id` (empty for the value itself). */
  readonly field: string;
}

class Refused extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
  ) {
    super(expected);
  }
}

const child = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

function copyValue(value: unknown, path: string, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new Refused(path, `a finite number, got ${value}`);
      return value;
    case 'object':
      if (value === null) return null;
      if (depth >= MAX_DEPTH) throw new Refused(path, `at most ${MAX_DEPTH} levels of nesting`);
      return Array.isArray(value)
        ? copyArray(value, path, depth + 1)
        : copyObject(value, path, depth + 1);
    default:
      throw new Refused(
        path,
        `plain JSON data, got ${value === undefined ? 'undefined' : `a ${typeof value}`}`,
      );
  }
}

function copyArray(value: readonly unknown[], path: string, depth: number): unknown[] {
  const length = value.length;
  // An array's own keys are its indices and `length`: anything else is not JSON data.
  if (Reflect.ownKeys(value).length !== length + 1)
    throw new Refused(path, 'an array without holes or extra properties');
  const out = new Array<unknown>(length);
  for (let i = 0; i < length; i++) {
    const at = `${path}[${i}]`;
    const descriptor = Reflect.getOwnPropertyDescriptor(value, i);
    if (descriptor === undefined || !('value' in descriptor))
      throw new Refused(at, 'a data element, got a getter');
    out[i] = copyValue(descriptor.value, at, depth);
  }
  return out;
}

function copyObject(value: object, path: string, depth: number): Record<string, unknown> {
  const proto = Reflect.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new Refused(path, 'a plain object, got an instance of a class');
  const out: Record<string, unknown> = {};
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string') throw new Refused(path, 'string keys only, got a symbol key');
    const at = child(path, key);
    if (FORBIDDEN_KEYS.has(key)) throw new Refused(at, `no key named ${key}`);
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined || !descriptor.enumerable)
      throw new Refused(at, 'an enumerable property');
    if (!('value' in descriptor)) throw new Refused(at, 'a data property, got a getter');
    // An `undefined` property is absent, as it would be after JSON.
    if (descriptor.value !== undefined) out[key] = copyValue(descriptor.value, at, depth);
  }
  return out;
}

/**
 * A deep copy of `value` as plain JSON data, or why it is not plain data. Never throws: a getter
 * or a Proxy trap that throws is reported as not plain data.
 */
export function plainCopy(
  value: unknown,
  path = '',
): { readonly ok: true; readonly value: unknown } | ({ readonly ok: false } & NotPlain) {
  try {
    const copy = copyValue(value, path, 0);
    // A Proxy can answer its descriptors and its reads differently: what XState reads of an event
    // (its `type`) must be what was copied.
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const type = Reflect.get(value, 'type');
      if (type !== (copy as Record<string, unknown>).type)
        throw new Refused(child(path, 'type'), 'a data property, got one that reads differently');
    }
    return { ok: true, value: copy };
  } catch (error) {
    if (error instanceof Refused) {
      const where = error.field === '' ? 'value' : error.field;
      return { ok: false, message: `${where}: expected ${error.expected}`, field: error.field };
    }
    const why = error instanceof Error ? error.message : String(error);
    const where = path === '' ? 'value' : path;
    return {
      ok: false,
      message: `${where}: could not be read as plain data (${why})`,
      field: path,
    };
  }
}
