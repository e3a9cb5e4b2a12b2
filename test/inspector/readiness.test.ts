/**
 * Inspector readiness of every exported machine: an id, a description citing its source on every
 * state, and every guard and action named (no inline functions), so that `machine.toJSON()` and
 * the inspector show names and `machine.provide()` can override each one.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateMachine } from 'xstate';
import { MACHINES, stateNodes } from '../support/machines';

interface JsonTransition {
  readonly actions: readonly unknown[];
  readonly guard?: unknown;
}
interface JsonNode {
  readonly id: string;
  readonly description?: string;
  readonly entry: readonly unknown[];
  readonly exit: readonly unknown[];
  readonly on: Readonly<Record<string, readonly JsonTransition[]>>;
  readonly states: Readonly<Record<string, JsonNode>>;
}

function* walk(node: JsonNode): Generator<JsonNode> {
  yield node;
  for (const child of Object.values(node.states)) yield* walk(child);
}

/** toJSON keeps a named action as its name or `{ type, params }`; an inline one as a function or `{ type: '' }`. */
const isNamed = (value: unknown) =>
  (typeof value === 'string' && value !== '') ||
  (typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type !== '');

/**
 * A state's description cites where it comes from, in the platform's own documentation: a page of
 * Connect's connect-workflows, the Marketplace docs, the Opencell docs or opencell-core.
 */
const CITES_SOURCE =
  /\bconnect-workflows\b|Marketplace (Platform )?docs|Opencell docs|opencell-core/i;
/** Files a reader of the package never has: the project's working papers and their pictures. */
const PRIVATE_FILE = /DOMAIN\.md|SPEC\.md|XSTATE-NOTES|PLATFORM-SOURCES|reference\/|\bseeds?\s+\d/i;

describe.each(MACHINES.map((m) => [m.name, m.machine] as const))('%s', (_, machine) => {
  const json = machine.toJSON() as unknown as JsonNode;

  it('has an id, and a description citing its source on every state', () => {
    expect(machine.id).toMatch(/^[a-zA-Z]+$/);
    for (const node of walk(json)) {
      expect(node.description, node.id).toBeTruthy();
      expect(node.description, node.id).toMatch(CITES_SOURCE);
    }
  });

  it('cites no file outside the package', () => {
    for (const node of walk(json)) expect(node.description, node.id).not.toMatch(PRIVATE_FILE);
  });

  it('names every action and guard in toJSON()', () => {
    for (const node of walk(json)) {
      const transitions = Object.values(node.on).flat();
      const actions = [...node.entry, ...node.exit, ...transitions.flatMap((t) => t.actions)];
      for (const action of actions)
        expect(isNamed(action), `${node.id}: ${JSON.stringify(action)}`).toBe(true);
      // toJSON drops an inline guard, so a guard that is there is a name or `{ type }`.
      for (const t of transitions)
        if (t.guard !== undefined) expect(isNamed(t.guard), `${node.id}: guard`).toBe(true);
    }
  });

  it('names every action and guard of its eventless transitions too (toJSON leaves them out)', () => {
    for (const node of stateNodes(machine.root)) {
      for (const t of node.always ?? []) {
        for (const action of t.actions)
          expect(isNamed(action), `${node.id}: always ${JSON.stringify(action)}`).toBe(true);
        if (t.guard !== undefined) expect(isNamed(t.guard), `${node.id}: always guard`).toBe(true);
      }
    }
  });

  it('has no inline guard or action anywhere in its config', () => {
    const config = JSON.stringify(machine.config, (_, v) =>
      typeof v === 'function' ? 'FUNCTION' : v,
    );
    expect(config).not.toMatch(/"(guard|actions|entry|exit)":"FUNCTION"/);
    expect(config).not.toMatch(/"(actions|entry|exit)":\[[^\]]*"FUNCTION"/);
  });

  it('refers only to guards and actions it implements, so provide() can override each one', () => {
    // An inline implementation is a function here: no name to provide.
    const name = (v: unknown) =>
      typeof v === 'string'
        ? v
        : typeof v === 'object' && v !== null
          ? (v as { type: string }).type
          : '(inline)';
    for (const node of stateNodes(machine.root)) {
      const transitions = [...[...node.transitions.values()].flat(), ...(node.always ?? [])];
      const actions = [...node.entry, ...node.exit, ...transitions.flatMap((t) => t.actions)];
      for (const action of actions)
        expect(machine.implementations.actions, node.id).toHaveProperty([name(action)]);
      for (const t of transitions)
        if (t.guard !== undefined)
          expect(machine.implementations.guards, node.id).toHaveProperty([name(t.guard)]);
    }
  });
});

describe('the list of machines (test/support/machines.ts)', () => {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8'));
  const entries = Object.keys(pkg.exports as Record<string, unknown>)
    .filter((key) => key !== './package.json')
    .map((key) =>
      key === '.' ? 'subscription-machines' : `subscription-machines/${key.slice(2)}`,
    );

  it('lists every machine that an entry point exports, under its export name', async () => {
    const exported: string[] = [];
    for (const entry of entries) {
      const module = (await import(/* @vite-ignore */ entry)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (value instanceof StateMachine) {
          exported.push(`${entry} ${name}`);
          const listed = MACHINES.find((m) => m.name === name && m.from === entry);
          expect(listed?.machine, `${name} from ${entry}`).toBe(value);
        }
      }
    }
    expect(exported.sort()).toEqual(MACHINES.map((m) => `${m.from} ${m.name}`).sort());
  });

  it('gives each machine its own diagram file', () => {
    const files = MACHINES.map((m) => m.diagram);
    expect(new Set(files).size).toBe(files.length);
    for (const file of files) expect(file).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
