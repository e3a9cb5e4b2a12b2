/**
 * The agreement, arrow by arrow of the Marketplace docs' agreement state diagram: one order at a
 * time.
 */
import { describe, expect, it } from 'vitest';
import { availableCommands, start } from '../../src/index';
import {
  type MarketplaceAgreementCommand,
  type MarketplaceAgreementInput,
  marketplaceAgreementMachine as machine,
  type OrderType,
} from '../../src/marketplace';
import { type Arrow, expectArrow, expectRefusal, minutesAfter, runActor, runPure } from './drive';

const T0 = '2026-01-05T09:00:00Z';
const PURCHASE = 'ORD-2119-4550-8674-0001';
const CHANGE = 'ORD-2119-4550-8674-0002';
const OTHER = 'ORD-2119-4550-8674-0003';
const placed: MarketplaceAgreementInput = {
  id: 'AGR-2119-4550-8674-0001',
  orderId: PURCHASE,
  at: T0,
  by: { role: 'system' },
};
const draft: MarketplaceAgreementInput = { ...placed, draft: true };

const relay = (
  what: 'placed' | 'completed' | 'failed' | 'deleted',
  orderId: string,
  orderType: OrderType,
  minute: number,
): MarketplaceAgreementCommand => ({
  type: `order.${what}`,
  orderId,
  orderType,
  at: minutesAfter(T0, minute),
  by: { role: 'system' },
});
const succeeded = relay('completed', PURCHASE, 'Purchase', 10);
const change = relay('placed', CHANGE, 'Change', 20);
const terminate: MarketplaceAgreementCommand = {
  type: 'agreement.terminate',
  at: minutesAfter(T0, 30),
  by: { role: 'system' },
};

const arrows: Arrow<typeof machine>[] = [
  {
    arrow: 'Draft → Provisioning: purchase order placed',
    input: draft,
    before: [],
    command: relay('placed', PURCHASE, 'Purchase', 5),
    from: 'Draft',
    to: 'Provisioning',
  },
  {
    arrow: 'Draft → Deleted: draft order deleted',
    input: draft,
    before: [],
    command: relay('deleted', PURCHASE, 'Purchase', 5),
    from: 'Draft',
    to: 'Deleted',
  },
  {
    arrow: 'Provisioning → Active: agreement succeeded',
    input: placed,
    before: [],
    command: succeeded,
    from: 'Provisioning',
    to: 'Active',
  },
  {
    arrow: 'Provisioning → Failed: agreement failed',
    input: placed,
    before: [],
    command: relay('failed', PURCHASE, 'Purchase', 10),
    from: 'Provisioning',
    to: 'Failed',
  },
  {
    arrow: 'Active → Updating: order placed against agreement',
    input: placed,
    before: [succeeded],
    command: change,
    from: 'Active',
    to: 'Updating',
  },
  {
    arrow: 'Updating → Active: order completed',
    input: placed,
    before: [succeeded, change],
    command: relay('completed', CHANGE, 'Change', 25),
    from: 'Updating',
    to: 'Active',
  },
  {
    arrow: 'Updating → Active: order failed',
    input: placed,
    before: [succeeded, change],
    command: relay('failed', CHANGE, 'Change', 25),
    from: 'Updating',
    to: 'Active',
  },
  {
    arrow: 'Active → Terminated: final subscription ended',
    input: placed,
    before: [succeeded],
    command: terminate,
    from: 'Active',
    to: 'Terminated',
  },
];

describe('marketplaceAgreementMachine: every arrow of the diagram, pure and actor alike', () => {
  it('New → Draft and New → Provisioning: "Agreement created" by its Purchase order', () => {
    for (const [input, status] of [
      [draft, 'Draft'],
      [placed, 'Provisioning'],
    ] as const) {
      const snapshot = start(machine, input);
      expect(snapshot.value).toBe(status);
      expect(snapshot.context.audit).toEqual([
        { version: 1, at: T0, by: { role: 'system' }, command: 'create', from: null, to: status },
      ]);
      expect(runActor(machine, input, []).snapshot.context).toEqual(snapshot.context);
    }
    expect(start(machine, placed).context.openOrder).toEqual({
      id: PURCHASE,
      orderType: 'Purchase',
    });
  });

  it.each(arrows.map((row) => [row.arrow, row] as const))('%s', (_, row) => {
    expectArrow(machine, row);
  });

  it('places a Purchase order against an Active agreement too (a new subscription)', () => {
    const more = runPure(machine, placed, [succeeded, relay('placed', OTHER, 'Purchase', 20)]);
    expect(more.value).toBe('Updating');
    expect(more.context.audit.at(-1)).toMatchObject({ requestId: OTHER });
  });

  it('lists what the system may send', () => {
    const active = runPure(machine, placed, [succeeded]);
    expect(availableCommands(machine, active, 'system')).toEqual([
      'order.placed',
      'agreement.terminate',
    ]);
    expect(availableCommands(machine, active, 'operations')).toEqual([]);
  });
});

describe('marketplaceAgreementMachine: refusals', () => {
  const active = () => runPure(machine, placed, [succeeded]);
  const updating = () => runPure(machine, placed, [succeeded, change]);

  it('INVALID_COMMAND, STALE_VERSION, OUT_OF_ORDER, FORBIDDEN_ROLE', () => {
    expectRefusal(machine, active(), { ...change, orderId: 'ORD-2' }, 'INVALID_COMMAND');
    expectRefusal(machine, active(), { ...change, expectedVersion: 1 }, 'STALE_VERSION');
    expectRefusal(machine, active(), { ...change, at: T0 }, 'OUT_OF_ORDER');
    expectRefusal(machine, active(), { ...terminate, by: { role: 'vendor' } }, 'FORBIDDEN_ROLE');
  });

  it('INVALID_STATE: not while provisioning or updating, nor once final', () => {
    expectRefusal(machine, start(machine, placed), terminate, 'INVALID_STATE');
    expectRefusal(machine, updating(), terminate, 'INVALID_STATE');
    expectRefusal(machine, active(), relay('completed', CHANGE, 'Change', 20), 'INVALID_STATE');
    const terminated = runPure(machine, placed, [succeeded, terminate]);
    expectRefusal(machine, terminated, relay('placed', OTHER, 'Change', 40), 'INVALID_STATE');
  });

  it('REQUEST_IN_PROGRESS: only one order per agreement is processed at a time', () => {
    expectRefusal(
      machine,
      updating(),
      relay('placed', OTHER, 'Purchase', 21),
      'REQUEST_IN_PROGRESS',
    );
    expectRefusal(
      machine,
      start(machine, placed),
      relay('placed', OTHER, 'Change', 1),
      'REQUEST_IN_PROGRESS',
    );
  });

  it('UNKNOWN_REQUEST: another order than the one it waits for', () => {
    expectRefusal(machine, updating(), relay('completed', OTHER, 'Change', 21), 'UNKNOWN_REQUEST');
    expectRefusal(
      machine,
      start(machine, draft),
      relay('placed', OTHER, 'Purchase', 1),
      'UNKNOWN_REQUEST',
    );
    expectRefusal(
      machine,
      start(machine, draft),
      relay('deleted', OTHER, 'Purchase', 1),
      'UNKNOWN_REQUEST',
    );
  });
});
