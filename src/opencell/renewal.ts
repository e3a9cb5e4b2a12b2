/**
 * Renewal rules and the end of term, as opencell-core has them (opencell-model
 * `SubscriptionRenewal`; opencell-admin `SubscriptionService.updateSubscribedTillAndRenewalNotifyDates`
 * and `SubscriptionStatusJobBean.updateSubscriptionStatus`).
 *
 * Opencell's arithmetic adds each term to the previous end (`Calendar.add` on `subscribedTillDate`),
 * so a month-end date drifts: Jan 31 → Feb 28 → Mar 28 → Apr 28. This module mirrors it, in UTC,
 * with date-fns (`addMonths` clamps the day as `Calendar.add` does). The package's own terms
 * (`subscription-machines/terms`, `addPeriods`) count from the original start instead and never
 * drift (Jan 31 → Feb 28 → Mar 31); docs/opencell.md shows the two side by side.
 */
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { addDays, addMonths } from 'date-fns';
import { boolean, integer, literal, object, optional, type Schema } from '../core/schema';
import { formatInstant, parseInstant } from '../core/time';
import { type TerminationReason, terminationReasonSchema } from './termination';

/** `RenewalPeriodUnitEnum`. */
export const RENEWAL_PERIOD_UNITS = ['MONTH', 'DAY'] as const;
/** One of {@link RENEWAL_PERIOD_UNITS}. */
export type RenewalPeriodUnit = (typeof RENEWAL_PERIOD_UNITS)[number];

/** `EndOfTermActionEnum`: what happens at the end of a term that does not renew. */
export const END_OF_TERM_ACTIONS = ['SUSPEND', 'TERMINATE'] as const;
/** One of {@link END_OF_TERM_ACTIONS}. */
export type EndOfTermAction = (typeof END_OF_TERM_ACTIONS)[number];

/**
 * `InitialTermTypeEnum`, without `CALENDAR` (a term of an Opencell calendar, not modelled):
 * `RECURRING` counts the first term from the subscription date, `FIXED` takes a date.
 */
export const INITIAL_TERM_TYPES = ['RECURRING', 'FIXED'] as const;
/** One of {@link INITIAL_TERM_TYPES}. */
export type InitialTermType = (typeof INITIAL_TERM_TYPES)[number];

/** A subscription's renewal rule (Opencell's `SubscriptionRenewal`). */
export interface RenewalRule {
  readonly initialTermType: InitialTermType;
  /** The first term, with `RECURRING`: how many units from the subscription date. */
  readonly initialyActiveFor?: number;
  readonly initialyActiveForUnit?: RenewalPeriodUnit;
  /** Renew at the end of each term; off by default, as in Opencell. */
  readonly autoRenew: boolean;
  /** Each renewal's length; needed when `autoRenew` is on and there is a term. */
  readonly renewFor?: number;
  readonly renewForUnit?: RenewalPeriodUnit;
  /** Without auto-renewal: suspend or terminate at the end of term (or nothing, when absent). */
  readonly endOfTermAction?: EndOfTermAction;
  /** The reason a `TERMINATE` at the end of term terminates with. */
  readonly terminationReason?: TerminationReason;
  /** Days before the end of term to fire the `endOfTerm` notice (auto-renewing terms only). */
  readonly daysNotifyRenewal?: number;
  /** Each renewal moves `endAgreementDate` to the new end of term. */
  readonly extendAgreementPeriodToSubscribedTillDate?: boolean;
}

/** A renewal rule as an input gives it: every field optional. */
export type RenewalRuleInput = { readonly [K in keyof RenewalRule]?: RenewalRule[K] };

const unit = literal(...RENEWAL_PERIOD_UNITS);
const ruleShape = {
  initialTermType: literal(...INITIAL_TERM_TYPES),
  initialyActiveFor: optional(integer(1)),
  initialyActiveForUnit: optional(unit),
  autoRenew: boolean,
  renewFor: optional(integer(1)),
  renewForUnit: optional(unit),
  endOfTermAction: optional(literal(...END_OF_TERM_ACTIONS)),
  terminationReason: optional(terminationReasonSchema),
  daysNotifyRenewal: optional(integer(0)),
  extendAgreementPeriodToSubscribedTillDate: optional(boolean),
};

/** A rule as a context keeps it. */
export const renewalRuleSchema: Schema<RenewalRule> = object(ruleShape);
/** A rule as an input gives it. */
export const renewalRuleInputSchema: Schema<RenewalRuleInput> = object({
  ...ruleShape,
  initialTermType: optional(ruleShape.initialTermType),
  autoRenew: optional(boolean),
});

/**
 * The rule with Opencell's defaults: `RECURRING`, no auto-renewal, and `MONTH` for a count given
 * without its unit (`SubscriptionRenewal.setDefaultRenewForUnit`).
 */
export function ruleOf(input: RenewalRuleInput | undefined, autoRenew?: boolean): RenewalRule {
  return {
    ...input,
    initialTermType: input?.initialTermType ?? 'RECURRING',
    autoRenew: input?.autoRenew ?? autoRenew ?? false,
    ...(input?.initialyActiveFor === undefined
      ? {}
      : { initialyActiveForUnit: input.initialyActiveForUnit ?? 'MONTH' }),
    ...(input?.renewFor === undefined ? {} : { renewForUnit: input.renewForUnit ?? 'MONTH' }),
  };
}

/** Why a rule cannot run, with `path` before its field, or `null`. */
export function ruleProblem(rule: RenewalRule, hasTerm: boolean, path: string): string | null {
  if (rule.autoRenew && hasTerm && rule.renewFor === undefined)
    return `${path}.renewFor: an auto-renewing term needs one (opencell-core refuses to renew without it)`;
  if (rule.endOfTermAction === 'TERMINATE' && rule.terminationReason === undefined)
    return `${path}.terminationReason: a TERMINATE end of term needs one`;
  if (rule.initialTermType === 'FIXED' && rule.initialyActiveFor !== undefined)
    return `${path}.initialyActiveFor: a FIXED term takes a date, subscribedTillDate`;
  return null;
}

/** `date` plus `count` units, as `Calendar.add` adds them: a month clamps the day. */
export function addUnits(date: string, count: number, unit: RenewalPeriodUnit): string {
  const at = new UTCDateMini(parseInstant(date) ?? 0);
  const next = unit === 'MONTH' ? addMonths(at, count) : addDays(at, count);
  return formatInstant(next.getTime());
}

/** The end of the first term: the subscription date plus the initial term, when `RECURRING`. */
export function firstTermEnd(subscriptionDate: string, rule: RenewalRule): string | undefined {
  if (rule.initialTermType !== 'RECURRING' || rule.initialyActiveFor === undefined)
    return undefined;
  return addUnits(subscriptionDate, rule.initialyActiveFor, rule.initialyActiveForUnit ?? 'MONTH');
}

/**
 * The renewals a job run at `at` makes: while the end of term is before `at`, one more term added
 * to the previous end (`SubscriptionStatusJobBean`). `count` is 0 when the end is not before `at`.
 */
export function renewals(
  end: string,
  rule: RenewalRule,
  at: string,
): { readonly end: string; readonly count: number } {
  const stop = parseInstant(at) ?? 0;
  let next = end;
  let count = 0;
  if (rule.renewFor === undefined) return { end, count };
  while ((parseInstant(next) ?? 0) < stop) {
    next = addUnits(next, rule.renewFor, rule.renewForUnit ?? 'MONTH');
    count += 1;
  }
  return { end: next, count };
}

/**
 * The first `count` ends of term of a rule from `subscriptionDate`, as Opencell computes them:
 * each term added to the previous end.
 *
 * @example
 * ```ts
 * import { termEnds } from 'subscription-machines/opencell';
 *
 * termEnds('2026-01-31T00:00:00Z', {
 *   initialTermType: 'RECURRING', initialyActiveFor: 1, autoRenew: true, renewFor: 1,
 * }, 3);
 * // ['2026-02-28T00:00:00Z', '2026-03-28T00:00:00Z', '2026-04-28T00:00:00Z']
 * ```
 */
export function termEnds(
  subscriptionDate: string,
  rule: RenewalRuleInput,
  count: number,
): string[] {
  if (parseInstant(subscriptionDate) === null)
    throw new RangeError(
      `termEnds: subscriptionDate ${JSON.stringify(subscriptionDate)} is not an ISO-8601 timestamp with a zone designator`,
    );
  const full = ruleOf(rule);
  const out: string[] = [];
  let end = firstTermEnd(subscriptionDate, full);
  while (end !== undefined && out.length < count) {
    out.push(end);
    end =
      full.renewFor === undefined
        ? undefined
        : addUnits(end, full.renewFor, full.renewForUnit ?? 'MONTH');
  }
  return out;
}

/**
 * When the `endOfTerm` notice fires: `daysNotifyRenewal` days before the end of term, for an
 * auto-renewing rule (`updateSubscribedTillAndRenewalNotifyDates`).
 */
export function noticeDate(end: string | undefined, rule: RenewalRule): string | undefined {
  if (end === undefined || !rule.autoRenew || rule.daysNotifyRenewal === undefined)
    return undefined;
  return addUnits(end, -rule.daysNotifyRenewal, 'DAY');
}
