/**
 * The subscription, arrow by arrow of the Marketplace docs' subscription state diagram, with what
 * each completed order changes, and every refusal.
 */
import { describe, expect, it } from 'vitest';
import { availableCommands, start } from '../../src/index';
import { marketplaceSubscriptionMachine as machine } from '../../src/marketplace';
import { type Arrow, expectArrow, runActor, runPure } from './drive';
import {
  CHANGE,
  cmd,
  OTHER,
  orderInput,
  PURCHASE,
  relay,
  SUB,
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
const noRenewal = { ...vendorInput, autoRenew: false };
const commitmentEnd = '2027-01-31T00:00:00Z';

const arrows: Arrow<typeof machine>[] = [
  {
    arrow: 'Draft → Active: order completed',
    input: orderInput,
    before: [],
    command: relay('completed', PURCHASE, 'Purchase', 5),
    from: 'Draft',
    to: 'Active',
  },
  {
    arrow: 'Draft → Deleted: order failed',
    input: orderInput,
    before: [],
    command: relay('failed', PURCHASE, 'Purchase', 5),
    from: 'Draft',
    to: 'Deleted',
  },
  {
    arrow: 'Active → Updating: change order placed',
    input: vendorInput,
    before: [],
    command: placeChange,
    from: 'Active',
    to: 'Updating',
  },
  {
    arrow: 'Active → Updating: configuration order placed',
    input: vendorInput,
    before: [],
    command: placeConfiguration,
    from: 'Active',
    to: 'Updating',
  },
  {
    arrow: 'Updating → Active: change order completed',
    input: vendorInput,
    before: [placeChange],
    command: relay('completed', CHANGE, 'Change', 20, { lines: newLines }),
    from: 'Updating',
    to: 'Active',
  },
  {
    arrow: 'Updating → Active: configuration order completed',
    input: vendorInput,
    before: [placeConfiguration],
    command: relay('completed', CHANGE, 'Configuration', 20, { autoRenew: false }),
    from: 'Updating',
    to: 'Active',
  },
  {
    arrow: 'Updating → Active: change or configuration order failed',
    input: vendorInput,
    before: [placeChange],
    command: relay('failed', CHANGE, 'Change', 20),
    from: 'Updating',
    to: 'Active',
  },
  {
    arrow: 'Active → Terminating: termination order placed',
    input: vendorInput,
    before: [],
    command: placeTermination,
    from: 'Active',
    to: 'Terminating',
  },
  {
    arrow: 'Terminating → Terminated: termination order completed',
    input: vendorInput,
    before: [placeTermination],
    command: relay('completed', CHANGE, 'Termination', 20),
    from: 'Terminating',
    to: 'Terminated',
  },
  {
    arrow: 'Terminating → Active: termination order failed',
    input: vendorInput,
    before: [placeTermination],
    command: relay('failed', CHANGE, 'Termination', 20),
    from: 'Terminating',
    to: 'Active',
  },
  {
    arrow: 'Active → Terminated: vendor terminates without order',
    input: vendorInput,
    before: [],
    command: terminate,
    from: 'Active',
    to: 'Terminated',
  },
  {
    arrow: 'Active → Expired: subscription not renewed',
    input: noRenewal,
    before: [],
    command: tick(commitmentEnd),
    from: 'Active',
    to: 'Expired',
  },
  {
    arrow: 'Active → Active: renewed at commitmentDate (auto-renew)',
    input: vendorInput,
    before: [],
    command: tick(commitmentEnd),
    from: 'Active',
    to: 'Active',
  },
];

describe('marketplaceSubscriptionMachine: every arrow of the diagram, pure and actor alike', () => {
  it('New → Draft: created during order fulfilment, waiting for its Purchase order', () => {
    const snapshot = start(machine, orderInput);
    expect(snapshot.value).toBe('Draft');
    expect(snapshot.context.openOrder).toEqual({ id: PURCHASE, orderType: 'Purchase' });
    expect(runActor(machine, orderInput, []).snapshot.context).toEqual(snapshot.context);
  });

  it('New → Active: the vendor creates it without an order, its commitment counted from now', () => {
    const snapshot = start(machine, vendorInput);
    expect(snapshot.value).toBe('Active');
    expect(snapshot.context).toMatchObject({
      startDate: T0,
      commitmentDate: commitmentEnd,
      renewalAnchor: T0,
      autoRenew: true,
      openOrder: null,
      version: 1,
      audit: [{ at: T0, by: { role: 'vendor' }, command: 'create', from: null, to: 'Active' }],
    });
    expect(runActor(machine, vendorInput, []).snapshot.context).toEqual(snapshot.context);
  });

  it.each(arrows.map((row) => [row.arrow, row] as const))('%s', (_, row) => {
    expectArrow(machine, row);
  });
});

describe('marketplaceSubscriptionMachine: what orders change', () => {
  it('a completed Purchase starts a Draft without dates at its completion', () => {
    const draft = start(machine, orderInput);
    expect(draft.context.startDate).toBeUndefined();
    expect(draft.context.commitmentDate).toBeUndefined();
    const active = runPure(machine, orderInput, [relay('completed', PURCHASE, 'Purchase', 60)]);
    expect(active.context).toMatchObject({
      startDate: '2026-01-31T01:00:00Z',
      commitmentDate: '2027-01-31T01:00:00Z',
      openOrder: null,
      orders: [{ id: PURCHASE, orderType: 'Purchase', status: 'Completed' }],
    });
  });

  it('a completed Change sets absolute quantities: 0 removes a line, a new id adds one', () => {
    const lines = [
      { id: 'ALI-2119-4550-8674-5962-0001', item: { id: 'ITM-1111-2222-0001' }, quantity: 0 },
      { id: 'ALI-2119-4550-8674-5962-0002', item: { id: 'ITM-1111-2222-0002' }, quantity: 3 },
    ];
    const done = runPure(machine, vendorInput, [
      placeChange,
      relay('completed', CHANGE, 'Change', 20, { lines }),
    ]);
    expect(done.context.lines).toEqual([lines[1]]);
  });

  it('a completed Configuration switches autoRenew; a failed order changes nothing', () => {
    const off = runPure(machine, vendorInput, [
      placeConfiguration,
      relay('completed', CHANGE, 'Configuration', 20, { autoRenew: false }),
    ]);
    expect(off.context.autoRenew).toBe(false);
    const failed = runPure(machine, vendorInput, [
      placeChange,
      relay('failed', CHANGE, 'Change', 20),
    ]);
    expect(failed.context.lines).toEqual(vendorInput.lines);
    expect(failed.context.orders).toEqual([{ id: CHANGE, orderType: 'Change', status: 'Failed' }]);
  });

  it('termination sets terminationDate; the vendor also records its reason', () => {
    const byOrder = runPure(machine, vendorInput, [
      placeTermination,
      relay('completed', CHANGE, 'Termination', 20),
    ]);
    expect(byOrder.context.terminationDate).toBe('2026-01-31T00:20:00Z');
    const byVendor = runPure(machine, vendorInput, [terminate]);
    expect(byVendor.context).toMatchObject({
      terminationDate: '2026-01-31T00:10:00Z',
      terminationReason: 'Fraud',
    });
  });

  it('the audit names the order, and status.changed carries the open one', () => {
    const { snapshot, emitted } = runActor(machine, vendorInput, [placeChange]);
    expect(snapshot.context.audit.at(-1)).toMatchObject({ requestId: CHANGE, to: 'Updating' });
    expect(emitted.filter((e) => e.type !== 'audit.recorded')).toEqual([
      {
        type: 'status.changed',
        from: 'Active',
        to: 'Updating',
        at: placeChange.at,
        subscriptionId: SUB,
        requestId: CHANGE,
      },
    ]);
  });

  it('a Draft created without its order id takes any Purchase order as its own', () => {
    const { orderId: _, ...anonymous } = orderInput;
    const done = runPure(machine, anonymous, [relay('completed', OTHER, 'Purchase', 5)]);
    expect(done.context.orders).toEqual([
      { id: OTHER, orderType: 'Purchase', status: 'Completed' },
    ]);
  });

  it('lists what each role may send', () => {
    const active = start(machine, vendorInput);
    expect(availableCommands(machine, active, 'system')).toEqual(['order.placed', 'clock.tick']);
    expect(availableCommands(machine, active, 'vendor')).toEqual(['subscription.terminate']);
    expect(availableCommands(machine, active, 'client')).toEqual([]);
    const updating = runPure(machine, vendorInput, [placeChange]);
    expect(availableCommands(machine, updating, 'system')).toEqual([
      'order.completed',
      'order.failed',
      'clock.tick',
    ]);
  });
});
