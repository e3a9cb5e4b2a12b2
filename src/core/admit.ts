/**
 * The command runner: the checks every command goes through, in the fixed order of SPEC.md.
 *
 * 1. `INVALID_COMMAND` 2. a repeated `commandId` (a successful no-op) 3. `STALE_VERSION`
 * 4. `OUT_OF_ORDER` 5. `FORBIDDEN_ROLE` 6. `INVALID_STATE` 7. the command's own rules.
 *
 * Step 7 asks the chart: the command is accepted when one of its transitions is enabled, exactly as
 * XState would decide with the machine's own (possibly provided) guards. Only a refusal is then
 * explained, by running the rules behind the guards that refused.
 */
import type { AnyStateMachine, TransitionDefinition } from 'xstate';
import { wasAccepted } from './bookkeeping';
import { checkCommand } from './command';
import { type CompiledSpec, guardName, specOf } from './compiled';
import { type Refusal, type Rejection, refuse } from './rejection';
import type { AnyCommand, AnyContext, Verdict } from './spec';
import { parseInstant } from './time';

interface SnapshotLike {
  readonly value: unknown;
  readonly context: unknown;
}

type AnyTransition = TransitionDefinition<never, never>;

const rejected = (refusal: Refusal): Verdict => ({ kind: 'rejected', refusal });

/** The status a flat machine's snapshot rests in. */
export function statusOfSnapshot(snapshot: SnapshotLike): string {
  return snapshot.value as string;
}

/** The transitions for `type` in `status`, from the state itself up to the root, in XState's order. */
export function candidatesOf(
  machine: AnyStateMachine,
  status: string,
  type: string,
): AnyTransition[] {
  const out: AnyTransition[] = [];
  let node = machine.root.states[status] as AnyStateMachine['root'] | undefined;
  while (node) {
    const own = node.transitions.get(type);
    if (own) out.push(...(own as unknown as AnyTransition[]));
    node = node.parent as AnyStateMachine['root'] | undefined;
  }
  return out;
}

/** Runs one named guard implementation, reporting a throw as its message. */
function runGuard(
  machine: AnyStateMachine,
  guard: unknown,
  context: unknown,
  command: unknown,
): string | boolean {
  const name = guardName(guard);
  const impl = name === undefined ? undefined : machine.implementations.guards[name];
  if (typeof impl !== 'function') return false;
  const params = guard && typeof guard === 'object' && 'params' in guard ? guard.params : undefined;
  try {
    return (
      (impl as (args: unknown, params: unknown) => boolean)({ context, event: command }, params) ===
      true
    );
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Step 7, refused: the first rule that refuses, else the guard that did (host policy). */
function explainRefusal(
  machine: AnyStateMachine,
  spec: CompiledSpec,
  candidates: readonly AnyTransition[],
  status: string,
  context: AnyContext,
  command: AnyCommand,
): Refusal {
  let unexplained: { readonly guard: string; readonly error?: string } | undefined;
  for (const transition of candidates) {
    const name = guardName(transition.guard);
    if (name === undefined) continue;
    const guard = spec.guards[name];
    if (guard?.when && !guard.when(context, command)) continue;
    for (const rule of guard?.rules ?? []) {
      const refusal = rule(context, command);
      if (refusal) return refusal;
    }
    if (unexplained === undefined) {
      const result = runGuard(machine, transition.guard, context, command);
      if (typeof result === 'string') unexplained = { guard: name, error: result };
      else if (!result) unexplained = { guard: name };
    }
  }
  if (unexplained === undefined)
    return refuse('INVALID_STATE', `${command.type} is not allowed in ${status}`);
  const why = unexplained.error === undefined ? 'refused' : `threw: ${unexplained.error}`;
  return refuse(
    'INVALID_STATE',
    `${command.type} in ${status}: guard ${unexplained.guard} ${why}`,
    unexplained,
  );
}

/** Runs the checks. `command` is whatever the caller sent: nothing about it is trusted. */
export function admit(machine: AnyStateMachine, snapshot: SnapshotLike, command: unknown): Verdict {
  const spec = specOf(machine);
  const status = statusOfSnapshot(snapshot);
  const context = snapshot.context as AnyContext;

  const malformed = checkCommand(command, spec.schemas);
  if (malformed) {
    return rejected(
      refuse(
        'INVALID_COMMAND',
        malformed.message,
        malformed.field ? { field: malformed.field } : undefined,
      ),
    );
  }
  const cmd = command as AnyCommand;
  const commandSpec = spec.commands[cmd.type];
  if (!commandSpec) return rejected(refuse('INVALID_COMMAND', `unknown command type ${cmd.type}`));

  if (cmd.commandId !== undefined && wasAccepted(context.audit, cmd.commandId))
    return { kind: 'duplicate' };

  if (cmd.expectedVersion !== undefined && cmd.expectedVersion !== context.version) {
    return rejected(
      refuse(
        'STALE_VERSION',
        `expected version ${cmd.expectedVersion}, but the snapshot is at version ${context.version}`,
        {
          version: context.version,
        },
      ),
    );
  }

  if ((parseInstant(cmd.at) ?? 0) < (parseInstant(context.updatedAt) ?? 0)) {
    return rejected(
      refuse(
        'OUT_OF_ORDER',
        `at ${cmd.at} is earlier than the last change at ${context.updatedAt}`,
        {
          updatedAt: context.updatedAt,
        },
      ),
    );
  }

  if (!commandSpec.roles.includes(cmd.by.role)) {
    return rejected(
      refuse(
        'FORBIDDEN_ROLE',
        `${cmd.by.role} may not send ${cmd.type} (only ${commandSpec.roles.join(', ')})`,
      ),
    );
  }
  const roleRefusal = commandSpec.role?.(context, cmd);
  if (roleRefusal) return rejected(roleRefusal);

  const idle: Verdict = { kind: 'noop' };
  if (spec.finalStatuses.includes(status)) {
    return commandSpec.tick
      ? idle
      : rejected(refuse('INVALID_STATE', `${cmd.type} is not allowed in ${status}: it is final`));
  }
  const candidates = candidatesOf(machine, status, cmd.type);
  if (candidates.length === 0) {
    return commandSpec.tick
      ? idle
      : rejected(refuse('INVALID_STATE', `${cmd.type} is not allowed in ${status}`));
  }

  let enabled = false;
  try {
    enabled = machine.getTransitionData(snapshot as never, cmd as never).length > 0;
  } catch {
    // A guard threw: explained below as a refusal by that guard.
  }
  if (enabled) return { kind: 'accepted' };
  if (commandSpec.tick) return idle;
  return rejected(explainRefusal(machine, spec, candidates, status, context, cmd));
}

/** A refusal as the caller sees it: with the command and the status it was refused in. */
export function rejectionOf(snapshot: SnapshotLike, command: unknown, refusal: Refusal): Rejection {
  const base = {
    code: refusal.code,
    message: refusal.message,
    command,
    status: statusOfSnapshot(snapshot),
  };
  return refusal.details === undefined ? base : { ...base, details: refusal.details };
}
