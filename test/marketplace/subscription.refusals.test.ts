/**
 * Every refusal of the subscription, with explain agreeing with execute and an actor.
 */
import { describe, expect, it } from 'vitest';
import { execute, start } from '../../src/index';
import { marketplaceSubscriptionMachine as machine } from '../../src/marketplace';
import { expectRefusal, runPure } from './drive';
import {
  CHANGE,
  cmd,
  OTHER,
  orderInput,
  PURCHASE,
  relay,
  T0,
  tick,
  vendorInput,
} from './subscription.fixtures';

const newLines = [
  { id: 'ALI-2119-4550-8674-5962-0001', item: { id: 'ITM-1111-2222-0001' }, quantity: 25 },
];
const placeChange = relay('placed', CHANGE, 'Change', 10);
const placeConfiguration = relay('placed', CHANGE, 'Configuration', 10);
const placeTermination = relay('placed', CHANGE, 'Termination', 10);
const terminate = cmd('subscription.terminate', 'vendor', 10, { reason: 'Fraud' });

describe('marketplaceSubscriptionMachine: refusals', () => {
  const active = () => start(machine, vendorInput);
  const updating = () => runPure(machine, vendorInput, [placeChange]);

  it.each([
    ['an order id of another form', { ...placeChange, orderId: 'ORD-1' }, 'orderId'],
    ['an unknown order type', { ...placeChange, orderType: 'Renewal' }, 'orderType'],
    ['an unknown role', { ...placeChange, by: { role: 'buyer' } }, 'by.role'],
    ['a missing order type', { ...placeChange, orderType: undefined }, 'orderType'],
  ])('INVALID_COMMAND: %s', (_, command, field) => {
    const rejection = expectRefusal(machine, active(), command, 'INVALID_COMMAND');
    expect(rejection).toMatchObject({ details: { field } });
  });

  it('INVALID_COMMAND: a completion carrying what its order type does not change', () => {
    const lines = relay('completed', CHANGE, 'Configuration', 20, { lines: newLines });
    const configuring = runPure(machine, vendorInput, [placeConfiguration]);
    expect(expectRefusal(machine, configuring, lines, 'INVALID_COMMAND')).toMatchObject({
      details: { field: 'lines' },
    });
    const renew = relay('completed', CHANGE, 'Change', 20, { autoRenew: false });
    expect(expectRefusal(machine, updating(), renew, 'INVALID_COMMAND')).toMatchObject({
      details: { field: 'autoRenew' },
    });
  });

  it('STALE_VERSION and OUT_OF_ORDER', () => {
    expectRefusal(machine, active(), { ...placeChange, expectedVersion: 2 }, 'STALE_VERSION');
    expectRefusal(machine, updating(), relay('failed', CHANGE, 'Change', 5), 'OUT_OF_ORDER');
  });

  it('FORBIDDEN_ROLE: orders are relayed by the system; the vendor terminates; the system ticks', () => {
    expectRefusal(machine, active(), { ...placeChange, by: { role: 'client' } }, 'FORBIDDEN_ROLE');
    expectRefusal(
      machine,
      active(),
      { ...terminate, by: { role: 'operations' } },
      'FORBIDDEN_ROLE',
    );
    expectRefusal(machine, active(), { ...tick(T0), by: { role: 'vendor' } }, 'FORBIDDEN_ROLE');
  });

  it('INVALID_STATE: no order to complete, no termination while updating, a final status', () => {
    expectRefusal(machine, active(), relay('completed', CHANGE, 'Change', 5), 'INVALID_STATE');
    expectRefusal(machine, updating(), terminate, 'INVALID_STATE');
    expectRefusal(machine, start(machine, orderInput), terminate, 'INVALID_STATE');
    const terminated = runPure(machine, vendorInput, [terminate]);
    expectRefusal(machine, terminated, relay('placed', OTHER, 'Change', 20), 'INVALID_STATE');
  });

  it('INVALID_STATE: a Purchase order is never placed against a subscription', () => {
    const rejection = expectRefusal(
      machine,
      active(),
      relay('placed', CHANGE, 'Purchase', 5),
      'INVALID_STATE',
    );
    expect(rejection).toMatchObject({
      message: 'a Purchase order is not placed against a subscription',
    });
  });

  it('REQUEST_IN_PROGRESS: a second order while one is open, in every status that has one', () => {
    const second = relay('placed', OTHER, 'Termination', 20);
    expect(expectRefusal(machine, updating(), second, 'REQUEST_IN_PROGRESS')).toMatchObject({
      details: { orderId: CHANGE, orderType: 'Change' },
    });
    expectRefusal(machine, start(machine, orderInput), second, 'REQUEST_IN_PROGRESS');
    const terminating = runPure(machine, vendorInput, [placeTermination]);
    expectRefusal(
      machine,
      terminating,
      relay('placed', OTHER, 'Change', 20),
      'REQUEST_IN_PROGRESS',
    );
  });

  it('UNKNOWN_REQUEST: completing or failing an order that is not the open one', () => {
    expectRefusal(machine, updating(), relay('completed', OTHER, 'Change', 20), 'UNKNOWN_REQUEST');
    expectRefusal(
      machine,
      updating(),
      relay('failed', CHANGE, 'Configuration', 20),
      'UNKNOWN_REQUEST',
    );
    const draft = start(machine, orderInput);
    expectRefusal(machine, draft, relay('completed', OTHER, 'Purchase', 5), 'UNKNOWN_REQUEST');
    expectRefusal(machine, draft, relay('failed', PURCHASE, 'Change', 5), 'UNKNOWN_REQUEST');
  });

  it('DUPLICATE_REQUEST: an order id that is over cannot be placed again (a replayed relay)', () => {
    const done = runPure(machine, vendorInput, [
      placeChange,
      relay('completed', CHANGE, 'Change', 20),
    ]);
    expectRefusal(machine, done, relay('placed', CHANGE, 'Change', 30), 'DUPLICATE_REQUEST');
    expectRefusal(machine, done, relay('placed', CHANGE, 'Termination', 30), 'DUPLICATE_REQUEST');
  });

  it('REASON_REQUIRED: the vendor terminates with no reason, or a blank one', () => {
    expectRefusal(machine, active(), cmd('subscription.terminate', 'vendor', 5), 'REASON_REQUIRED');
    expectRefusal(machine, active(), { ...terminate, reason: '  ' }, 'REASON_REQUIRED');
  });

  it('a repeated commandId is a successful no-op', () => {
    const placed = runPure(machine, vendorInput, [{ ...placeChange, commandId: 'relay-1' }]);
    const again = execute(machine, placed, { ...placeChange, commandId: 'relay-1' });
    expect(again).toMatchObject({ ok: true, duplicate: true, snapshot: placed, emitted: [] });
  });
});
