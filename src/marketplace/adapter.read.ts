/**
 * From the API's subscription JSON (Marketplace docs, subscription object) back to
 * {@link MarketplaceSubscriptionInput}, so a user can start a machine from what the platform
 * returned. Fields are checked as they are read; fields the machine does not model (prices,
 * `terms.model`, names of references) are ignored.
 */
import type { By } from '../core/command';
import {
  boolean,
  describe,
  instant,
  integer,
  isPlainObject,
  literal,
  nonEmptyString,
  type Schema,
  string,
} from '../core/schema';
import { compareInstants } from '../core/time';
import { agreementIdSchema, subscriptionIdSchema } from './ids';
import type { SubscriptionLine } from './lines';
import type { Parameter } from './parameters';
import type { MarketplaceRole } from './platform';
import type { ExternalIds, MarketplaceSubscriptionInput } from './subscription.types';

/** Who and when the new subscription's creation is recorded as. */
export interface FromMarketplaceOptions {
  /** Default: the latest `at` in the JSON's `audit`. */
  readonly at?: string;
  /** Default: `{ role: 'system' }`, the platform handing the subscription over. */
  readonly by?: By<MarketplaceRole>;
}

type Json = Record<string, unknown>;

const fail = (message: string): never => {
  throw new TypeError(`fromMarketplaceSubscription: ${message}`);
};
const at = (path: string) => (path === '' ? 'value' : path);
const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

function read<T>(schema: Schema<T>, value: unknown, path: string): T {
  const error = schema(value, path);
  return error === null ? (value as T) : fail(error);
}
/** An optional field: absent or `null` (as APIs write it) gives `undefined`. */
const maybe = <T>(schema: Schema<T>, value: unknown, path: string): T | undefined =>
  value === undefined || value === null ? undefined : read(schema, value, path);
const objectAt = (value: unknown, path: string): Json =>
  isPlainObject(value) ? value : fail(`${at(path)}: expected an object, got ${describe(value)}`);
const listAt = (value: unknown, path: string): unknown[] =>
  Array.isArray(value) ? value : fail(`${at(path)}: expected an array, got ${describe(value)}`);
const some = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

function lineAt(value: unknown, path: string): SubscriptionLine {
  const line = objectAt(value, path);
  const item = objectAt(line.item, join(path, 'item'));
  return {
    id: read(nonEmptyString, line.id, join(path, 'id')),
    item: { id: read(nonEmptyString, item.id, join(path, 'item.id')) },
    quantity: read(integer(0), line.quantity, join(path, 'quantity')),
  };
}

function parameterAt(value: unknown, path: string): Parameter {
  const p = objectAt(value, path);
  const error =
    p.error === undefined || p.error === null ? undefined : objectAt(p.error, join(path, 'error'));
  return {
    id: read(nonEmptyString, p.id, join(path, 'id')),
    ...some('externalId', maybe(nonEmptyString, p.externalId, join(path, 'externalId'))),
    ...some('value', maybe(string, p.value, join(path, 'value'))),
    ...some(
      'error',
      error && {
        id: read(nonEmptyString, error.id, join(path, 'error.id')),
        message: read(string, error.message, join(path, 'error.message')),
      },
    ),
  };
}

function externalIdsAt(value: unknown, path: string): ExternalIds | undefined {
  if (value === undefined || value === null) return undefined;
  const ids = objectAt(value, path);
  return {
    ...some('client', maybe(string, ids.client, join(path, 'client'))),
    ...some('vendor', maybe(string, ids.vendor, join(path, 'vendor'))),
    ...some('operations', maybe(string, ids.operations, join(path, 'operations'))),
  };
}

/** The latest `at` among the audit's events. */
function latestAuditAt(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  let latest: string | undefined;
  for (const [event, stamp] of Object.entries(objectAt(value, 'audit'))) {
    const when = read(instant, objectAt(stamp, `audit.${event}`).at, `audit.${event}.at`);
    if (latest === undefined || compareInstants(when, latest) > 0) latest = when;
  }
  return latest;
}

/**
 * The machine input for a subscription the API returned: Draft starts as created by its Purchase
 * order (`createdBy: 'order'`), Active as created by the vendor. A subscription in another status
 * has an open order or is over, which its JSON cannot tell: restore its persisted snapshot instead.
 *
 * @throws TypeError naming the JSON path, e.g. `fromMarketplaceSubscription: agreement.id: expected
 * AGR-dddd-dddd-dddd-dddd, got "AGR-1"`.
 *
 * @example
 * ```ts
 * import { start } from 'subscription-machines';
 * import {
 *   fromMarketplaceSubscription,
 *   marketplaceSubscriptionMachine,
 * } from 'subscription-machines/marketplace';
 *
 * const json = await (await fetch(`${api}/v1/commerce/subscriptions/${id}`)).json();
 * const snapshot = start(marketplaceSubscriptionMachine, fromMarketplaceSubscription(json));
 * ```
 */
export function fromMarketplaceSubscription(
  json: unknown,
  options: FromMarketplaceOptions = {},
): MarketplaceSubscriptionInput {
  const root = objectAt(json, '');
  const status = read(
    literal('Draft', 'Active', 'Updating', 'Terminating', 'Terminated', 'Expired', 'Deleted'),
    root.status,
    'status',
  );
  if (status !== 'Draft' && status !== 'Active')
    fail(`status: a ${status} subscription cannot be started from its JSON (only Draft or Active)`);
  const terms = objectAt(root.terms, 'terms');
  const parameters =
    root.parameters === undefined || root.parameters === null
      ? undefined
      : objectAt(root.parameters, 'parameters');
  const when = options.at ?? latestAuditAt(root.audit);
  return {
    id: read(subscriptionIdSchema, root.id, 'id'),
    agreementId: read(agreementIdSchema, objectAt(root.agreement, 'agreement').id, 'agreement.id'),
    productId: read(nonEmptyString, objectAt(root.product, 'product').id, 'product.id'),
    ...some('name', maybe(string, root.name, 'name')),
    at:
      when === undefined
        ? fail('audit: has no event to date the subscription; pass options.at')
        : read(instant, when, 'options.at'),
    by: options.by ?? { role: 'system' },
    terms: {
      period: read(literal('1m', '1y', 'one-time'), terms.period, 'terms.period'),
      commitment: read(literal('1m', '1y', '3y'), terms.commitment, 'terms.commitment'),
    },
    ...some('startDate', maybe(instant, root.startDate, 'startDate')),
    ...some('commitmentDate', maybe(instant, root.commitmentDate, 'commitmentDate')),
    autoRenew: maybe(boolean, root.autoRenew, 'autoRenew') ?? true,
    lines: listAt(root.lines, 'lines').map((line, i) => lineAt(line, join('lines', i))),
    parameters: listAt(parameters?.fulfillment ?? [], 'parameters.fulfillment').map((p, i) =>
      parameterAt(p, join('parameters.fulfillment', i)),
    ),
    ...some('externalIds', externalIdsAt(root.externalIds, 'externalIds')),
    createdBy: status === 'Draft' ? 'order' : 'vendor',
  };
}
