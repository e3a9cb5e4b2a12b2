import {
  availableCommands,
  type ConnectCall,
  type CreateRequestCommand,
  connectCall,
  connectCommands,
  type ExecuteResult,
  execute,
  explain,
  type FulfillmentRequestCommandOf,
  type FulfillmentRequestRejection,
  type FulfillmentRequestRejectionCode,
  type FulfillmentRequestSnapshot,
  fromConnectRequest,
  fulfillmentRequestMachine,
  type Item,
  initial,
  type ParameterEdit,
  type Rejection,
  type RejectionCode,
  type RejectionOf,
  type RequestApprovePayload,
  type RequestApproveWithTemplate,
  type RequestApproveWithTile,
  type RequestCommandOf,
  type RequestCreatePayload,
  type RequestFailPayload,
  type RequestPayloads,
  type RequestStatus,
  restore,
  type SnapshotOf,
  type SubscriptionCommand,
  type SubscriptionCommandOf,
  type SubscriptionRejection,
  type SubscriptionSnapshot,
  type SubscriptionStatus,
  start,
  statusOf,
  subscriptionMachine,
  type TierConfigRequestCommandOf,
  type TierConfigRequestPayloads,
  type TierConfigRequestRejection,
  type TierConfigRequestSnapshot,
  tierConfigRequestMachine,
  toConnectRequest,
} from 'subscription-machines';
import { commandFactory } from 'subscription-machines/testing';
import { describe, expectTypeOf, test } from 'vitest';
import { createActor } from 'xstate';
import type { requestPayloads } from '../../src/connect/request.commands';
import type { createPayload } from '../../src/connect/subscription.commands';
import type { tierConfigPayloads } from '../../src/connect/tier-config.commands';
import type { ObjectOf } from '../../src/core/schema';

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

describe('readable names for each Connect machine', () => {
  test('snapshots, rejections and single commands have their own names', () => {
    expectTypeOf<SubscriptionSnapshot>().toEqualTypeOf<SnapshotOf<typeof subscriptionMachine>>();
    expectTypeOf<FulfillmentRequestSnapshot>().toEqualTypeOf<
      SnapshotOf<typeof fulfillmentRequestMachine>
    >();
    expectTypeOf<TierConfigRequestSnapshot>().toEqualTypeOf<
      SnapshotOf<typeof tierConfigRequestMachine>
    >();
    expectTypeOf<SubscriptionRejection>().toEqualTypeOf<RejectionOf<typeof subscriptionMachine>>();
    expectTypeOf<FulfillmentRequestRejection>().toEqualTypeOf<
      RejectionOf<typeof fulfillmentRequestMachine>
    >();
    expectTypeOf<TierConfigRequestRejection>().toEqualTypeOf<
      RejectionOf<typeof tierConfigRequestMachine>
    >();
    expectTypeOf<SubscriptionCommandOf<'request.approve'>>().toEqualTypeOf<
      RequestCommandOf<'request.approve'>
    >();
    expectTypeOf<FulfillmentRequestCommandOf<'request.fail'>>().toEqualTypeOf<
      RequestCommandOf<'request.fail'>
    >();
    expectTypeOf<SubscriptionCommandOf<'request.create'>>().toEqualTypeOf<CreateRequestCommand>();
    expectTypeOf<TierConfigRequestCommandOf<'tcr.approve'>['templateId']>().toBeString();
    expectTypeOf<RequestCommandOf<'request.update'>['params'][number]>().toEqualTypeOf<ParameterEdit>();
  });

  test('each machine’s rejections carry only its own codes', () => {
    expectTypeOf<FulfillmentRequestRejection['code']>().toEqualTypeOf<FulfillmentRequestRejectionCode>();
    expectTypeOf<'REQUEST_IN_PROGRESS'>().not.toExtend<FulfillmentRequestRejection['code']>();
    expectTypeOf<'DUPLICATE_REQUEST'>().not.toExtend<FulfillmentRequestRejection['code']>();
    expectTypeOf<'INVALID_DATE'>().not.toExtend<TierConfigRequestRejection['code']>();
    expectTypeOf<SubscriptionRejection['code']>().toEqualTypeOf<RejectionCode>();
    const request = start(fulfillmentRequestMachine, {
      id: 'PR-1',
      subscriptionId: 'AS-1',
      requestType: 'purchase',
      at,
      by: { role: 'buyer' },
    });
    const result = execute(fulfillmentRequestMachine, request, {
      type: 'request.pend',
      requestId: 'PR-1',
      at,
      by: { role: 'vendor' },
    });
    if (!result.ok) expectTypeOf(result.rejection).toEqualTypeOf<FulfillmentRequestRejection>();
  });

  test('a reason is required wherever Connect needs one (REASON_REQUIRED stays for a blank one)', () => {
    // @ts-expect-error request.fail needs a reason
    execute(subscriptionMachine, snapshot, { type: 'request.fail', requestId: 'PR-1', at, by: { role: 'vendor' } });
    // @ts-expect-error request.revoke needs a reason
    execute(subscriptionMachine, snapshot, { type: 'request.revoke', requestId: 'PR-1', at, by: { role: 'buyer' } });
    // @ts-expect-error tierConfig.fail needs a reason
    execute(subscriptionMachine, snapshot, { type: 'tierConfig.fail', requestId: 'PR-1', at, by: { role: 'system' } });
    const tcr = start(tierConfigRequestMachine, {
      id: 'TCR-1',
      requestType: 'setup',
      configuration: { tierLevel: 1, accountId: 'TA-1', productId: 'PRD-1' },
      at,
      by: { role: 'system' },
    });
    // @ts-expect-error tcr.fail needs a reason
    execute(tierConfigRequestMachine, tcr, { type: 'tcr.fail', requestId: 'TCR-1', at, by: { role: 'vendor' } });
    execute(subscriptionMachine, snapshot, { type: 'request.fail', requestId: 'PR-1', reason: ' ', at, by: { role: 'vendor' } });
    expectTypeOf<RequestFailPayload['reason']>().toBeString();
  });

  test('an approval names a template, an activation tile, or both', () => {
    execute(subscriptionMachine, snapshot, { type: 'request.approve', requestId: 'PR-1', activationTile: '# Ready', at, by: { role: 'vendor' } });
    execute(subscriptionMachine, snapshot, { type: 'request.approve', requestId: 'PR-1', templateId: 'TL', activationTile: '# Ready', at, by: { role: 'vendor' } });
    // @ts-expect-error neither a template nor a tile
    execute(subscriptionMachine, snapshot, { type: 'request.approve', requestId: 'PR-1', params: [], at, by: { role: 'vendor' } });
    expectTypeOf<RequestApprovePayload>().toEqualTypeOf<
      RequestApproveWithTemplate | RequestApproveWithTile
    >();
  });

  test('the payload types and the run-time schemas agree', () => {
    type Schema<T extends keyof typeof requestPayloads> = ObjectOf<(typeof requestPayloads)[T]>;
    // Each type and its schema accept the same payloads; the schema is wider only where a rule
    // checks at run time (a reason, a template or a tile).
    expectTypeOf<RequestPayloads['request.submit']>().toExtend<Schema<'request.submit'>>();
    expectTypeOf<Schema<'request.submit'>>().toExtend<RequestPayloads['request.submit']>();
    expectTypeOf<RequestPayloads['request.update']>().toExtend<Schema<'request.update'>>();
    expectTypeOf<Schema<'request.update'>>().toExtend<RequestPayloads['request.update']>();
    expectTypeOf<RequestPayloads['request.validate']>().toExtend<Schema<'request.validate'>>();
    expectTypeOf<Schema<'request.validate'>>().toExtend<RequestPayloads['request.validate']>();
    expectTypeOf<RequestPayloads['request.inquire']>().toExtend<Schema<'request.inquire'>>();
    expectTypeOf<Schema<'request.inquire'>>().toExtend<RequestPayloads['request.inquire']>();
    expectTypeOf<RequestPayloads['request.answer']>().toExtend<Schema<'request.answer'>>();
    expectTypeOf<Schema<'request.answer'>>().toExtend<RequestPayloads['request.answer']>();
    expectTypeOf<RequestPayloads['request.schedule']>().toExtend<Schema<'request.schedule'>>();
    expectTypeOf<Schema<'request.schedule'>>().toExtend<RequestPayloads['request.schedule']>();
    expectTypeOf<RequestPayloads['request.approve']>().toExtend<Schema<'request.approve'>>();
    expectTypeOf<RequestPayloads['request.fail']>().toExtend<Schema<'request.fail'>>();
    expectTypeOf<RequestPayloads['request.revoke']>().toExtend<Schema<'request.revoke'>>();
    expectTypeOf<RequestPayloads['tierConfig.fail']>().toExtend<Schema<'tierConfig.fail'>>();
    expectTypeOf<RequestCreatePayload>().toExtend<ObjectOf<typeof createPayload>>();
    expectTypeOf<ObjectOf<typeof createPayload>>().toExtend<RequestCreatePayload>();
    type TcrSchema<T extends keyof typeof tierConfigPayloads> = ObjectOf<
      (typeof tierConfigPayloads)[T]
    >;
    expectTypeOf<TierConfigRequestPayloads['tcr.approve']>().toExtend<TcrSchema<'tcr.approve'>>();
    expectTypeOf<TcrSchema<'tcr.approve'>>().toExtend<TierConfigRequestPayloads['tcr.approve']>();
    expectTypeOf<TierConfigRequestPayloads['tcr.fail']>().toExtend<TcrSchema<'tcr.fail'>>();
  });

  test('quantities and JSON', () => {
    expectTypeOf<Item['quantity']>().toEqualTypeOf<number | 'unlimited'>();
    expectTypeOf(toConnectRequest(snapshot).asset.items[0]?.quantity).toEqualTypeOf<
      string | undefined
    >();
    expectTypeOf(fromConnectRequest({})).toEqualTypeOf<SubscriptionSnapshot>();
    expectTypeOf(connectCommands(snapshot, {})).toEqualTypeOf<SubscriptionCommand[]>();
    expectTypeOf(connectCall).returns.toEqualTypeOf<ConnectCall | null>();
  });
});
