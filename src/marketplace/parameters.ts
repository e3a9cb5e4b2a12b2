/**
 * Parameters of orders and subscriptions, grouped as the platform groups them: `ordering[]` (the
 * client's) and `fulfillment[]` (the vendor's), each parameter keyed by its `externalId`, with
 * `constraints` and any JSON value (Marketplace docs, common API objects: order parameter;
 * mpt-extension-sdk `models/parameter.py`, `ParameterBag`). An error is `{ id, message }`, written
 * by validation or by the vendor's query, and cleared when the parameter gets a value.
 */
import {
  array,
  boolean,
  describe,
  isPlainObject,
  nonEmptyString,
  object,
  optional,
  refine,
  type Schema,
  string,
} from '../core/schema';

/**
 * A parameter's value: any JSON value. `null` is the API's "no value" and is read as absent, so a
 * stored value is never `null`.
 */
export type ParameterValue =
  | string
  | number
  | boolean
  | readonly ParameterValue[]
  | { readonly [key: string]: ParameterValue };

/** Why a parameter's value is not accepted, as the platform shows it to the client. */
export interface ParameterError {
  readonly id: string;
  readonly message: string;
}

/** Overridden behaviour of a parameter (Marketplace docs, parameter constraints object). */
export interface ParameterConstraints {
  readonly hidden?: boolean;
  readonly readonly?: boolean;
  readonly required?: boolean;
  readonly unique?: boolean;
}

/** A parameter of an order or a subscription, keyed by `externalId` within its group. */
export interface Parameter {
  readonly externalId: string;
  /** The platform's own id, `PRM-…`, when known. */
  readonly id?: string;
  readonly name?: string;
  readonly value?: ParameterValue;
  readonly error?: ParameterError;
  readonly constraints?: ParameterConstraints;
}

/** The two groups of parameters. */
export interface Parameters {
  readonly ordering: readonly Parameter[];
  readonly fulfillment: readonly Parameter[];
}

/** One of the two groups. */
export type ParameterPhase = keyof Parameters;

/** Parameters as an input gives them: either group may be left out. */
export interface ParametersInput {
  readonly ordering?: readonly Parameter[];
  readonly fulfillment?: readonly Parameter[];
}

/** A validation's verdict on one parameter: its value if given, and its error (none clears it). */
export interface ParameterValidation {
  readonly externalId: string;
  readonly value?: ParameterValue;
  readonly error?: ParameterError;
}

/** The vendor's query on one ordering parameter: the error the client must fix. */
export interface ParameterQuery {
  readonly externalId: string;
  readonly error: ParameterError;
}

/** A value for one parameter (the client's answer, or the vendor's fulfillment value). */
export interface ParameterUpdate {
  readonly externalId: string;
  readonly value: ParameterValue;
}

const DEPTH = 32;

function valueProblem(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number')
    return Number.isFinite(value) ? null : `${path}: expected a finite number, got ${value}`;
  if (depth > DEPTH) return `${path}: nested deeper than ${DEPTH}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = valueProblem(value[i], `${path}[${i}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const problem = valueProblem(value[key], `${path}.${key}`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return `${path}: expected a JSON value (not null), got ${describe(value)}`;
}

/** Any JSON value but `null`. */
export const parameterValue: Schema<ParameterValue> = (value, path) =>
  valueProblem(value, path === '' ? 'value' : path, 0);

export const parameterErrorSchema: Schema<ParameterError> = object({
  id: nonEmptyString,
  message: string,
});

const constraintsSchema: Schema<ParameterConstraints> = object({
  hidden: optional(boolean),
  readonly: optional(boolean),
  required: optional(boolean),
  unique: optional(boolean),
});

/** A group's parameters are unique by `externalId`. */
function uniqueKeys<T extends { readonly externalId: string }>(list: readonly T[], path: string) {
  const seen = new Set<string>();
  for (const { externalId } of list) {
    if (seen.has(externalId))
      return `${path}: parameter ${JSON.stringify(externalId)} appears twice`;
    seen.add(externalId);
  }
  return null;
}
const listOf = <T extends { readonly externalId: string }>(item: Schema<T>) =>
  refine(array(item), uniqueKeys);

export const parameterSchema: Schema<Parameter> = object({
  externalId: nonEmptyString,
  id: optional(nonEmptyString),
  name: optional(string),
  value: optional(parameterValue),
  error: optional(parameterErrorSchema),
  constraints: optional(constraintsSchema),
});

const parameterList = listOf(parameterSchema);

/** Both groups, as a context keeps them. */
export const parametersSchema = object({ ordering: parameterList, fulfillment: parameterList });
/** Either group, as an input gives them. */
export const parametersInputSchema = object({
  ordering: optional(parameterList),
  fulfillment: optional(parameterList),
});

const validations = listOf<ParameterValidation>(
  object({
    externalId: nonEmptyString,
    value: optional(parameterValue),
    error: optional(parameterErrorSchema),
  }),
);
const updates = listOf<ParameterUpdate>(
  object({ externalId: nonEmptyString, value: parameterValue }),
);

/** A validation's verdicts, in either group. */
export const validationsSchema = object({
  ordering: optional(validations),
  fulfillment: optional(validations),
});
/** A query's errors: on ordering parameters, which the client can fix. */
export const queriesSchema = object({
  ordering: listOf<ParameterQuery>(
    object({ externalId: nonEmptyString, error: parameterErrorSchema }),
  ),
});
/** The client's answers: ordering values. */
export const answersSchema = object({ ordering: optional(updates) });
/** The vendor's fulfillment values. */
export const fulfillmentValuesSchema = object({ fulfillment: optional(updates) });

/** Both groups of an input, each defaulting to none. */
export const parametersOf = (input: ParametersInput | undefined): Parameters => ({
  ordering: input?.ordering ?? [],
  fulfillment: input?.fulfillment ?? [],
});

/** The `externalId`s of a group's parameters that carry an error. */
export function withErrors(parameters: readonly Parameter[]): string[] {
  return parameters.filter((p) => p.error !== undefined).map((p) => p.externalId);
}

/** Rewrites listed parameters by `externalId`; a key the group lacks is added (as the SDK does). */
function update<U extends { readonly externalId: string }>(
  parameters: readonly Parameter[],
  updates: readonly U[] | undefined,
  apply: (parameter: Parameter, update: U) => Parameter,
): readonly Parameter[] {
  if (!updates || updates.length === 0) return parameters;
  const byKey = new Map(updates.map((u) => [u.externalId, u]));
  const out = parameters.map((p) => {
    const u = byKey.get(p.externalId);
    return u ? apply(p, u) : p;
  });
  const known = new Set(parameters.map((p) => p.externalId));
  for (const u of updates)
    if (!known.has(u.externalId)) out.push(apply({ externalId: u.externalId }, u));
  return out;
}

const withoutError = ({ error: _error, ...rest }: Parameter): Parameter => rest;

/** A validation: each listed parameter gets the value given, and exactly the error given. */
export const applyValidations = (
  parameters: readonly Parameter[],
  verdicts: readonly ParameterValidation[] | undefined,
) =>
  update(parameters, verdicts, (p, v) => ({
    ...withoutError(p),
    ...(v.value === undefined ? {} : { value: v.value }),
    ...(v.error === undefined ? {} : { error: v.error }),
  }));

/**
 * A query: each listed parameter gets the error given, and is shown and required, as the SDK's
 * `ParameterBag.with_ordering_error` sets its constraints; its value stays.
 */
export const applyQueries = (
  parameters: readonly Parameter[],
  queries: readonly ParameterQuery[] | undefined,
) =>
  update(parameters, queries, (p, q) => ({
    ...p,
    error: q.error,
    constraints: { ...p.constraints, hidden: false, required: true },
  }));

/** Values: a parameter that gets a value loses its error. */
export const applyValues = (
  parameters: readonly Parameter[],
  values: readonly ParameterUpdate[] | undefined,
) => update(parameters, values, (p, v) => ({ ...withoutError(p), value: v.value }));
