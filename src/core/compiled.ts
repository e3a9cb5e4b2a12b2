/**
 * A command machine's spec and chart, compiled once when the machine is made: command schemas,
 * the chart's transitions by status and command, and a check that the two agree both ways. A
 * mismatch fails when the module loads.
 */
import type { AnyStateMachine } from 'xstate';
import { type Chart, compileChart } from './chart';
import { commandSchema } from './command';
import { refine, type Schema } from './schema';
import type { MachineSpec } from './spec';

const COMPILED = Symbol.for('subscription-machines.compiled');

/** The state a transient start state may have: the initial one, routing with `always`. */
export const START_STATE = 'start';

export interface Compiled {
  readonly spec: MachineSpec;
  readonly chart: Chart;
  /** Full command schemas (envelope and payload), by command type. */
  readonly schemas: ReadonlyMap<string, Schema<unknown>>;
  /** XState snapshots of each status, made once, to build result snapshots from. */
  readonly templates: Map<string, unknown>;
}

/** Everything the spec and the chart disagree on. */
function disagreements(machine: AnyStateMachine, spec: MachineSpec, chart: Chart): string[] {
  const problems: string[] = [];
  const statuses = new Set(spec.statuses);
  for (const type of Object.keys(spec.commands)) {
    if (!chart.handled.has(type)) problems.push(`command ${type} has no handler in the chart`);
    for (const role of spec.commands[type]?.roles ?? []) {
      if (!spec.roles.includes(role)) problems.push(`command ${type} names unknown role ${role}`);
    }
  }
  for (const type of chart.handled) {
    if (!Object.hasOwn(spec.commands, type))
      problems.push(`the chart handles unknown command ${type}`);
  }
  for (const status of statuses) {
    if (!chart.states.has(status)) problems.push(`status ${status} has no state`);
  }
  for (const [key, state] of chart.states) {
    if (statuses.has(key)) {
      if (state.final !== spec.finalStatuses.includes(key))
        problems.push(`status ${key}: final in ${state.final ? 'the chart' : 'the spec'} only`);
      continue;
    }
    if (
      key !== START_STATE ||
      chart.initial !== key ||
      state.own.size > 0 ||
      state.always.length === 0
    )
      problems.push(
        `state ${key} is not a status (only an initial "${START_STATE}" state routing with always may be)`,
      );
  }
  for (const node of Object.values(machine.root.states) as AnyStateMachine['root'][]) {
    if (!node.description) problems.push(`state ${node.id} has no description`);
  }
  if (!machine.root.description) problems.push(`machine ${machine.id} has no description`);
  const used = new Map<string, Set<string>>();
  for (const [, state] of chart.states) {
    for (const [type, candidates] of state.on) {
      for (const c of candidates)
        if (c.guard) used.set(c.guard.name, (used.get(c.guard.name) ?? new Set()).add(type));
    }
    for (const c of state.always)
      if (c.guard) used.set(c.guard.name, used.get(c.guard.name) ?? new Set());
  }
  for (const [name, types] of used) {
    if (!Object.hasOwn(machine.implementations.guards, name))
      problems.push(`guard ${name} is not implemented`);
    const guard = spec.guards[name];
    if (guard === undefined) {
      // Without its entry, neither `explain` nor `can` could word what the guard decides.
      problems.push(`guard ${name} is not in the spec's guard table`);
      continue;
    }
    const allowed = new Set(guard.on ?? []);
    for (const type of types) {
      if (!allowed.has(type))
        problems.push(
          `guard ${name} judges ${[...allowed].join(', ') || 'always routing'}, not ${type}`,
        );
    }
  }
  for (const name of Object.keys(spec.guards)) {
    if (!used.has(name)) problems.push(`guard ${name} is never used by the chart`);
  }
  for (const name of chart.actions) {
    if (!Object.hasOwn(machine.implementations.actions, name))
      problems.push(`action ${name} is not implemented`);
  }
  const delegate = spec.delegate;
  for (const type of delegate?.commands ?? []) {
    if (!Object.hasOwn(spec.commands, type))
      problems.push(`delegated command ${type} is not a command`);
  }
  return problems;
}

/** `true` when `value` is one of the statuses of `spec`. */
export function isStatus(spec: MachineSpec, value: unknown): value is string {
  return (spec.statuses as readonly unknown[]).includes(value);
}

/** Compiles `spec` and the chart of `machine`, throwing on any disagreement between the two. */
export function compile(machine: AnyStateMachine, spec: MachineSpec): Compiled {
  const chart = compileChart(machine);
  const problems = disagreements(machine, spec, chart);
  if (problems.length > 0)
    throw new Error(`machine ${machine.id} disagrees with its spec:\n- ${problems.join('\n- ')}`);
  const schemas = new Map<string, Schema<unknown>>();
  for (const [type, command] of Object.entries(spec.commands)) {
    const schema = commandSchema(type, spec.roles, command.payload);
    const check = command.check;
    schemas.set(type, check ? refine(schema, (payload) => check(payload)) : schema);
  }
  return { spec, chart, schemas, templates: new Map() };
}

/** Attaches compiled data to a machine instance. */
export function attach(machine: object, compiled: Compiled): void {
  Object.defineProperty(machine, COMPILED, { value: compiled, enumerable: false });
}

/** The compiled data of a command machine; throws a `TypeError` for any other value. */
export function compiledOf(machine: unknown): Compiled {
  const compiled =
    typeof machine === 'object' && machine !== null
      ? (Reflect.get(machine, COMPILED) as Compiled | undefined)
      : undefined;
  if (compiled === undefined) {
    throw new TypeError(
      'expected a machine of subscription-machines (or one made from it with .provide()), got another value',
    );
  }
  return compiled;
}

/** The spec of a command machine. */
export const specOf = (machine: unknown): MachineSpec => compiledOf(machine).spec;
