/**
 * What a reader needs to know of one machine, read from the machine itself: its states with their
 * descriptions, and its commands with their roles, payload fields and the states that handle them.
 * docs/diagrams/<machine>.md (scripts/diagram-docs.ts) and the machine's page of the TypeDoc
 * reference (scripts/typedoc-machines.mjs) are both written from it.
 */
import { toMermaid } from 'subscription-machines/diagram';
import { specOf } from '../src/core/compiled';
import { type ListedMachine, type StateNode, stateNodes } from '../test/support/machines';

/** One state of a machine: its path below the root and its description. */
export interface StateRow {
  readonly state: string;
  readonly description: string;
}

/** One command of a machine. */
export interface CommandRow {
  readonly type: string;
  /** The roles that may send it. */
  readonly roles: readonly string[];
  /** A further rule narrows the roles, depending on the subject or the payload. */
  readonly conditionalRole: boolean;
  /** Its payload fields, an optional one ending in `?`. */
  readonly payload: readonly string[];
  /** The states with a transition for it; `null` when the machine handles it in every state. */
  readonly handledIn: readonly string[] | null;
  /** `clock.tick`: accepted as a no-op where nothing handles it. */
  readonly tick: boolean;
}

/** Every state below the root, parents before their children. */
export function stateRows(machine: ListedMachine['machine']): StateRow[] {
  return [...stateNodes(machine.root)].slice(1).map((node) => ({
    state: node.path.join('.'),
    description: node.description ?? '',
  }));
}

/** The event types a state node has transitions for. */
const handled = (node: StateNode) =>
  new Set([...node.transitions.keys()].filter((event) => !event.startsWith('xstate.')));

/** Every command of the machine's spec, in the spec's order. */
export function commandRows(machine: ListedMachine['machine']): CommandRow[] {
  const spec = specOf(machine);
  const nodes = [...stateNodes(machine.root)];
  const atRoot = handled(machine.root);
  return Object.entries(spec.commands).map(([type, command]) => ({
    type,
    roles: command.roles,
    conditionalRole: command.role !== undefined,
    payload: Object.entries(command.payload).map(([field, schema]) =>
      typeof schema === 'function' ? field : `${field}?`,
    ),
    handledIn: atRoot.has(type)
      ? null
      : nodes
          .slice(1)
          .filter((node) => handled(node).has(type))
          .map((node) => node.path.join('.')),
    tick: command.tick === true,
  }));
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;

/** The machine's Mermaid diagram as a fenced block. */
export function mermaidBlock(machine: ListedMachine['machine']): string {
  return ['```mermaid', toMermaid(machine).trimEnd(), '```'].join('\n');
}

/** The states table. */
export function statesTable(machine: ListedMachine['machine']): string {
  return [
    '| State | Description |',
    '| --- | --- |',
    ...stateRows(machine).map((row) => `| ${code(row.state)} | ${cell(row.description)} |`),
  ].join('\n');
}

/**
 * The commands table. `payloadOf` may give a command's payload in full (its fields with their
 * types); by default the field names are listed.
 */
export function commandsTable(
  machine: ListedMachine['machine'],
  payloadOf: (type: string) => string | undefined = () => undefined,
): string {
  const rows = commandRows(machine).map((row) => {
    const roles = `${row.roles.join(', ')}${row.conditionalRole ? ' (as its rules allow)' : ''}`;
    const payload =
      payloadOf(row.type) ?? (row.payload.length ? row.payload.map(code).join(', ') : '–');
    const where =
      row.handledIn === null
        ? 'every state, on the machine itself'
        : row.handledIn.map(code).join(', ');
    const none = row.tick ? 'none: always a no-op' : '–';
    return `| ${code(row.type)} | ${roles} | ${cell(payload)} | ${where || none} |`;
  });
  return ['| Command | Roles | Payload | Handled in |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

/** A note under the commands table: what every command carries besides its payload. */
export const ENVELOPE_NOTE =
  'Every command also carries `type`, `at` (an ISO-8601 instant with a zone) and `by: { role, id? }`, ' +
  'and may carry `commandId` and `expectedVersion`. A state that handles a command may still ' +
  'refuse it: `explain(machine, snapshot, command)` says why.';
