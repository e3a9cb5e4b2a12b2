/**
 * Raw `xstate/graph` on the package's machines: the two traps a user meets first, and the options
 * (`graphEvents`, `graphStateKey`) that get around them. No call here may run unbounded: the
 * non-terminating walk is shown with a `limit`, which xstate/graph enforces by throwing.
 */
import {
  execute,
  fulfillmentRequestMachine,
  REQUEST_STATUSES,
  SUBSCRIPTION_STATUSES,
  subscriptionMachine,
} from 'subscription-machines';
import {
  commandFactory,
  graphEvents,
  graphStateKey,
  reachablePaths,
  scenario,
  testClock,
} from 'subscription-machines/testing';
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, createMachine, transition } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths, serializeSnapshot } from 'xstate/graph';
import { ALL_ON, requestInput, subscriptionInput, T0 } from '../support/connect';

const input = subscriptionInput({ draft: true, capabilities: ALL_ON });

describe('trap 1: getShortestPaths(machine, { input }) alone', () => {
  it('finds only the initial state, since its default events are bare { type } objects', () => {
    const paths = getShortestPaths(subscriptionMachine, { input });
    expect(paths.map((p) => p.state.value)).toEqual(['draft']); // `input` itself is honoured

    // xstate/graph sends `{ type }` for each event type a state handles. A command without `at`
    // and `by` is malformed: refused, and the snapshot is the very same object.
    const [initial] = paths.map((p) => p.state);
    const bare = { type: 'request.submit' } as never;
    expect(execute(subscriptionMachine, initial as never, bare)).toMatchObject({
      ok: false,
      rejection: { code: 'INVALID_COMMAND' },
    });
    expect(transition(subscriptionMachine, initial as never, bare)[0]).toBe(initial);
  });
});

describe('trap 2: example commands with the default serialisation', () => {
  it('never comes back to a state: a status cycle makes a new snapshot every time', () => {
    const command = commandFactory(subscriptionMachine, testClock(T0));
    const active = scenario(subscriptionMachine, subscriptionInput()).run(
      command('request.approve', {
        requestId: 'PR-3071-1051-2166-001',
        templateId: 'TL-1',
        params: [{ id: 'subscription_id', value: 'V-1' }],
      }),
    );
    const before = active.snapshot;
    const after = active.run(
      command('request.create', { requestId: 'PR-2', requestType: 'change', items: [] }),
      command('request.fail', { requestId: 'PR-2', reason: 'Out of stock' }),
    ).snapshot;

    // Back in `active` with nothing open: one node for the key, two for the default, which holds
    // the version, `updatedAt` and the audit. Every cycle adds one, so the walk has no end.
    const key = graphStateKey(subscriptionMachine);
    expect(key(after)).toBe(key(before));
    expect(serializeSnapshot(after)).not.toBe(serializeSnapshot(before));
  });

  it('exceeds any limit, where graphStateKey walks the whole machine in a few dozen nodes', () => {
    const events = graphEvents(subscriptionMachine);
    // getAdjacencyMap's types, unlike getShortestPaths', reject a machine that declares emitted events.
    const logic: AnyStateMachine = subscriptionMachine;
    const keyed = getAdjacencyMap(logic, {
      input,
      events,
      serializeState: graphStateKey(subscriptionMachine),
    });
    const nodes = Object.keys(keyed).length;
    expect(nodes).toBeLessThan(100);

    // The same walk with XState's default key, stopped by xstate/graph once it has visited ten
    // times as many snapshots as the keyed walk needed in all.
    expect(() => getAdjacencyMap(logic, { input, events, limit: nodes * 10 })).toThrow(
      'Traversal limit exceeded',
    );
  });
});

describe('graphEvents and graphStateKey', () => {
  it('make getShortestPaths reach every status, as reachablePaths does', () => {
    const paths = getShortestPaths(subscriptionMachine, {
      input,
      events: graphEvents(subscriptionMachine),
      serializeState: graphStateKey(subscriptionMachine),
    });
    const statuses = new Set(paths.map((p) => p.state.value));
    expect(statuses).toEqual(new Set(SUBSCRIPTION_STATUSES));
    expect(statuses).toEqual(
      new Set(reachablePaths(subscriptionMachine, { input }).map((p) => p.status)),
    );

    // Each path is commands a minute apart, which the pure API accepts one after the other.
    for (const path of paths) {
      let s = scenario(subscriptionMachine, input);
      for (const step of path.steps.slice(1)) s = s.run(step.event);
      expect(s.status).toBe(path.state.value);
    }
  });

  it('make getSimplePaths end too, here on a fulfillment request, and honour roles', () => {
    const requestIn = requestInput({ capabilities: { administrativeHold: true } });
    const paths = getSimplePaths(fulfillmentRequestMachine, {
      input: requestIn,
      events: graphEvents(fulfillmentRequestMachine, { roles: ['vendor', 'system'] }),
      serializeState: graphStateKey(fulfillmentRequestMachine),
    });
    const reached = new Set(paths.map((p) => p.state.value));
    expect(reached).toContain('approved');
    expect(reached).toContain('failed');
    for (const status of reached) expect(REQUEST_STATUSES).toContain(status);
    const roles = paths.flatMap((p) => p.steps.map((s) => s.event)).map((e) => e.by?.role);
    expect(roles.filter((r) => r !== undefined && r !== 'vendor' && r !== 'system')).toEqual([]);
  });

  it('refuse a machine that is not one of the package', () => {
    const plain = createMachine({ id: 'plain', initial: 'a', states: { a: {} } });
    expect(() => graphEvents(plain)).toThrow(TypeError);
    expect(() => graphStateKey(plain)).toThrow(TypeError);
  });
});
