/**
 * How an Opencell subscription is persisted: its context's schema, and the cross-field facts a
 * restored subscription must satisfy (the schema checks each field, these that the fields agree).
 * The history lists are windows, so each fact is one the window alone can show.
 */
import { bookkeepingShape } from '../core/bookkeeping';
import {
  array,
  boolean,
  instant,
  integer,
  literal,
  nonEmptyString,
  object,
  optional,
  string,
} from '../core/schema';
import type { Invariant } from '../core/spec';
import { queueProblem } from './amendments';
import { atOrBefore } from './dates';
import { changesSchema, productSchema } from './products';
import { renewalRuleSchema, ruleProblem } from './renewal';
import {
  OPENCELL_ROLES,
  OPENCELL_STATUSES,
  type OpencellStatus,
  type OpencellSubscriptionContext,
  type Product,
  type ProductStatus,
} from './subscription.types';
import { dayEndsBefore, terminationReasonSchema } from './termination';
import { HISTORY_WINDOW } from './window';

const pendingShape = {
  amendmentId: nonEmptyString,
  effectiveDate: instant,
  changes: changesSchema,
  submittedAt: instant,
};
const kept = { maxLength: HISTORY_WINDOW };

export const opencellContextSchema = object({
  code: nonEmptyString,
  consumerId: nonEmptyString,
  subscriptionDate: instant,
  renewalRule: renewalRuleSchema,
  subscribedTillDate: optional(instant),
  renewed: boolean,
  renewalNotifiedDate: optional(instant),
  endAgreementDate: optional(instant),
  versions: array(
    object({
      version: integer(1),
      offerCode: nonEmptyString,
      validFrom: instant,
      validTo: optional(instant),
    }),
    kept,
  ),
  products: array(productSchema),
  accessPoints: array(
    object({ code: nonEmptyString, endDate: optional(instant), enabled: boolean }),
  ),
  pendingAmendments: array(object(pendingShape)),
  amendments: array(
    object({
      ...pendingShape,
      outcome: literal('applied', 'canceled', 'discarded'),
      closedAt: instant,
    }),
    kept,
  ),
  suspensions: array(
    object({ from: instant, to: optional(instant), reason: optional(string) }),
    kept,
  ),
  ownerTransfers: array(
    object({ at: instant, fromConsumerId: nonEmptyString, toConsumerId: nonEmptyString }),
    kept,
  ),
  scheduledTermination: optional(
    object({ terminationDate: instant, reason: terminationReasonSchema, note: optional(string) }),
  ),
  terminationDate: optional(instant),
  terminationReason: optional(terminationReasonSchema),
  terminationNote: optional(string),
  ...bookkeepingShape(OPENCELL_STATUSES, OPENCELL_ROLES),
});

type Ctx = OpencellSubscriptionContext;
type Check = (status: OpencellStatus, c: Ctx) => string | null;

/**
 * The product statuses each subscription status allows (beside TERMINATED, always allowed). A
 * CREATED subscription suspended at its end of term keeps its INACTIVE products, and so does its
 * reactivation, as Opencell suspends and reactivates only the services that are running.
 */
const LIVE_PRODUCTS: Record<OpencellStatus, readonly ProductStatus[]> = {
  CREATED: ['INACTIVE'],
  ACTIVE: ['ACTIVE', 'INACTIVE'],
  SUSPENDED: ['SUSPENDED', 'INACTIVE'],
  CANCELED: [],
  RESILIATED: [],
};

const ended = (status: OpencellStatus) => status === 'CANCELED' || status === 'RESILIATED';

/** The window's versions follow each other; the first one is version 1 or a later one. */
const versions: Check = (_, c) => {
  if (c.versions.length === 0) return 'context.versions: a subscription has at least one version';
  const first = c.versions[0]?.version ?? 1;
  for (const [i, v] of c.versions.entries()) {
    const next = c.versions[i + 1];
    if (v.version !== first + i) return `context.versions[${i}].version: expected ${first + i}`;
    if (next && (v.validTo !== next.validFrom || atOrBefore(next.validFrom, v.validFrom)))
      return `context.versions[${i}].validTo: must be the next version's later validFrom`;
    if (!next && v.validTo !== undefined)
      return `context.versions[${i}].validTo: the last version has none`;
  }
  return null;
};

function productProblem(p: Product): string | null {
  const intervals = p.suspendedIntervals ?? [];
  const running = intervals.filter((i) => i.to === undefined).length;
  if ((p.status === 'SUSPENDED') !== (running === 1) || running > 1)
    return 'only a SUSPENDED product has a running suspension, exactly one';
  if (p.status === 'INACTIVE' && p.activatedAt !== undefined)
    return 'an INACTIVE product has no activatedAt';
  if ((p.status === 'ACTIVE' || p.status === 'SUSPENDED') && p.activatedAt === undefined)
    return `a ${p.status} product has activatedAt`;
  if ((p.status === 'TERMINATED') !== (p.terminatedAt !== undefined))
    return 'a product has terminatedAt exactly when it is TERMINATED';
  if (p.terminationReason !== undefined && p.status !== 'TERMINATED')
    return 'only a TERMINATED product has a terminationReason';
  if (p.knownFrom !== undefined && intervals.length < HISTORY_WINDOW)
    return `knownFrom: only a product whose last ${HISTORY_WINDOW} suspensions are kept has one`;
  return null;
}

const products: Check = (status, c) => {
  const live = new Set<string>();
  let terminated = 0;
  for (const [i, p] of c.products.entries()) {
    const where = `context.products[${i}]`;
    if (p.status === 'TERMINATED') terminated += 1;
    else if (!LIVE_PRODUCTS[status].includes(p.status))
      return `${where}.status: a ${p.status} product cannot be on a ${status} subscription`;
    const problem = productProblem(p);
    if (problem) return `${where}: ${problem}`;
    if (p.status !== 'TERMINATED' && live.has(p.code))
      return `${where}.code: product ${p.code} is on the subscription twice`;
    if (p.status !== 'TERMINATED') live.add(p.code);
  }
  return terminated > HISTORY_WINDOW
    ? `context.products: keeps the last ${HISTORY_WINDOW} TERMINATED products, not ${terminated}`
    : null;
};

const accessPoints: Check = (status, c) => {
  const enabled = status === 'CREATED' || status === 'ACTIVE';
  const i = c.accessPoints.findIndex((a) => a.enabled !== enabled);
  return i === -1 ? null : `context.accessPoints[${i}].enabled: must be ${enabled} in ${status}`;
};

const amendments: Check = (status, c) => {
  if (ended(status) && c.pendingAmendments.length > 0)
    return `context.pendingAmendments: a ${status} subscription has none`;
  const ids = new Set<string>();
  for (const a of [...c.pendingAmendments, ...c.amendments]) {
    if (ids.has(a.amendmentId)) return `context: amendment ${a.amendmentId} appears twice`;
    ids.add(a.amendmentId);
  }
  for (const [i, p] of c.pendingAmendments.entries()) {
    const next = c.pendingAmendments[i + 1];
    if (next && !atOrBefore(p.effectiveDate, next.effectiveDate))
      return `context.pendingAmendments[${i + 1}]: the queue is in effectiveDate order`;
  }
  const problem = queueProblem(c.products, c.pendingAmendments);
  return problem
    ? `context.pendingAmendments: ${problem.amendmentId} cannot apply: ${problem.message}`
    : null;
};

const suspensions: Check = (status, c) => {
  const running = c.suspensions.filter((s) => s.to === undefined).length;
  const last = c.suspensions[c.suspensions.length - 1];
  const expected = status === 'SUSPENDED';
  return running === (expected ? 1 : 0) && (!expected || last?.to === undefined)
    ? null
    : `context.suspensions: ${expected ? 'the last one, only, runs' : 'none runs'} in ${status}`;
};

const termination: Check = (status, c) => {
  if (c.scheduledTermination && ended(status))
    return `context.scheduledTermination: a ${status} subscription has none`;
  const endedData = c.terminationDate !== undefined && c.terminationReason !== undefined;
  const none = c.terminationDate === undefined && c.terminationReason === undefined;
  if (ended(status) ? !endedData : !none)
    return 'context.terminationDate: set, with terminationReason, exactly when CANCELED or RESILIATED';
  if (c.terminationNote !== undefined && !ended(status))
    return 'context.terminationNote: only an ended subscription has one';
  return null;
};

const renewal: Check = (_, c) => {
  const problem = ruleProblem(
    c.renewalRule,
    c.subscribedTillDate !== undefined,
    'context.renewalRule',
  );
  if (problem) return problem;
  if (c.subscribedTillDate !== undefined && dayEndsBefore(c.subscribedTillDate, c.subscriptionDate))
    return 'context.subscribedTillDate: the end of term is not before the subscription date';
  if (c.renewalNotifiedDate !== undefined && c.subscribedTillDate === undefined)
    return 'context.renewalNotifiedDate: only a subscription with an end of term is notified';
  return null;
};

const owner: Check = (_, c) => {
  for (const [i, t] of c.ownerTransfers.entries()) {
    const next = c.ownerTransfers[i + 1];
    if (next && next.fromConsumerId !== t.toConsumerId)
      return `context.ownerTransfers[${i + 1}].fromConsumerId: must be the consumer it came to before`;
  }
  const lastTransfer = c.ownerTransfers[c.ownerTransfers.length - 1];
  if (lastTransfer && lastTransfer.toConsumerId !== c.consumerId)
    return 'context.consumerId: must be the last owner transfer’s consumer';
  return null;
};

const CHECKS: readonly Check[] = [
  versions,
  products,
  accessPoints,
  amendments,
  suspensions,
  termination,
  renewal,
  owner,
];

/** Facts of a restored subscription, checked in order. */
export const opencellInvariants: readonly Invariant<Ctx>[] = CHECKS.map(
  (check) =>
    ({ status, context }) =>
      check(status as OpencellStatus, context),
);
