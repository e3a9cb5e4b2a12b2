/**
 * `subscription-machines/marketplace`: SoftwareOne Marketplace orders, subscriptions and
 * agreements as command machines, and the subscription JSON adapter. See docs/marketplace.md.
 * @packageDocumentation
 */
export {
  AUDIT_EVENTS,
  type AuditEvent,
  type AuditStamp,
  auditOf,
  type MarketplaceAudit,
  type MarketplaceSubscriptionJson,
  toMarketplaceSubscription,
} from './adapter';
export { type FromMarketplaceOptions, fromMarketplaceSubscription } from './adapter.read';
export { type MarketplaceAgreementMachine, marketplaceAgreementMachine } from './agreement.machine';
export {
  AGREEMENT_STATUSES,
  type AgreementCommandOf,
  type AgreementStatus,
  FINAL_AGREEMENT_STATUSES,
  type FinalAgreementStatus,
  type MarketplaceAgreementCommand,
  type MarketplaceAgreementContext,
  type MarketplaceAgreementEmitted,
  type MarketplaceAgreementInput,
} from './agreement.types';
export type { Commitment } from './commitment';
export { isMarketplaceId, type MarketplaceIdKind } from './ids';
export type { OrderLine, SubscriptionLine } from './lines';
export type { OpenOrder } from './open-order';
export { type MarketplaceOrderMachine, marketplaceOrderMachine } from './order.machine';
export {
  FINAL_ORDER_STATUSES,
  type FinalOrderStatus,
  type MarketplaceOrderCommand,
  type MarketplaceOrderContext,
  type MarketplaceOrderEmitted,
  type MarketplaceOrderInput,
  ORDER_STATUSES,
  type OrderCommandOf,
  type OrderStatus,
} from './order.types';
export type {
  Parameter,
  ParameterError,
  ParameterQuery,
  ParameterValidation,
  ParameterValue,
} from './parameters';
export {
  type CommandRejected,
  MARKETPLACE_ROLES,
  type MarketplaceRole,
  ORDER_TYPES,
  type OrderType,
} from './platform';
export {
  type MarketplaceSubscriptionMachine,
  marketplaceSubscriptionMachine,
} from './subscription.machine';
export {
  type ClosedOrder,
  type ExternalIds,
  FINAL_SUBSCRIPTION_STATUSES,
  type FinalSubscriptionStatus,
  type MarketplaceSubscriptionCommand,
  type MarketplaceSubscriptionContext,
  type MarketplaceSubscriptionEmitted,
  type MarketplaceSubscriptionInput,
  SUBSCRIPTION_STATUSES,
  type SubscriptionCommandOf,
  type SubscriptionRenewed,
  type SubscriptionStatus,
  type SubscriptionTerms,
} from './subscription.types';
