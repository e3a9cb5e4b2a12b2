/**
 * Types of Opencell's subscription (opencell-core, and the Opencell docs' Subscriptions page):
 * statuses, products, access points, versions, amendments, commands and what the machine emits.
 */
import type { AuditRecorded, Bookkeeping } from '../core/bookkeeping';
import type { ClockTick, CommandShape } from '../core/command';
import type { CommandRejected, Rejection, RejectionCode } from '../core/rejection';
import type { StatusChanged } from '../core/step';
import type {
  AmendmentApplied,
  EndOfTermNotice,
  SubscriptionEnded,
  SubscriptionRenewed,
} from './events';
import type { RenewalRule, RenewalRuleInput } from './renewal';
import type { opencellPayloads } from './subscription.commands';
import type { TerminationReason } from './termination';

/** Opencell's `SubscriptionStatusEnum`, verbatim. */
export const OPENCELL_STATUSES = [
  'CREATED',
  'ACTIVE',
  'SUSPENDED',
  'CANCELED',
  'RESILIATED',
] as const;
/** One of {@link OPENCELL_STATUSES}: what `statusOf(snapshot)` returns. */
export type OpencellStatus = (typeof OPENCELL_STATUSES)[number];

/** The rejection codes the subscription gives; no other code ever comes from it. */
export const OPENCELL_REJECTION_CODES = [
  'INVALID_COMMAND',
  'STALE_VERSION',
  'OUT_OF_ORDER',
  'FORBIDDEN_ROLE',
  'INVALID_STATE',
  'UNKNOWN_REQUEST',
  'DUPLICATE_REQUEST',
  'REASON_REQUIRED',
  'INVALID_DATE',
] as const satisfies readonly RejectionCode[];
/** One of {@link OPENCELL_REJECTION_CODES}. */
export type OpencellRejectionCode = (typeof OPENCELL_REJECTION_CODES)[number];

/** `operator` acts on the subscription page; `system` only moves the clock. */
export const OPENCELL_ROLES = ['operator', 'system'] as const;
/** One of {@link OPENCELL_ROLES}: a command's `by.role`. */
export type OpencellRole = (typeof OPENCELL_ROLES)[number];

/**
 * A product's own status, after Opencell's `InstanceStatusEnum`: `INACTIVE` until the subscription
 * is activated, `SUSPENDED` while it is suspended, `TERMINATED` once removed or ended.
 */
export const PRODUCT_STATUSES = ['INACTIVE', 'ACTIVE', 'SUSPENDED', 'TERMINATED'] as const;
/** One of {@link PRODUCT_STATUSES}. */
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** A product attribute's value. */
export type AttributeValue = string | number | boolean;

/** Attributes of a product, by name. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/** A period of time: `from` inclusive, `to` exclusive; without `to` it is still running. */
export interface Interval {
  readonly from: string;
  readonly to?: string;
}

/** A product as ordered: what an `add` change or the input carries. */
export interface ProductOrder {
  readonly code: string;
  readonly quantity: number;
  readonly attributes?: Attributes;
}

/**
 * A product on the subscription (Opencell's service instance). Its dates are the data charges are
 * computed from: it is charged from `activatedAt` to `terminatedAt`, except during its
 * `suspendedIntervals`.
 */
export interface Product extends ProductOrder {
  readonly status: ProductStatus;
  /** When it became active (the subscription's activation, or the amendment's date). */
  readonly activatedAt?: string;
  /** When it was removed, or the subscription ended. */
  readonly terminatedAt?: string;
  /** The reason the subscription's end terminated it with (its flags drive its charges). */
  readonly terminationReason?: TerminationReason;
  /** The last suspensions (a window); the last one is open while it is SUSPENDED. */
  readonly suspendedIntervals?: readonly Interval[];
  /**
   * Set once older suspended intervals left the window: the product's intervals are complete from
   * this instant on, and `chargeableIntervals` starts there.
   */
  readonly knownFrom?: string;
}

/** One change of an amendment: add a product, remove one, or update its quantity or attributes. */
export type ProductChange =
  | { readonly op: 'add'; readonly product: ProductOrder }
  | { readonly op: 'remove'; readonly productCode: string }
  | {
      readonly op: 'update';
      readonly productCode: string;
      readonly quantity?: number;
      /** Merged into the product's attributes; `null` deletes an attribute. */
      readonly attributes?: Readonly<Record<string, AttributeValue | null>>;
    };

/** An access point of the subscription (Opencell's `Access`), e.g. a phone number. */
export interface AccessPoint {
  readonly code: string;
  /** Set to the termination date when the subscription ends. */
  readonly endDate?: string;
  /** False while the subscription is SUSPENDED, CANCELED or RESILIATED. */
  readonly enabled: boolean;
}

/** One version of the subscription: the offer valid from `validFrom` until `validTo`. */
export interface SubscriptionVersion {
  readonly version: number;
  readonly offerCode: string;
  readonly validFrom: string;
  /** The next version's `validFrom`; absent on the last version. */
  readonly validTo?: string;
}

/** An amendment order waiting for its `effectiveDate`. */
export interface PendingAmendment {
  readonly amendmentId: string;
  readonly effectiveDate: string;
  readonly changes: readonly ProductChange[];
  /** The `at` of the `amendment.submit` that queued it. */
  readonly submittedAt: string;
}

/** How an amendment left the queue. */
export type AmendmentOutcome = 'applied' | 'canceled' | 'discarded';

/**
 * An amendment order that is no longer pending, listed on the subscription (Opencell docs: "the
 * order is listed").
 */
export interface ClosedAmendment extends PendingAmendment {
  readonly outcome: AmendmentOutcome;
  /** When it was applied, canceled, or discarded by the end of the subscription. */
  readonly closedAt: string;
}

/**
 * A future-dated termination (opencell-core `SubscriptionService.terminateSubscriptionWithFutureDate`):
 * while it is scheduled the term ends on its date, without renewal, and terminates with its
 * reason; `clock.tick` applies it once the end of its day has passed, to an ACTIVE or CREATED
 * subscription (`SubscriptionStatusJobBean`). The renewal rule stays as it was, so cancelling the
 * termination restores it.
 */
export interface ScheduledTermination {
  readonly terminationDate: string;
  readonly reason: TerminationReason;
  /** The operator's free-text note. */
  readonly note?: string;
}

/** A period of suspension of the whole subscription, with the reason given. */
export interface Suspension extends Interval {
  readonly reason?: string;
}

/** An owner transfer: the subscription moved from one consumer to another. */
export interface OwnerTransfer {
  readonly at: string;
  readonly fromConsumerId: string;
  readonly toConsumerId: string;
}

/**
 * What creates a subscription: CREATED, version 1 of `offerCode` valid from its subscription date
 * (`subscriptionDate`, by default `at`).
 *
 * @example
 * ```ts
 * const input: OpencellSubscriptionInput = {
 *   code: 'SUB-42', offerCode: 'OF_BASIC', consumerId: 'CUST-1', at: '2026-01-01T00:00:00Z',
 *   by: { role: 'operator' }, products: [{ code: 'PR_DATA', quantity: 1 }],
 *   accessPoints: [{ code: 'AP-0612345678' }],
 * };
 * ```
 */
export interface OpencellSubscriptionInput {
  /** The subscription's code in Opencell. */
  readonly code: string;
  readonly offerCode: string;
  readonly consumerId: string;
  readonly at: string;
  readonly by: { readonly role: OpencellRole; readonly id?: string };
  readonly products?: readonly ProductOrder[];
  readonly accessPoints?: readonly { readonly code: string; readonly endDate?: string }[];
  /** Opencell's `subscriptionDate`; by default `at`. */
  readonly subscriptionDate?: string;
  /** Opencell's `subscriptionRenewal`; by default a RECURRING rule with no term and no renewal. */
  readonly renewalRule?: RenewalRuleInput;
  /** Shorthand for `renewalRule.autoRenew`; off unless given. */
  readonly autoRenew?: boolean;
  /** The end of the first term, for a FIXED rule (a RECURRING one computes it). */
  readonly subscribedTillDate?: string;
  /** The end of the customer's engagement. */
  readonly endAgreementDate?: string;
}

/** The subscription's data (`snapshot.context`), persisted as it is by `persist`. */
export interface OpencellSubscriptionContext extends Bookkeeping<OpencellStatus, OpencellRole> {
  readonly code: string;
  readonly consumerId: string;
  readonly subscriptionDate: string;
  readonly renewalRule: RenewalRule;
  /** The end of the current term (Opencell's `subscribedTillDate`), when the rule gives one. */
  readonly subscribedTillDate?: string | undefined;
  /** The subscription renewed at least once. */
  readonly renewed: boolean;
  /** When the `endOfTerm` notice of the current term fired. */
  readonly renewalNotifiedDate?: string | undefined;
  readonly endAgreementDate?: string | undefined;
  /**
   * The last versions (a window), oldest first; exactly one is valid at
   * any instant from the first `validFrom` on.
   */
  readonly versions: readonly SubscriptionVersion[];
  /** The products: every one not TERMINATED, and the last TERMINATED ones (a window). */
  readonly products: readonly Product[];
  readonly accessPoints: readonly AccessPoint[];
  /** The queue, in application order: by `effectiveDate`, then by submission. */
  readonly pendingAmendments: readonly PendingAmendment[];
  /** The last amendments that left the queue (a window), in the order they did. */
  readonly amendments: readonly ClosedAmendment[];
  /** The last suspensions (a window). */
  readonly suspensions: readonly Suspension[];
  /** The last owner transfers (a window). */
  readonly ownerTransfers: readonly OwnerTransfer[];
  /** A future-dated termination; `undefined` (absent once persisted) when none is scheduled. */
  readonly scheduledTermination?: ScheduledTermination | undefined;
  /** Set while CANCELED or RESILIATED: when and why the subscription ended. */
  readonly terminationDate?: string | undefined;
  readonly terminationReason?: TerminationReason | undefined;
  /** The operator's free-text note on the end. */
  readonly terminationNote?: string | undefined;
}

type Payloads = typeof opencellPayloads;
type Shape<T extends keyof Payloads> = CommandShape<T, OpencellRole, Payloads[T]>;

/**
 * One command of the Opencell subscription, by type. `subscription.cancel` and
 * `subscription.terminate` require `reason` in their types; at run time a missing or blank one is
 * `REASON_REQUIRED`.
 */
export type OpencellCommandOf<T extends keyof Payloads | 'clock.tick'> = T extends 'clock.tick'
  ? ClockTick<OpencellRole>
  : T extends 'subscription.cancel' | 'subscription.terminate'
    ? Omit<Shape<T>, 'reason'> & { readonly reason: TerminationReason | string }
    : T extends keyof Payloads
      ? Shape<T>
      : never;

/** Every command the Opencell subscription accepts. */
export type OpencellCommand = {
  [T in keyof Payloads | 'clock.tick']: OpencellCommandOf<T>;
}[keyof Payloads | 'clock.tick'];

/** The payload of each command (beside the envelope), by type. */
export type OpencellPayload<T extends keyof Payloads> = Omit<
  OpencellCommandOf<T>,
  'type' | 'at' | 'by' | 'commandId' | 'expectedVersion'
>;

/** A refused command: `{ code, message, command, status, details? }`. */
export type OpencellSubscriptionRejection = Rejection<
  OpencellCommand,
  OpencellStatus,
  OpencellRejectionCode
>;

/** Emitted by an actor for a refused command; the pure API returns the rejection instead. */
export type OpencellCommandRejected = CommandRejected<
  OpencellCommand,
  OpencellStatus,
  OpencellRejectionCode
>;

/** Everything an actor of the machine emits to `actor.on(...)` listeners. */
export type OpencellSubscriptionEmitted =
  | StatusChanged<OpencellStatus>
  | AuditRecorded<OpencellStatus, OpencellRole>
  | AmendmentApplied
  | SubscriptionRenewed
  | EndOfTermNotice
  | SubscriptionEnded
  | OpencellCommandRejected;
