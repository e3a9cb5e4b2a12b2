/**
 * The Opencell subscription's spec for the command runner: commands, guards, input, persisted
 * context validation, and what an accepted command adds to its audit entry and emits.
 */
import { bookkeepingShape, created } from '../core/bookkeeping';
import {
  array,
  boolean,
  instant,
  integer,
  literal,
  nonEmptyString,
  object,
  optional,
  refine,
  type Schema,
  string,
} from '../core/schema';
import type { AnyCommand, MachineSpec, Subject } from '../core/spec';
import { changesSchema, productOrderSchema, productSchema } from './products';
import { opencellCommands } from './subscription.commands';
import { opencellInvariants } from './subscription.invariants';
import { subscriptionGuards } from './subscription.rules';
import {
  type AmendmentApplied,
  OPENCELL_ROLES,
  OPENCELL_STATUSES,
  type OpencellSubscriptionContext,
  type OpencellSubscriptionInput,
} from './subscription.types';

type Ctx = OpencellSubscriptionContext;

/** Lists whose items are unique by `code`. */
function uniqueCodes<T extends { readonly code: string }>(what: string, item: Schema<T>) {
  return refine(array(item), (list, path) => {
    const seen = new Set<string>();
    for (const { code } of list) {
      if (seen.has(code)) return `${path}: ${what} ${JSON.stringify(code)} appears twice`;
      seen.add(code);
    }
    return null;
  });
}

const inputSchema = object({
  code: nonEmptyString,
  offerCode: nonEmptyString,
  consumerId: nonEmptyString,
  at: instant,
  by: object({ role: literal(...OPENCELL_ROLES), id: optional(nonEmptyString) }),
  products: optional(uniqueCodes('product', productOrderSchema)),
  accessPoints: optional(
    uniqueCodes('access point', object({ code: nonEmptyString, endDate: optional(instant) })),
  ),
  autoRenew: optional(boolean),
});

/**
 * The context of a new subscription: CREATED, its products INACTIVE until activation, version 1
 * of its offer valid from `at`. Throws a `TypeError` naming the bad input field.
 */
export function opencellContext(input: OpencellSubscriptionInput): Ctx {
  const error = inputSchema(input, 'input');
  if (error) throw new TypeError(`opencellSubscriptionMachine ${error}`);
  return {
    code: input.code,
    consumerId: input.consumerId,
    autoRenew: input.autoRenew === true,
    versions: [{ version: 1, offerCode: input.offerCode, validFrom: input.at }],
    products: (input.products ?? []).map((p) => ({ ...p, status: 'INACTIVE' })),
    accessPoints: (input.accessPoints ?? []).map((a) => ({ ...a, enabled: true })),
    pendingAmendments: [],
    amendments: [],
    suspensions: [],
    ownerTransfers: [],
    ...created(input),
  };
}

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

/** The audit `event` of an accepted command, where the command's name does not say it all. */
function auditEvent(
  before: Subject<Ctx>,
  after: Subject<Ctx>,
  command: AnyCommand,
  applied: number,
): string | undefined {
  const resiliated = after.status === 'RESILIATED' && before.status !== 'RESILIATED';
  switch (command.type) {
    case 'clock.tick':
      return resiliated ? 'resiliated' : applied > 0 ? 'amendment-applied' : undefined;
    case 'subscription.terminate':
      return resiliated ? 'resiliated' : 'termination-scheduled';
    case 'subscription.reactivate':
      return before.context.scheduledTermination ? 'termination-canceled' : undefined;
    case 'amendment.submit': {
      const id = (command as { amendmentId?: unknown }).amendmentId;
      const queued = after.context.pendingAmendments.some((p) => p.amendmentId === id);
      return queued ? 'amendment-scheduled' : 'amendment-applied';
    }
    default:
      return undefined;
  }
}

/** `amendment.applied` for each amendment the command applied, and the audit event. */
function changes(before: Subject<Ctx>, after: Subject<Ctx>, command: AnyCommand) {
  const emitted = after.context.amendments
    .slice(before.context.amendments.length)
    .filter((a) => a.outcome === 'applied')
    .map(
      (a): AmendmentApplied => ({
        type: 'amendment.applied',
        amendmentId: a.amendmentId,
        effectiveDate: a.effectiveDate,
        at: command.at,
        subscriptionId: after.context.code,
      }),
    );
  const event = auditEvent(before, after, command, emitted.length);
  return event === undefined ? { emitted } : { emitted, audit: { event } };
}

export const opencellSpec: MachineSpec<Ctx> = {
  schema: 'subscription-machines/opencell.subscription',
  schemaVersion: 1,
  statuses: OPENCELL_STATUSES,
  // CANCELED and RESILIATED can be reactivated (opencell-core
  // SubscriptionService.subscriptionReactivation), so no status is final.
  finalStatuses: [],
  roles: OPENCELL_ROLES,
  commands: opencellCommands,
  guards: subscriptionGuards,
  context: opencellContextSchema,
  invariants: [({ status, context }) => opencellInvariants(status, context)],
  subjectIds: (c) => ({ subscriptionId: c.code }),
  changes,
};
