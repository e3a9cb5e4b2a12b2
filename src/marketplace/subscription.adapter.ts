/**
 * A subscription as SoftwareOne Marketplace's API returns it (Marketplace docs, commerce API
 * `subscriptions/README.md`, the subscription object), both ways: `toMarketplaceSubscription`
 * writes it from a snapshot, `fromMarketplaceSubscription` reads it into the machine's input.
 */
import type { By } from '../core/command';
import { boolean, instant, literal, nonEmptyString, string } from '../core/schema';
import { compareInstants } from '../core/time';
import { agreementIdSchema, subscriptionIdSchema } from './ids';
import {
  externalIdsOf,
  fail,
  join,
  lineAt,
  listAt,
  maybe,
  maybeObjectAt,
  objectAt,
  parameterListAt,
  read,
  reading,
  some,
} from './json.read';
import type { SubscriptionLine } from './lines';
import type { Parameter } from './parameters';
import type { ExternalIds, MarketplaceRole } from './platform';
import type { AuditStamps } from './stamps';
import type {
  MarketplaceSubscriptionContext,
  MarketplaceSubscriptionInput,
  SubscriptionAuditEvent,
  SubscriptionStatus,
  SubscriptionTerms,
} from './subscription.types';

/**
 * The API's subscription object (Marketplace docs), restricted to what the machine models (no
 * prices). Its `parameters` hold the fulfillment ones, and the ordering ones when it has any.
 */
export interface MarketplaceSubscriptionJson {
  readonly id: string;
  /** `/v1/commerce/subscriptions/{id}`. */
  readonly href: string;
  readonly status: SubscriptionStatus;
  readonly name?: string;
  readonly agreement: { readonly id: string };
  readonly product: { readonly id: string };
  readonly startDate?: string;
  readonly commitmentDate?: string;
  readonly terminationDate?: string;
  readonly terms: SubscriptionTerms;
  readonly lines: readonly SubscriptionLine[];
  readonly parameters: {
    readonly fulfillment: readonly Parameter[];
    readonly ordering?: readonly Parameter[];
  };
  /** The latest `{ at, by }` of each audit event. */
  readonly audit: AuditStamps<SubscriptionAuditEvent>;
  readonly externalIds?: ExternalIds;
  readonly autoRenew: boolean;
}

/**
 * The API object of a subscription snapshot (an actor's, `execute`'s or `restore`'s).
 *
 * `audit` keeps the latest `{ at, by }` of each event: `created` (creation), `updated` (every later
 * accepted command), `activated` (created Active, or Draft → Active), `failed` (an order failed),
 * `updating`, `terminating`, `terminated`, `expired` (entering those statuses) and `renewed`. The
 * subscription keeps these stamps in its context, so they hold however long its history is.
 *
 * @example
 * ```ts
 * import { toMarketplaceSubscription } from 'subscription-machines/marketplace';
 *
 * const json = toMarketplaceSubscription(actor.getSnapshot());
 * json.href; // '/v1/commerce/subscriptions/SUB-2119-4550-8674-5962'
 * json.audit.created; // { at: '2026-01-31T00:00:00Z', by: { role: 'vendor' } }
 * ```
 */
export function toMarketplaceSubscription(snapshot: {
  readonly value: unknown;
  readonly context: MarketplaceSubscriptionContext;
}): MarketplaceSubscriptionJson {
  const c = snapshot.context;
  const { ordering, fulfillment } = c.parameters;
  return {
    id: c.id,
    href: `/v1/commerce/subscriptions/${c.id}`,
    status: snapshot.value as SubscriptionStatus,
    ...some('name', c.name),
    agreement: { id: c.agreementId },
    product: { id: c.productId },
    ...some('startDate', c.startDate),
    ...some('commitmentDate', c.commitmentDate),
    ...some('terminationDate', c.terminationDate),
    terms: { period: c.terms.period, commitment: c.terms.commitment },
    lines: c.lines,
    parameters: ordering.length === 0 ? { fulfillment } : { fulfillment, ordering },
    audit: c.stamps,
    ...some('externalIds', c.externalIds),
    autoRenew: c.autoRenew,
  };
}

/** Who and when the new subscription's creation is recorded as. */
export interface FromMarketplaceOptions {
  /** Default: the latest `at` in the JSON's `audit`. */
  readonly at?: string;
  /** Default: `{ role: 'system' }`, the platform handing the subscription over. */
  readonly by?: By<MarketplaceRole>;
}

/** The latest `at` among the audit's events. */
function latestAuditAt(value: unknown): string | undefined {
  const audit = maybeObjectAt(value, 'audit');
  if (audit === undefined) return undefined;
  let latest: string | undefined;
  for (const [event, stamp] of Object.entries(audit)) {
    const when = read(instant, objectAt(stamp, `audit.${event}`).at, `audit.${event}.at`);
    if (latest === undefined || compareInstants(when, latest) > 0) latest = when;
  }
  return latest;
}

/**
 * The machine input for a subscription the API returned: Draft starts as created by its Purchase
 * order (`createdBy: 'order'`), Active as created by the vendor. A subscription in another status
 * has an open order or is over, which its JSON cannot tell: restore its persisted snapshot instead.
 * External ids are read under either spelling the platform uses, `externalIds` or `externalIDs`.
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
  return reading('fromMarketplaceSubscription', () => {
    const root = objectAt(json, '');
    const status = read(
      literal('Draft', 'Active', 'Updating', 'Terminating', 'Terminated', 'Expired', 'Deleted'),
      root.status,
      'status',
    );
    if (status !== 'Draft' && status !== 'Active')
      fail(
        `status: a ${status} subscription cannot be started from its JSON (only Draft or Active)`,
      );
    const terms = objectAt(root.terms, 'terms');
    const parameters = maybeObjectAt(root.parameters, 'parameters');
    const ordering = parameterListAt(parameters?.ordering, 'parameters.ordering');
    const when = options.at ?? latestAuditAt(root.audit);
    return {
      id: read(subscriptionIdSchema, root.id, 'id'),
      agreementId: read(
        agreementIdSchema,
        objectAt(root.agreement, 'agreement').id,
        'agreement.id',
      ),
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
      lines: listAt(root.lines, 'lines').map((line, i) => {
        const { oldQuantity: _old, ...rest } = lineAt(line, join('lines', i));
        return rest;
      }),
      parameters: {
        fulfillment: parameterListAt(parameters?.fulfillment, 'parameters.fulfillment'),
        ...(ordering.length === 0 ? {} : { ordering }),
      },
      ...some('externalIds', externalIdsOf(root)),
      createdBy: status === 'Draft' ? 'order' : 'vendor',
    };
  });
}
