/**
 * The command API: pure functions over snapshots that work with every machine of the package.
 *
 * `execute` runs the same step an actor runs (`step.ts`), so the two always agree. Nothing here
 * creates an actor or reads the wall clock.
 */
import type {
  AnyStateMachine,
  EmittedFrom,
  EventFromLogic,
  InputFrom,
  SnapshotFrom,
  StateValueFrom,
} from 'xstate';
import { compiledOf, isStatus } from './compiled';
import { chartFailure, snapshotOf } from './machine';
import { type Refusal, type Rejection, type RejectionCode, refuse } from './rejection';
import type { AnyContext, Subject, Verdict } from './spec';
import { create, judge, type Stepped, step } from './step';
import { parseInstant } from './time';

/** The snapshot type of a machine. */
export type SnapshotOf<M extends AnyStateMachine> = SnapshotFrom<M>;
/** The command union a machine accepts. */
export type CommandOf<M extends AnyStateMachine> = EventFromLogic<M>;
/** The events a machine emits (`status.changed`, `notification`, `command.rejected`, …). */
export type EmittedOf<M extends AnyStateMachine> = Exclude<
  EmittedFrom<M>,
  { type: 'command.rejected' }
>;
/** The machine's own status strings; a transient start state is not one of them. */
export type StatusOf<M extends AnyStateMachine> = Exclude<
  Extract<StateValueFrom<M>, string>,
  'start'
>;
/** The role union of a machine's commands. */
export type RoleOf<M extends AnyStateMachine> =
  CommandOf<M> extends { by: { role: infer R } } ? R : never;
/**
 * A rejection of one of a machine's commands, with the codes that machine can give (read off the
 * `command.rejected` event it emits).
 */
export type RejectionOf<M extends AnyStateMachine> =
  Extract<EmittedFrom<M>, { type: 'command.rejected' }> extends {
    readonly rejection: Rejection<unknown, string, infer Code>;
  }
    ? Rejection<CommandOf<M>, StatusOf<M>, Code>
    : Rejection<CommandOf<M>, StatusOf<M>>;

/** The result of {@link execute}: the next snapshot, or the unchanged one with the rejection. */
export type ExecuteResult<M extends AnyStateMachine> =
  | {
      readonly ok: true;
      readonly snapshot: SnapshotOf<M>;
      readonly emitted: readonly EmittedOf<M>[];
      /** `true` when the command's `commandId` was accepted before: nothing changed. */
      readonly duplicate: boolean;
    }
  | { readonly ok: false; readonly snapshot: SnapshotOf<M>; readonly rejection: RejectionOf<M> };

/** The snapshot's subject, once it looks like a resting snapshot of `machine` (never throws). */
function subjectOf(machine: AnyStateMachine, snapshot: unknown): Subject | string {
  try {
    const { spec } = compiledOf(machine);
    if (typeof snapshot !== 'object' || snapshot === null) return 'the snapshot is not an object';
    const value: unknown = Reflect.get(snapshot, 'value');
    if (!isStatus(spec, value))
      return `the snapshot's status ${JSON.stringify(value)} is not a status of this machine`;
    const context: unknown = Reflect.get(snapshot, 'context');
    if (
      typeof context !== 'object' ||
      context === null ||
      !Number.isSafeInteger(Reflect.get(context, 'version')) ||
      parseInstant(Reflect.get(context, 'updatedAt')) === null ||
      !Array.isArray(Reflect.get(context, 'audit'))
    ) {
      return "the snapshot's context lacks its bookkeeping (version, updatedAt, audit)";
    }
    return { status: value, context: context as AnyContext };
  } catch (error) {
    if (error instanceof TypeError && !isMachine(machine)) throw error;
    return `the snapshot could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const isMachine = (machine: unknown) => {
  try {
    compiledOf(machine);
    return true;
  } catch {
    return false;
  }
};

/** A snapshot of `machine` for a subject, with its children as plain data (no live actor). */
function pureSnapshot<S>(machine: AnyStateMachine, subject: Subject, output?: unknown): S {
  const children = compiledOf(machine).spec.children?.(subject) ?? {};
  return snapshotOf(machine, subject, children, output) as S;
}

function rejectionFor<M extends AnyStateMachine>(
  snapshot: unknown,
  command: unknown,
  refusal: Refusal,
): RejectionOf<M> {
  let status: unknown;
  try {
    status =
      typeof snapshot === 'object' && snapshot !== null
        ? Reflect.get(snapshot, 'value')
        : undefined;
  } catch {
    status = undefined;
  }
  const base = { code: refusal.code, message: refusal.message, command, status };
  return (
    refusal.details === undefined ? base : { ...base, details: refusal.details }
  ) as RejectionOf<M>;
}

/** The step's verdict on `command` (admission only), never throwing. */
function verdictOf(machine: AnyStateMachine, snapshot: unknown, command: unknown): Verdict {
  const subject = subjectOf(machine, snapshot);
  if (typeof subject === 'string')
    return { kind: 'rejected', refusal: refuse('INVALID_STATE', subject) };
  try {
    return judge(machine, subject, command);
  } catch (error) {
    return { kind: 'rejected', refusal: chartFailure(command, error) };
  }
}

/**
 * Creates a subject from its input, purely: the starting snapshot and what creation emits (for
 * example the purchase's `pending` notification). Throws a `TypeError` naming the bad field when
 * the input is invalid.
 *
 * @example
 * ```ts
 * const { snapshot, emitted } = initial(subscriptionMachine, {
 *   id: 'AS-3071-1051-2166', purchaseRequestId: 'PR-3071-1051-2166-001',
 *   at: '2026-01-05T09:00:00Z', by: { role: 'buyer' },
 * });
 * statusOf(snapshot); // 'processing'
 * emitted; // [{ type: 'notification', template: 'pending', requestId: 'PR-3071-1051-2166-001', … }]
 * ```
 */
export function initial<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
): { readonly snapshot: SnapshotOf<M>; readonly emitted: readonly EmittedOf<M>[] } {
  compiledOf(machine);
  const created = create(machine, input);
  return {
    snapshot: pureSnapshot(machine, created.subject, created.output),
    emitted: created.emitted as EmittedOf<M>[],
  };
}

/**
 * `initial(machine, input).snapshot`: the starting snapshot, when what creation emits does not matter.
 *
 * @example
 * ```ts
 * let snapshot = start(fulfillmentRequestMachine, input);
 * ```
 */
export function start<M extends AnyStateMachine>(machine: M, input: InputFrom<M>): SnapshotOf<M> {
  return initial(machine, input).snapshot;
}

/**
 * The machine's own status of a snapshot, e.g. `tiers_setup`, `Processing` or `RESILIATED`, typed
 * as the machine's union of statuses.
 *
 * @example
 * ```ts
 * if (statusOf(snapshot) === 'suspended') showResumeButton();
 * ```
 */
export function statusOf<S extends { readonly value: unknown; readonly machine: AnyStateMachine }>(
  snapshot: S,
): StatusOf<S['machine']> {
  return snapshot.value as StatusOf<S['machine']>;
}

/**
 * Applies one command. Never throws: a malformed command, an unknown role, a wrong status or a
 * broken rule gives `{ ok: false, rejection }`, and the snapshot comes back unchanged. So a command
 * can come straight from an HTTP body: `execute` checks every field.
 *
 * @example
 * ```ts
 * const result = execute(subscriptionMachine, snapshot, {
 *   type: 'request.approve', requestId: 'PR-3071-1051-2166-001', templateId: 'TL-activation',
 *   at: '2026-01-06T08:00:00Z', by: { role: 'vendor' },
 * });
 * if (result.ok) {
 *   await save(persist(result.snapshot)); // status 'active'
 *   for (const event of result.emitted) publish(event); // request.changed, status.changed, notification
 * } else {
 *   reply(422, result.rejection); // { code, message, command, status, details? }
 * }
 * ```
 */
export function execute<M extends AnyStateMachine>(
  machine: M,
  snapshot: SnapshotOf<M>,
  command: CommandOf<M>,
): ExecuteResult<M> {
  const subject = subjectOf(machine, snapshot);
  if (typeof subject === 'string')
    return {
      ok: false,
      snapshot,
      rejection: rejectionFor<M>(snapshot, command, refuse('INVALID_STATE', subject)),
    };
  let result: Stepped;
  try {
    result = step(machine, subject, command);
  } catch (error) {
    const refusal = chartFailure(command, error);
    return { ok: false, snapshot, rejection: rejectionFor<M>(snapshot, command, refusal) };
  }
  const { verdict } = result;
  if (verdict.kind === 'rejected')
    return { ok: false, snapshot, rejection: rejectionFor<M>(snapshot, command, verdict.refusal) };
  if (verdict.kind !== 'accepted')
    return { ok: true, snapshot, emitted: [], duplicate: verdict.kind === 'duplicate' };
  return {
    ok: true,
    snapshot: pureSnapshot(machine, result.subject, result.output),
    emitted: result.emitted as EmittedOf<M>[],
    duplicate: false,
  };
}

/**
 * Why `command` would be refused now, or `null` when it would succeed (duplicates included). It
 * asks the same rules as {@link execute}, without running the command.
 *
 * @example
 * ```ts
 * explain(subscriptionMachine, snapshot, { ...approval, by: { role: 'buyer' } });
 * // { code: 'FORBIDDEN_ROLE', message: 'buyer may not send request.approve (only vendor)', … }
 * ```
 */
export function explain<M extends AnyStateMachine>(
  machine: M,
  snapshot: SnapshotOf<M>,
  command: CommandOf<M>,
): RejectionOf<M> | null {
  const verdict = verdictOf(machine, snapshot, command);
  return verdict.kind === 'rejected' ? rejectionFor<M>(snapshot, command, verdict.refusal) : null;
}

/**
 * `explain(...) === null`: whether `command` would succeed now.
 *
 * @example
 * ```ts
 * const approvable = can(subscriptionMachine, snapshot, approval);
 * ```
 */
export function can<M extends AnyStateMachine>(
  machine: M,
  snapshot: SnapshotOf<M>,
  command: CommandOf<M>,
): boolean {
  return explain(machine, snapshot, command) === null;
}

/**
 * Refusals a sender can fix in the payload alone (a reason, parameter values, a date, a fresh
 * request id): a command refused only for one of these is still available.
 */
const PAYLOAD_CODES: ReadonlySet<RejectionCode> = new Set([
  'REASON_REQUIRED',
  'REQUIRED_PARAMETERS_MISSING',
  'NO_PARAMETER_ERRORS',
  'INVALID_DATE',
  'DUPLICATE_REQUEST',
]);

/**
 * The command types `role` may send now. A type is listed when a well-formed command of it, from
 * that role, passes every check that does not depend on what the sender writes in the payload.
 * It asks the same rules as {@link explain}.
 *
 * @example
 * ```ts
 * // A processing subscription, its purchase pending:
 * availableCommands(subscriptionMachine, snapshot, 'vendor');
 * // ['request.inquire', 'request.approve', 'request.fail']
 * availableCommands(subscriptionMachine, snapshot, 'buyer'); // []
 * ```
 */
export function availableCommands<M extends AnyStateMachine>(
  machine: M,
  snapshot: SnapshotOf<M>,
  role: RoleOf<M>,
): CommandOf<M>['type'][] {
  const subject = subjectOf(machine, snapshot);
  const { spec } = compiledOf(machine);
  if (typeof subject === 'string' || !spec.roles.includes(role as string)) return [];
  const context = subject.context as AnyContext;
  const at = context.updatedAt;
  const out: string[] = [];
  for (const [type, command] of Object.entries(spec.commands)) {
    if (!command.roles.includes(role as string)) continue;
    const probes = command.probes?.(context) ?? [{}];
    const available = probes.some((payload) => {
      const verdict = verdictOf(machine, snapshot, { ...payload, type, at, by: { role } });
      return verdict.kind !== 'rejected' || PAYLOAD_CODES.has(verdict.refusal.code);
    });
    if (available) out.push(type);
  }
  return out as CommandOf<M>['type'][];
}
