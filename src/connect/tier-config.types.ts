/**
 * Types of CloudBlue Connect's tier configuration request (connect-workflows `tier-config-request/`;
 * the TierConfigRequest object of the Connect OpenAPI spec), e.g. `TCR-123-456-789-001`.
 */
import type { AuditRecorded, Bookkeeping } from '../core/bookkeeping';
import type { Envelope } from '../core/command';
import type { CommandRejected, Rejection, RejectionCode } from '../core/rejection';
import type { StatusChanged } from '../core/step';
import type { Capabilities, CapabilitiesInput } from './capabilities';
import type { TierConfigApprovePayload, TierConfigFailPayload } from './request.payloads';
import type { ConnectRole, Notification, Parameter, ParameterUpdate } from './request.types';

/** The types of tier configuration request: `setup`, `update`, `adjustment`. */
export const TIER_CONFIG_REQUEST_TYPES = ['setup', 'update', 'adjustment'] as const;
/** One of {@link TIER_CONFIG_REQUEST_TYPES}. */
export type TierConfigRequestType = (typeof TIER_CONFIG_REQUEST_TYPES)[number];

/** The statuses of a tier configuration request, Connect's own strings. */
export const TIER_CONFIG_REQUEST_STATUSES = [
  'draft',
  'tiers_setup',
  'pending',
  'inquiring',
  'approved',
  'failed',
  'deleted',
] as const;
/** One of {@link TIER_CONFIG_REQUEST_STATUSES}. */
export type TierConfigRequestStatus = (typeof TIER_CONFIG_REQUEST_STATUSES)[number];

/** The statuses a tier configuration request ends in. */
export const FINAL_TIER_CONFIG_REQUEST_STATUSES = ['approved', 'failed', 'deleted'] as const;
/** One of {@link FINAL_TIER_CONFIG_REQUEST_STATUSES}. */
export type FinalTierConfigRequestStatus = (typeof FINAL_TIER_CONFIG_REQUEST_STATUSES)[number];

/** The tier configuration a request sets up or updates: Connect's `configuration`. */
export interface TierConfiguration {
  /** The tier configuration's id, e.g. `TC-123-456-789`, when Connect has given one. */
  readonly id?: string;
  /** 1 for the reseller (tier 1), 2 for the distributor's reseller (tier 2). */
  readonly tierLevel: 1 | 2;
  /** The tier account, e.g. `TA-1234-5678-9012`. */
  readonly accountId: string;
  /** The product, e.g. `PRD-276-377-545`. */
  readonly productId: string;
}

/**
 * What creates a tier configuration request.
 *
 * @example
 * ```ts
 * const input: TierConfigRequestInput = {
 *   id: 'TCR-276-377-545-001', requestType: 'setup', at: '2026-01-05T09:00:00Z',
 *   by: { role: 'system' },
 *   configuration: { tierLevel: 1, accountId: 'TA-1234-5678-9012', productId: 'PRD-276-377-545' },
 * };
 * ```
 */
export interface TierConfigRequestInput {
  readonly id: string;
  readonly requestType: TierConfigRequestType;
  readonly configuration: TierConfiguration;
  readonly at: string;
  readonly by: { readonly role: ConnectRole; readonly id?: string };
  readonly capabilities?: CapabilitiesInput;
  /** Start as a draft, with the tier configuration's draft validation on. */
  readonly draft?: boolean;
  /** A tier-1 request whose tier-2 request is still open: it waits in tiers_setup. */
  readonly waitsForTier2?: boolean;
  readonly params?: readonly Parameter[];
}

export interface TierConfigRequestContext
  extends Bookkeeping<TierConfigRequestStatus, ConnectRole> {
  readonly id: string;
  readonly requestType: TierConfigRequestType;
  readonly configuration: TierConfiguration;
  readonly capabilities: Capabilities;
  readonly draft: boolean;
  readonly waitsForTier2: boolean;
  readonly params: readonly Parameter[];
  readonly createdAt: string;
  /** The template of the approval (Connect's `template.id`), or of the last inquiry. */
  readonly templateId?: string;
  /** Why it failed. */
  readonly reason?: string;
}

/** `tcr.submit`: a draft is validated and submitted. */
export interface TcrSubmitPayload {
  readonly requestId: string;
}
/** `tcr.validate`: the vendor writes values and errors (`PUT /tier/config-requests/{id}`). */
export interface TcrValidatePayload {
  readonly requestId: string;
  readonly params: readonly ParameterUpdate[];
}
/** `tcr.inquire`: the vendor marks tier parameter data invalid and asks the tiers for it. */
export interface TcrInquirePayload {
  readonly requestId: string;
  readonly params?: readonly ParameterUpdate[];
  readonly templateId?: string;
}
/** `tcr.answer`: the tier fills the inquiring form. */
export interface TcrAnswerPayload {
  readonly requestId: string;
  readonly params: readonly ParameterUpdate[];
}
/** `tcr.pend`: the vendor sets an inquiring request back to pending. */
export interface TcrPendPayload {
  readonly requestId: string;
}
/** `tcr.approve`: the vendor approves, with the tier activation template. */
export interface TcrApprovePayload {
  readonly requestId: string;
  readonly templateId: string;
  readonly params?: readonly ParameterUpdate[];
}
/** `tcr.fail`: the vendor rejects the request, with a reason. */
export interface TcrFailPayload {
  readonly requestId: string;
  readonly reason: string;
}
/** `tcr.delete`: a draft that was not validated is removed. */
export interface TcrDeletePayload {
  readonly requestId: string;
}

/** The payload of every tier configuration request command, by type. */
export interface TierConfigRequestPayloads {
  readonly 'tcr.submit': TcrSubmitPayload;
  readonly 'tcr.validate': TcrValidatePayload;
  readonly 'tcr.inquire': TcrInquirePayload;
  readonly 'tcr.answer': TcrAnswerPayload;
  readonly 'tcr.pend': TcrPendPayload;
  readonly 'tcr.approve': TcrApprovePayload;
  readonly 'tcr.fail': TcrFailPayload;
  readonly 'tcr.delete': TcrDeletePayload;
  /** A tier-1 request's tier-2 request was approved. */
  readonly 'tierConfig.approve': TierConfigApprovePayload;
  /** A tier-1 request's tier-2 request failed. */
  readonly 'tierConfig.fail': TierConfigFailPayload;
}

/** One command of the tier configuration request, by type. */
export type TierConfigRequestCommandOf<T extends keyof TierConfigRequestPayloads> = Envelope<
  T,
  ConnectRole
> &
  TierConfigRequestPayloads[T];

/** Every command a tier configuration request accepts (nothing in it is due at a time). */
export type TierConfigRequestCommand = {
  [T in keyof TierConfigRequestPayloads]: TierConfigRequestCommandOf<T>;
}[keyof TierConfigRequestPayloads];

/** The codes a tier configuration request's rejections can have. */
export const TIER_CONFIG_REQUEST_REJECTION_CODES = [
  'INVALID_COMMAND',
  'STALE_VERSION',
  'OUT_OF_ORDER',
  'FORBIDDEN_ROLE',
  'INVALID_STATE',
  'CAPABILITY_DISABLED',
  'UNKNOWN_REQUEST',
  'REASON_REQUIRED',
  'REQUIRED_PARAMETERS_MISSING',
  'NO_PARAMETER_ERRORS',
] as const satisfies readonly RejectionCode[];
/** One of {@link TIER_CONFIG_REQUEST_REJECTION_CODES}. */
export type TierConfigRequestRejectionCode = (typeof TIER_CONFIG_REQUEST_REJECTION_CODES)[number];

/** A refused tier configuration request command. */
export type TierConfigRequestRejection = Rejection<
  TierConfigRequestCommand,
  TierConfigRequestStatus,
  TierConfigRequestRejectionCode
>;

/** Everything a tier configuration request actor emits. */
export type TierConfigRequestEmitted =
  | StatusChanged<TierConfigRequestStatus>
  | AuditRecorded<TierConfigRequestStatus, ConnectRole>
  | Notification
  | CommandRejected<
      TierConfigRequestCommand,
      TierConfigRequestStatus,
      TierConfigRequestRejectionCode
    >;

/**
 * What the requests waiting in tiers_setup for this account and product do now: the fulfillment
 * requests (and a tier-1 request waiting on this tier-2 one) take `tierConfig.approve` or
 * `tierConfig.fail` (connect-workflows tier-config-request s-e-approved, s-f-failed).
 */
export type TierConfigOutcome =
  | { readonly type: 'tierConfig.approve' }
  | { readonly type: 'tierConfig.fail'; readonly reason: string };

/** What a tier configuration request gives when it ends. */
export interface TierConfigRequestOutput {
  readonly id: string;
  readonly requestType: TierConfigRequestType;
  readonly status: FinalTierConfigRequestStatus;
  readonly configuration: TierConfiguration;
  readonly params: readonly Parameter[];
  readonly templateId?: string;
  readonly reason?: string;
  /** For the requests waiting on it; `null` for a deleted draft, which nobody waits for. */
  readonly waiting: TierConfigOutcome | null;
}
