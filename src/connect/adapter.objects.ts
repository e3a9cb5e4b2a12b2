/**
 * Connect's own JSON: the Request object with its embedded Asset, as the REST API, webhooks and
 * processor SDKs give it (the Connect OpenAPI spec, cloudblue/connect-python-openapi-client
 * `tests/data/specs.yml`; cloudblue/connect-python-sdk `connect/models`), and its reader. Fields
 * are checked as they are read, each error naming its path; fields the library does not model
 * (marketplace, tiers, contract, names and titles) are ignored.
 */
import { isForbiddenKey } from '../core/plain';
import {
  describe,
  isPlainObject,
  literal,
  nonEmptyString,
  type Schema,
  string,
} from '../core/schema';
import { compareInstants, isInstant } from '../core/time';
import { type JsonObject, jsonObject } from './json';
import {
  type Item,
  type Parameter,
  type ParameterPhase,
  type Quantity,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  type RequestStatus,
  type RequestType,
} from './request.types';
import { CONNECTIONS, type Connection, type SubscriptionStatus } from './subscription.types';

/** A parameter as Connect writes it in `asset.params` and `asset.configuration.params`. */
export interface ConnectParamJson {
  readonly id: string;
  readonly phase: ParameterPhase;
  readonly type?: string;
  readonly scope?: string;
  /** `""` for no value. */
  readonly value: string;
  /** `""` for no error. */
  readonly value_error: string;
  readonly structured_value?: JsonObject;
  readonly constraints?: JsonObject;
}

/** An item as Connect writes it: quantities are strings, `-1` or `"unlimited"` for unlimited. */
export interface ConnectItemJson {
  readonly id: string;
  readonly mpn?: string;
  readonly quantity: string;
  /** The quantity before the open request (`"0"` for a purchase). */
  readonly old_quantity?: string;
}

/** Connect's asset statuses. `new` and `rejected` are legacy ones, read as processing and terminated. */
export const CONNECT_ASSET_STATUSES = [
  'draft',
  'processing',
  'active',
  'suspended',
  'terminating',
  'terminated',
  'new',
  'rejected',
] as const;
/** One of {@link CONNECT_ASSET_STATUSES}. */
export type ConnectAssetStatus = (typeof CONNECT_ASSET_STATUSES)[number];

/** The subscription: Connect's Asset object. */
export interface ConnectAssetJson {
  readonly id: string;
  readonly status: ConnectAssetStatus;
  readonly product?: { readonly id: string };
  readonly connection: { readonly type: Connection };
  readonly items: readonly ConnectItemJson[];
  readonly params: readonly ConnectParamJson[];
  readonly configuration: { readonly params: readonly ConnectParamJson[] };
  /** The open request, as `GET /assets/{id}` shows it with `select(pending_request)`. */
  readonly pending_request?: {
    readonly id: string;
    readonly type: RequestType;
    readonly status: RequestStatus;
  } | null;
}

/** A fulfillment request: Connect's Request object, with its asset. */
export interface ConnectRequestJson {
  readonly id: string;
  readonly type: RequestType;
  readonly status: RequestStatus;
  readonly created: string;
  readonly updated: string;
  /** `""` unless failed or revoked. */
  readonly reason: string;
  /** `""` unless approved with one. */
  readonly effective_date: string;
  /** `""` unless scheduled. */
  readonly planned_date: string;
  /** The activation tile (Markdown), `""` unless approved with one. */
  readonly activation_key: string;
  /** The activation template of an approval. */
  readonly template?: { readonly id: string };
  readonly asset: ConnectAssetJson;
}

/** A request JSON, read: Connect's fields in the library's words. */
export interface ReadRequest {
  readonly id: string;
  readonly type: RequestType;
  readonly status: RequestStatus;
  readonly created: string;
  readonly updated: string;
  readonly reason?: string;
  readonly effectiveDate?: string;
  readonly plannedDate?: string;
  readonly templateId?: string;
  readonly activationTile?: string;
  readonly asset: {
    readonly id: string;
    readonly status: SubscriptionStatus;
    readonly productId?: string;
    readonly connection: Connection;
    /** The request's items: target quantities. */
    readonly items: readonly Item[];
    /** The items before the request (`old_quantity`), the ones not zero. */
    readonly before: readonly Item[];
    readonly params: readonly Parameter[];
  };
}

type Json = Record<string, unknown>;

// The schemas a read uses, made once.
const phaseSchema = /*#__PURE__*/ literal('ordering', 'fulfillment', 'configuration');
const connectionSchema = /*#__PURE__*/ literal(...CONNECTIONS);
const assetStatusSchema = /*#__PURE__*/ literal(...CONNECT_ASSET_STATUSES);
const requestTypeSchema = /*#__PURE__*/ literal(...REQUEST_TYPES);
const requestStatusSchema = /*#__PURE__*/ literal(...REQUEST_STATUSES);

/** Reads one request JSON, or throws a `TypeError` starting with `what` and the field's path. */
export function readRequest(json: unknown, what: string): ReadRequest {
  const fail = (message: string): never => {
    throw new TypeError(`${what}: ${message}`);
  };
  const read = <T>(schema: Schema<T>, value: unknown, path: string): T => {
    const error = schema(value, path);
    return error === null ? (value as T) : fail(error);
  };
  const objectAt = (value: unknown, path: string): Json => {
    if (!isPlainObject(value)) return fail(`${path}: expected an object, got ${describe(value)}`);
    for (const key of Object.keys(value))
      if (isForbiddenKey(key)) fail(`${path}.${key}: is not allowed`);
    return value;
  };
  const listAt = (value: unknown, path: string): unknown[] =>
    Array.isArray(value) ? value : fail(`${path}: expected an array, got ${describe(value)}`);
  /** `""`, `null` or absent is no value, as Connect writes it. */
  const text = (value: unknown, path: string): string | undefined =>
    value === undefined || value === null || value === '' ? undefined : read(string, value, path);
  const time = (value: unknown, path: string): string => {
    // Connect also writes `2023-04-28 11:36:38.814429+00:00`; the library's instants have the `T`.
    const normal = typeof value === 'string' ? value.replace(/^(\d{4}-\d\d-\d\d) /, '$1T') : value;
    return isInstant(normal)
      ? normal
      : fail(
          `${path}: expected an ISO-8601 timestamp with a zone designator, got ${describe(value)}`,
        );
  };
  const maybeTime = (value: unknown, path: string) =>
    value === undefined || value === null || value === '' ? undefined : time(value, path);

  function quantity(value: unknown, path: string): Quantity {
    if (value === 'unlimited') return value;
    const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    return Number.isSafeInteger(n) && (n as number) >= -1
      ? (n as number)
      : fail(
          `${path}: expected a whole quantity from 0, or -1 or "unlimited", got ${describe(value)}`,
        );
  }

  function param(value: unknown, path: string, phase?: ParameterPhase): Parameter {
    const p = objectAt(value, path);
    const constraints =
      p.constraints === undefined || p.constraints === null
        ? undefined
        : read(jsonObject, p.constraints, `${path}.constraints`);
    const { required, ...others } = constraints ?? {};
    if (required !== undefined && typeof required !== 'boolean')
      fail(`${path}.constraints.required: expected a boolean, got ${describe(required)}`);
    const structured =
      p.structured_value === undefined || p.structured_value === null || p.structured_value === ''
        ? undefined
        : read(jsonObject, p.structured_value, `${path}.structured_value`);
    const value_ = text(p.value, `${path}.value`);
    const error = text(p.value_error, `${path}.value_error`);
    const type = text(p.type, `${path}.type`);
    const scope = text(p.scope, `${path}.scope`);
    return {
      id: read(nonEmptyString, p.id, `${path}.id`),
      phase: phase ?? read(phaseSchema, p.phase, `${path}.phase`),
      ...(value_ === undefined ? {} : { value: value_ }),
      ...(error === undefined ? {} : { valueError: error }),
      ...(typeof required === 'boolean' ? { required } : {}),
      ...(type === undefined ? {} : { type }),
      ...(scope === undefined ? {} : { scope }),
      ...(structured === undefined ? {} : { structuredValue: structured }),
      ...(constraints === undefined ? {} : { constraints: others as JsonObject }),
    };
  }

  const r = objectAt(json, 'request');
  const asset = objectAt(r.asset, 'asset');
  const items = listAt(asset.items ?? [], 'asset.items').map((value, i) => {
    const path = `asset.items[${i}]`;
    const item = objectAt(value, path);
    const mpn = text(item.mpn, `${path}.mpn`);
    const id = read(nonEmptyString, item.id, `${path}.id`);
    const old =
      item.old_quantity === undefined || item.old_quantity === null || item.old_quantity === ''
        ? 0
        : quantity(item.old_quantity, `${path}.old_quantity`);
    return {
      target: {
        id,
        quantity: quantity(item.quantity, `${path}.quantity`),
        ...(mpn ? { mpn } : {}),
      },
      before: { id, quantity: old, ...(mpn ? { mpn } : {}) },
    };
  });
  const configuration =
    asset.configuration === undefined || asset.configuration === null
      ? {}
      : objectAt(asset.configuration, 'asset.configuration');
  const params = [
    ...listAt(asset.params ?? [], 'asset.params').map((p, i) => param(p, `asset.params[${i}]`)),
    ...listAt(configuration.params ?? [], 'asset.configuration.params').map((p, i) =>
      param(p, `asset.configuration.params[${i}]`, 'configuration'),
    ),
  ];
  const seen = new Set<string>();
  for (const [i, p] of params.entries()) {
    if (seen.has(p.id))
      fail(`asset.params[${i}].id: parameter ${JSON.stringify(p.id)} appears twice`);
    seen.add(p.id);
  }
  const product =
    asset.product === undefined || asset.product === null
      ? undefined
      : read(nonEmptyString, objectAt(asset.product, 'asset.product').id, 'asset.product.id');
  const connection =
    asset.connection === undefined || asset.connection === null
      ? 'production'
      : read(
          connectionSchema,
          objectAt(asset.connection, 'asset.connection').type,
          'asset.connection.type',
        );
  const assetStatus = read(assetStatusSchema, asset.status, 'asset.status');
  const template =
    r.template === undefined || r.template === null || r.template === ''
      ? undefined
      : read(nonEmptyString, objectAt(r.template, 'template').id, 'template.id');
  const reason = text(r.reason, 'reason');
  const effectiveDate = maybeTime(r.effective_date, 'effective_date');
  const plannedDate = maybeTime(r.planned_date, 'planned_date');
  const tile = text(r.activation_key, 'activation_key');
  const created = time(r.created, 'created');
  const updated = time(r.updated, 'updated');
  if (compareInstants(updated, created) < 0)
    fail(`updated: ${updated} is earlier than created (${created})`);
  return {
    id: read(nonEmptyString, r.id, 'id'),
    type: read(requestTypeSchema, r.type, 'type'),
    status: read(requestStatusSchema, r.status, 'status'),
    created,
    updated,
    ...(reason === undefined ? {} : { reason }),
    ...(effectiveDate === undefined ? {} : { effectiveDate }),
    ...(plannedDate === undefined ? {} : { plannedDate }),
    ...(template === undefined ? {} : { templateId: template }),
    ...(tile === undefined ? {} : { activationTile: tile }),
    asset: {
      id: read(nonEmptyString, asset.id, 'asset.id'),
      status: ASSET_STATUS[assetStatus],
      ...(product === undefined ? {} : { productId: product }),
      connection,
      items: items.map((i) => i.target),
      before: items.map((i) => i.before).filter((i) => i.quantity !== 0),
      params,
    },
  };
}

/** How the library reads Connect's asset statuses (the legacy ones included). */
const ASSET_STATUS: Readonly<Record<ConnectAssetStatus, SubscriptionStatus>> = {
  draft: 'draft',
  processing: 'processing',
  active: 'active',
  suspended: 'suspended',
  terminating: 'terminating',
  terminated: 'terminated',
  new: 'processing',
  rejected: 'terminated',
};
