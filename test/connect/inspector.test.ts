/**
 * The inspection stream: an inspect observer sees the subscription and its open request as separate
 * actors. (Every machine's JSON is checked in test/inspector/readiness.test.ts.)
 */

import { subscriptionMachine } from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { createActor, type InspectionEvent } from 'xstate';
import { subscriptionCommands, subscriptionInput } from '../support/connect';

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
