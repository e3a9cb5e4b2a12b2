/**
 * One command step, the same for `execute`, `explain`, `can`, `availableCommands` and actors:
 * admit → transition → settle.
 *
 * Admission runs the checks in their fixed order, stopping at the first refusal:
 * 1. `INVALID_COMMAND` 2. a repeated `commandId` (a successful no-op) 3. `STALE_VERSION`
 * 4. `OUT_OF_ORDER` 5. `FORBIDDEN_ROLE` 6. `INVALID_STATE` 7. the command's own rules.
 * Step 7 asks the chart: the command is accepted when one of its transitions is enabled, by the
 * machine's own (possibly provided) guards. Only a refusal is then explained, by the rules behind
 * the guards that refused. A command handed to a child (the Connect subscription's request
 * commands) is admitted by the child's own step, once, and then by the parent's policy guard.
 *
 * The transition evaluates the chart (`evaluate.ts`) from the transition admission selected, and
 * settling records the command: version, `updatedAt`, the audit window, and the events to emit.
 */
import type { AnyStateMachine } from 'xstate';
import { type AuditRecorded, auditEntry, creationEntry, record, wasAccepted } from './bookkeeping';
import type { Candidate } from './chart';
import { admitCommand } from './command';
import { type Compiled, compiledOf } from './compiled';
import { type Effect, type Evaluation, Evaluator, type Live, UnsupportedFeature } from './evaluate';
import { plainCopy } from './plain';
import { type Refusal, refuse } from './rejection';
import type { AnyCommand, AnyContext, EmittedBase, Subject, Verdict } from './spec';
import { parseInstant } from './time';

/** `{ type: 'status.changed', from, to, at, subscriptionId?, requestId? }`. */
export interface StatusChanged<Status extends string = string> {
  readonly type: 'status.changed';
  readonly from: Status;
  readonly to: Status;
  readonly at: string;
  readonly subscriptionId?: string;
  readonly requestId?: string;
}

/** What admission decided, and what the transition reuses of it. */
interface Admission {
  readonly verdict: Verdict;
  /** The admitted command: a plain copy the step may keep. */
  readonly command?: AnyCommand;
  /** The transition admission selected (not for a delegated command: it routes after the child). */
  readonly candidate?: Candidate;
  readonly candidates?: readonly Candidate[];
  /** A delegated command: the child's id and its own step. */
  readonly child?: { readonly id: string; readonly step: Stepped };
  readonly evaluator?: Evaluator;
}

/** The result of one step. When the verdict is not `accepted`, nothing changed. */
export interface Stepped {
  readonly verdict: Verdict;
  readonly subject: Subject;
  readonly emitted: readonly EmittedBase[];
  readonly effects: readonly Effect[];
  /** The subject reached a final status; `output` is the machine's output. */
  readonly done: boolean;
  readonly output?: unknown;
}

export interface StepOptions {
  /** The actor the step runs in, for the `self` and `system` that actions receive. */
  readonly live?: Live;
  /** Step 1 already passed with the same schema (a parent delegating to its child). */
  readonly trusted?: boolean;
}

const rejected = (refusal: Refusal): Admission => ({ verdict: { kind: 'rejected', refusal } });
const NOOP: Admission = { verdict: { kind: 'noop' } };
const DUPLICATE: Admission = { verdict: { kind: 'duplicate' } };
const ACCEPTED: Verdict = { kind: 'accepted' };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Steps 1 to 6, and step 7 for a command the chart decides itself. */
function admit(
  machine: AnyStateMachine,
  compiled: Compiled,
  subject: Subject,
  raw: unknown,
  apply: boolean,
  options: StepOptions,
): Admission {
  const { spec, chart } = compiled;
  let command: AnyCommand;
  if (options.trusted) command = raw as AnyCommand;
  else {
    const admitted = admitCommand(raw, compiled.schemas);
    if (!admitted.ok) {
      const details = admitted.field === undefined ? undefined : { field: admitted.field };
      return rejected(refuse('INVALID_COMMAND', admitted.message, details));
    }
    command = admitted.command as AnyCommand;
  }
  const commandSpec = spec.commands[command.type];
  if (commandSpec === undefined)
    return rejected(refuse('INVALID_COMMAND', `unknown command type ${command.type}`));
  const { status } = subject;
  const context = subject.context as AnyContext;

  if (command.commandId !== undefined && wasAccepted(context.audit, command.commandId))
    return DUPLICATE;

  if (command.expectedVersion !== undefined && command.expectedVersion !== context.version) {
    return rejected(
      refuse(
        'STALE_VERSION',
        `expected version ${command.expectedVersion}, but the snapshot is at version ${context.version}`,
        { version: context.version },
      ),
    );
  }

  if ((parseInstant(command.at) ?? 0) < (parseInstant(context.updatedAt) ?? 0)) {
    return rejected(
      refuse(
        'OUT_OF_ORDER',
        `at ${command.at} is earlier than the last change at ${context.updatedAt}`,
        {
          updatedAt: context.updatedAt,
        },
      ),
    );
  }

  if (!commandSpec.roles.includes(command.by.role)) {
    return rejected(
      refuse(
        'FORBIDDEN_ROLE',
        `${command.by.role} may not send ${command.type} (only ${commandSpec.roles.join(', ')})`,
      ),
    );
  }
  const roleRefusal = commandSpec.role?.(context, command as never);
  if (roleRefusal) return rejected(roleRefusal);

  if (spec.finalStatuses.includes(status)) {
    return commandSpec.tick
      ? NOOP
      : rejected(
          refuse('INVALID_STATE', `${command.type} is not allowed in ${status}: it is final`),
        );
  }
  const candidates = chart.states.get(status)?.on.get(command.type) ?? [];
  if (candidates.length === 0) {
    return commandSpec.tick
      ? NOOP
      : rejected(refuse('INVALID_STATE', `${command.type} is not allowed in ${status}`));
  }

  const evaluator = new Evaluator(machine, chart, options.live);
  if (spec.delegate?.commands.has(command.type))
    return admitDelegated(
      compiled,
      evaluator,
      subject,
      command,
      candidates,
      apply,
      commandSpec.tick === true,
    );

  const failures: { readonly guard: string; readonly error?: string }[] = [];
  for (const candidate of candidates) {
    if (candidate.guard === undefined)
      return { verdict: ACCEPTED, command, candidate, candidates, evaluator };
    const outcome = runGuard(evaluator, candidate, context, command);
    if (outcome === true) return { verdict: ACCEPTED, command, candidate, candidates, evaluator };
    failures.push(outcome === false ? { guard: candidate.guard.name } : outcome);
  }
  if (commandSpec.tick) return NOOP;
  return rejected(explain(compiled, candidates, failures, subject, command));
}

/** A guard's verdict, or its error when it threw. */
function runGuard(
  evaluator: Evaluator,
  candidate: Candidate,
  context: unknown,
  command: AnyCommand,
): boolean | { readonly guard: string; readonly error: string } {
  const guard = candidate.guard;
  if (guard === undefined) return true;
  try {
    return evaluator.guard(guard, context, command);
  } catch (error) {
    if (error instanceof UnsupportedFeature) throw error;
    return { guard: guard.name, error: message(error) };
  }
}

/** Step 7, refused: the first rule that refuses, else the guard that did (host policy). */
function explain(
  compiled: Compiled,
  candidates: readonly Candidate[],
  failures: readonly { readonly guard: string; readonly error?: string }[],
  subject: Subject,
  command: AnyCommand,
): Refusal {
  const context = subject.context as AnyContext;
  for (const candidate of candidates) {
    const guard =
      candidate.guard === undefined ? undefined : compiled.spec.guards[candidate.guard.name];
    if (guard === undefined) continue;
    if (guard.when && !guard.when(context, command as never)) continue;
    for (const rule of guard.rules ?? []) {
      const refusal = rule(context, command as never);
      if (refusal) return refusal;
    }
  }
  const blamed = failures[0];
  if (blamed === undefined)
    return refuse('INVALID_STATE', `${command.type} is not allowed in ${subject.status}`);
  const why = blamed.error === undefined ? 'refused' : `threw: ${blamed.error}`;
  return refuse(
    'INVALID_STATE',
    `${command.type} in ${subject.status}: guard ${blamed.guard} ${why}`,
    blamed,
  );
}

/** Step 7 of a delegated command: the child's own step, then the parent's policy guard. */
function admitDelegated(
  compiled: Compiled,
  evaluator: Evaluator,
  subject: Subject,
  command: AnyCommand,
  candidates: readonly Candidate[],
  apply: boolean,
  tick: boolean,
): Admission {
  const delegate = compiled.spec.delegate;
  const context = subject.context as AnyContext;
  if (delegate === undefined) throw new UnsupportedFeature('no delegate');
  const open = delegate.open(context, command);
  if (open === null)
    return tick ? NOOP : rejected(refuse('INVALID_STATE', `${command.type}: nothing is open`));
  if ('refusal' in open) return rejected(open.refusal);
  // `expectedVersion` is the parent's: the child has its own version.
  const { expectedVersion: _parentVersion, ...forwarded } = command;
  const child = runStep(delegate.machine, open.subject, forwarded, apply, { trusted: true });
  if (child.verdict.kind === 'rejected')
    return rejected(delegate.refusal(context, child.verdict.refusal));
  if (child.verdict.kind !== 'accepted') return { verdict: child.verdict };
  // The policy guard: the parent's root-level handler of the command (a host may provide it).
  const policy = candidates.find((c) => c.source === null);
  if (policy?.guard !== undefined) {
    const outcome = runGuard(evaluator, policy, context, command);
    if (outcome !== true) {
      const blamed = outcome === false ? { guard: policy.guard.name } : outcome;
      return rejected(explain(compiled, [policy], [blamed], subject, command));
    }
  }
  return {
    verdict: ACCEPTED,
    command,
    candidates,
    child: { id: open.id, step: child },
    evaluator,
  };
}

/** The transition and the bookkeeping of an accepted command. */
/** The context the chart runs on: a delegated command's child result written back first. */
function chartContext(compiled: Compiled, subject: Subject, admission: Admission): AnyContext {
  const child = admission.child;
  const delegate = compiled.spec.delegate;
  return child !== undefined && delegate !== undefined
    ? (delegate.advance(subject.context as AnyContext, child.step.subject) as AnyContext)
    : (subject.context as AnyContext);
}

/**
 * The chart's part of a step: the transition admission selected (or, for a delegated command, the
 * one the chart routes to on the advanced context), then `always` routing.
 */
function runChart(subject: Subject, context: AnyContext, admission: Admission): Evaluation {
  const command = admission.command as AnyCommand;
  const evaluator = admission.evaluator as Evaluator;
  const state: Evaluation = {
    status: subject.status,
    context: context as Record<string, unknown>,
    emitted: [],
    effects: [],
    done: false,
  };
  const candidate =
    admission.child === undefined
      ? admission.candidate
      : evaluator.select(admission.candidates ?? [], context, command);
  if (candidate === undefined)
    throw new UnsupportedFeature(`${command.type} in ${subject.status}: no transition routes it`);
  evaluator.microstep(candidate, state, command);
  evaluator.settle(state, command);
  return state;
}

function transition(compiled: Compiled, subject: Subject, admission: Admission): Stepped {
  const { spec } = compiled;
  const command = admission.command as AnyCommand;
  const context = subject.context as AnyContext;
  const state = runChart(subject, chartContext(compiled, subject, admission), admission);
  const relayed: EmittedBase[] = [];
  const child = admission.child;
  if (child !== undefined && spec.delegate !== undefined) {
    const { expectedVersion: _parentVersion, ...forwarded } = command;
    state.effects.unshift({ kind: 'send', to: child.id, event: forwarded });
    for (const e of child.step.emitted) if (spec.delegate.relay(e)) relayed.push(e);
  }

  const after: Subject = { status: state.status, context: state.context as AnyContext };
  const change = spec.changes?.(subject, after, command);
  const entry = auditEntry(
    context.version + 1,
    command,
    subject.status,
    state.status,
    change?.audit,
  );
  const recorded: AuditRecorded = { type: 'audit.recorded', entry };
  const emitted: EmittedBase[] = [recorded, ...(change?.emitted ?? [])];
  if (subject.status !== state.status) {
    const changed: StatusChanged = {
      type: 'status.changed',
      from: subject.status,
      to: state.status,
      at: command.at,
      ...spec.subjectIds(state.context as AnyContext),
    };
    emitted.push(changed);
  }
  emitted.push(...relayed, ...(state.emitted as EmittedBase[]));
  return {
    verdict: ACCEPTED,
    subject: { status: state.status, context: record(state.context as AnyContext, entry) },
    emitted,
    effects: state.effects,
    done: state.done,
    ...(state.done ? { output: state.output } : {}),
  };
}

function runStep(
  machine: AnyStateMachine,
  subject: Subject,
  raw: unknown,
  apply: boolean,
  options: StepOptions,
): Stepped {
  const compiled = compiledOf(machine);
  const admission = admit(machine, compiled, subject, raw, apply, options);
  if (!apply || admission.verdict.kind !== 'accepted')
    return { verdict: admission.verdict, subject, emitted: [], effects: [], done: false };
  return transition(compiled, subject, admission);
}

/**
 * Runs one command: admission, and for an accepted command the transition and its bookkeeping.
 * Throws only when the chart itself fails (a guard or action that throws while it runs); callers
 * turn that into a refusal.
 */
export function step(
  machine: AnyStateMachine,
  subject: Subject,
  command: unknown,
  options: StepOptions = {},
): Stepped {
  return runStep(machine, subject, command, true, options);
}

/** Admission only: what `explain`, `can` and `availableCommands` ask. */
export function judge(machine: AnyStateMachine, subject: Subject, command: unknown): Verdict {
  return runStep(machine, subject, command, false, {}).verdict;
}

/**
 * Creates a subject from its input: the chart's context factory, its first status, and the
 * creation's audit entry. Throws a `TypeError` naming a bad input field.
 */
export function create(
  machine: AnyStateMachine,
  input: unknown,
  live?: Live,
  options: { readonly trusted?: boolean } = {},
): Stepped {
  const compiled = compiledOf(machine);
  const { chart } = compiled;
  // The subject keeps a copy of its input: nothing in it is shared with the caller. An input the
  // library built itself from a subject's own data (a subscription opening a request) is trusted.
  if (!options.trusted) {
    const copied = plainCopy(input, 'input');
    if (!copied.ok) throw new TypeError(`${machine.id} ${copied.message}`);
    input = copied.value;
  }
  const init = { type: 'xstate.init', input };
  const factory = machine.config.context as unknown;
  const context =
    typeof factory === 'function'
      ? factory({ input, self: live?.self, spawn: noSpawn })
      : (factory ?? {});
  const evaluator = new Evaluator(machine, chart, live);
  const state: Evaluation = {
    status: '',
    context: context as Record<string, unknown>,
    emitted: [],
    effects: [],
    done: false,
  };
  evaluator.actions(chart.entry, state, init);
  evaluator.enter(chart.initial, state, init);
  evaluator.settle(state, init);
  const { at, by } = input as { at: string; by: { role: string; id?: string } };
  const entry = creationEntry({ at, by }, state.status);
  const recorded: AuditRecorded = { type: 'audit.recorded', entry };
  const created = state.context as AnyContext;
  return {
    verdict: ACCEPTED,
    subject: { status: state.status, context: { ...created, audit: [entry] } },
    emitted: [recorded, ...(state.emitted as EmittedBase[])],
    effects: state.effects,
    done: state.done,
    ...(state.done ? { output: state.output } : {}),
  };
}

function noSpawn(): never {
  throw new UnsupportedFeature('spawn in a context factory is not supported');
}

/**
 * For the differential test against XState: an accepted command's chart input (the status, the
 * context the chart runs on, the admitted command) and what the evaluator made of it. `null` when
 * admission does not accept the command. Not part of the package's API.
 */
export function chartStep(
  machine: AnyStateMachine,
  subject: Subject,
  command: unknown,
): { readonly input: Subject; readonly event: AnyCommand; readonly output: Evaluation } | null {
  const compiled = compiledOf(machine);
  const admission = admit(machine, compiled, subject, command, true, {});
  if (admission.verdict.kind !== 'accepted') return null;
  const context = chartContext(compiled, subject, admission);
  return {
    input: { status: subject.status, context },
    event: admission.command as AnyCommand,
    output: runChart(subject, context, admission),
  };
}
