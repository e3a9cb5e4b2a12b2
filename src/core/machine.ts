/**
 * Command machines: XState machines whose events are commands.
 *
 * A command machine is an ordinary XState `StateMachine` (create actors from it, inspect it,
 * provide implementations) whose `transition` and `getInitialSnapshot` run the library's own step
 * (`step.ts`), the same function `execute` runs. A refused command never changes the snapshot: the
 * actor emits `command.rejected` and keeps running. What the step asks of a live actor (spawn,
 * stop or message the open request's child actor, run a custom action) is carried out here, and
 * only here.
 */
import {
  type ActorScope,
  type AnyActorRef,
  type AnyStateMachine,
  createActor,
  type EventObject,
  type MachineContext,
  type MachineImplementationsSimplified,
  type MachineSnapshot,
  type MetaObject,
  type ParameterizedObject,
  type ProvidedActor,
  StateMachine,
  type StateSchema,
  type StateValue,
} from 'xstate';
import { attach, type Compiled, compile, compiledOf } from './compiled';
import type { Effect, Live } from './evaluate';
import { type Refusal, refuse } from './rejection';
import type { GuardSpec, MachineSpec, Subject } from './spec';
import { create, type Stepped, step } from './step';

type Snapshot = MachineSnapshot<
  MachineContext,
  EventObject,
  Record<string, AnyActorRef | undefined>,
  StateValue,
  string,
  unknown,
  MetaObject,
  StateSchema
>;
type Scope = ActorScope<Snapshot, EventObject>;
type Implementations = MachineImplementationsSimplified<MachineContext, EventObject>;
type Children = Record<string, AnyActorRef | undefined>;

/** An event's `type`, read once; `undefined` when reading it throws (a hostile Proxy or getter). */
function readType(event: unknown): unknown {
  try {
    return typeof event === 'object' && event !== null ? Reflect.get(event, 'type') : undefined;
  } catch {
    return undefined;
  }
}

/** XState's own events (`xstate.init`, `xstate.stop`, `xstate.done.actor.*`, …) are not commands. */
function isInternal(event: unknown): boolean {
  const type = readType(event);
  return typeof type === 'string' && type.startsWith('xstate.');
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A chart that failed while it ran (a guard or action that threw): a refusal, never a crash. */
export function chartFailure(command: unknown, error: unknown): Refusal {
  const type = readType(command);
  const what = typeof type === 'string' ? type : 'the command';
  return refuse('INVALID_STATE', `${what} failed in the chart: ${message(error)}`, {
    error: message(error),
  });
}

/** The snapshot of `machine` for a subject, built from a template of its status. */
export function snapshotOf(
  machine: AnyStateMachine,
  subject: Subject,
  children: Readonly<Record<string, unknown>>,
  output?: unknown,
): Snapshot {
  const { templates, spec } = compiledOf(machine);
  let template = templates.get(subject.status) as Snapshot | undefined;
  if (template === undefined) {
    template = machine.resolveState({ value: subject.status, context: {} }) as Snapshot;
    templates.set(subject.status, template);
  }
  const final = spec.finalStatuses.includes(subject.status);
  return {
    ...template,
    status: final ? 'done' : 'active',
    output: final ? output : undefined,
    context: subject.context as MachineContext,
    children: children as Children,
  } as Snapshot;
}

class CommandStateMachine extends StateMachine<
  MachineContext,
  EventObject,
  Children,
  ProvidedActor,
  ParameterizedObject,
  ParameterizedObject,
  string,
  StateValue,
  string,
  unknown,
  unknown,
  EventObject,
  MetaObject,
  StateSchema
> {
  constructor(
    config: AnyStateMachine['config'],
    implementations: Implementations,
    spec: MachineSpec,
  ) {
    super(config, implementations);
    attach(this, compile(this as AnyStateMachine, spec));
  }

  override provide(implementations: Parameters<AnyStateMachine['provide']>[0]): never {
    const base = super.provide(implementations);
    const { spec } = compiledOf(this) as Compiled;
    return new CommandStateMachine(base.config, base.implementations, spec) as never;
  }

  override getInitialSnapshot(scope: Scope, input?: unknown): Snapshot {
    const live: Live = { self: scope.self, system: scope.system };
    const created = create(this as AnyStateMachine, input, live);
    return this.settle(scope, {}, created);
  }

  override transition(snapshot: Snapshot, event: EventObject, scope: Scope): Snapshot {
    if (isInternal(event)) return super.transition(snapshot, event, scope);
    const subject: Subject = {
      status: snapshot.value as string,
      context: snapshot.context as never,
    };
    let result: Stepped;
    try {
      result = step(this as AnyStateMachine, subject, event, {
        live: { self: scope.self, system: scope.system },
      });
    } catch (error) {
      result = {
        verdict: { kind: 'rejected', refusal: chartFailure(event, error) },
        subject,
        emitted: [],
        effects: [],
        done: false,
      };
    }
    const { verdict } = result;
    if (verdict.kind === 'rejected') {
      const refusal = verdict.refusal;
      const rejection = {
        code: refusal.code,
        message: refusal.message,
        command: event,
        status: subject.status,
        ...(refusal.details === undefined ? {} : { details: refusal.details }),
      };
      const emitted = { type: 'command.rejected', rejection };
      scope.defer(() => scope.emit(emitted));
      return snapshot;
    }
    if (verdict.kind !== 'accepted') return snapshot;
    return this.settle(scope, snapshot.children, result);
  }

  /** Carries out a step's effects on the live children, emits its events, and builds the snapshot. */
  private settle(scope: Scope, current: Children, result: Stepped): Snapshot {
    const children: Children = { ...current };
    for (const effect of result.effects) this.effect(scope, children, effect);
    if (result.done) {
      for (const id of Object.keys(children)) this.effect(scope, children, { kind: 'stop', id });
    }
    for (const emitted of result.emitted) scope.defer(() => scope.emit(emitted as EventObject));
    return snapshotOf(this as AnyStateMachine, result.subject, children, result.output);
  }

  private effect(scope: Scope, children: Children, effect: Effect): void {
    switch (effect.kind) {
      case 'spawn': {
        const logic = this.implementations.actors[effect.src];
        if (logic === undefined) throw new Error(`actor ${effect.src} is not in setup({ actors })`);
        const child = createActor(
          logic as AnyStateMachine,
          {
            id: effect.id,
            src: effect.src,
            parent: scope.self,
            input: effect.input,
          } as never,
        );
        children[effect.id] = child;
        scope.defer(() => {
          if (child.getSnapshot().status === 'active') child.start();
        });
        return;
      }
      case 'stop': {
        const child = children[effect.id];
        delete children[effect.id];
        if (child !== undefined) scope.defer(() => scope.stopChild(child));
        return;
      }
      case 'send': {
        const child = children[effect.to];
        if (child === undefined) return;
        // XState's own sendTo relays through the system, so the inspector sees who sent it.
        const system = scope.system as { _relay?: (s: unknown, t: unknown, e: unknown) => void };
        scope.defer(() =>
          system._relay
            ? system._relay(scope.self, child, effect.event)
            : child.send(effect.event as EventObject),
        );
        return;
      }
      case 'exec':
        scope.actionExecutor({
          type: effect.type,
          info: effect.info as never,
          params: effect.params as never,
          exec: effect.exec as never,
        });
        return;
    }
  }
}

/**
 * Turns a machine made with `setup(...).createMachine(...)` into a command machine governed by
 * `spec`. The result has the same type and works everywhere an XState machine does. Throws when the
 * chart and the spec disagree, so a mismatch fails when the module loads.
 */
export function commandMachine<M extends AnyStateMachine, Context>(
  machine: M,
  spec: MachineSpec<Context>,
): M {
  return new CommandStateMachine(
    machine.config,
    machine.implementations,
    spec as unknown as MachineSpec,
  ) as unknown as M;
}

/** XState guard implementations for named guards: `when` routes, then every rule must pass. */
export function guardImplementations<Context, Command>(
  guards: Readonly<Record<string, GuardSpec<Context, never>>>,
): Record<string, (args: { context: Context; event: Command }) => boolean> {
  const out: Record<string, (args: { context: Context; event: Command }) => boolean> = {};
  for (const [name, { when, rules = [] }] of Object.entries(guards)) {
    out[name] = ({ context, event }) =>
      (when === undefined || when(context, event as never)) &&
      rules.every((rule) => rule(context, event as never) === null);
  }
  return out;
}
