/**
 * A long history: 2,000 commands of every kind that leaves a trace (suspensions, owner transfers,
 * offer changes, amendments, products added and removed, renewals). Every list that grows with
 * history is a window, so the snapshot's size stays flat (up to the width of its numbers) and
 * restore checks it in one pass.
 */
import { AUDIT_WINDOW, execute, persist, restore, start } from 'subscription-machines';
import {
  chargeableIntervals,
  HISTORY_WINDOW,
  type OpencellCommand,
} from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import { input, machine, operator, system } from './fixtures';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const iso = (hours: number) => new Date(T0 + hours * HOUR).toISOString().replace('.000Z', 'Z');

/** The n-th command of the history (from 1), at hour `n`. */
function commandAt(n: number): OpencellCommand {
  const at = iso(n);
  const by = operator;
  switch (n % 10) {
    case 1:
      return { type: 'subscription.suspend', at, by, reason: `maintenance ${n}` };
    case 2:
      return { type: 'subscription.reactivate', at, by };
    case 3:
      return { type: 'product.add', at, by, product: { code: `PR_EXTRA_${n}`, quantity: 1 } };
    case 4:
      return { type: 'product.deactivate', at, by, productCode: `PR_EXTRA_${n - 1}` };
    case 5:
      return {
        type: 'amendment.submit',
        at,
        by,
        amendmentId: `AMD-${n}`,
        effectiveDate: at,
        changes: [{ op: 'update', productCode: 'PR_DATA', quantity: 1 + (n % 7) }],
      };
    case 6:
      return { type: 'owner.transfer', at, by, consumerId: `CUST-${n}` };
    case 7:
      return {
        type: 'offer.change',
        at,
        by,
        offerCode: `OF_${n}`,
        effectiveDate: iso(n + 1),
        products: [{ code: 'PR_DATA', quantity: 1 }],
      };
    case 8:
      return { type: 'clock.tick', at, by: system };
    default:
      return {
        type: 'amendment.submit',
        at,
        by,
        amendmentId: `AMD-${n}`,
        effectiveDate: iso(n + 5),
        changes: [{ op: 'update', productCode: 'PR_DATA', attributes: { note: `n${n}` } }],
      };
  }
}

describe('the Opencell subscription over 2,000 commands', () => {
  let snapshot = start(machine, {
    ...input,
    products: [{ code: 'PR_DATA', quantity: 1 }],
    renewalRule: {
      initialTermType: 'RECURRING',
      initialyActiveFor: 1,
      autoRenew: true,
      renewFor: 1,
      renewForUnit: 'DAY',
      initialyActiveForUnit: 'DAY',
    },
  });
  const activated = execute(machine, snapshot, {
    type: 'subscription.activate',
    at: iso(0.5),
    by: operator,
  });
  if (!activated.ok) throw new Error(activated.rejection.message);
  snapshot = activated.snapshot;
  const sizes = new Map<number, number>();
  for (let n = 1; n <= 2000; n++) {
    const result = execute(machine, snapshot, commandAt(n));
    if (!result.ok) throw new Error(`${n}: ${result.rejection.message}`);
    snapshot = result.snapshot;
    if ([100, 1000, 2000].includes(n)) sizes.set(n, JSON.stringify(persist(snapshot)).length);
  }
  const c = snapshot.context;

  it('keeps each history list to its window', () => {
    expect(c.audit).toHaveLength(AUDIT_WINDOW);
    expect(c.suspensions).toHaveLength(HISTORY_WINDOW);
    expect(c.ownerTransfers).toHaveLength(HISTORY_WINDOW);
    expect(c.versions).toHaveLength(HISTORY_WINDOW);
    expect(c.versions.at(-1)?.version).toBe(201);
    expect(c.amendments).toHaveLength(HISTORY_WINDOW);
    expect(c.products.filter((p) => p.status === 'TERMINATED')).toHaveLength(HISTORY_WINDOW);
    const data = c.products.find((p) => p.code === 'PR_DATA' && p.status !== 'TERMINATED');
    expect(data?.suspendedIntervals?.length ?? 0).toBeLessThanOrEqual(HISTORY_WINDOW);
    expect(c.renewed).toBe(true);
  });

  it('keeps its snapshot flat', () => {
    const [at100, at1000, at2000] = [sizes.get(100), sizes.get(1000), sizes.get(2000)];
    console.info(`opencell subscription bytes: ${at100} / ${at1000} / ${at2000}`);
    // The windows fill over the first 200 commands (20 suspensions take 200); then it is flat.
    expect(at100 ?? 0).toBeLessThan(at1000 ?? 0);
    expect((at2000 ?? 0) / (at1000 ?? 1)).toBeLessThan(1.01);
  });

  it('restores, and the window still answers: a product suspended more than the window knows where its data begins', () => {
    const restored = restore(machine, persist(snapshot));
    expect(persist(restored)).toEqual(persist(snapshot));
    const trimmed = c.products.find((p) => p.knownFrom !== undefined);
    if (trimmed === undefined) return;
    const intervals = chargeableIntervals(trimmed, iso(2001));
    expect(intervals[0]?.from).toBe(trimmed.knownFrom);
  });
});
