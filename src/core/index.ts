export {
  availableCommands,
  type CommandOf,
  can,
  type EmittedOf,
  type ExecuteResult,
  execute,
  explain,
  initial,
  type RejectionOf,
  type RoleOf,
  type SnapshotOf,
  type StatusOf,
  start,
  statusOf,
} from './api';
export { AUDIT_WINDOW, type AuditEntry, type AuditRecorded, type Bookkeeping } from './bookkeeping';
export type { By, ClockTick, CommandShape, Envelope } from './command';
export { type PersistedSnapshot, persist, restore, restoreActor, SnapshotError } from './persist';
export {
  REJECTION_CODES,
  type Refusal,
  type Rejection,
  type RejectionCode,
  type RejectionDetails,
  type Rule,
} from './rejection';
export type { StatusChanged } from './step';
