/**
 * `subscription-machines/opencell`: the Opencell subscription machine, its types,
 * and helpers that read its snapshots: `versionAt` and `chargeableIntervals`.
 * @packageDocumentation
 */
export { chargeableIntervals } from './charges';
export {
  type OpencellSubscriptionMachine,
  opencellSubscriptionMachine,
} from './subscription.machine';
export {
  type AccessPoint,
  type AmendmentApplied,
  type AmendmentOutcome,
  type Attributes,
  type AttributeValue,
  type ClosedAmendment,
  type Interval,
  OPENCELL_ROLES,
  OPENCELL_STATUSES,
  type OpencellCommand,
  type OpencellCommandOf,
  type OpencellCommandRejected,
  type OpencellRole,
  type OpencellStatus,
  type OpencellSubscriptionContext,
  type OpencellSubscriptionEmitted,
  type OpencellSubscriptionInput,
  type OwnerTransfer,
  type PendingAmendment,
  PRODUCT_STATUSES,
  type Product,
  type ProductChange,
  type ProductOrder,
  type ProductStatus,
  type ScheduledTermination,
  type SubscriptionVersion,
  type Suspension,
} from './subscription.types';
export { versionAt } from './versions';
