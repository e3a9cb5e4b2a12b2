/**
 * Long histories: a snapshot's size stays flat (up to the width of its numbers) however many commands a subject has seen (the audit
 * keeps 100 entries, the closed orders 20), and the API object's `audit` stamps stay right after the
 * audit window has moved on.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_WINDOW, execute, persist, restore, start } from '../../src/index';
import {
  CLOSED_ORDERS_WINDOW,
  type MarketplaceOrderCommand,
  type MarketplaceSubscriptionCommand,
  marketplaceOrderMachine,
  marketplaceSubscriptionMachine,
  toMarketplaceOrder,
  toMarketplaceSubscription,
} from '../../src/marketplace';
import { minutesAfter } from './drive';
import { input as orderInput } from './order.fixtures';
import { T0, vendorInput } from './subscription.fixtures';

const bytes = (snapshot: unknown) => JSON.stringify(persist(snapshot as never)).length;
const orderId = (n: number) =>
  `ORD-0000-0000-${String(Math.floor(n / 10000)).padStart(4, '0')}-${String(n % 10000).padStart(4, '0')}`;

/** 2,000 commands against a subscription: Change orders placed and completed, one after another. */
function subscriptionHistory(commands: number) {
  let snapshot = start(marketplaceSubscriptionMachine, vendorInput);
  const sizes = new Map<number, number>();
  for (let n = 1; n <= commands; n++) {
    const order = Math.ceil(n / 2);
    const command: MarketplaceSubscriptionCommand = {
      type: n % 2 === 1 ? 'order.placed' : 'order.completed',
      orderId: orderId(order),
      orderType: 'Change',
      at: minutesAfter(T0, n),
      by: { role: 'system', id: `relay-${n}` },
    };
    const result = execute(marketplaceSubscriptionMachine, snapshot, command);
    if (!result.ok) throw new Error(result.rejection.message);
    snapshot = result.snapshot;
    if ([100, 1000, 2000].includes(n)) sizes.set(n, bytes(snapshot));
  }
  return { snapshot, sizes };
}

describe('the Marketplace subscription over 2,000 commands', () => {
  const { snapshot, sizes } = subscriptionHistory(2000);

  it('keeps its snapshot flat: the audit window and the last 20 closed orders', () => {
    expect(snapshot.context.version).toBe(2001);
    expect(snapshot.context.audit).toHaveLength(AUDIT_WINDOW);
    expect(snapshot.context.orders).toHaveLength(CLOSED_ORDERS_WINDOW);
    expect(snapshot.context.orders.at(-1)?.id).toBe(orderId(1000));
    const [at100, at1000, at2000] = [sizes.get(100), sizes.get(1000), sizes.get(2000)];
    console.info(`marketplace subscription bytes: ${at100} / ${at1000} / ${at2000}`);
    // Flat: what differs is the width of the numbers (versions 1902…2001 against 902…1001).
    expect((at2000 ?? 0) / (at100 ?? 1)).toBeLessThan(1.03);
    expect((at2000 ?? 0) / (at1000 ?? 1)).toBeLessThan(1.01);
  });

  it('keeps the latest stamp of each audit event, long after the audit window moved on', () => {
    const { audit } = toMarketplaceSubscription(snapshot);
    expect(audit.created).toEqual({ at: T0, by: { role: 'vendor' } });
    expect(audit.activated).toEqual({ at: T0, by: { role: 'vendor' } });
    expect(audit.updating).toEqual({
      at: minutesAfter(T0, 1999),
      by: { role: 'system', id: 'relay-1999' },
    });
    expect(audit.updated).toEqual({
      at: minutesAfter(T0, 2000),
      by: { role: 'system', id: 'relay-2000' },
    });
    expect(snapshot.context.audit.some((e) => e.command === 'create')).toBe(false);
  });

  it('restores, and still refuses an order closed within the window', () => {
    const restored = restore(marketplaceSubscriptionMachine, persist(snapshot));
    const replay = execute(marketplaceSubscriptionMachine, restored, {
      type: 'order.placed',
      orderId: orderId(999),
      orderType: 'Change',
      at: minutesAfter(T0, 2001),
      by: { role: 'system' },
    });
    expect(replay.ok ? null : replay.rejection.code).toBe('DUPLICATE_REQUEST');
  });
});

describe('the Marketplace order over 2,000 commands', () => {
  it('queries and answers without its snapshot growing, its audit stamps right', () => {
    let snapshot = start(marketplaceOrderMachine, orderInput);
    const sizes: number[] = [];
    const place: MarketplaceOrderCommand = {
      type: 'order.place',
      at: minutesAfter(orderInput.at, 1),
      by: { role: 'client' },
    };
    const placed = execute(marketplaceOrderMachine, snapshot, place);
    if (!placed.ok) throw new Error(placed.rejection.message);
    snapshot = placed.snapshot;
    for (let n = 2; n <= 2000; n++) {
      const command: MarketplaceOrderCommand =
        n % 2 === 0
          ? {
              type: 'order.query',
              parameters: {
                ordering: [{ externalId: 'domain', error: { id: 'E', message: `taken ${n}` } }],
              },
              at: minutesAfter(orderInput.at, n),
              by: { role: 'vendor' },
            }
          : {
              type: 'order.process',
              parameters: { ordering: [{ externalId: 'domain', value: `contoso-${n}.com` }] },
              at: minutesAfter(orderInput.at, n),
              by: { role: 'client' },
            };
      const result = execute(marketplaceOrderMachine, snapshot, command);
      if (!result.ok) throw new Error(result.rejection.message);
      snapshot = result.snapshot;
      if ([100, 1000, 2000].includes(n)) sizes.push(bytes(snapshot));
    }
    console.info(`marketplace order bytes: ${sizes.join(' / ')}`);
    expect((sizes[2] ?? 0) / (sizes[0] ?? 1)).toBeLessThan(1.03);
    expect((sizes[2] ?? 0) / (sizes[1] ?? 1)).toBeLessThan(1.01);
    expect(toMarketplaceOrder(snapshot).audit).toEqual({
      created: { at: orderInput.at, by: { role: 'client' } },
      updated: { at: minutesAfter(orderInput.at, 2000), by: { role: 'vendor' } },
    });
  });
});
