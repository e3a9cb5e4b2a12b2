/**
 * Plain JSON values, for the parts of Connect's objects the library keeps as given (a parameter's
 * `structured_value` and `constraints`, capabilities it does not know).
 */
import { isForbiddenKey } from '../core/plain';
import { describe, isPlainObject, type Schema } from '../core/schema';

/** A JSON value. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
/** A JSON object. */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** How deep a kept JSON value may nest: Connect's own objects stay well within it. */
const MAX_DEPTH = 16;

function jsonProblem(value: unknown, path: string, depth: number): string | null {
  if (depth > MAX_DEPTH) return `${path}: nests deeper than ${MAX_DEPTH} levels`;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? null : `${path}: expected a finite number`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = jsonProblem(value[i], `${path}[${i}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      // A free-form key still never names an Object.prototype member.
      if (isForbiddenKey(key)) return `${path}.${key}: is not allowed`;
      const problem = jsonProblem(value[key], `${path}.${key}`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return `${path}: expected JSON data, got ${describe(value)}`;
}

/** Any JSON value. */
export const jsonValue: Schema<JsonValue> = (value, path) => jsonProblem(value, path, 0);

/** A JSON object. */
export const jsonObject: Schema<JsonObject> = (value, path) =>
  isPlainObject(value)
    ? jsonProblem(value, path, 0)
    : `${path}: expected an object, got ${describe(value)}`;
