/**
 * The named guards of an agreement (Marketplace docs, agreements): only one order per agreement is
 * processed at a time, and only the open order moves it. The rules are those of `open-order.ts`.
 */
import type { AnyCommand, GuardSpec } from '../core/spec';
import type { MarketplaceAgreementContext } from './agreement.types';
import { isOpenOrder, noOrderInProgress } from './open-order';

type Ctx = MarketplaceAgreementContext;

export const agreementGuards = {
  startsAsDraft: { when: (c) => c.draft },
  placesPurchase: { rules: [isOpenOrder] },
  deletesPurchase: { rules: [isOpenOrder] },
  placesOrder: { rules: [noOrderInProgress] },
  noOrderInProgress: { rules: [noOrderInProgress] },
  completesOpenOrder: { rules: [isOpenOrder] },
  failsOpenOrder: { rules: [isOpenOrder] },
  canTerminate: {},
} satisfies Record<string, GuardSpec<Ctx, AnyCommand>>;
