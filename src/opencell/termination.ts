/**
 * Termination reasons and termination dates, as opencell-core has them.
 *
 * - A reason is a `SubscriptionTerminationReason`: a code with flags that drive the charges
 *   (opencell-model `SubscriptionTerminationReason`; opencell-admin
 *   `ServiceInstanceService.terminateServiceWithPastDate` and `getChargeToDateOnTermination`).
 * - Dates are compared by day: `SubscriptionService.terminateSubscription` points the termination
 *   date at the end of its day, refuses one whose day ends before the subscription date, and
 *   terminates now only once that end of day has passed; a later one is scheduled, and Opencell's
 *   status job applies it when the end of its day has passed. Days are UTC days here.
 */
import {
  boolean,
  describe,
  isPlainObject,
  literal,
  nonEmptyString,
  object,
  optional,
  type Schema,
  string,
} from '../core/schema';
import { formatInstant, parseInstant } from '../core/time';

/** How a termination overrides the prorata setting of the recurring charges (`OverrideProrataEnum`). */
export const OVERRIDE_PRORATA = ['NO_OVERRIDE', 'PRORATA', 'NO_PRORATA'] as const;
/** One of {@link OVERRIDE_PRORATA}. */
export type OverrideProrata = (typeof OVERRIDE_PRORATA)[number];

/**
 * A termination reason: its code, and the flags that say what the termination charges. An absent
 * flag is off (`overrideProrata`: `NO_OVERRIDE`), as in Opencell.
 */
export interface TerminationReason {
  readonly code: string;
  /** Recurring charges run to the end of agreement when the termination comes before it. */
  readonly applyAgreement?: boolean;
  /** Recurring charges already charged beyond the termination date are reimbursed. */
  readonly applyReimbursment?: boolean;
  /** The products' termination charges (one-shot) apply, on the termination date. */
  readonly applyTerminationCharges?: boolean;
  /** The subscription's one-shot charges are reimbursed. */
  readonly reimburseOneshots?: boolean;
  /** Whether the last period of a recurring charge is prorated. */
  readonly overrideProrata?: OverrideProrata;
}

const flags = {
  applyAgreement: optional(boolean),
  applyReimbursment: optional(boolean),
  applyTerminationCharges: optional(boolean),
  reimburseOneshots: optional(boolean),
  overrideProrata: optional(literal(...OVERRIDE_PRORATA)),
};

export const terminationReasonSchema: Schema<TerminationReason> = object({
  code: nonEmptyString,
  ...flags,
});
const givenReason: Schema<TerminationReason> = object({ code: string, ...flags });

/**
 * A reason as a command gives it: a termination reason, or its code alone (a reason without
 * flags). A blank code is the rule's to refuse (`REASON_REQUIRED`), so only the shape is checked.
 */
export const reasonGivenSchema: Schema<TerminationReason | string> = (value, path) =>
  typeof value === 'string'
    ? null
    : isPlainObject(value)
      ? givenReason(value, path)
      : `${path}: expected a code or a termination reason { code, …flags }, got ${describe(value)}`;

/** The reason of a `TerminationReason | string`: a string is its code. */
export const reasonOf = (reason: TerminationReason | string): TerminationReason =>
  typeof reason === 'string' ? { code: reason } : reason;

/** The code a command gives, blank or not (`undefined` when there is none at all). */
export const codeOf = (reason: TerminationReason | string | undefined): string | undefined =>
  typeof reason === 'string' ? reason : reason?.code;

const DAY = 86_400_000;

/** The last instant of the (UTC) day of `date`, as `DateUtils.setDateToEndOfDay` gives it. */
export function endOfDay(date: string): string {
  const t = parseInstant(date) ?? 0;
  return formatInstant(Math.floor(t / DAY) * DAY + DAY - 1);
}

/** `date`'s day is over at `at`: a termination on it applies now. */
export const dayOver = (date: string, at: string): boolean =>
  (parseInstant(endOfDay(date)) ?? 0) <= (parseInstant(at) ?? 0);

/** `date`'s day ends before `since`: too early for a subscription dated `since`. */
export const dayEndsBefore = (date: string, since: string): boolean =>
  (parseInstant(endOfDay(date)) ?? 0) < (parseInstant(since) ?? 0);
