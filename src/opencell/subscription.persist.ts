/**
 * How an Opencell subscription is persisted: its context's schema, and the cross-field facts a
 * restored subscription must satisfy (the schema checks each field, these that the fields agree).
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
import {
  OPENCELL_ROLES,
  OPENCELL_STATUSES,
  type OpencellStatus,
  type OpencellSubscriptionContext,
  type Product,
  type ProductStatus,
} from './subscription.types';

const pendingShape = {
  amendmentId: nonEmptyString,
  effectiveDate: instant,
  changes: changesSchema,
  submittedAt: instant,
};

export const opencellContextSchema = object({
  code: nonEmptyString,
  consumerId: nonEmptyString,
  autoRenew: boolean,
  versions: array(
    object({
      version: integer(1),
      offerCode: nonEmptyString,
      validFrom: instant,
      validTo: optional(instant),
    }),
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
  ),
  suspensions: array(object({ from: instant, to: optional(instant), reason: optional(string) })),
  ownerTransfers: array(
    object({ at: instant, fromConsumerId: nonEmptyString, toConsumerId: nonEmptyString }),
  ),
  scheduledTermination: optional(
    object({ terminationDate: instant, reason: nonEmptyString, autoRenew: boolean }),
  ),
  terminationDate: optional(instant),
  terminationReason: optional(nonEmptyString),
  ...bookkeepingShape(OPENCELL_STATUSES, OPENCELL_ROLES),
});

type Ctx = OpencellSubscriptionContext;
type Check = (status: OpencellStatus, c: Ctx) => string | null;

/** The product statuses each subscription status allows (beside TERMINATED, always allowed). */
const LIVE_PRODUCTS: Record<OpencellStatus, ProductStatus | null> = {
  CREATED: 'INACTIVE',
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  CANCELED: null,
  RESILIATED: null,
};

const ended = (status: OpencellStatus) => status === 'CANCELED' || status === 'RESILIATED';

const versions: Check = (_, c) => {
  if (c.versions.length === 0) return 'context.versions: a subscription has at least one version';
  for (const [i, v] of c.versions.entries()) {
    const next = c.versions[i + 1];
    if (v.version !== i + 1) return `context.versions[${i}].version: expected ${i + 1}`;
    if (next && (v.validTo !== next.validFrom || atOrBefore(next.validFrom, v.validFrom)))
      return `context.versions[${i}].validTo: must be the next version's later validFrom`;
    if (!next && v.validTo !== undefined)
      return `context.versions[${i}].validTo: the last version has none`;
  }
  return null;
};

function productProblem(p: Product): string | null {
  const running = p.suspendedIntervals?.filter((i) => i.to === undefined).length ?? 0;
  if ((p.status === 'SUSPENDED') !== (running === 1) || running > 1)
    return 'only a SUSPENDED product has a running suspension, exactly one';
  if (p.status === 'INACTIVE' && p.activatedAt !== undefined)
    return 'an INACTIVE product has no activatedAt';
  if ((p.status === 'ACTIVE' || p.status === 'SUSPENDED') && p.activatedAt === undefined)
    return `a ${p.status} product has activatedAt`;
  if ((p.status === 'TERMINATED') !== (p.terminatedAt !== undefined))
    return 'a product has terminatedAt exactly when it is TERMINATED';
  return null;
}

const products: Check = (status, c) => {
  const live = new Set<string>();
  for (const [i, p] of c.products.entries()) {
    const where = `context.products[${i}]`;
    if (p.status !== 'TERMINATED' && p.status !== LIVE_PRODUCTS[status])
      return `${where}.status: a ${p.status} product cannot be on a ${status} subscription`;
    const problem = productProblem(p);
    if (problem) return `${where}: ${problem}`;
    if (p.status !== 'TERMINATED' && live.has(p.code))
      return `${where}.code: product ${p.code} is on the subscription twice`;
    if (p.status !== 'TERMINATED') live.add(p.code);
  }
  return null;
};

const accessPoints: Check = (status, c) => {
  const enabled = status === 'CREATED' || status === 'ACTIVE';
  const i = c.accessPoints.findIndex((a) => a.enabled !== enabled);
  return i === -1 ? null : `context.accessPoints[${i}].enabled: must be ${enabled} in ${status}`;
};

const amendments: Check = (status, c) => {
  if (ended(status) && c.pendingAmendments.length > 0)
    return `context.pendingAmendments: a ${status} subscription has none`;
  const ids = [...c.pendingAmendments, ...c.amendments].map((a) => a.amendmentId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) return `context: amendment ${twice} appears twice`;
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
  if (c.scheduledTermination && status !== 'ACTIVE' && status !== 'SUSPENDED')
    return `context.scheduledTermination: a ${status} subscription has none`;
  const endedData = c.terminationDate !== undefined && c.terminationReason !== undefined;
  const none = c.terminationDate === undefined && c.terminationReason === undefined;
  if (ended(status) ? !endedData : !none)
    return 'context.terminationDate: set, with terminationReason, exactly when CANCELED or RESILIATED';
  return null;
};

const owner: Check = (_, c) => {
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
  owner,
];

/** Facts of a restored subscription, checked in order. */
export const opencellInvariants: readonly Invariant<Ctx>[] = CHECKS.map(
  (check) =>
    ({ status, context }) =>
      check(status as OpencellStatus, context),
);
