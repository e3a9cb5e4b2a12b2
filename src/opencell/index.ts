/**
 * `subscription-machines/opencell`: the Opencell subscription machine, its types, and helpers that
 * read its snapshots (`versionAt`, `chargeableIntervals`), its renewal arithmetic (`termEnds`), and
 * the adapter of Opencell's subscription DTO. See docs/opencell.md.
 *
 * The machine exports the same kinds of names as every machine of the package: the machine and
 * its type, its `…Input`, `…Context`, `…Emitted`, `…Snapshot` and `…Rejection` (narrowed to
 * `OPENCELL_REJECTION_CODES`), its commands (`OpencellCommand`, `OpencellCommandOf<T>`,
 * `OpencellPayload<T>`) and statuses (`OPENCELL_STATUSES`, `OpencellStatus`).
 * @packageDocumentation
 */
export { type ChargeOptions, chargeableIntervals } from './charges';
export type {
  AmendmentApplied,
  EndOfTermNotice,
  SubscriptionEnded,
  SubscriptionRenewed,
  TerminationCharges,
} from './events';
export {
  END_OF_TERM_ACTIONS,
  type EndOfTermAction,
  INITIAL_TERM_TYPES,
  type InitialTermType,
  RENEWAL_PERIOD_UNITS,
  type RenewalPeriodUnit,
  type RenewalRule,
  type RenewalRuleInput,
  termEnds,
} from './renewal';
export {
  type OpencellAccessDto,
  type OpencellAttributeDto,
  type OpencellRenewalRuleDto,
  type OpencellServiceInstanceDto,
  type OpencellSubscriptionDto,
  toOpencellSubscription,
} from './subscription.adapter';
export { type FromOpencellOptions, fromOpencellSubscription } from './subscription.adapter.read';
export {
  type OpencellSubscriptionMachine,
  type OpencellSubscriptionSnapshot,
  opencellSubscriptionMachine,
} from './subscription.machine';
export {
  type AccessPoint,
  type AmendmentOutcome,
  type Attributes,
  type AttributeValue,
  type ClosedAmendment,
  type Interval,
  OPENCELL_REJECTION_CODES,
  OPENCELL_ROLES,
  OPENCELL_STATUSES,
  type OpencellCommand,
  type OpencellCommandOf,
  type OpencellCommandRejected,
  type OpencellPayload,
  type OpencellRejectionCode,
  type OpencellRole,
  type OpencellStatus,
  type OpencellSubscriptionContext,
  type OpencellSubscriptionEmitted,
  type OpencellSubscriptionInput,
  type OpencellSubscriptionRejection,
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
export { OVERRIDE_PRORATA, type OverrideProrata, type TerminationReason } from './termination';
export { versionAt } from './versions';
export { HISTORY_WINDOW } from './window';
