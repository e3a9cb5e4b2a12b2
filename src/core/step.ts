/**
 * One command step, the same for `execute`, `explain`, `can`, `availableCommands` and actors:
 * admit (`admit.ts`) → transition → settle.
 *
 * The transition evaluates the chart (`evaluate.ts`) from the transition admission selected, and
 * settling records the command: version, `updatedAt`, the audit window, and the events to emit.
 */
import type { AnyStateMachine } from 'xstate';
import { type Admission, admit } from './admit';
import { type AuditRecorded, auditEntry, creationEntry, record } from './bookkeeping';
import { type Compiled, compiledOf } from './compiled';
import { type Effect, type Evaluation, Evaluator, type Live, UnsupportedFeature } from './evaluate';
import { plainCopy } from './plain';
import type { AnyCommand, AnyContext, EmittedBase, Subject, Verdict } from './spec';

/** `{ type: 'status.changed', from, to, at, subscriptionId?, requestId? }`. */
export interface StatusChanged<Status extends string = string> {
  readonly type: 'status.changed';
  readonly from: Status;
  readonly to: Status;
  readonly at: string;
  readonly subscriptionId?: string;
  readonly requestId?: string;
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

const ACCEPTED: Verdict = { kind: 'accepted' };

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
  const admission = admit(machine, compiled, subject, raw, apply, options, runStep);
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
  const trusted = options.trusted ? compiled.spec.trustedContext : undefined;
  const context = trusted
    ? trusted(input)
    : typeof factory === 'function'
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
  const admission = admit(machine, compiled, subject, command, true, {}, runStep);
  if (admission.verdict.kind !== 'accepted') return null;
  const context = chartContext(compiled, subject, admission);
  return {
    input: { status: subject.status, context },
    event: admission.command as AnyCommand,
    output: runChart(subject, context, admission),
  };
}
