/**
 * persist → JSON → restore is exact at every state reachable through xstate/graph paths, and
 * restore refuses tampered snapshots with a precise SnapshotError.
 */

import {
  execute,
  fulfillmentRequestMachine,
  type PersistedSnapshot,
  persist,
  restore,
  restoreActor,
  SnapshotError,
  start,
  statusOf,
  subscriptionMachine,
} from 'subscription-machines';
import { exampleCommands, reachablePaths } from 'subscription-machines/testing';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { ALL_ON, requestInput, subscriptionInput } from '../support/connect';
import { retarget } from '../support/tamper';

const json = (s: unknown) => JSON.stringify(persist(s as never));

/** Restored snapshots are exact: same JSON, same status, and the same answer to every next command. */
function assertExact(machine: AnyStateMachine, snapshot: unknown) {
  const text = json(snapshot);
  const restored = restore(machine, JSON.parse(text));
  expect(json(restored)).toBe(text);
  expect(statusOf(restored as never)).toBe(statusOf(snapshot as never));
  expect((restored as { context: unknown }).context).toEqual(
    (snapshot as { context: unknown }).context,
  );
  for (const command of exampleCommands(machine, snapshot as never)) {
    const a = execute(machine, snapshot as never, command);
    const b = execute(machine, restored as never, command);
    expect(b.ok).toBe(a.ok);
    expect(json(b.snapshot)).toBe(json(a.snapshot));
  }
  const actor = restoreActor(machine, text).start();
  expect(json(actor.getSnapshot())).toBe(text);
  actor.stop();
  return restored;
}

describe('persist → JSON → restore at every reachable state', () => {
  it('fulfillment request: every status', () => {
    const paths = reachablePaths(fulfillmentRequestMachine, {
      input: requestInput({ draft: true, tierConfigRequired: true, capabilities: ALL_ON }),
    });
    expect(paths.map((p) => p.status).sort()).toHaveLength(10);
    for (const path of paths) assertExact(fulfillmentRequestMachine, path.snapshot);
  });

  it('subscription: every status × open request status, with the child restored live', () => {
    const input = subscriptionInput({
      draft: true,
      tierConfigRequired: true,
      capabilities: ALL_ON,
    });
    const paths = reachablePaths(subscriptionMachine, {
      input,
      key: (s) =>
        `${s.value}/${s.context.pendingRequest?.requestType ?? '-'}/${s.context.pendingRequest?.status ?? '-'}`,
    });
    expect(paths.length).toBeGreaterThan(30);
    for (const path of paths) {
      // every step on the way survives persist → JSON → restore, and resumes as an actor
      let step = start(subscriptionMachine, input);
      for (const command of path.commands) {
        const next = execute(subscriptionMachine, step, command);
        if (!next.ok) throw new Error(next.rejection.message);
        step = next.snapshot;
        expect(json(restore(subscriptionMachine, JSON.parse(json(step))))).toBe(json(step));
      }
      expect(json(step)).toBe(json(path.snapshot));
      assertExact(subscriptionMachine, path.snapshot);
      const open = path.snapshot.context.pendingRequest;
      const actor = restoreActor(subscriptionMachine, json(path.snapshot)).start();
      const child = open ? actor.getSnapshot().children[open.id] : undefined;
      expect(child?.getSnapshot().value).toBe(open?.status);
      actor.stop();
    }
  });

  it('persist is deterministic: the same snapshot gives the same text, sorted keys, no undefined', () => {
    const [path] = reachablePaths(subscriptionMachine, {
      input: subscriptionInput({ capabilities: ALL_ON }),
    });
    const text = json(path?.snapshot);
    expect(json(path?.snapshot)).toBe(text);
    const persisted = persist(path?.snapshot as never) as PersistedSnapshot;
    expect(Object.keys(persisted)).toEqual([
      'schema',
      'schemaVersion',
      'status',
      'context',
      'request',
    ]);
    expect(Object.keys(persisted.context as object)).toEqual(
      Object.keys(persisted.context as object).sort(),
    );
  });
});

describe('restore refuses tampered snapshots', () => {
  const [active] = reachablePaths(subscriptionMachine, {
    input: subscriptionInput({ capabilities: ALL_ON }),
  }).filter((p) => p.status === 'processing');
  const good = () =>
    JSON.parse(json(active?.snapshot)) as Record<string, unknown> & {
      context: Record<string, unknown>;
    };
  const request = JSON.parse(json(restore(fulfillmentRequestMachine, good().request)));

  const cases: [string, () => unknown, RegExp][] = [
    ['not JSON', () => '{"schema":', /not valid JSON/],
    ['not an object', () => [1, 2], /must be a JSON object/],
    [
      "another machine's snapshot",
      () => request,
      /schema: this is a "subscription-machines\/connect.fulfillment-request" snapshot/,
    ],
    [
      'another schema version',
      () => ({ ...good(), schemaVersion: 2 }),
      /schemaVersion: 2 is not supported/,
    ],
    [
      'an unknown status',
      () => ({ ...good(), status: 'paused' }),
      /status: "paused" is not a status/,
    ],
    ['an unknown top-level field', () => ({ ...good(), extra: 1 }), /extra: is not a field/],
    [
      'a missing context field',
      () => ({ ...good(), context: { ...good().context, items: undefined } }),
      /context.items: is required/,
    ],
    [
      'an ill-typed quantity',
      () => ({ ...good(), context: { ...good().context, items: [{ id: 'SKU-A', quantity: -2 }] } }),
      /context.items\[0\].quantity: expected an integer from -1/,
    ],
    [
      'an unknown context field',
      () => ({ ...good(), context: { ...good().context, hacked: true } }),
      /context.hacked: is not a known field/,
    ],
    [
      'a bad audit entry',
      () => ({ ...good(), context: { ...good().context, audit: [{ version: 1, at: 'then' }] } }),
      /context.audit\[0\].at: expected an ISO-8601/,
    ],
    [
      'a version below 1',
      () => ({ ...good(), context: { ...good().context, version: 0 } }),
      /context.version/,
    ],
    [
      'a request whose status disagrees',
      () => ({ ...good(), request: { ...request, status: 'inquiring' } }),
      /request.context.audit: the last entry leads to pending, not inquiring/,
    ],
    ['a missing request', () => ({ ...good(), request: undefined }), /request: is required/],
    [
      'an open request on a terminated subscription',
      () => retarget(good() as never, 'terminated'),
      /^context\.audit\[0\]: create cannot lead from creation to terminated/,
    ],
    [
      'a processing subscription with no open request',
      () => ({ ...good(), request: null, context: { ...good().context, pendingRequest: null } }),
      /has an open request/,
    ],
  ];

  it.each(cases)('%s', (_, tampered, message) => {
    expect(() => restore(subscriptionMachine, tampered())).toThrow(SnapshotError);
    expect(() => restore(subscriptionMachine, tampered())).toThrow(message);
  });

  it('accepts the JSON text as well as the parsed object', () => {
    expect(json(restore(subscriptionMachine, JSON.stringify(good())))).toBe(json(active?.snapshot));
  });

  it('never aliases the JSON it was given', () => {
    const data = good();
    const restored = restore(subscriptionMachine, data);
    (data.context.items as unknown[]).push({ id: 'SKU-Z', quantity: 1 });
    expect(restored.context.items).toHaveLength(1);
  });
});
