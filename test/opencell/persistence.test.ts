/**
 * persist → JSON → restore at every state the graph reaches, and restore refusing tampered
 * snapshots with SnapshotError.
 */
import { execute, persist, restore, SnapshotError, start } from 'subscription-machines';
import { reachablePaths } from 'subscription-machines/testing';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  accepted,
  activate,
  day,
  input,
  machine,
  operator,
  type Snapshot,
  suspend,
} from './fixtures';

/** Status plus the features a state can have, each capped so the graph stays finite. */
const key = (s: Snapshot) => {
  const c = s.context;
  const cap = (n: number) => Math.min(n, 1);
  return [
    s.value,
    cap(c.pendingAmendments.length),
    cap(c.amendments.length),
    c.scheduledTermination ? 'T' : '',
    cap(c.versions.length - 1),
    cap(c.ownerTransfers.length),
    cap(c.suspensions.length),
  ].join('|');
};

describe('persistence', () => {
  const paths = reachablePaths(machine, { input, key });

  it('the graph reaches every status, and more than one state of most', () => {
    expect(new Set(paths.map((p) => p.status))).toEqual(
      new Set(['CREATED', 'ACTIVE', 'SUSPENDED', 'CANCELED', 'RESILIATED']),
    );
    expect(paths.length).toBeGreaterThan(30);
  });

  it('persist → JSON → restore is exact at every graph state, and restored actors carry on alike', () => {
    for (const path of paths) {
      let replayed = start(machine, input);
      for (const command of path.commands) {
        const r = execute(machine, replayed, command);
        expect(r.ok, `${command.type} on the way to ${key(path.snapshot)}`).toBe(true);
        replayed = r.snapshot;
      }
      const text = JSON.stringify(persist(replayed));
      const restored = restore(machine, JSON.parse(text));
      expect(JSON.stringify(persist(restored))).toBe(text);
      expect(restored.value).toBe(replayed.value);
      expect(restored.context).toEqual(replayed.context);
      const actor = createActor(machine, { snapshot: restore(machine, text), input }).start();
      const next = { type: 'clock.tick', at: day(4000), by: { role: 'system' } } as const;
      actor.send(next);
      expect(persist(actor.getSnapshot())).toEqual(
        persist(execute(machine, restored, next).snapshot),
      );
    }
  });

  const good = persist(accepted([activate(1), suspend(2)]));
  const tamper = (
    edit: (
      json: { status: string; context: Record<string, unknown> } & Record<string, unknown>,
    ) => void,
  ) => {
    const json = structuredClone(good) as Parameters<typeof edit>[0];
    edit(json);
    return json;
  };
  const product = (json: { context: Record<string, unknown> }) =>
    (json.context.products as Record<string, unknown>[])[0] as Record<string, unknown>;

  it.each([
    [
      'another machine',
      (j) => {
        j.schema = 'subscription-machines/connect.subscription';
      },
      /schema/,
    ],
    [
      'another schema version',
      (j) => {
        j.schemaVersion = 1;
      },
      /schemaVersion/,
    ],
    [
      'an unknown status',
      (j) => {
        j.status = 'TERMINATED';
      },
      /status/,
    ],
    [
      'a status its data contradicts',
      (j) => {
        j.status = 'ACTIVE';
      },
      /context/,
    ],
    [
      'an ill-typed field',
      (j) => {
        j.context.renewed = 'yes';
      },
      /context.renewed/,
    ],
    [
      'an unknown field',
      (j) => {
        j.context.owner = 'x';
      },
      /context.owner/,
    ],
    [
      'a product status its subscription cannot have',
      (j) => {
        product(j).status = 'ACTIVE';
      },
      /products\[0\]/,
    ],
    [
      'a product twice on the subscription',
      (j) => {
        (j.context.products as unknown[]).push(product(j));
      },
      /twice/,
    ],
    [
      'versions that overlap',
      (j) => {
        (j.context.versions as unknown[]).push({ version: 2, offerCode: 'X', validFrom: day(0) });
      },
      /versions/,
    ],
    [
      'a pending amendment that cannot apply',
      (j) => {
        j.context.pendingAmendments = [
          {
            amendmentId: 'A',
            effectiveDate: day(9),
            submittedAt: day(2),
            changes: [{ op: 'remove', productCode: 'PR_NONE' }],
          },
        ];
      },
      /pendingAmendments/,
    ],
    [
      'an audit that ends elsewhere',
      (j) => {
        (j.context.audit as unknown[]).pop();
      },
      /audit/,
    ],
  ] as [string, (j: Parameters<Parameters<typeof tamper>[0]>[0]) => void, RegExp][])(
    'restore refuses %s with SnapshotError',
    (_, edit, message) => {
      const json = tamper(edit);
      expect(() => restore(machine, json)).toThrow(SnapshotError);
      expect(() => restore(machine, json)).toThrow(message);
    },
  );

  it('restores the untampered snapshot', () => {
    expect(persist(restore(machine, JSON.stringify(good)))).toEqual(good);
    expect(good.status).toBe('SUSPENDED');
    expect(operator.role).toBe('operator');
  });
});
