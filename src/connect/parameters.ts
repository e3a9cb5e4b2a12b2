/**
 * Parameters and items: the data a request carries (DOMAIN.md §1.2 "Details").
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
import type { Item, Parameter, ParameterUpdate } from './request.types';

export const parameterSchema: Schema<Parameter> = object({
  id: nonEmptyString,
  phase: literal('ordering', 'fulfillment'),
  value: optional(string),
  valueError: optional(string),
  required: optional(literal(true, false)),
});

export const parameterUpdateSchema: Schema<ParameterUpdate> = object({
  id: nonEmptyString,
  value: optional(string),
  valueError: optional(string),
});

export const itemSchema: Schema<Item> = object({ id: nonEmptyString, quantity: integer(0) });

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
export const itemsSchema = refine(array(itemSchema), uniqueIds('item'));

/** A value counts as given when it is a non-blank string. */
export const hasValue = (p: Parameter): boolean => p.value !== undefined && p.value.trim() !== '';
/** A parameter is invalid while it carries a non-blank `valueError`. */
export const hasError = (p: Parameter): boolean =>
  p.valueError !== undefined && p.valueError.trim() !== '';

/** How a command writes parameters. */
export type UpdateMode =
  /** The vendor's validation or inquiry: values and errors as given. */
  | 'validate'
  /** The buyer's answer: the value as given, and the error cleared (an error it carries is ignored). */
  | 'answer'
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
    // The buyer's answer clears the error it answers; the vendor writes errors as given ('' clears).
    const error = mode === 'answer' ? '' : (u.valueError ?? p.valueError ?? '');
    const { valueError: _old, ...rest } = p;
    return {
      ...rest,
      ...(u.value === undefined ? {} : { value: u.value }),
      ...(error === '' ? {} : { valueError: error }),
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

/** Updates that name a parameter of the other phase than the command writes. */
export function wrongPhase(
  params: readonly Parameter[],
  updates: readonly ParameterUpdate[] | undefined,
  phase: Parameter['phase'],
): string[] {
  return (updates ?? [])
    .filter((u) => params.some((p) => p.id === u.id && p.phase !== phase))
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
  const target = new Map(targets.map((t) => [t.id, t.quantity]));
  const out: Item[] = [];
  for (const item of items) {
    const q = target.get(item.id);
    if (q === undefined) out.push(item);
    else if (q > 0) out.push({ id: item.id, quantity: q });
  }
  for (const t of targets) {
    if (t.quantity > 0 && !items.some((i) => i.id === t.id)) out.push(t);
  }
  return out;
}
