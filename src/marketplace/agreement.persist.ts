/**
 * How an agreement is persisted: its context's schema and the facts a restored agreement must
 * satisfy.
 */
import { bookkeepingShape } from '../core/bookkeeping';
import { boolean, object } from '../core/schema';
import type { Invariant } from '../core/spec';
import { AGREEMENT_STATUSES, type MarketplaceAgreementContext } from './agreement.types';
import { agreementIdSchema } from './ids';
import { openOrderSchema } from './open-order';
import { MARKETPLACE_ROLES } from './platform';

export const agreementContextSchema = object({
  id: agreementIdSchema,
  draft: boolean,
  openOrder: openOrderSchema,
  ...bookkeepingShape(AGREEMENT_STATUSES, MARKETPLACE_ROLES),
});

const WAITS_FOR_ORDER = ['Draft', 'Provisioning', 'Updating'];

/** Facts of a restored agreement, each naming the field it checks. */
export const agreementInvariants: readonly Invariant<MarketplaceAgreementContext>[] = [
  ({ status, context: c }) => {
    const waits = WAITS_FOR_ORDER.includes(status);
    return waits !== (c.openOrder !== null) ||
      (c.openOrder !== null && c.openOrder.id === undefined)
      ? `context.openOrder: a ${status} agreement needs ${waits ? 'an order with its id' : 'null'}`
      : null;
  },
  ({ status, context: c }) =>
    (status === 'Draft' || status === 'Provisioning') && c.openOrder?.orderType !== 'Purchase'
      ? `context.openOrder: a ${status} agreement waits for its Purchase order`
      : null,
];
