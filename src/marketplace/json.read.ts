/**
 * Reading the platform's JSON (Marketplace docs, commerce API objects), for the adapters: each
 * field is checked as it is read, and a bad one throws a `TypeError` naming its JSON path. `null`
 * counts as absent, as the API writes it; fields the machines do not model are ignored.
 */
import {
  describe,
  integer,
  isPlainObject,
  nonEmptyString,
  type Schema,
  string,
} from '../core/schema';
import type { OrderLine } from './lines';
import { type Parameter, type ParameterConstraints, parameterValue } from './parameters';
import type { ExternalIds, Message } from './platform';

export type Json = Readonly<Record<string, unknown>>;

/** A problem at a JSON path; the adapter prefixes its own name. */
export class JsonProblem extends TypeError {}

export const fail = (message: string): never => {
  throw new JsonProblem(message);
};

const at = (path: string) => (path === '' ? 'value' : path);
export const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

export function read<T>(schema: Schema<T>, value: unknown, path: string): T {
  const error = schema(value, path);
  return error === null ? (value as T) : fail(error);
}
/** An optional field: absent or `null` gives `undefined`. */
export const maybe = <T>(schema: Schema<T>, value: unknown, path: string): T | undefined =>
  value === undefined || value === null ? undefined : read(schema, value, path);
export const objectAt = (value: unknown, path: string): Json =>
  isPlainObject(value) ? value : fail(`${at(path)}: expected an object, got ${describe(value)}`);
export const maybeObjectAt = (value: unknown, path: string): Json | undefined =>
  value === undefined || value === null ? undefined : objectAt(value, path);
export const listAt = (value: unknown, path: string): unknown[] =>
  Array.isArray(value) ? value : fail(`${at(path)}: expected an array, got ${describe(value)}`);
/** `{ [key]: value }`, or nothing when the value is `undefined`. */
export const some = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** Runs a reader, turning a {@link JsonProblem} into a `TypeError` prefixed with the adapter's name. */
export function reading<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof JsonProblem) throw new TypeError(`${name}: ${error.message}`);
    throw error;
  }
}

/** A line: `{ id, item: { id }, quantity, oldQuantity? }` (prices and names are ignored). */
export function lineAt(value: unknown, path: string): OrderLine {
  const line = objectAt(value, path);
  const item = objectAt(line.item, join(path, 'item'));
  return {
    id: read(nonEmptyString, line.id, join(path, 'id')),
    item: { id: read(nonEmptyString, item.id, join(path, 'item.id')) },
    quantity: read(integer(0), line.quantity, join(path, 'quantity')),
    ...some('oldQuantity', maybe(integer(0), line.oldQuantity, join(path, 'oldQuantity'))),
  };
}

/** The platform's message object, `{ id?, message }`. */
export function messageAt(value: unknown, path: string): Message | undefined {
  const m = maybeObjectAt(value, path);
  if (m === undefined) return undefined;
  return {
    ...some('id', maybe(nonEmptyString, m.id, join(path, 'id'))),
    message: read(string, m.message, join(path, 'message')),
  };
}

const CONSTRAINTS = ['hidden', 'readonly', 'required', 'unique'] as const;

function constraintsAt(value: unknown, path: string): ParameterConstraints | undefined {
  const c = maybeObjectAt(value, path);
  if (c === undefined) return undefined;
  const out: Record<string, boolean> = {};
  for (const key of CONSTRAINTS) {
    const flag = c[key];
    if (flag === undefined || flag === null) continue;
    if (typeof flag !== 'boolean')
      fail(`${join(path, key)}: expected a boolean, got ${describe(flag)}`);
    out[key] = flag as boolean;
  }
  return out;
}

/** A parameter, keyed by `externalId` (`displayValue`, `type`, `phase` and the like are ignored). */
export function parameterAt(value: unknown, path: string): Parameter {
  const p = objectAt(value, path);
  const error = maybeObjectAt(p.error, join(path, 'error'));
  return {
    externalId: read(nonEmptyString, p.externalId, join(path, 'externalId')),
    ...some('id', maybe(nonEmptyString, p.id, join(path, 'id'))),
    ...some('name', maybe(string, p.name, join(path, 'name'))),
    ...some('value', maybe(parameterValue, p.value, join(path, 'value'))),
    ...some(
      'error',
      error && {
        id: read(nonEmptyString, error.id, join(path, 'error.id')),
        message: read(string, error.message, join(path, 'error.message')),
      },
    ),
    ...some('constraints', constraintsAt(p.constraints, join(path, 'constraints'))),
  };
}

/** A group of parameters (absent or `null`: none); each `externalId` once. */
export function parameterListAt(value: unknown, path: string): Parameter[] {
  if (value === undefined || value === null) return [];
  const seen = new Set<string>();
  return listAt(value, path).map((p, i) => {
    const parameter = parameterAt(p, join(path, i));
    if (seen.has(parameter.externalId))
      fail(
        `${join(join(path, i), 'externalId')}: ${JSON.stringify(parameter.externalId)} appears twice`,
      );
    seen.add(parameter.externalId);
    return parameter;
  });
}

function idsAt(value: unknown, path: string): ExternalIds | undefined {
  const ids = maybeObjectAt(value, path);
  if (ids === undefined) return undefined;
  return {
    ...some('client', maybe(string, ids.client, join(path, 'client'))),
    ...some('vendor', maybe(string, ids.vendor, join(path, 'vendor'))),
    ...some('operations', maybe(string, ids.operations, join(path, 'operations'))),
  };
}

/**
 * The object's external ids. The API schema and the SDK spell the field `externalIds`; the docs'
 * examples and pages spell it `externalIDs` (softwareone-platform/docs, commerce-api
 * `subscriptions/README.md`, `orders/README.md`). Either is read; both, when they differ, is an
 * error rather than a silent choice.
 */
export function externalIdsOf(root: Json): ExternalIds | undefined {
  const camel = idsAt(root.externalIds, 'externalIds');
  const upper = idsAt(root.externalIDs, 'externalIDs');
  if (camel !== undefined && upper !== undefined && JSON.stringify(camel) !== JSON.stringify(upper))
    fail('externalIDs: differs from externalIds; send one of the two');
  return camel ?? upper;
}
