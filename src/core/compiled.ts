/**
 * A machine spec, compiled once when the machine is defined: command schemas, and a check that the
 * chart and the spec agree (every state described, every guard and command known).
 */
import type { AnyStateMachine } from 'xstate';
import { commandSchema } from './command';
import type { Schema } from './schema';
import type { MachineSpec } from './spec';

const SPEC = Symbol.for('subscription-machines.spec');

export interface CompiledSpec extends MachineSpec {
  /** Full command schemas (envelope and payload), by command type. */
  readonly schemas: ReadonlyMap<string, Schema<unknown>>;
}

type AnyNode = AnyStateMachine['root'];

function* nodesOf(node: AnyNode): Generator<AnyNode> {
  yield node;
  for (const child of Object.values(node.states)) yield* nodesOf(child);
}

/** The name of a named guard (`'name'` or `{ type: 'name' }`); `undefined` for an inline one. */
export function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (guard && typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string')
    return guard.type;
  return undefined;
}

/** Compiles `spec` for `machine`, throwing on any disagreement between the two. */
export function compile(machine: AnyStateMachine, spec: MachineSpec): CompiledSpec {
  const problems: string[] = [];
  const schemas = new Map<string, Schema<unknown>>();
  for (const [type, command] of Object.entries(spec.commands)) {
    for (const role of command.roles) {
      if (!spec.roles.includes(role)) problems.push(`command ${type} names unknown role ${role}`);
    }
    schemas.set(type, commandSchema(type, spec.roles, command.payload));
  }
  for (const status of spec.statuses) {
    if (!(status in machine.root.states)) problems.push(`status ${status} has no state`);
  }
  for (const node of nodesOf(machine.root)) {
    if (!node.description) problems.push(`state ${node.id} has no description`);
    for (const [event, transitions] of node.transitions) {
      if (!event.startsWith('xstate.') && !schemas.has(event))
        problems.push(`state ${node.id} handles unknown command ${event}`);
      for (const transition of transitions) {
        const name = guardName(transition.guard);
        if (transition.guard !== undefined && name === undefined)
          problems.push(`state ${node.id}: ${event} has an unnamed guard`);
        if (
          name !== undefined &&
          !(name in spec.guards) &&
          !(name in machine.implementations.guards)
        ) {
          problems.push(`state ${node.id}: ${event} uses unknown guard ${name}`);
        }
      }
    }
  }
  if (problems.length > 0)
    throw new Error(`machine ${machine.id} disagrees with its spec:\n- ${problems.join('\n- ')}`);
  return { ...spec, schemas };
}

/** Attaches a compiled spec to a machine instance. */
export function attachSpec(machine: object, spec: CompiledSpec): void {
  Object.defineProperty(machine, SPEC, { value: spec, enumerable: false });
}

/** The compiled spec of a command machine; throws a `TypeError` for any other value. */
export function specOf(machine: unknown): CompiledSpec {
  const spec = (machine as { [SPEC]?: CompiledSpec } | null | undefined)?.[SPEC];
  if (!spec) {
    throw new TypeError(
      'expected a machine of subscription-machines (or one made from it with .provide()), got another value',
    );
  }
  return spec;
}
