/**
 * Types of a SoftwareOne Marketplace agreement (Marketplace docs:
 * the agreement state diagram), e.g. `AGR-2119-4550-8674-0001`.
 */
import type { AuditRecorded, Bookkeeping } from '../core/bookkeeping';
import type { CommandShape } from '../core/command';
import type { Rejection, RejectionCode } from '../core/rejection';
import type { StatusChanged } from '../core/step';
import type { agreementPayloads } from './agreement.commands';
import type { OpenOrder } from './open-order';
import type { CommandRejected, MarketplaceRole } from './platform';

/** The agreement's statuses, in the diagram's order (its New is the transient start). */
export const AGREEMENT_STATUSES = [
  'Draft',
  'Provisioning',
  'Failed',
  'Active',
  'Updating',
  'Terminated',
  'Deleted',
] as const;
/** One of {@link AGREEMENT_STATUSES}. */
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The statuses no command leaves. */
export const FINAL_AGREEMENT_STATUSES = ['Failed', 'Terminated', 'Deleted'] as const;
/** One of {@link FINAL_AGREEMENT_STATUSES}. */
export type FinalAgreementStatus = (typeof FINAL_AGREEMENT_STATUSES)[number];

/** The rejection codes an agreement gives; no other code ever comes from it. */
export const AGREEMENT_REJECTION_CODES = [
  'INVALID_COMMAND',
  'STALE_VERSION',
  'OUT_OF_ORDER',
  'FORBIDDEN_ROLE',
  'INVALID_STATE',
  'REQUEST_IN_PROGRESS',
  'UNKNOWN_REQUEST',
] as const satisfies readonly RejectionCode[];
/** One of {@link AGREEMENT_REJECTION_CODES}. */
export type MarketplaceAgreementRejectionCode = (typeof AGREEMENT_REJECTION_CODES)[number];

/**
 * What a new agreement is made from: the Purchase order that creates it, a draft (`draft: true`)
 * or already placed.
 *
 * @example
 * ```ts
 * const input: MarketplaceAgreementInput = {
 *   id: 'AGR-2119-4550-8674-0001', orderId: 'ORD-2119-4550-8674-0001',
 *   at: '2026-01-05T09:00:00Z', by: { role: 'system' },
 * };
 * ```
 */
export interface MarketplaceAgreementInput {
  readonly id: string;
  readonly orderId: string;
  readonly draft?: boolean;
  readonly at: string;
  readonly by: { readonly role: MarketplaceRole; readonly id?: string };
}

/** What an agreement knows: the order it waits for, one at a time. */
export interface MarketplaceAgreementContext extends Bookkeeping<AgreementStatus, MarketplaceRole> {
  readonly id: string;
  /** Created by a draft Purchase order, not yet placed. */
  readonly draft: boolean;
  /** The draft or provisioning Purchase order, or the order placed against an Active agreement. */
  readonly openOrder: OpenOrder | null;
}

type Payloads = typeof agreementPayloads;

/** One command of the agreement, by type. */
export type MarketplaceAgreementCommandOf<T extends keyof Payloads> = CommandShape<
  T,
  MarketplaceRole,
  Payloads[T]
>;

/** Every command an agreement accepts. */
export type MarketplaceAgreementCommand = {
  [T in keyof Payloads]: MarketplaceAgreementCommandOf<T>;
}[keyof Payloads];

/** The payload of each agreement command (beside the envelope), by type. */
export type MarketplaceAgreementPayload<T extends keyof Payloads> = Omit<
  MarketplaceAgreementCommandOf<T>,
  'type' | 'at' | 'by' | 'commandId' | 'expectedVersion'
>;

/** A refused agreement command: `{ code, message, command, status, details? }`. */
export type MarketplaceAgreementRejection = Rejection<
  MarketplaceAgreementCommand,
  AgreementStatus,
  MarketplaceAgreementRejectionCode
>;

/** What an agreement actor emits. */
export type MarketplaceAgreementEmitted =
  | StatusChanged<AgreementStatus>
  | AuditRecorded<AgreementStatus, MarketplaceRole>
  | CommandRejected<
      MarketplaceAgreementCommand,
      AgreementStatus,
      MarketplaceAgreementRejectionCode
    >;
