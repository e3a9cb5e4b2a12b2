/**
 * The agreement's spec for the command runner: input, persisted context validation, invariants.
 */
import { bookkeepingShape, created } from '../core/bookkeeping';
import { boolean, instant, literal, nonEmptyString, object, optional } from '../core/schema';
import type { MachineSpec, Subject } from '../core/spec';
import { agreementCommandSpecs } from './agreement.commands';
import { agreementGuards } from './agreement.rules';
import {
  AGREEMENT_STATUSES,
  FINAL_AGREEMENT_STATUSES,
  type MarketplaceAgreementContext,
  type MarketplaceAgreementInput,
} from './agreement.types';
import { agreementIdSchema, orderIdSchema } from './ids';
import { openOrderSchema, orderAudit } from './open-order';
import { MARKETPLACE_ROLES } from './platform';

type Ctx = MarketplaceAgreementContext;

const inputSchema = object({
  id: agreementIdSchema,
  orderId: orderIdSchema,
  draft: optional(boolean),
  at: instant,
  by: object({ role: literal(...MARKETPLACE_ROLES), id: optional(nonEmptyString) }),
});

/** The context of a new agreement. Throws a `TypeError` naming the bad input field. */
export function agreementContext(input: MarketplaceAgreementInput): Ctx {
  const error = inputSchema(input, 'input');
  if (error) throw new TypeError(`marketplaceAgreementMachine ${error}`);
  return {
    id: input.id,
    draft: input.draft === true,
    openOrder: { id: input.orderId, orderType: 'Purchase' },
    ...created(input),
  };
}

const contextSchema = object({
  id: agreementIdSchema,
  draft: boolean,
  openOrder: openOrderSchema,
  ...bookkeepingShape(AGREEMENT_STATUSES, MARKETPLACE_ROLES),
});

const WAITS_FOR_ORDER = ['Draft', 'Provisioning', 'Updating'];

/** Cross-field facts of an agreement in a given status, checked when it is restored. */
function agreementInvariants({ status, context: c }: Subject<Ctx>): string | null {
  const waits = WAITS_FOR_ORDER.includes(status);
  if (waits !== (c.openOrder !== null) || (c.openOrder !== null && c.openOrder.id === undefined))
    return `context.openOrder: a ${status} agreement needs ${waits ? 'an order with its id' : 'null'}`;
  if ((status === 'Draft' || status === 'Provisioning') && c.openOrder?.orderType !== 'Purchase')
    return `context.openOrder: a ${status} agreement waits for its Purchase order`;
  return null;
}

export const agreementSpec: MachineSpec<Ctx> = {
  schema: 'subscription-machines/marketplace.agreement',
  schemaVersion: 1,
  statuses: AGREEMENT_STATUSES,
  finalStatuses: FINAL_AGREEMENT_STATUSES,
  roles: MARKETPLACE_ROLES,
  commands: agreementCommandSpecs,
  guards: agreementGuards,
  context: contextSchema,
  invariants: [agreementInvariants],
  subjectIds: (c) => (c.openOrder?.id === undefined ? {} : { requestId: c.openOrder.id }),
  changes: (_before, _after, command) => ({ audit: orderAudit(command) }),
};
