import {
  availableCommands,
  type ExecuteResult,
  execute,
  explain,
  fulfillmentRequestMachine,
  initial,
  type Rejection,
  type RequestStatus,
  restore,
  type SnapshotOf,
  type SubscriptionCommand,
  type SubscriptionStatus,
  start,
  statusOf,
  subscriptionMachine,
} from 'subscription-machines';
import { commandFactory } from 'subscription-machines/testing';
import { describe, expectTypeOf, test } from 'vitest';
import { createActor } from 'xstate';

const input = {
  id: 'AS-1',
  purchaseRequestId: 'PR-1',
  at: '2026-01-01T00:00:00Z',
  by: { role: 'buyer' },
} as const;
const snapshot = start(subscriptionMachine, input);
const at = '2026-01-02T00:00:00Z';

describe('commands are typed for execute and actor.send', () => {
  test('a well-formed command compiles', () => {
    execute(subscriptionMachine, snapshot, {
      type: 'request.approve',
      requestId: 'PR-1',
      templateId: 'TL',
      at,
      by: { role: 'vendor' },
    });
    createActor(subscriptionMachine, { input }).send({
      type: 'clock.tick',
      at,
      by: { role: 'system' },
    });
  });

  test('an unknown command type does not compile', () => {
    // @ts-expect-error unknown type
    execute(subscriptionMachine, snapshot, { type: 'request.teleport', requestId: 'PR-1', at, by: { role: 'vendor' }, });
    // @ts-expect-error unknown type
    createActor(subscriptionMachine, { input }).send({ type: 'request.teleport', at, by: { role: 'vendor' }, });
  });

  test('a missing payload field does not compile', () => {
    // @ts-expect-error templateId is required
    execute(subscriptionMachine, snapshot, { type: 'request.approve', requestId: 'PR-1', at, by: { role: 'vendor' }, });
    // @ts-expect-error plannedDate is required
    createActor(subscriptionMachine, { input }).send({ type: 'request.schedule', requestId: 'PR-1', at, by: { role: 'vendor' }, });
    // @ts-expect-error at is required
    execute(subscriptionMachine, snapshot, { type: 'request.pend', requestId: 'PR-1', by: { role: 'vendor' }, });
  });

  test('an unknown role does not compile', () => {
    // @ts-expect-error no such Connect role
    execute(subscriptionMachine, snapshot, { type: 'request.pend', requestId: 'PR-1', at, by: { role: 'admin' }, });
    // @ts-expect-error no such Connect role
    createActor(subscriptionMachine, { input }).send({ type: 'clock.tick', at, by: { role: 'operator' }, });
    // @ts-expect-error no such Connect role
    availableCommands(subscriptionMachine, snapshot, 'client');
  });

  test('a known role that may not send the command compiles (FORBIDDEN_ROLE at run time)', () => {
    execute(subscriptionMachine, snapshot, {
      type: 'request.approve',
      requestId: 'PR-1',
      templateId: 'TL',
      at,
      by: { role: 'buyer' },
    });
  });

  test('input is checked too', () => {
    // @ts-expect-error purchaseRequestId is required
    start(subscriptionMachine, { id: 'AS-1', at, by: { role: 'buyer' } });
  });
});

describe('results and statuses', () => {
  test('statusOf gives the machine’s own status union, without the transient start state', () => {
    expectTypeOf(statusOf(snapshot)).toEqualTypeOf<SubscriptionStatus>();
    expectTypeOf(
      statusOf(
        start(fulfillmentRequestMachine, {
          id: 'PR-1',
          subscriptionId: 'AS-1',
          requestType: 'purchase',
          at,
          by: { role: 'buyer' },
        }),
      ),
    ).toEqualTypeOf<RequestStatus>();
  });

  test('execute narrows on ok', () => {
    const result = execute(subscriptionMachine, snapshot, {
      type: 'request.pend',
      requestId: 'PR-1',
      at,
      by: { role: 'vendor' },
    });
    expectTypeOf(result).toEqualTypeOf<ExecuteResult<typeof subscriptionMachine>>();
    if (result.ok) {
      expectTypeOf(result.duplicate).toBeBoolean();
      expectTypeOf(result.emitted[0]?.type).toEqualTypeOf<
        'audit.recorded' | 'status.changed' | 'request.changed' | 'notification' | undefined
      >();
    } else {
      expectTypeOf(result.rejection).toEqualTypeOf<
        Rejection<SubscriptionCommand, SubscriptionStatus>
      >();
      expectTypeOf(result.rejection.code).toEqualTypeOf<Rejection['code']>();
    }
    expectTypeOf(
      explain(subscriptionMachine, snapshot, { type: 'clock.tick', at, by: { role: 'system' } }),
    ).toEqualTypeOf<Rejection<SubscriptionCommand, SubscriptionStatus> | null>();
  });

  test('restore and initial give snapshots of the machine', () => {
    expectTypeOf(restore(subscriptionMachine, {})).toEqualTypeOf<
      SnapshotOf<typeof subscriptionMachine>
    >();
    expectTypeOf(initial(subscriptionMachine, input).snapshot.context.pendingRequest).toEqualTypeOf<
      SnapshotOf<typeof subscriptionMachine>['context']['pendingRequest']
    >();
  });

  test('command factories know the payloads', () => {
    const command = commandFactory(subscriptionMachine);
    expectTypeOf(
      command('request.approve', { requestId: 'PR-1', templateId: 'TL' }).type,
    ).toEqualTypeOf<'request.approve'>();
    command('clock.tick');
    // @ts-expect-error templateId is required
    command('request.approve', { requestId: 'PR-1' });
    // @ts-expect-error no such command
    command('request.teleport', {});
  });
});
