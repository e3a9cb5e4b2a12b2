/**
 * Parameters and items: the data a request carries, as Connect's Request object has them
 * (cloudblue/connect-python-openapi-client `tests/data/specs.yml`, `asset.params` and
 * `asset.items`; cloudblue/connect-python-sdk `connect/models/param.py`).
 */
import {
  array,
  integer,
  literal,
  nonEmptyString,
  object,
  optional,
  refine,
  type Schema,
  string,
} from '../core/schema';
import { type JsonObject, jsonObject } from './json';
import type { Item, Parameter, ParameterEdit, ParameterUpdate, Quantity } from './request.types';

export const parameterSchema: Schema<Parameter> = refine(
  object({
    id: nonEmptyString,
    phase: literal('ordering', 'fulfillment', 'configuration'),
    value: optional(string),
    valueError: optional(string),
    required: optional(literal(true, false)),
    type: optional(nonEmptyString),
    scope: optional(nonEmptyString),
    structuredValue: optional(jsonObject),
    constraints: optional(jsonObject),
  }),
  (p, path) =>
    p.constraints !== undefined && Object.hasOwn(p.constraints, 'required')
      ? `${path}.constraints.required: is the parameter's own required`
      : null,
);

export const parameterUpdateSchema: Schema<ParameterUpdate> = object({
  id: nonEmptyString,
  value: optional(string),
  valueError: optional(string),
  structuredValue: optional(jsonObject),
});

export const parameterEditSchema: Schema<ParameterEdit> = object({
  id: nonEmptyString,
  value: optional(string),
  structuredValue: optional(jsonObject),
});

const fromMinusOne = integer(-1);
/** An integer from -1 (unlimited), or `'unlimited'`. */
export const quantitySchema: Schema<Quantity> = (value, path) =>
  value === 'unlimited' ? null : fromMinusOne(value, path);

export const itemSchema: Schema<Item> = object({
  id: nonEmptyString,
  quantity: quantitySchema,
  mpn: optional(nonEmptyString),
});

function uniqueIds<T extends { readonly id: string }>(what: string) {
  return (list: readonly T[], path: string) => {
    const seen = new Set<string>();
    for (const { id } of list) {
      if (seen.has(id)) return `${path}: ${what} ${JSON.stringify(id)} appears twice`;
      seen.add(id);
    }
    return null;
  };
}

/** Lists of parameters, updates and items: each id at most once. */
export const parametersSchema = refine(array(parameterSchema), uniqueIds('parameter'));
export const parameterUpdatesSchema = refine(array(parameterUpdateSchema), uniqueIds('parameter'));
export const parameterEditsSchema = refine(array(parameterEditSchema), uniqueIds('parameter'));
export const itemsSchema = refine(array(itemSchema), uniqueIds('item'));

/** A value counts as given when it is a non-blank string, or a non-empty structured value. */
export const hasValue = (p: Parameter): boolean =>
  (p.value !== undefined && p.value.trim() !== '') ||
  (p.structuredValue !== undefined && Object.keys(p.structuredValue).length > 0);
/** A parameter is invalid while it carries a non-blank `valueError`. */
export const hasError = (p: Parameter): boolean =>
  p.valueError !== undefined && p.valueError.trim() !== '';

/** How a command writes parameters. */
export type UpdateMode =
  /** The vendor's validation or inquiry: values and errors as given. */
  | 'validate'
  /** The buyer's answer: the value as given, and the error cleared (an error it carries is ignored). */
  | 'answer'
  /** The buyer's edit: the value as given; a value that changes loses its error. */
  | 'edit'
  /** The vendor's approval: fulfillment values (and errors) as given. */
  | 'fulfil';

/**
 * Applies updates by id. An update for an id the request does not have adds the parameter, in the
 * phase the command writes (`fulfillment` for an approval, else `ordering`).
 */
export function applyUpdates(
  params: readonly Parameter[],
  updates: readonly ParameterUpdate[] | undefined,
  mode: UpdateMode,
): readonly Parameter[] {
  if (!updates || updates.length === 0) return params;
  const byId = new Map(updates.map((u) => [u.id, u]));
  const apply = (p: Parameter, u: ParameterUpdate): Parameter => {
    // The buyer's answer clears the error it answers; an edit clears it when the value changes;
    // the vendor writes errors as given ('' clears).
    const error =
      mode === 'answer' || (mode === 'edit' && changes(p, u))
        ? ''
        : mode === 'edit'
          ? (p.valueError ?? '')
          : (u.valueError ?? p.valueError ?? '');
    const { valueError: _old, value: _value, ...rest } = p;
    // '' is no value, as Connect writes it.
    const value = u.value === undefined ? p.value : u.value === '' ? undefined : u.value;
    return {
      ...rest,
      ...(value === undefined ? {} : { value }),
      ...(error === '' ? {} : { valueError: error }),
      ...(u.structuredValue === undefined ? {} : { structuredValue: u.structuredValue }),
    };
  };
  const out = params.map((p) => {
    const u = byId.get(p.id);
    return u ? apply(p, u) : p;
  });
  const phase = mode === 'fulfil' ? 'fulfillment' : 'ordering';
  for (const u of updates) {
    if (!params.some((p) => p.id === u.id)) out.push(apply({ id: u.id, phase }, u));
  }
  return out;
}

const sameJson = (a: JsonObject | undefined, b: JsonObject | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Whether an update changes the parameter's value (or structured value). */
export function changes(p: Parameter, u: ParameterUpdate): boolean {
  const value = u.value === '' ? undefined : u.value;
  return (
    (u.value !== undefined && value !== p.value) ||
    (u.structuredValue !== undefined && !sameJson(u.structuredValue, p.structuredValue))
  );
}

/** Updates that name a parameter of the other phase than the command writes. */
export function wrongPhase(
  params: readonly Parameter[],
  updates: readonly ParameterUpdate[] | undefined,
  phases: readonly Parameter['phase'][],
): string[] {
  return (updates ?? [])
    .filter((u) => params.some((p) => p.id === u.id && !phases.includes(p.phase)))
    .map((u) => u.id);
}

/** Required parameters of `phase` without a value. */
export function missingRequired(params: readonly Parameter[], phase: Parameter['phase']): string[] {
  return params
    .filter((p) => p.phase === phase && p.required === true && !hasValue(p))
    .map((p) => p.id);
}

/** Parameters of `phase` that carry an error. */
export function withErrors(params: readonly Parameter[], phase: Parameter['phase']): string[] {
  return params.filter((p) => p.phase === phase && hasError(p)).map((p) => p.id);
}

/** Items set to absolute target quantities: listed items change, quantity 0 removes, others stay. */
export function applyQuantities(items: readonly Item[], targets: readonly Item[]): readonly Item[] {
  if (targets.length === 0) return items;
  const target = new Map(targets.map((t) => [t.id, t]));
  const out: Item[] = [];
  for (const item of items) {
    const t = target.get(item.id);
    if (t === undefined) out.push(item);
    else if (t.quantity !== 0) out.push({ ...item, ...t });
  }
  const known = new Set(items.map((i) => i.id));
  for (const t of targets) if (t.quantity !== 0 && !known.has(t.id)) out.push(t);
  return out;
}
