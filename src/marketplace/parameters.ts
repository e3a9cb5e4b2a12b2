/**
 * Parameters of orders and subscriptions (Marketplace docs, mpt-extension-sdk): a parameter error
 * is `error {id, message}`, written by validation or by the vendor's query, and cleared when the
 * parameter gets a value.
 */
import {
  array,
  nonEmptyString,
  object,
  optional,
  refine,
  type Schema,
  string,
} from '../core/schema';

/** Why a parameter's value is not accepted, as the platform shows it to the client. */
export interface ParameterError {
  readonly id: string;
  readonly message: string;
}

/** A parameter of an order, or a fulfillment parameter of a subscription. */
export interface Parameter {
  readonly id: string;
  readonly externalId?: string;
  readonly value?: string;
  readonly error?: ParameterError;
}

/** A validation's verdict on one parameter: its value if given, and its error (none clears it). */
export interface ParameterValidation {
  readonly id: string;
  readonly value?: string;
  readonly error?: ParameterError;
}

/** The vendor's query on one parameter: the error the client must fix. */
export interface ParameterQuery {
  readonly id: string;
  readonly error: ParameterError;
}

/** The client's answer to a query: a value, which clears the parameter's error. */
export interface ParameterValue {
  readonly id: string;
  readonly value: string;
}

const parameterError: Schema<ParameterError> = object({ id: nonEmptyString, message: string });

function uniqueIds<T extends { readonly id: string }>(list: readonly T[], path: string) {
  const seen = new Set<string>();
  for (const { id } of list) {
    if (seen.has(id)) return `${path}: parameter ${JSON.stringify(id)} appears twice`;
    seen.add(id);
  }
  return null;
}
const listOf = <T extends { readonly id: string }>(item: Schema<T>) =>
  refine(array(item), uniqueIds);

export const parametersSchema = listOf<Parameter>(
  object({
    id: nonEmptyString,
    externalId: optional(nonEmptyString),
    value: optional(string),
    error: optional(parameterError),
  }),
);
export const validationsSchema = listOf<ParameterValidation>(
  object({ id: nonEmptyString, value: optional(string), error: optional(parameterError) }),
);
export const queriesSchema = listOf<ParameterQuery>(
  object({ id: nonEmptyString, error: parameterError }),
);
export const valuesSchema = listOf<ParameterValue>(object({ id: nonEmptyString, value: string }));

/** The ids of the parameters that carry an error. */
export function withErrors(parameters: readonly Parameter[]): string[] {
  return parameters.filter((p) => p.error !== undefined).map((p) => p.id);
}

/** Rewrites listed parameters by id; an id the list lacks is added (a product's later parameter). */
function update<U extends { readonly id: string }>(
  parameters: readonly Parameter[],
  updates: readonly U[] | undefined,
  apply: (parameter: Parameter, update: U) => Parameter,
): readonly Parameter[] {
  if (!updates || updates.length === 0) return parameters;
  const byId = new Map(updates.map((u) => [u.id, u]));
  const out = parameters.map((p) => {
    const u = byId.get(p.id);
    return u ? apply(p, u) : p;
  });
  for (const u of updates) {
    if (!parameters.some((p) => p.id === u.id)) out.push(apply({ id: u.id }, u));
  }
  return out;
}

const withoutError = ({ error: _error, ...rest }: Parameter): Parameter => rest;

/** A validation: each listed parameter gets the value given, and exactly the error given. */
export const applyValidations = (
  parameters: readonly Parameter[],
  validations: readonly ParameterValidation[] | undefined,
) =>
  update(parameters, validations, (p, v) => ({
    ...withoutError(p),
    ...(v.value === undefined ? {} : { value: v.value }),
    ...(v.error === undefined ? {} : { error: v.error }),
  }));

/** A query: each listed parameter gets the error given; its value stays. */
export const applyQueries = (
  parameters: readonly Parameter[],
  queries: readonly ParameterQuery[] | undefined,
) => update(parameters, queries, (p, q) => ({ ...p, error: q.error }));

/** The client's values: a parameter that gets a value loses its error. */
export const applyValues = (
  parameters: readonly Parameter[],
  values: readonly ParameterValue[] | undefined,
) => update(parameters, values, (p, v) => ({ ...withoutError(p), value: v.value }));
