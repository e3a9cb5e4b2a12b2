/**
 * `subscription-machines/marketplace`: SoftwareOne Marketplace orders, subscriptions and
 * agreements as command machines, and the JSON adapters of orders and subscriptions. See
 * docs/marketplace.md.
 *
 * Every machine exports the same kinds of names: the machine (`marketplaceOrderMachine`) and its
 * type (`MarketplaceOrderMachine`), its `…Input`, `…Context`, `…Command`, `…CommandOf<T>`,
 * `…Payload<T>`, `…Emitted`, `…Snapshot`, `…Rejection` (narrowed to its own `…_REJECTION_CODES`),
 * and its statuses (`ORDER_STATUSES`, `OrderStatus`).
 * @packageDocumentation
 */
export {
  type MarketplaceAgreementMachine,
  type MarketplaceAgreementSnapshot,
  marketplaceAgreementMachine,
} from './agreement.machine';
export {
  AGREEMENT_REJECTION_CODES,
  AGREEMENT_STATUSES,
  type AgreementStatus,
  FINAL_AGREEMENT_STATUSES,
  type FinalAgreementStatus,
  type MarketplaceAgreementCommand,
  type MarketplaceAgreementCommandOf,
  type MarketplaceAgreementContext,
  type MarketplaceAgreementEmitted,
  type MarketplaceAgreementInput,
  type MarketplaceAgreementPayload,
  type MarketplaceAgreementRejection,
  type MarketplaceAgreementRejectionCode,
} from './agreement.types';
export type { Commitment } from './commitment';
export { isMarketplaceId, type MarketplaceIdKind } from './ids';
export type { ChangedLine, OrderLine, SubscriptionLine } from './lines';
export type { OpenOrder } from './open-order';
export {
  type FromMarketplaceOrderOptions,
  fromMarketplaceOrder,
  type MarketplaceOrderJson,
  toMarketplaceOrder,
} from './order.adapter';
export {
  type MarketplaceOrderMachine,
  type MarketplaceOrderSnapshot,
  marketplaceOrderMachine,
} from './order.machine';
export {
  FINAL_ORDER_STATUSES,
  type FinalOrderStatus,
  type MarketplaceOrderCommand,
  type MarketplaceOrderCommandOf,
  type MarketplaceOrderContext,
  type MarketplaceOrderEmitted,
  type MarketplaceOrderInput,
  type MarketplaceOrderPayload,
  type MarketplaceOrderRejection,
  type MarketplaceOrderRejectionCode,
  ORDER_AUDIT_EVENTS,
  ORDER_REJECTION_CODES,
  ORDER_STATUSES,
  type OrderAuditEvent,
  type OrderStatus,
} from './order.types';
export type {
  Parameter,
  ParameterConstraints,
  ParameterError,
  ParameterPhase,
  ParameterQuery,
  Parameters,
  ParametersInput,
  ParameterUpdate,
  ParameterValidation,
  ParameterValue,
} from './parameters';
export {
  type CommandRejected,
  type ExternalIds,
  MARKETPLACE_ROLES,
  type MarketplaceRole,
  type Message,
  ORDER_TYPES,
  type OrderType,
} from './platform';
export type { AuditStamp, AuditStamps } from './stamps';
export {
  type FromMarketplaceOptions,
  fromMarketplaceSubscription,
  type MarketplaceSubscriptionJson,
  toMarketplaceSubscription,
} from './subscription.adapter';
export {
  type MarketplaceSubscriptionMachine,
  type MarketplaceSubscriptionSnapshot,
  marketplaceSubscriptionMachine,
} from './subscription.machine';
export {
  CLOSED_ORDERS_WINDOW,
  type ClosedOrder,
  FINAL_SUBSCRIPTION_STATUSES,
  type FinalSubscriptionStatus,
  type MarketplaceSubscriptionCommand,
  type MarketplaceSubscriptionCommandOf,
  type MarketplaceSubscriptionContext,
  type MarketplaceSubscriptionEmitted,
  type MarketplaceSubscriptionInput,
  type MarketplaceSubscriptionPayload,
  type MarketplaceSubscriptionRejection,
  type MarketplaceSubscriptionRejectionCode,
  SUBSCRIPTION_AUDIT_EVENTS,
  SUBSCRIPTION_REJECTION_CODES,
  SUBSCRIPTION_STATUSES,
  type SubscriptionAuditEvent,
  type SubscriptionRenewed,
  type SubscriptionStatus,
  type SubscriptionTerms,
} from './subscription.types';
