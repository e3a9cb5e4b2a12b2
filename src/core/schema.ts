/**
 * A small runtime schema language for commands, inputs and persisted contexts.
 *
 * The package may not depend on a validation library at run time, and what it needs is narrow:
 * strict plain-data shapes with precise, path-qualified messages. A schema is a function that
 * returns `null` for a valid value or a message such as `params[2].id: expected a non-empty string`.
 * Each schema also carries its TypeScript type, so payload types and their checks cannot drift.
 */
import { isForbiddenKey } from './plain';
import { isInstant } from './time';

/** Checks `value`; returns `null` when it is valid, else a message that starts with `path`. */
export interface Schema<T> {
  (value: unknown, path: string): string | null;
  /** Phantom: the type this schema accepts. Never set at run time. */
  readonly __type?: T;
}

/** The type a schema accepts. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

/** Describes a value for an error message without dumping large structures. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value);
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const at = (path: string) => (path === '' ? 'value' : path);

function schema<T>(expected: string, test: (value: unknown) => boolean): Schema<T> {
  return (value, path) =>
    test(value) ? null : `${at(path)}: expected ${expected}, got ${describe(value)}`;
}

export const string: Schema<string> = schema('a string', (v) => typeof v === 'string');

/** A string with at least one non-blank character. */
export const nonEmptyString: Schema<string> = schema(
  'a non-empty string',
  (v) => typeof v === 'string' && v.trim() !== '',
);

export const boolean: Schema<boolean> = schema('a boolean', (v) => typeof v === 'boolean');

/** Any plain object, checked field by field elsewhere. */
export const anObject: Schema<Readonly<Record<string, unknown>>> = schema(
  'an object',
  isPlainObjectValue,
);

/** An ISO-8601 timestamp with a zone designator (see `core/time.ts`). */
export const instant: Schema<string> = schema(
  'an ISO-8601 timestamp with a zone designator',
  isInstant,
);

/** A safe integer within `[min, max]`. */
export function integer(
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): Schema<number> {
  const range =
    min === 0 && max === Number.MAX_SAFE_INTEGER
      ? 'a non-negative integer'
      : min === 1 && max === Number.MAX_SAFE_INTEGER
        ? 'a positive integer'
        : `an integer from ${min} to ${max}`;
  return schema(
    range,
    (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max,
  );
}

/** One of the given literal values. */
export function literal<const V extends string | number | boolean | null>(
  ...values: readonly V[]
): Schema<V> {
  const list = values.map((v) => JSON.stringify(v)).join(', ');
  const expected = values.length === 1 ? list : `one of ${list}`;
  return schema(expected, (v) => values.includes(v as V));
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return (value, path) => (value === null ? null : inner(value, path));
}

/** An array whose every element satisfies `item`. */
export function array<T>(
  item: Schema<T>,
  options: { maxLength?: number } = {},
): Schema<readonly T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return `${at(path)}: expected an array, got ${describe(value)}`;
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      return `${at(path)}: expected at most ${options.maxLength} elements, got ${value.length}`;
    }
    // Children are checked without a path, and again with one only to word a refusal: no path
    // string is built for valid data.
    for (let i = 0; i < value.length; i++) {
      if (item(value[i], '') !== null) return item(value[i], `${path}[${i}]`);
    }
    return null;
  };
}

/** A plain object mapping any key to values of `item`. */
export function record<T>(item: Schema<T>): Schema<Record<string, T>> {
  return (value, path) => {
    if (!isPlainObject(value)) return `${at(path)}: expected an object, got ${describe(value)}`;
    for (const key of Object.keys(value)) {
      // A free-form key still never names an Object.prototype member.
      if (isForbiddenKey(key)) return `${path === '' ? key : `${path}.${key}`}: is not allowed`;
      if (item(value[key], '') !== null)
        return item(value[key], path === '' ? key : `${path}.${key}`);
    }
    return null;
  };
}

/** Marks a property of an {@link object} schema as optional (absent, never `undefined`). */
export interface Optional<T> {
  readonly optional: Schema<T>;
}

export function optional<T>(inner: Schema<T>): Optional<T> {
  return { optional: inner };
}

type Shape = Record<string, Schema<unknown> | Optional<unknown>>;
type RequiredKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends Optional<unknown> ? never : K;
}[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The object type an {@link object} schema accepts. */
export type ObjectOf<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: Infer<S[K]> } & {
    [K in OptionalKeys<S>]?: S[K] extends Optional<infer T> ? T : never;
  }
>;

/**
 * True for an object whose prototype is `Object.prototype` or `null`: not an array, a `Date`, a
 * class instance. Values from outside go through `plainCopy` first, which also refuses getters.
 */
function isPlainObjectValue(value: unknown): boolean {
  return isPlainObject(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A strict plain object: every required key present, optional keys absent or valid, no others. */
export interface ObjectSchema<S extends Shape> extends Schema<ObjectOf<S>> {
  readonly shape: S;
}

export function object<const S extends Shape>(shape: S): ObjectSchema<S> {
  const entries = Object.entries(shape).map(([key, s]) =>
    typeof s === 'function' ? ([key, s, false] as const) : ([key, s.optional, true] as const),
  );
  const check = ((value: unknown, path: string) => {
    if (!isPlainObject(value)) return `${at(path)}: expected an object, got ${describe(value)}`;
    const prefix = path === '' ? '' : `${path}.`;
    for (const [key, inner, isOptional] of entries) {
      const field = value[key];
      if (field === undefined) {
        // An optional field set to `undefined` counts as absent, as it would after JSON.
        if (isOptional) continue;
        return `${prefix}${key}: is required`;
      }
      // Checked without a path first: the path is built only to word a refusal.
      if (inner(field, '') !== null) return inner(field, `${prefix}${key}`);
    }
    for (const key in value) {
      if (!Object.hasOwn(shape, key)) return `${prefix}${key}: is not a known field`;
    }
    return null;
  }) as ObjectSchema<S>;
  return Object.assign(check, { shape });
}

/** A schema with a further condition, checked once `inner` accepts the value. */
export function refine<T>(
  inner: Schema<T>,
  test: (value: T, path: string) => string | null,
): Schema<T> {
  return (value, path) => inner(value, path) ?? test(value as T, at(path));
}
