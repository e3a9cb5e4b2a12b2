/**
 * Inspector readiness: the machines' JSON names every guard and action and describes every state,
 * and an inspect observer sees the subscription and its open request as separate actors.
 */

import { fulfillmentRequestMachine, subscriptionMachine } from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, createActor, type InspectionEvent } from 'xstate';
import { subscriptionCommands, subscriptionInput } from '../support/connect';

interface JsonNode {
  id: string;
  description?: string;
  entry: unknown[];
  exit: unknown[];
  on: Record<string, { actions: unknown[]; guard?: unknown }[]>;
  always?: { actions: unknown[]; guard?: unknown }[];
  states: Record<string, JsonNode>;
}

function* walk(node: JsonNode): Generator<JsonNode> {
  yield node;
  for (const child of Object.values(node.states)) yield* walk(child);
}

/** toJSON keeps a named action as its name (or `{ type, params }`); an inline one as a function or `{ type: '' }`. */
const isNamed = (a: unknown) =>
  (typeof a === 'string' && a !== '') ||
  (typeof a === 'object' &&
    a !== null &&
    typeof (a as { type?: unknown }).type === 'string' &&
    (a as { type: string }).type !== '');

describe.each([
  ['subscriptionMachine', subscriptionMachine],
  ['fulfillmentRequestMachine', fulfillmentRequestMachine],
] as [string, AnyStateMachine][])('%s in the inspector', (_, machine) => {
  const json = machine.toJSON() as unknown as JsonNode;

  it('has an id and a description on every state', () => {
    expect(machine.id).toMatch(/^[a-zA-Z]+$/);
    for (const node of walk(json)) expect(node.description, node.id).toBeTruthy();
  });

  it('names every action and guard (no inline functions)', () => {
    for (const node of walk(json)) {
      const transitions = [...Object.values(node.on).flat(), ...(node.always ?? [])];
      for (const action of [
        ...node.entry,
        ...node.exit,
        ...transitions.flatMap((t) => t.actions),
      ]) {
        expect(isNamed(action), `${node.id}: ${JSON.stringify(action)}`).toBe(true);
      }
      // toJSON drops inline guards, so every transition's guard must survive as a name.
      for (const t of transitions) {
        if (t.guard !== undefined)
          expect(
            typeof t.guard === 'string' || typeof (t.guard as { type?: unknown }).type === 'string',
          ).toBe(true);
      }
    }
    const config = JSON.stringify(machine.config, (_, v) =>
      typeof v === 'function' ? 'FUNCTION' : v,
    );
    const guards = [...config.matchAll(/"guard":"FUNCTION"/g)];
    expect(guards).toHaveLength(0);
  });
});

describe('the open request in the inspection stream', () => {
  it('shows the subscription and its request as separate actors, each with its own snapshots', () => {
    const events: InspectionEvent[] = [];
    const input = subscriptionInput();
    const actor = createActor(subscriptionMachine, {
      input,
      inspect: (e) => events.push(e),
    }).start();
    const c = subscriptionCommands();
    actor.send(
      c('request.approve', {
        requestId: input.purchaseRequestId,
        templateId: 'TL',
        params: [{ id: 'subscription_id', value: 'E' }],
      }),
    );
    type Ref = { id: string; _parent?: unknown };
    const actors = events
      .filter((e) => e.type === '@xstate.actor')
      .map((e) => e.actorRef as unknown as Ref);
    const request = actors.find((a) => a.id === input.purchaseRequestId);
    expect(actors.map((a) => a.id)).toEqual(expect.arrayContaining([input.purchaseRequestId]));
    expect(request?._parent).toBe(actor);
    const requestValues = events
      .filter(
        (e): e is Extract<InspectionEvent, { type: '@xstate.snapshot' }> =>
          e.type === '@xstate.snapshot' && (e.actorRef as unknown) === request,
      )
      .map((e) => (e.snapshot as unknown as { value: string }).value);
    expect(requestValues).toEqual(['pending', 'approved']);
    expect(actor.getSnapshot().value).toBe('active');
    // the child ended and was stopped: nothing lingers
    expect(Object.keys(actor.getSnapshot().children)).toEqual([]);
  });
});
