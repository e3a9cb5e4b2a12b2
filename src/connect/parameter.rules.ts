/**
 * The rules every Connect request shares about its parameters and its identity: a fulfillment
 * request and a tier configuration request inquire, answer, validate and approve the same way
 * (connect-workflows `subscriptions-fulfillment-request/` and `tier-config-request/`; Connect's
 * processor template for the parameter checks). Each works on any context with an `id` and
 * `params`.
 */
import { type Rule, refuse } from '../core/rejection';
import { reasonRequired } from '../core/rules';
import {
  applyUpdates,
  missingRequired,
  type UpdateMode,
  withErrors,
  wrongPhase,
} from './parameters';
import type { Parameter, ParameterUpdate } from './request.types';

/** What these rules read of a request. */
export interface WithParameters {
  readonly id: string;
  readonly params: readonly Parameter[];
}
type WithParams = { readonly params?: readonly ParameterUpdate[] };
/** A rule over the commands that carry `fields`. */
export type ParameterRule<Fields = unknown> = Rule<
  WithParameters,
  { readonly type: string; readonly at: string; readonly by: { readonly role: string } } & Fields
>;

/** The command is for this request (`UNKNOWN_REQUEST` otherwise). */
export const isThisRequest: ParameterRule<{ readonly requestId: string }> = (context, command) => {
  const { requestId } = command;
  return requestId === context.id
    ? null
    : refuse('UNKNOWN_REQUEST', `${requestId} is not this request (${context.id})`, {
        requestId: context.id,
      });
};

/** A fail, revoke or tier configuration failure needs a non-blank reason. */
export const reasonGiven: ParameterRule = reasonRequired();

/** Parameter updates may only touch parameters of the phases the command writes. */
export function updatesIn(...phases: Parameter['phase'][]): ParameterRule<WithParams> {
  return (context, command) => {
    const wrong = wrongPhase(context.params, command.params, phases);
    return wrong.length === 0
      ? null
      : refuse(
          'INVALID_COMMAND',
          `${command.type} here writes ${phases.join(' and ')} parameters only, not ${wrong.join(', ')}`,
          { parameters: wrong },
        );
  };
}

/** Parameters as they would be after the command's updates. */
export const after = (context: WithParameters, command: WithParams, mode: UpdateMode) =>
  applyUpdates(context.params, command.params, mode);

/** Ordering data that still blocks: parameters with an error, and required ones without a value. */
export const orderingGaps = (params: readonly Parameter[]): string[] => [
  ...new Set([...withErrors(params, 'ordering'), ...missingRequired(params, 'ordering')]),
];

/** A draft is not submitted while the vendor's validation left an error (connect-workflows s-a-draft). */
export const noOrderingErrors: ParameterRule = (context) => {
  const errors = withErrors(context.params, 'ordering');
  return errors.length === 0
    ? null
    : refuse(
        'REQUIRED_PARAMETERS_MISSING',
        `ordering parameters carry errors to fix first: ${errors.join(', ')}`,
        { parameters: errors },
      );
};

/** A required ordering value is missing: a submitted draft goes to inquiring (connect-workflows s-a-draft). */
export const orderingIncomplete = (context: WithParameters): boolean =>
  missingRequired(context.params, 'ordering').length > 0;

/** Ordering data is missing or wrong (connect-workflows s-c-tiers-setup, tier-config-request t-7). */
export const orderingBlocked = (context: WithParameters): boolean =>
  orderingGaps(context.params).length > 0;

/**
 * An inquire shows the buyer what to fix: the vendor at least one ordering error
 * (connect-workflows t-9-pending-inquiring); the system an error or a missing required value
 * (t-8-pending-inquiring: "the system asks for missing product parameters").
 */
export const hasErrorsToShow: ParameterRule<WithParams> = (context, command) => {
  const params = after(context, command, 'validate');
  if (withErrors(params, 'ordering').length > 0) return null;
  if (command.by.role === 'system' && missingRequired(params, 'ordering').length > 0) return null;
  return refuse(
    'NO_PARAMETER_ERRORS',
    command.by.role === 'system'
      ? 'an inquire needs an ordering parameter with a valueError, or a required one without a value'
      : 'an inquire needs at least one ordering parameter with a valueError',
  );
};

/** The answer leaves no ordering gap: back to pending (connect-workflows s-d-inquiring). */
export const answersAll = (context: WithParameters, command: WithParams): boolean =>
  orderingGaps(after(context, command, 'answer')).length === 0;

/** Approval needs every required fulfillment parameter filled (Connect's processor template). */
export const fulfillmentReady: ParameterRule<WithParams> = (context, command) => {
  const missing = missingRequired(after(context, command, 'fulfil'), 'fulfillment');
  return missing.length === 0
    ? null
    : refuse(
        'REQUIRED_PARAMETERS_MISSING',
        `required fulfillment parameters have no value: ${missing.join(', ')}`,
        { parameters: missing },
      );
};
