export {
  type Capabilities,
  type CapabilitiesInput,
  capabilitiesFromConnect,
  defineCapabilities,
  type SchedulingCapabilities,
} from './capabilities';
export { connectGuards, type Guard } from './guards';
export { type FulfillmentRequestMachine, fulfillmentRequestMachine } from './request.machine';
export {
  CONNECT_ROLES,
  type ConnectRole,
  FINAL_REQUEST_STATUSES,
  type FinalRequestStatus,
  type FulfillmentRequestCommand,
  type FulfillmentRequestContext,
  type FulfillmentRequestEmitted,
  type FulfillmentRequestInput,
  type FulfillmentRequestOutput,
  type Item,
  type Notification,
  type NotificationTemplate,
  type Parameter,
  type ParameterUpdate,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  type RequestCommandOf,
  type RequestStatus,
  type RequestType,
} from './request.types';
export { type SubscriptionMachine, subscriptionMachine } from './subscription.machine';
export {
  type ClosedRequest,
  CONNECTIONS,
  type Connection,
  type CreateRequestCommand,
  FINAL_SUBSCRIPTION_STATUSES,
  type PendingRequest,
  type RequestChanged,
  SUBSCRIPTION_STATUSES,
  type SubscriptionCommand,
  type SubscriptionContext,
  type SubscriptionEmitted,
  type SubscriptionInput,
  type SubscriptionOutput,
  type SubscriptionStatus,
} from './subscription.types';
