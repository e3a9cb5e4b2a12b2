/**
 * Admission: the checks every command goes through, in their fixed order, stopping at the first
 * refusal:
 * 1. `INVALID_COMMAND` 2. a repeated `commandId` (a successful no-op) 3. `STALE_VERSION`
 * 4. `OUT_OF_ORDER` 5. `FORBIDDEN_ROLE` 6. `INVALID_STATE` 7. the command's own rules.
 * Step 7 asks the chart: the command is accepted when one of its transitions is enabled, by the
 * machine's own (possibly provided) guards, and that transition is what the step then takes. Only a
 * refusal is explained, by the rules behind the guards that refused. A command handed to a child
 * (the Connect subscription's request commands) is admitted by the child's own step, once, then by
 * the parent's policy guard.
 */
import type { AnyStateMachine } from 'xstate';
import { wasAccepted } from './bookkeeping';
import type { Candidate } from './chart';
import { admitCommand } from './command';
import type { Compiled } from './compiled';
import { Evaluator, UnsupportedFeature } from './evaluate';
import { type Refusal, refuse } from './rejection';
import type { AnyCommand, AnyContext, Subject, Verdict } from './spec';
import type { StepOptions, Stepped } from './step';
import { parseInstant } from './time';

/** What admission decided, and what the transition reuses of it. */
export interface Admission {
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

/** Runs a child's own step (admission only, or the whole step): passed in, so that this module does not import the step. */
export type ChildStep = (
  machine: AnyStateMachine,
  subject: Subject,
  command: unknown,
  apply: boolean,
  options: StepOptions,
) => Stepped;

const rejected = (refusal: Refusal): Admission => ({ verdict: { kind: 'rejected', refusal } });
const NOOP: Admission = { verdict: { kind: 'noop' } };
const DUPLICATE: Admission = { verdict: { kind: 'duplicate' } };
const ACCEPTED: Verdict = { kind: 'accepted' };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Steps 1 to 6, and step 7 for a command the chart decides itself. */
export function admit(
  machine: AnyStateMachine,
  compiled: Compiled,
  subject: Subject,
  raw: unknown,
  apply: boolean,
  options: StepOptions,
  child: ChildStep,
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
      child,
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
  // A host's guard that threw, else the first whose condition held: a routing guard that did not
  // route (its `when` false) is not why the command was refused.
  const holds = (f: { readonly guard: string }) =>
    compiled.spec.guards[f.guard]?.when?.(context, command as never) !== false;
  const blamed = failures.find((f) => f.error !== undefined) ?? failures.find(holds) ?? failures[0];
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
  runChild: ChildStep,
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
  const child = runChild(delegate.machine, open.subject, forwarded, apply, { trusted: true });
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
