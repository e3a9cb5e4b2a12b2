/**
 * The named guards of an agreement (Marketplace docs, agreements): only one order per agreement is
 * processed at a time, and only the open order moves it. The rules are those of `open-order.ts`.
 */
import { guards } from '../core/spec';
import type { MarketplaceAgreementCommand, MarketplaceAgreementContext } from './agreement.types';
import { isOpenOrder, noOrderInProgress } from './open-order';

type Ctx = MarketplaceAgreementContext;
const { on, routing } = guards<Ctx, MarketplaceAgreementCommand>();

export const agreementGuards = {
  startsAsDraft: routing((c) => c.draft),
  placesPurchase: on(['order.placed'], { rules: [isOpenOrder] }),
  deletesPurchase: on(['order.deleted'], { rules: [isOpenOrder] }),
  placesOrder: on(['order.placed'], { rules: [noOrderInProgress] }),
  noOrderInProgress: on(['order.placed'], { rules: [noOrderInProgress] }),
  completesOpenOrder: on(['order.completed'], { rules: [isOpenOrder] }),
  failsOpenOrder: on(['order.failed'], { rules: [isOpenOrder] }),
  canTerminate: on(['agreement.terminate']),
};
