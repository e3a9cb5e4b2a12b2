/**
 * The subscription as SoftwareOne Marketplace's API returns it (Marketplace docs, subscription
 * object), from a snapshot of {@link marketplaceSubscriptionMachine}; `fromMarketplaceSubscription`
 * (adapter.read.ts) goes back.
 */
import type { AuditEntry } from '../core/bookkeeping';
import type { By } from '../core/command';
import type { SubscriptionLine } from './lines';
import type { Parameter } from './parameters';
import type { MarketplaceRole } from './platform';
import type {
  ExternalIds,
  MarketplaceSubscriptionContext,
  SubscriptionStatus,
  SubscriptionTerms,
} from './subscription.types';

/** The audit events of a subscription: the seed's five, and the four the API adds. */
export const AUDIT_EVENTS = [
  'created',
  'updated',
  'activated',
  'terminated',
  'failed',
  'updating',
  'terminating',
  'expired',
  'renewed',
] as const;
/** One of {@link AUDIT_EVENTS}, a key of the API object's `audit`. */
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** The latest `{ at, by }` of each event that happened. */
export type MarketplaceAudit = { readonly [E in AuditEvent]?: AuditStamp };
/** When an event last happened, and who caused it. */
export interface AuditStamp {
  readonly at: string;
  readonly by: By<MarketplaceRole>;
}

/**
 * The API's subscription object (Marketplace docs), restricted to what the machine models (no
 * prices).
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
  readonly parameters: { readonly fulfillment: readonly Parameter[] };
  readonly audit: MarketplaceAudit;
  readonly externalIds?: ExternalIds;
  readonly autoRenew: boolean;
}

/** The events one audit entry stands for; each later entry overwrites an event's stamp. */
function eventsOf(entry: AuditEntry): AuditEvent[] {
  if (entry.from === null) return entry.to === 'Active' ? ['created', 'activated'] : ['created'];
  const events: AuditEvent[] = ['updated'];
  if (entry.to === 'Active' && entry.from === 'Draft') events.push('activated');
  if (entry.command === 'order.failed') events.push('failed');
  if (entry.from !== entry.to) {
    const moved: Partial<Record<string, AuditEvent>> = {
      Updating: 'updating',
      Terminating: 'terminating',
      Terminated: 'terminated',
      Expired: 'expired',
    };
    const event = moved[entry.to];
    if (event) events.push(event);
  }
  if (entry.event === 'renewed') events.push('renewed');
  return events;
}

/** The latest `{ at, by }` of each audit event, from the machine's append-only audit. */
export function auditOf(audit: readonly AuditEntry[]): MarketplaceAudit {
  const out: Partial<Record<AuditEvent, AuditStamp>> = {};
  for (const entry of audit) {
    for (const event of eventsOf(entry))
      out[event] = { at: entry.at, by: entry.by as By<MarketplaceRole> };
  }
  return out;
}

/**
 * The API object of a subscription snapshot (an actor's, `execute`'s or `restore`'s).
 *
 * `audit` keeps the latest `{ at, by }` of each event: `created` (creation), `updated` (every later
 * accepted command), `activated` (created Active, or Draft → Active), `failed` (an order failed),
 * `updating`, `terminating`, `terminated`, `expired` (entering those statuses) and `renewed`.
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
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
  return {
    id: c.id,
    href: `/v1/commerce/subscriptions/${c.id}`,
    status: snapshot.value as SubscriptionStatus,
    ...optional('name', c.name),
    agreement: { id: c.agreementId },
    product: { id: c.productId },
    ...optional('startDate', c.startDate),
    ...optional('commitmentDate', c.commitmentDate),
    ...optional('terminationDate', c.terminationDate),
    terms: { period: c.terms.period, commitment: c.terms.commitment },
    lines: c.lines,
    parameters: { fulfillment: c.parameters },
    audit: auditOf(c.audit),
    ...optional('externalIds', c.externalIds),
    autoRenew: c.autoRenew,
  };
}
