/**
 * What a platform declares about one machine, beside its chart: commands and roles, the rules behind
 * each named guard, how its context is validated and persisted, and the facts a restored snapshot
 * must agree with. The step (`step.ts`), the API (`api.ts`) and persistence (`persist.ts`) read
 * only this and the chart.
 */
import type { AnyStateMachine } from 'xstate';
import type { AuditEntry, Bookkeeping } from './bookkeeping';
import type { Envelope, PayloadShape } from './command';
import type { Refusal, Rule } from './rejection';
import type { Schema } from './schema';

/** A command as the step sees it once it is well-formed. */
export type AnyCommand = Envelope & Readonly<Record<string, unknown>>;

/** A context as the step sees it: anything with the shared bookkeeping. */
export type AnyContext = Bookkeeping & Readonly<Record<string, unknown>>;

/** One command type of a machine. */
export interface CommandSpec<Context = AnyContext> {
  /** Payload fields beyond the envelope (checked at step 1, strictly). */
  readonly payload: PayloadShape;
  /**
   * A check across payload fields, also at step 1 once every field is well-formed (e.g. "a
   * `templateId` or an `activationTile`"): `null`, or a message starting with the field's path.
   */
  readonly check?: (payload: Readonly<Record<string, unknown>>) => string | null;
  /** Roles that may send it (step 5). */
  readonly roles: readonly string[];
  /** A further role check that depends on the context or payload (step 5, after `roles`). */
  readonly role?: Rule<Context, never>;
  /** `clock.tick`: when nothing is due (no handler, or every guard refuses) it is a no-op. */
  readonly tick?: boolean;
  /**
   * Representative well-formed payloads of this command in the current context, used by
   * `availableCommands` to ask the rules whether the command could be sent now. Defaults to `[{}]`.
   */
  readonly probes?: (context: Context) => readonly Readonly<Record<string, unknown>>[];
}

/**
 * A named guard: `when` routes (it picks which transition a command takes and is not a refusal);
 * `rules` refuse, with the first refusal explaining why. Both are pure.
 */
export interface GuardSpec<Context = AnyContext, Command = AnyCommand> {
  readonly when?: (context: Context, command: Command) => boolean;
  readonly rules?: readonly Rule<Context, Command>[];
}

/** The command types a guard judges (`on`); none for a guard of `always` routing. */
export interface GuardTypes {
  readonly on?: readonly string[];
}

/** A guard as a machine's spec holds it. */
export type NamedGuard<Context> = GuardSpec<Context, never> & GuardTypes;

/**
 * The guard builder of a machine whose commands are `Command`. `on(types, spec)` makes a guard of
 * those command types, whose `when` and `rules` receive those commands, narrowed; `routing(when)`
 * makes a guard of `always` routing, which sees the context only. `compile` checks that the chart
 * uses each guard on its own command types only.
 *
 * @example
 * const { on } = guards<Ctx, Command>();
 * const canApprove = on(['request.approve'], { rules: [isThisRequest, fulfillmentReady] });
 */
export function guards<Context, Command extends { readonly type: string }>() {
  return {
    on: <T extends Command['type']>(
      types: readonly T[],
      spec: {
        readonly when?: (context: Context, command: Extract<Command, { type: T }>) => boolean;
        readonly rules?: readonly Rule<Context, Extract<Command, { type: T }>>[];
      } = {},
    ): NamedGuard<Context> => ({ on: types, ...spec }) as NamedGuard<Context> as never,
    routing: (when: (context: Context) => boolean): NamedGuard<Context> => ({ when }),
  };
}

/** An event a machine emits to `actor.on(...)` listeners and in `execute(...).emitted`. */
export interface EmittedBase {
  readonly type: string;
}

/** The status and context of a subject, before or after a command. */
export interface Subject<Context = AnyContext> {
  readonly status: string;
  readonly context: Context;
}

/** A persisted child actor in XState's own persisted shape, so `createActor` can restore it. */
export interface PersistedChild {
  readonly src: string;
  readonly snapshot: {
    readonly status: 'active' | 'done';
    readonly value: string;
    readonly context: unknown;
    readonly children: Record<string, never>;
    readonly historyValue: Record<string, never>;
    readonly output?: unknown;
  };
  readonly syncSnapshot: false;
}

/**
 * A child machine the parent hands some of its commands to, as the Connect subscription hands
 * request commands to its open request. The step runs the child's own step once, then the
 * parent's chart on the context with the child's result written back.
 */
export interface Delegation<Context = AnyContext> {
  /** The child's machine. */
  readonly machine: AnyStateMachine;
  /** The actor source name the child is spawned from (`setup({ actors })`). */
  readonly src: string;
  /** The command types handed to the child; each has a root-level handler in the parent's chart. */
  readonly commands: ReadonlySet<string>;
  /**
   * The open child that `command` addresses: its subject, a refusal (no such child open), or `null`
   * when nothing is open (a `clock.tick` is then a no-op).
   */
  readonly open: (
    context: Context,
    command: AnyCommand,
  ) => { readonly id: string; readonly subject: Subject } | { readonly refusal: Refusal } | null;
  /** How the child's refusal reads on the parent (e.g. with the request's id and status). */
  readonly refusal: (context: Context, refusal: Refusal) => Refusal;
  /** The parent's context with the child's new subject written back. */
  readonly advance: (context: Context, child: Subject) => Context;
  /** Which of the child's emitted events the parent emits too (its notifications). */
  readonly relay: (event: EmittedBase) => boolean;
}

/** A fact a restored subject must satisfy: `null`, or what is wrong, starting with its path. */
export type Invariant<Context = AnyContext> = (subject: Subject<Context>) => string | null;

export interface MachineSpec<Context = AnyContext> {
  /** The persisted `schema` name, e.g. `subscription-machines/connect.fulfillment-request`. */
  readonly schema: string;
  readonly schemaVersion: number;
  /** Resting statuses, in diagram order. A transient start state is not one of them. */
  readonly statuses: readonly string[];
  /** Statuses in which every command but `clock.tick` is refused (step 6). */
  readonly finalStatuses: readonly string[];
  readonly roles: readonly string[];
  readonly commands: Readonly<Record<string, CommandSpec<Context>>>;
  readonly guards: Readonly<Record<string, NamedGuard<Context>>>;
  /** Validates a persisted context (after the extra fields are folded back in). */
  readonly context: Schema<unknown>;
  /** Facts across fields that a restored subject must satisfy, checked in order. */
  readonly invariants?: readonly Invariant<Context>[];
  /** The ids that `status.changed` and `notification` events carry. */
  readonly subjectIds: (context: Context) => {
    readonly subscriptionId?: string;
    readonly requestId?: string;
  };
  /**
   * What an accepted command changed beyond the status: events to emit before the chart's own
   * (e.g. `request.changed`), and extra fields of its audit entry (e.g. `event: 'renewed'`, or the
   * `requestId` of a platform whose commands name their request otherwise, such as `orderId`).
   */
  readonly changes?: (
    before: Subject<Context>,
    after: Subject<Context>,
    command: AnyCommand,
  ) => {
    readonly emitted?: readonly EmittedBase[];
    readonly audit?: Pick<AuditEntry, 'event' | 'requestId'>;
  };
  /** The machine's output in a final status (XState `output`), for restored snapshots. */
  readonly output?: (subject: Subject<Context>) => unknown;
  /**
   * What tells two subjects apart in a graph walk (`reachablePaths`, `pathsTo`) where the status
   * alone does not, e.g. the type and status of an open request. Default: the status.
   */
  readonly graphKey?: (subject: Subject<Context>) => string;
  /** Live children as plain data, for snapshots built without an actor (pure API, restore). */
  readonly children?: (subject: Subject<Context>) => Readonly<Record<string, PersistedChild>>;
  /**
   * The context of an input the library built itself from a subject's own, already checked data
   * (the Connect subscription opening a request): the machine's context factory without its input
   * checks. Used by a trusted creation only; any other input goes through the factory.
   */
  readonly trustedContext?: (input: unknown) => Context;
  /** Commands handed to a child machine (the Connect subscription's open request). */
  readonly delegate?: Delegation<Context>;
  /** Splits the context for persistence: fields moved out of `context` into the top level. */
  readonly persisted?: {
    /** The top-level fields it adds beside `schema`, `schemaVersion`, `status` and `context`. */
    readonly keys: readonly string[];
    readonly split: (subject: Subject<Context>) => {
      readonly context: unknown;
      readonly extra: Readonly<Record<string, unknown>>;
    };
    readonly join: (
      json: Readonly<Record<string, unknown>>,
    ) => { readonly context: unknown } | { readonly error: string };
  };
}

/** The outcome of the checks: accepted, or one of the outcomes that change nothing. */
export type Verdict =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'noop' }
  | { readonly kind: 'rejected'; readonly refusal: Refusal };
