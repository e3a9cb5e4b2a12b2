/**
 * The persisted format, machine by machine the same: `persist` writes canonical JSON data and
 * refuses what JSON cannot hold; `restore` reads the envelope, the status, the context, the
 * bookkeeping and the machine's own facts, in that order, and each refusal is a `SnapshotError`
 * whose message starts with the path of the problem.
 */
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, setup } from 'xstate';
import { execute, start } from '../../src/core/api';
import { bookkeepingShape, created } from '../../src/core/bookkeeping';
import { tickSpec } from '../../src/core/command';
import { compiledOf } from '../../src/core/compiled';
import { commandMachine } from '../../src/core/machine';
import {
  persist,
  persistSubject,
  readSubject,
  restore,
  restoreActor,
  SnapshotError,
} from '../../src/core/persist';
import { literal, object, string } from '../../src/core/schema';
import type { MachineSpec } from '../../src/core/spec';

const STATUSES = ['open', 'closed'] as const;
const ROLES = ['user', 'system'] as const;

/** A box that opens with a note and closes; its one fact: a closed box's note is not empty. */
function boxSpec(invariants: MachineSpec['invariants']): MachineSpec {
  return {
    schema: 'test/box',
    schemaVersion: 3,
    statuses: STATUSES,
    finalStatuses: ['closed'],
    roles: ROLES,
    commands: { 'box.close': { payload: {}, roles: ['user'] }, 'clock.tick': tickSpec },
    guards: {},
    context: object({ kind: literal('box'), note: string, ...bookkeepingShape(STATUSES, ROLES) }),
    ...(invariants ? { invariants } : {}),
    subjectIds: () => ({}),
  };
}

function boxMachine(invariants?: MachineSpec['invariants']): AnyStateMachine {
  const chart = setup({
    types: { input: {} as { at: string; by: { role: string }; note: string } },
  }).createMachine({
    id: 'box',
    description: 'A box.',
    context: ({ input }) => ({ kind: 'box', note: input.note, ...created(input as never) }),
    initial: 'open',
    states: {
      open: {
        description: 'Open.',
        on: { 'box.close': { target: 'closed' }, 'clock.tick': {} },
      },
      closed: { type: 'final', description: 'Closed.' },
    },
  });
  return commandMachine(chart as unknown as AnyStateMachine, boxSpec(invariants));
}

const noteFact = ({ status, context }: { status: string; context: { note?: unknown } }) =>
  status === 'closed' && context.note === '' ? 'context.note: a closed box has a note' : null;

const box = boxMachine([noteFact as never]);
const plainBox = boxMachine();
const AT = '2026-03-01T10:00:00Z';
const by = { role: 'user' } as const;
const opened = (machine = box, note = 'hello') => start(machine, { at: AT, by, note } as never);
const persisted = (machine = box, note = 'hello') =>
  persist(opened(machine, note) as never) as unknown as Record<string, unknown>;
const closedWith = (note: string) => {
  const result = execute(
    box,
    opened(box, note) as never,
    {
      type: 'box.close',
      at: '2026-03-01T11:00:00Z',
      by,
    } as never,
  );
  return result.snapshot;
};

const thrown = (run: () => unknown): SnapshotError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotError);
    return error as SnapshotError;
  }
  throw new Error('expected a SnapshotError');
};

describe('SnapshotError', () => {
  it('is an Error named SnapshotError', () => {
    const error = new SnapshotError('context: broken');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SnapshotError');
    expect(String(error)).toBe('SnapshotError: context: broken');
  });
});

describe('persistSubject writes canonical JSON data', () => {
  const spec = boxSpec(undefined);
  const subject = (context: unknown, status = 'open') =>
    ({ status, context }) as Parameters<typeof persistSubject>[1];

  it('wraps the subject in its envelope, keys sorted at every depth, undefined fields dropped', () => {
    const out = persistSubject(spec, subject({ z: 1, a: { y: [{ b: 2, a: 1 }], x: undefined } }));
    expect(JSON.stringify(out)).toBe(
      '{"schema":"test/box","schemaVersion":3,"status":"open","context":{"a":{"y":[{"a":1,"b":2}]},"z":1}}',
    );
  });

  it('keeps keys that are in order already, in order', () => {
    const out = persistSubject(spec, subject({ a: 1, b: null, c: 'x', d: true }));
    expect(JSON.stringify(out.context)).toBe('{"a":1,"b":null,"c":"x","d":true}');
  });

  it('shares nothing with the subject', () => {
    const context = { list: [{ n: 1 }] };
    const out = persistSubject(spec, subject(context)) as { context: typeof context };
    expect(out.context).toEqual(context);
    expect(out.context).not.toBe(context);
    expect(out.context.list).not.toBe(context.list);
    expect(out.context.list[0]).not.toBe(context.list[0]);
  });

  it.each([
    ['NaN', { n: Number.NaN }, 'context.n: NaN cannot be persisted as JSON'],
    [
      'Infinity',
      { n: Number.POSITIVE_INFINITY },
      'context.n: Infinity cannot be persisted as JSON',
    ],
    [
      '-Infinity in a list',
      { l: [1, -Infinity] },
      'context.l[1]: -Infinity cannot be persisted as JSON',
    ],
    [
      'a function',
      { deep: { f: () => 1 } },
      'context.deep.f: a function cannot be persisted as JSON',
    ],
    ['a bigint', { n: 1n }, 'context.n: a bigint cannot be persisted as JSON'],
    ['a symbol', { s: Symbol('s') }, 'context.s: a symbol cannot be persisted as JSON'],
    [
      'undefined in a list',
      { l: [undefined] },
      'context.l[0]: undefined cannot be persisted as JSON',
    ],
    ['a Date', { when: new Date(0) }, 'context.when: a Date cannot be persisted as JSON'],
    ['a Map', { m: new Map() }, 'context.m: a Map cannot be persisted as JSON'],
    [
      'a class instance',
      { c: new (class Thing {})() },
      'context.c: an instance of a class cannot be persisted as JSON',
    ],
    [
      'an own __proto__ key',
      JSON.parse('{"a":{"__proto__":1}}'),
      'context.a.__proto__: cannot be persisted',
    ],
  ])('refuses %s, naming its path', (_, context, message) => {
    expect(thrown(() => persistSubject(spec, subject(context))).message).toBe(message);
  });

  it('refuses a status the machine does not have, or one that is not a string', () => {
    expect(thrown(() => persistSubject(spec, subject({}, 'lost'))).message).toBe(
      'cannot persist a snapshot in "lost": not a status of test/box',
    );
    expect(thrown(() => persistSubject(spec, subject({}, 7 as never))).message).toBe(
      'cannot persist a snapshot in 7: not a status of test/box',
    );
    expect(thrown(() => persistSubject(spec, subject({}, 'toString'))).message).toBe(
      'cannot persist a snapshot in "toString": not a status of test/box',
    );
  });

  it('names the path of a problem in a field the machine persists beside its context', () => {
    const split: MachineSpec = {
      ...spec,
      persisted: {
        keys: ['side'],
        split: () => ({ context: {}, extra: { side: { n: Number.NaN } } }),
        join: (json) => ({ context: json.context }),
      },
    };
    expect(thrown(() => persistSubject(split, subject({}))).message).toBe(
      'snapshot.side.n: NaN cannot be persisted as JSON',
    );
  });
});

describe('restore reads a persisted snapshot in order, and names the path of each problem', () => {
  const good = () => persisted();

  it('round-trips, from the object and from its JSON text, sharing nothing', () => {
    const json = good();
    const fromObject = restore(box, json);
    const fromText = restore(box, JSON.stringify(json));
    expect(persist(fromObject as never)).toEqual(json);
    expect(persist(fromText as never)).toEqual(json);
    expect((fromObject as { context: unknown }).context).not.toBe(json.context);
    expect(restoreActor(box, json).getSnapshot().value).toBe('open');
  });

  it('restores a machine that has no facts of its own', () => {
    const json = persisted(plainBox, '');
    expect(persist(restore(plainBox, json) as never)).toEqual(json);
  });

  it.each([
    ['a number', 42],
    ['a list', [1]],
    ['null', null],
    ['a string of JSON that is not an object', '"text"'],
  ])('refuses %s: a snapshot is an object', (_, json) => {
    expect(thrown(() => restore(box, json)).message).toBe(
      'snapshot: a persisted snapshot must be a JSON object',
    );
  });

  it('refuses text that is not JSON', () => {
    expect(thrown(() => restore(box, '{')).message).toMatch(/^not valid JSON: /);
  });

  it('refuses what JSON cannot hold in an object, by its path inside the snapshot', () => {
    const json = { ...good(), context: { ...(good().context as object), f: () => 1 } };
    expect(thrown(() => restore(box, json)).message).toMatch(/^context\.f: /);
    expect(thrown(() => restore(box, () => 1)).message).toMatch(/^snapshot: /);
  });

  it('refuses another machine, another schema version, an unknown status, in that order', () => {
    expect(thrown(() => restore(box, { ...good(), schema: 'test/bag', status: 'x' })).message).toBe(
      'schema: this is a "test/bag" snapshot, not "test/box"',
    );
    expect(thrown(() => restore(box, { ...good(), schemaVersion: 2, status: 'x' })).message).toBe(
      'schemaVersion: 2 is not supported by test/box (expected 3)',
    );
    expect(thrown(() => restore(box, { ...good(), status: 'lost' })).message).toBe(
      'status: "lost" is not a status of test/box (open, closed)',
    );
    expect(thrown(() => restore(box, { ...good(), status: 1 })).message).toBe(
      'status: 1 is not a status of test/box (open, closed)',
    );
  });

  it('refuses a field it does not know, then a missing one', () => {
    expect(thrown(() => restore(box, { ...good(), extra: 1 })).message).toBe(
      'extra: is not a field of a test/box snapshot',
    );
    const { context: _, ...bare } = good();
    expect(thrown(() => restore(box, bare)).message).toBe('context: is required');
  });

  it('refuses a context of the wrong shape, then bookkeeping that does not add up', () => {
    const json = good();
    const context = json.context as Record<string, unknown>;
    expect(
      thrown(() => restore(box, { ...json, context: { ...context, kind: 'bag' } })).message,
    ).toMatch(/^context\.kind: /);
    expect(
      thrown(() => restore(box, { ...json, context: { ...context, version: 2 } })).message,
    ).toMatch(/^context\.audit: /);
  });

  it('refuses an audit entry the chart does not allow', () => {
    const json = persist(closedWith('x') as never) as unknown as Record<string, unknown>;
    const context = json.context as { audit: Record<string, unknown>[] };
    const audit = context.audit.map((entry, i) =>
      i === 1 ? { ...entry, command: 'clock.tick' } : entry,
    );
    expect(thrown(() => restore(box, { ...json, context: { ...context, audit } })).message).toBe(
      'context.audit[1]: clock.tick cannot lead from open to closed',
    );
  });

  it("checks the machine's own facts last, with their own message", () => {
    const json = persist(closedWith('') as never) as unknown as Record<string, unknown>;
    expect(thrown(() => restore(box, json)).message).toBe('context.note: a closed box has a note');
    expect(persist(restore(box, persist(closedWith('x') as never)) as never)).toEqual(
      persist(closedWith('x') as never),
    );
  });
});

describe('readSubject under a prefix (a subject persisted inside another)', () => {
  const compiled = compiledOf(box);
  const inner = () => persisted();

  it('reads a good subject', () => {
    expect(readSubject(compiled, inner(), 'request.').status).toBe('open');
  });

  it.each([
    ['not an object', () => 5, 'request: a persisted snapshot must be a JSON object'],
    [
      'another machine',
      () => ({ ...inner(), schema: 'x' }),
      'request.schema: this is a "x" snapshot, not "test/box"',
    ],
    [
      'an unknown status',
      () => ({ ...inner(), status: 'x' }),
      'request.status: "x" is not a status of test/box (open, closed)',
    ],
    [
      'an unknown field',
      () => ({ ...inner(), more: 1 }),
      'request.more: is not a field of a test/box snapshot',
    ],
    ['a missing field', () => ({ ...inner(), context: undefined }), 'request.context: is required'],
  ])('puts the prefix before the path: %s', (_, json, message) => {
    expect(thrown(() => readSubject(compiled, json(), 'request.')).message).toBe(message);
  });

  it("prefixes the context's, the audit's and the facts' paths", () => {
    const json = inner();
    const context = json.context as Record<string, unknown>;
    expect(
      thrown(() =>
        readSubject(compiled, { ...json, context: { ...context, kind: 'bag' } }, 'request.'),
      ).message,
    ).toMatch(/^request\.context\.kind: /);
    expect(
      thrown(() =>
        readSubject(compiled, { ...json, context: { ...context, version: 2 } }, 'request.'),
      ).message,
    ).toMatch(/^request\.context\.audit: /);
    const closed = persist(closedWith('') as never);
    expect(thrown(() => readSubject(compiled, closed, 'request.')).message).toBe(
      'request.context.note: a closed box has a note',
    );
  });
});
