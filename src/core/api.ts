/**
 * The command API: pure functions over snapshots that work with every machine of the package.
 *
 * `execute` runs the same two steps an actor does (the command runner, then the chart through
 * XState's own pure `transition`), so the two always agree. Nothing here reads the wall clock.
 */
import type {
  AnyStateMachine,
  EmittedFrom,
  EventFromLogic,
  InputFrom,
  SnapshotFrom,
  StateValueFrom,
} from 'xstate';
import { admit, rejectionOf, statusOfSnapshot } from './admit';
import { type CompiledSpec, specOf } from './compiled';
import { markAdmitted, settledEmissions } from './machine';
import { pureInitial, pureTransition } from './pure';
import { type Refusal, type Rejection, type RejectionCode, refuse } from './rejection';
import { creationRecorded } from './settle';
import type { AnyContext, Verdict } from './spec';
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
/** A rejection of one of a machine's commands. */
export type RejectionOf<M extends AnyStateMachine> = Rejection<CommandOf<M>, StatusOf<M>>;

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

type Children = Readonly<Record<string, unknown>>;

/** Replaces live or throwaway child actors with plain data derived from the context. */
function withPlainChildren<S>(spec: CompiledSpec, snapshot: S): S {
  const s = snapshot as unknown as { value: unknown; context: AnyContext; children: Children };
  const children = spec.children?.({ status: s.value as string, context: s.context }) ?? {};
  return { ...snapshot, children };
}

function emittedFrom(actions: readonly { type: string; params?: unknown }[]): unknown[] {
  return actions
    .filter((a) => a.type === 'xstate.emit')
    .map((a) => (a.params as { event: unknown }).event);
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
  const spec = specOf(machine);
  const [snapshot, actions] = pureInitial<SnapshotOf<M>>(machine, input);
  return {
    snapshot: withPlainChildren(spec, snapshot),
    emitted: [creationRecorded(snapshot), ...emittedFrom(actions)] as EmittedOf<M>[],
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
  return statusOfSnapshot(snapshot as never) as StatusOf<S['machine']>;
}

/** Checks that a snapshot is a resting snapshot of `spec`'s machine before anything reads it. */
function snapshotProblem(spec: CompiledSpec, snapshot: unknown): string | null {
  const s = snapshot as {
    value?: unknown;
    context?: { version?: unknown; updatedAt?: unknown; audit?: unknown };
  } | null;
  if (typeof s !== 'object' || s === null) return 'the snapshot is not an object';
  if (typeof s.value !== 'string' || !spec.statuses.includes(s.value)) {
    return `the snapshot's status ${JSON.stringify(s.value)} is not a status of this machine`;
  }
  const c = s.context;
  if (
    typeof c !== 'object' ||
    c === null ||
    typeof c.version !== 'number' ||
    parseInstant(c.updatedAt) === null ||
    !Array.isArray(c.audit)
  ) {
    return "the snapshot's context lacks its bookkeeping (version, updatedAt, audit)";
  }
  return null;
}

/**
 * The snapshot as a snapshot of `machine`. XState evaluates guards through `snapshot.machine`, so a
 * snapshot made by the plain machine must be rebound before a provided variant judges it.
 */
function boundTo<S>(machine: AnyStateMachine, snapshot: S): S {
  const s = snapshot as unknown as {
    machine?: unknown;
    value: string;
    context: unknown;
    children?: unknown;
  };
  if (s.machine === machine) return snapshot;
  const resolved = machine.resolveState({ value: s.value, context: s.context as never });
  return { ...resolved, children: s.children ?? {} } as S;
}

/** The command runner's verdict, and the snapshot bound to `machine` that it judged. */
function judge(
  machine: AnyStateMachine,
  snapshot: unknown,
  command: unknown,
): { readonly verdict: Verdict; readonly bound?: unknown } {
  const problem = snapshotProblem(specOf(machine), snapshot);
  if (problem) return { verdict: { kind: 'rejected', refusal: refuse('INVALID_STATE', problem) } };
  const bound = boundTo(machine, snapshot as { value: string; context: unknown });
  try {
    return { verdict: admit(machine, bound, command), bound };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const refusal = refuse('INVALID_STATE', `the command could not be checked: ${message}`, {
      error: message,
    });
    return { verdict: { kind: 'rejected', refusal } };
  }
}

const verdictOf = (machine: AnyStateMachine, snapshot: unknown, command: unknown): Verdict =>
  judge(machine, snapshot, command).verdict;

function rejectionFor<M extends AnyStateMachine>(
  snapshot: unknown,
  command: unknown,
  refusal: Refusal,
): RejectionOf<M> {
  const s = snapshot as { value?: unknown } | null;
  const status = typeof s === 'object' && s !== null ? s : { value: undefined, context: undefined };
  return rejectionOf(
    status as { value: unknown; context: unknown },
    command,
    refusal,
  ) as RejectionOf<M>;
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
  const { verdict, bound } = judge(machine, snapshot, command);
  if (verdict.kind === 'rejected') {
    return { ok: false, snapshot, rejection: rejectionFor<M>(snapshot, command, verdict.refusal) };
  }
  if (verdict.kind !== 'accepted')
    return { ok: true, snapshot, emitted: [], duplicate: verdict.kind === 'duplicate' };
  try {
    markAdmitted(command as object, bound as object);
    const [next, actions] = pureTransition(machine, bound as SnapshotOf<M>, command);
    const failed = next as { status: string; error?: unknown };
    if (failed.status === 'error') throw failed.error;
    const emitted = [...settledEmissions(next), ...emittedFrom(actions)] as EmittedOf<M>[];
    return {
      ok: true,
      snapshot: withPlainChildren(specOf(machine), next),
      emitted,
      duplicate: false,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const refusal = refuse(
      'INVALID_STATE',
      `${(command as { type: string }).type} failed in the chart: ${message}`,
      { error: message },
    );
    return { ok: false, snapshot, rejection: rejectionFor<M>(snapshot, command, refusal) };
  }
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
  const spec = specOf(machine);
  const s = snapshot as unknown as { value: string; context: AnyContext };
  if (snapshotProblem(spec, snapshot) !== null || !spec.roles.includes(role as string)) return [];
  const at = s.context.updatedAt;
  const out: string[] = [];
  for (const [type, command] of Object.entries(spec.commands)) {
    if (!command.roles.includes(role as string)) continue;
    const probes = command.probes?.(s.context) ?? [{}];
    const available = probes.some((payload) => {
      const verdict = verdictOf(machine, snapshot, { ...payload, type, at, by: { role } });
      return verdict.kind !== 'rejected' || PAYLOAD_CODES.has(verdict.refusal.code);
    });
    if (available) out.push(type);
  }
  return out as CommandOf<M>['type'][];
}
