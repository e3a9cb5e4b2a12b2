/**
 * Settling an accepted command: the shared bookkeeping, and the change events every machine emits.
 */
import { type AuditRecorded, auditEntry, creationEntry, record } from './bookkeeping';
import type { By } from './command';
import type { CompiledSpec } from './compiled';
import type { AnyCommand, AnyContext, EmittedBase } from './spec';

interface SnapshotLike {
  readonly value: unknown;
  readonly context: unknown;
}

/** `{ type: 'status.changed', from, to, at, subscriptionId?, requestId? }`. */
export interface StatusChanged<Status extends string = string> {
  readonly type: 'status.changed';
  readonly from: Status;
  readonly to: Status;
  readonly at: string;
  readonly subscriptionId?: string;
  readonly requestId?: string;
}

/**
 * Records an accepted command on the snapshot XState computed (`after`), and lists the change
 * events it causes: the platform's own (e.g. `request.changed`), then `status.changed`.
 */
export function settleCommand<S extends SnapshotLike>(
  spec: CompiledSpec,
  before: SnapshotLike,
  after: S,
  command: AnyCommand,
): { readonly snapshot: S; readonly emitted: readonly EmittedBase[] } {
  const from = before.value as string;
  const to = after.value as string;
  const change = spec.changes?.(
    { status: from, context: before.context as AnyContext },
    { status: to, context: after.context as AnyContext },
    command,
  );
  const before_ = before.context as AnyContext;
  const entry = auditEntry(before_.version + 1, command, from, to, change?.audit);
  const context = record(after.context as AnyContext, entry);
  const recorded: AuditRecorded = { type: 'audit.recorded', entry };
  const emitted: EmittedBase[] = [recorded, ...(change?.emitted ?? [])];
  if (from !== to) {
    const changed: StatusChanged = {
      type: 'status.changed',
      from,
      to,
      at: command.at,
      ...spec.subjectIds(context),
    };
    emitted.push(changed);
  }
  return { snapshot: { ...after, context }, emitted };
}

/** Adds the creation entry to a new subject's audit, now that its starting status is known. */
export function settleCreation<S extends SnapshotLike>(snapshot: S, input: unknown): S {
  const context = snapshot.context as AnyContext;
  const { at, by } = input as { at: string; by: By };
  return {
    ...snapshot,
    context: {
      ...context,
      audit: [...context.audit, creationEntry({ at, by }, snapshot.value as string)],
    },
  };
}

/** The `audit.recorded` event of a new subject's creation entry. */
export function creationRecorded(snapshot: SnapshotLike): AuditRecorded {
  const { audit } = snapshot.context as AnyContext;
  return { type: 'audit.recorded', entry: audit[audit.length - 1] as AuditRecorded['entry'] };
}
