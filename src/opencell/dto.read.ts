/**
 * Reading Opencell's DTOs field by field (for `fromOpencellSubscription`): each reader checks one
 * value and throws a {@link DtoProblem} naming its path. Dates may be ISO-8601 strings or epoch
 * milliseconds, as Jackson writes a `Date` by default; `null` counts as absent.
 */
import { describe, isPlainObject } from '../core/schema';
import { formatInstant, parseInstant } from '../core/time';

export type Json = Readonly<Record<string, unknown>>;

/** A problem at a path of the DTO; the reader prefixes its own name. */
export class DtoProblem extends TypeError {}
export const fail = (message: string): never => {
  throw new DtoProblem(message);
};
export const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
export const absent = (v: unknown) => v === undefined || v === null;

export const objectAt = (v: unknown, path: string): Json =>
  isPlainObject(v) ? v : fail(`${path || 'value'}: expected an object, got ${describe(v)}`);
export const listAt = (v: unknown, path: string): readonly unknown[] =>
  absent(v) ? [] : Array.isArray(v) ? v : fail(`${path}: expected an array, got ${describe(v)}`);
export const text = (v: unknown, path: string): string =>
  typeof v === 'string' && v.trim() !== ''
    ? v
    : fail(`${path}: expected a non-empty string, got ${describe(v)}`);
export const maybeText = (v: unknown, path: string) => (absent(v) ? undefined : text(v, path));
export function oneOf<const T extends string>(values: readonly T[], v: unknown, path: string): T {
  return (values as readonly unknown[]).includes(v)
    ? (v as T)
    : fail(
        `${path}: expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}, got ${describe(v)}`,
      );
}
export function count(v: unknown, path: string, min: number): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= min
    ? n
    : fail(`${path}: expected an integer from ${min}, got ${describe(v)}`);
}
export const maybeCount = (v: unknown, path: string, min: number) =>
  absent(v) ? undefined : count(v, path, min);
export function flag(v: unknown, path: string): boolean | undefined {
  if (absent(v)) return undefined;
  return typeof v === 'boolean' ? v : fail(`${path}: expected a boolean, got ${describe(v)}`);
}
/** A date: an ISO-8601 timestamp with a zone, or epoch milliseconds. */
export function date(v: unknown, path: string): string {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return formatInstant(v);
  if (typeof v === 'string' && parseInstant(v) !== null) return v;
  return fail(
    `${path}: expected an ISO-8601 timestamp with a zone, or epoch milliseconds, got ${describe(v)}`,
  );
}
export const maybeDate = (v: unknown, path: string) => (absent(v) ? undefined : date(v, path));
export const some = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
