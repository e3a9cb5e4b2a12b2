/**
 * Untrusted values in, plain JSON data out.
 *
 * Commands and persisted snapshots come from outside: an HTTP body, a database row, a caller's
 * object it may change later. Before anything reads them, they are copied into fresh plain data,
 * as JSON sees them: own enumerable string keys, no prototype but `Object.prototype` (or none), no
 * key named after an `Object.prototype` member (`__proto__`, `constructor`, `toString`, …), finite
 * numbers, no holes. Each value is read once; a getter or Proxy trap that throws is refused like
 * any other non-data value. Whatever the caller does to its object afterwards, the copy does not
 * change.
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

/** Whether `key` is one no command or snapshot may carry (see {@link plainCopy}). */
export const isForbiddenKey = (key: string): boolean => FORBIDDEN_KEYS.has(key);

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
    public field: string,
    readonly expected: string,
  ) {
    super(expected);
  }

  /** Prefixes the path of the value it was found in (paths are built only for a refusal). */
  within(key: string | number): Refused {
    const inner = this.field;
    const head = typeof key === 'number' ? `[${key}]` : key;
    this.field =
      inner === '' ? head : inner.startsWith('[') ? `${head}${inner}` : `${head}.${inner}`;
    return this;
  }
}

/** What a value that is not JSON data is, for a message: `a function`, `a Date`, `undefined`. */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return tag === 'Object' ? 'an instance of a class' : `a ${tag}`;
}

function copyValue(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new Refused('', `a finite number, got ${value}`);
      return value;
    case 'object':
      if (value === null) return null;
      if (depth >= MAX_DEPTH) throw new Refused('', `at most ${MAX_DEPTH} levels of nesting`);
      return Array.isArray(value) ? copyArray(value, depth + 1) : copyObject(value, depth + 1);
    default:
      throw new Refused('', `plain JSON data, got ${kindOf(value)}`);
  }
}

function copyArray(value: readonly unknown[], depth: number): unknown[] {
  const length = value.length;
  const out = new Array<unknown>(length);
  let i = 0;
  try {
    for (; i < length; i++) {
      // A hole is not JSON data (JSON would turn it into null).
      if (!Object.hasOwn(value, i)) throw new Refused('', 'an element, got a hole');
      out[i] = copyValue(value[i], depth);
    }
  } catch (error) {
    throw error instanceof Refused ? error.within(i) : error;
  }
  return out;
}

function copyObject(value: object, depth: number): Record<string, unknown> {
  const proto = Reflect.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new Refused('', 'a plain object, got an instance of a class');
  const out: Record<string, unknown> = {};
  let key = '';
  try {
    // Enumerable string keys, as JSON sees them; one inherited from a polluted prototype is refused.
    for (key in value) {
      if (!Object.hasOwn(value, key)) throw new Refused('', 'own keys only, got an inherited one');
      if (FORBIDDEN_KEYS.has(key)) throw new Refused('', `no key named ${key}`);
      // Read once: the copy keeps what a getter answered, and a getter that throws is refused.
      const field = (value as Record<string, unknown>)[key];
      // An `undefined` property is absent, as it would be after JSON.
      if (field !== undefined) out[key] = copyValue(field, depth);
    }
  } catch (error) {
    throw error instanceof Refused ? error.within(key) : error;
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
    const copy = copyValue(value, 0);
    // A Proxy can answer differently each time it is read: what XState reads of an event (its
    // `type`) must be what was copied.
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const type = Reflect.get(value, 'type');
      if (type !== (copy as Record<string, unknown>).type)
        throw new Refused('type', 'a data property, got one that reads differently');
    }
    return { ok: true, value: copy };
  } catch (error) {
    if (error instanceof Refused) {
      const field = path === '' ? error.field : error.within(path).field;
      return { ok: false, message: `${field || 'value'}: expected ${error.expected}`, field };
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
