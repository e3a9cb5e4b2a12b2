// subscription-api.test.ts: your tests of the endpoint, built on subscription-machines/testing.
import {
  type ConnectRole,
  persist,
  restore,
  type SnapshotOf,
  type SubscriptionInput,
  type SubscriptionMachine,
  statusOf,
  subscriptionMachine,
} from 'subscription-machines';
import {
  commandFactory,
  exampleCommands,
  pathsTo,
  reachablePaths,
  scenario,
  type TestClock,
  testClock,
} from 'subscription-machines/testing';
import { describe, expect, it } from 'vitest';
import { type ApiRequest, handle, type Store } from './subscription-api';

const T0 = '2026-01-05T09:00:00Z';
const input: SubscriptionInput = {
  id: 'AS-3071-1051-2166',
  purchaseRequestId: 'PR-3071-1051-2166-001',
  at: T0,
  by: { role: 'buyer' },
  capabilities: { administrativeHold: true },
  items: [{ id: 'SKU-1', quantity: 10 }],
  params: [{ id: 'subscription_id', phase: 'fulfillment', required: true }],
};
const purchase = input.purchaseRequestId;
const approval = {
  requestId: purchase,
  templateId: 'TL-activation',
  params: [{ id: 'subscription_id', value: 'VENDOR-77215' }],
};

/** An in-memory store holding one subscription, and a look at what it holds now. */
function storeWith(snapshot: SnapshotOf<SubscriptionMachine>) {
  const rows = new Map([[input.id, JSON.stringify(persist(snapshot))]]);
  const store: Store = {
    load: async (id) => rows.get(id),
    save: async (id, json) => void rows.set(id, json),
  };
  return { store, status: () => statusOf(restore(subscriptionMachine, rows.get(input.id))) };
}

/** A POST of `body` by `role`, a minute after the clock's last reading. */
const post = (clock: TestClock, body: object, role: ConnectRole = 'vendor'): ApiRequest => ({
  method: 'POST',
  path: `/subscriptions/${input.id}/commands`,
  body,
  caller: { role, id: `UR-${role}` },
  now: clock.next(),
});

describe('POST /subscriptions/:id/commands', () => {
  it('approves the purchase: 200, and the stored subscription is active', async () => {
    const clock = testClock(T0);
    const { store, status } = storeWith(scenario(subscriptionMachine, input).snapshot);

    const response = await handle(store, post(clock, { type: 'request.approve', ...approval }));

    expect(response).toEqual({ status: 200, body: { status: 'active', version: 2 } });
    expect(status()).toBe('active');
  });

  it("answers 422 with the library's rejection, and stores nothing, for a missing parameter", async () => {
    const clock = testClock(T0);
    const command = commandFactory(subscriptionMachine, clock);
    const processing = scenario(subscriptionMachine, input);
    const { store, status } = storeWith(processing.snapshot);
    const body = { type: 'request.approve', requestId: purchase, templateId: 'TL-activation' };

    const rejection = processing.refuse(command('request.approve', body));
    const response = await handle(store, post(clock, body));

    expect(rejection.code).toBe('REQUIRED_PARAMETERS_MISSING');
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      code: rejection.code,
      message: rejection.message,
      details: rejection.details,
    });
    expect(rejection.details).toMatchObject({ parameters: ['subscription_id'] });
    expect(status()).toBe('processing');
  });

  it('answers 403 when the buyer approves, and 400 for a body that is no command', async () => {
    const clock = testClock(T0);
    const { store } = storeWith(scenario(subscriptionMachine, input).snapshot);

    const byBuyer = await handle(
      store,
      post(clock, { type: 'request.approve', ...approval }, 'buyer'),
    );
    const typo = await handle(store, post(clock, { type: 'request.aprove', ...approval }));

    expect(byBuyer).toMatchObject({ status: 403, body: { code: 'FORBIDDEN_ROLE' } });
    expect(typo).toMatchObject({ status: 400, body: { code: 'INVALID_COMMAND' } });
  });

  it('answers 409 to a cancel while a change is open', async () => {
    const clock = testClock(T0);
    const command = commandFactory(subscriptionMachine, clock);
    const changing = scenario(subscriptionMachine, input).run(
      command('request.approve', approval),
      command('request.create', {
        requestId: 'PR-3071-1051-2166-002',
        requestType: 'change',
        items: [{ id: 'SKU-1', quantity: 25 }],
      }),
    );
    const { store, status } = storeWith(changing.snapshot);

    const cancel = {
      type: 'request.create',
      requestId: 'PR-3071-1051-2166-003',
      requestType: 'cancel',
    };
    const response = await handle(store, post(clock, cancel, 'buyer'));

    expect(response).toMatchObject({ status: 409, body: { code: 'REQUEST_IN_PROGRESS' } });
    expect(status()).toBe('active');
  });

  it('resumes a suspended subscription, reached the shortest way', async () => {
    const [path] = pathsTo(subscriptionMachine, 'suspended', { input });
    const suspended = scenario(subscriptionMachine, input).run(...(path?.commands ?? []));
    // The path's commands are timed from the input's `at`: carry on after its last one.
    const clock = testClock(suspended.snapshot.context.updatedAt);
    const { store, status } = storeWith(suspended.snapshot);
    const resume = { requestId: 'PR-3071-1051-2166-009', requestType: 'resume' };

    await handle(store, post(clock, { type: 'request.create', ...resume }, 'buyer'));
    const response = await handle(
      store,
      post(clock, {
        type: 'request.approve',
        requestId: resume.requestId,
        templateId: 'TL-resumed',
      }),
    );

    expect(response.status).toBe(200);
    expect(status()).toBe('active');
  });

  it('answers every command in every reachable status with 200 or a 4xx that carries a code', async () => {
    for (const { snapshot } of reachablePaths(subscriptionMachine, { input })) {
      for (const { type, at, by, ...payload } of exampleCommands(subscriptionMachine, snapshot)) {
        const { store } = storeWith(snapshot);
        const response = await handle(store, {
          method: 'POST',
          path: `/subscriptions/${input.id}/commands`,
          body: { type, ...payload },
          caller: { role: by.role, id: 'UR-1' },
          now: at,
        });
        if (response.status !== 200) {
          expect([400, 403, 404, 409, 422]).toContain(response.status);
          expect(response.body).toHaveProperty('code');
        }
      }
    }
  });
});
