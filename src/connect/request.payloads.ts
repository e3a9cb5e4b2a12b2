/**
 * The payload of each fulfillment request command, as named types: what `RequestCommandOf<T>` and
 * the command unions are made of. The run-time schemas are in `request.commands.ts`; a type test
 * keeps the two in step. Where Connect needs a reason (a fail, a revoke), the type requires one; a
 * blank one is still `REASON_REQUIRED` at run time.
 */
import type { ParameterEdit, ParameterUpdate } from './request.types';

/** `request.submit`: the buyer provisions a draft (`POST /requests/{id}/purchase`). */
export interface RequestSubmitPayload {
  readonly requestId: string;
}

/** `request.update`: the buyer edits ordering values of a draft (or of an inquiring form). */
export interface RequestUpdatePayload {
  readonly requestId: string;
  readonly params: readonly ParameterEdit[];
}

/** `request.validate`: the vendor writes values and errors (`PUT /requests/{id}`). */
export interface RequestValidatePayload {
  readonly requestId: string;
  readonly params: readonly ParameterUpdate[];
}

/** `request.inquire`: the vendor (or the system) asks the buyer for parameter data. */
export interface RequestInquirePayload {
  readonly requestId: string;
  /** Errors (and values) written with the inquiry. */
  readonly params?: readonly ParameterUpdate[];
  readonly templateId?: string;
}

/** `request.answer`: the buyer answers the inquiry. */
export interface RequestAnswerPayload {
  readonly requestId: string;
  readonly params: readonly ParameterUpdate[];
}

/** `request.pend`: the vendor pulls an inquiring request back to pending. */
export interface RequestPendPayload {
  readonly requestId: string;
}

interface ApproveFields {
  readonly requestId: string;
  /** Fulfillment values written with the approval. */
  readonly params?: readonly ParameterUpdate[];
  readonly effectiveDate?: string;
}

/** `request.approve` with Connect's activation template (`template_id`). */
export interface RequestApproveWithTemplate extends ApproveFields {
  readonly templateId: string;
  readonly activationTile?: string;
}

/** `request.approve` with a legacy activation tile (`activation_tile`, Markdown) instead. */
export interface RequestApproveWithTile extends ApproveFields {
  readonly templateId?: string;
  readonly activationTile: string;
}

/** `request.approve`: a `templateId`, or an `activationTile` (Connect needs one of the two). */
export type RequestApprovePayload = RequestApproveWithTemplate | RequestApproveWithTile;

/** `request.fail`: the vendor fails the request, with a reason. */
export interface RequestFailPayload {
  readonly requestId: string;
  readonly reason: string;
}

/** `request.schedule`: the vendor delays the activation to `plannedDate`. */
export interface RequestSchedulePayload {
  readonly requestId: string;
  readonly plannedDate: string;
}

/** `request.revoke`: the distributor or reseller revokes a scheduled request, with a reason. */
export interface RequestRevokePayload {
  readonly requestId: string;
  readonly reason: string;
}

/** `request.confirmRevocation`: the vendor confirms a revocation. */
export interface RequestConfirmRevocationPayload {
  readonly requestId: string;
}

/** `tierConfig.require`: the request waits for a tier configuration. */
export interface TierConfigRequirePayload {
  readonly requestId: string;
}

/** `tierConfig.approve`: the tier configuration it waited for was approved. */
export interface TierConfigApprovePayload {
  readonly requestId: string;
}

/** `tierConfig.fail`: the tier configuration it waited for failed, with a reason. */
export interface TierConfigFailPayload {
  readonly requestId: string;
  readonly reason: string;
}

/** `request.delete`: the system removes a draft. */
export interface RequestDeletePayload {
  readonly requestId: string;
}

/** The payload of every fulfillment request command, by type. */
export interface RequestPayloads {
  readonly 'request.submit': RequestSubmitPayload;
  readonly 'request.update': RequestUpdatePayload;
  readonly 'request.validate': RequestValidatePayload;
  readonly 'request.inquire': RequestInquirePayload;
  readonly 'request.answer': RequestAnswerPayload;
  readonly 'request.pend': RequestPendPayload;
  readonly 'request.approve': RequestApprovePayload;
  readonly 'request.fail': RequestFailPayload;
  readonly 'request.schedule': RequestSchedulePayload;
  readonly 'request.revoke': RequestRevokePayload;
  readonly 'request.confirmRevocation': RequestConfirmRevocationPayload;
  readonly 'tierConfig.require': TierConfigRequirePayload;
  readonly 'tierConfig.approve': TierConfigApprovePayload;
  readonly 'tierConfig.fail': TierConfigFailPayload;
  readonly 'request.delete': RequestDeletePayload;
}
