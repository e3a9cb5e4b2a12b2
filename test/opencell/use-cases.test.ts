/**
 * The Opencell docs' use-case table (docs/opencell.md), one test per row. Every test runs its
 * commands through the pure API and an actor side by side (`both`), which must agree at every step.
 */
import { availableCommands } from 'subscription-machines';
import { versionAt } from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import {
  accepted,
  activate,
  day,
  machine,
  operator,
  product,
  reactivate,
  suspend,
  tick,
} from './fixtures';

describe('Opencell docs use cases', () => {
  it('Change offer / Move a subscription from Offer1 to Offer 2: a new version with its activation date, the previous one ended there', () => {
    const s = accepted([
      activate(1),
      {
        type: 'offer.change',
        at: day(10),
        by: operator,
        offerCode: 'OF_PRO',
        effectiveDate: day(31),
      },
    ]);
    expect(s.context.versions).toEqual([
      { version: 1, offerCode: 'OF_BASIC', validFrom: day(0), validTo: day(31) },
      { version: 2, offerCode: 'OF_PRO', validFrom: day(31) },
    ]);
    expect(versionAt(s, day(30))?.offerCode).toBe('OF_BASIC');
    expect(versionAt(s, day(31))?.offerCode).toBe('OF_PRO');
  });

  it('New product / Add another product: "Add Product" on the subscription activates it now', () => {
    const s = accepted([
      activate(1),
      { type: 'product.add', at: day(5), by: operator, product: { code: 'PR_TV', quantity: 1 } },
    ]);
    expect(product(s, 'PR_TV')).toEqual({
      code: 'PR_TV',
      quantity: 1,
      status: 'ACTIVE',
      activatedAt: day(5),
    });
    expect(s.context.audit.at(-1)).toMatchObject({ command: 'product.add', at: day(5) });
  });

  it('Add another product through Amendment order: the Amendment order is listed on the subscription', () => {
    const s = accepted([
      activate(1),
      {
        type: 'amendment.submit',
        at: day(5),
        by: operator,
        amendmentId: 'AMD-1',
        effectiveDate: day(5),
        changes: [{ op: 'add', product: { code: 'PR_TV', quantity: 1 } }],
      },
    ]);
    expect(product(s, 'PR_TV')).toMatchObject({ status: 'ACTIVE', activatedAt: day(5) });
    expect(s.context.amendments).toMatchObject([
      { amendmentId: 'AMD-1', outcome: 'applied', closedAt: day(5) },
    ]);
    expect(s.context.audit.at(-1)).toMatchObject({ event: 'amendment-applied' });
  });

  it("Remove Product / Remove a product in an offer: deactivating it directly terminates it on today's date", () => {
    const s = accepted([
      activate(1),
      { type: 'product.deactivate', at: day(7), by: operator, productCode: 'PR_VOICE' },
    ]);
    expect(product(s, 'PR_VOICE')).toMatchObject({ status: 'TERMINATED', terminatedAt: day(7) });
    expect(product(s, 'PR_DATA')?.status).toBe('ACTIVE');
  });

  it("Remove a product in an offer through Amendment order: applied with the product's status change, on the amendment's date", () => {
    const s = accepted([
      activate(1),
      {
        type: 'amendment.submit',
        at: day(5),
        by: operator,
        amendmentId: 'AMD-RM',
        effectiveDate: day(20),
        changes: [{ op: 'remove', productCode: 'PR_VOICE' }],
      },
      tick(19),
      tick(21),
    ]);
    expect(product(s, 'PR_VOICE')).toMatchObject({ status: 'TERMINATED', terminatedAt: day(20) });
    expect(s.context.amendments).toMatchObject([{ amendmentId: 'AMD-RM', outcome: 'applied' }]);
  });

  it('Update a Product / Change the quantity of a Product: the order is listed and the quantity applied', () => {
    const s = accepted([
      activate(1),
      {
        type: 'amendment.submit',
        at: day(3),
        by: operator,
        amendmentId: 'AMD-Q',
        effectiveDate: day(3),
        changes: [{ op: 'update', productCode: 'PR_VOICE', quantity: 5 }],
      },
    ]);
    expect(product(s, 'PR_VOICE')).toMatchObject({ quantity: 5, status: 'ACTIVE' });
    expect(s.context.amendments.map((a) => a.amendmentId)).toEqual(['AMD-Q']);
  });

  it('Change an attribute of the product: the amendment is listed and the attribute changed', () => {
    const s = accepted([
      activate(1),
      {
        type: 'amendment.submit',
        at: day(3),
        by: operator,
        amendmentId: 'AMD-ATTR',
        effectiveDate: day(3),
        changes: [
          { op: 'update', productCode: 'PR_DATA', attributes: { speed: '1G', ipv6: true } },
        ],
      },
    ]);
    expect(product(s, 'PR_DATA')?.attributes).toEqual({ speed: '1G', ipv6: true });
    expect(s.context.amendments.map((a) => a.amendmentId)).toEqual(['AMD-ATTR']);
  });

  it('Update a Product on Subscription with Future-dated Updates: the update applies, the future amendment stays pending', () => {
    const s = accepted([
      activate(1),
      {
        type: 'amendment.submit',
        at: day(2),
        by: operator,
        amendmentId: 'AMD-FUTURE',
        effectiveDate: day(60),
        changes: [{ op: 'update', productCode: 'PR_DATA', quantity: 10 }],
      },
      {
        type: 'amendment.submit',
        at: day(3),
        by: operator,
        amendmentId: 'AMD-NOW',
        effectiveDate: day(3),
        changes: [{ op: 'update', productCode: 'PR_DATA', quantity: 4 }],
      },
    ]);
    expect(product(s, 'PR_DATA')?.quantity).toBe(4);
    expect(s.context.pendingAmendments.map((a) => a.amendmentId)).toEqual(['AMD-FUTURE']);
    expect(s.context.amendments.map((a) => a.amendmentId)).toEqual(['AMD-NOW']);
  });

  it('Update a Product on Subscription with a Future-dated Remove: the update applies, the future removal stays pending', () => {
    const s = accepted([
      activate(1),
      {
        type: 'amendment.submit',
        at: day(2),
        by: operator,
        amendmentId: 'AMD-REMOVE',
        effectiveDate: day(60),
        changes: [{ op: 'remove', productCode: 'PR_VOICE' }],
      },
      {
        type: 'amendment.submit',
        at: day(3),
        by: operator,
        amendmentId: 'AMD-UPDATE',
        effectiveDate: day(3),
        changes: [{ op: 'update', productCode: 'PR_VOICE', quantity: 3 }],
      },
    ]);
    expect(product(s, 'PR_VOICE')).toMatchObject({ quantity: 3, status: 'ACTIVE' });
    expect(s.context.pendingAmendments.map((a) => a.amendmentId)).toEqual(['AMD-REMOVE']);
  });

  it('Owner Transfer / Transfer from a Consumer to another Consumer: the consumer changes, audited', () => {
    const s = accepted([
      activate(1),
      { type: 'owner.transfer', at: day(4), by: operator, consumerId: 'CUST-2' },
    ]);
    expect(s.context.consumerId).toBe('CUST-2');
    expect(s.context.ownerTransfers).toEqual([
      { at: day(4), fromConsumerId: 'CUST-1', toConsumerId: 'CUST-2' },
    ]);
    expect(s.context.audit.at(-1)).toMatchObject({
      command: 'owner.transfer',
      by: operator,
      from: 'ACTIVE',
      to: 'ACTIVE',
    });
  });

  it('Suspend a Subscription / Suspend without charge: reactivation or termination are the only possible actions', () => {
    const s = accepted([activate(1), suspend(10)]);
    expect(s.value).toBe('SUSPENDED');
    expect(availableCommands(machine, s, 'operator')).toEqual([
      'subscription.reactivate',
      'subscription.terminate',
    ]);
    expect(product(s, 'PR_DATA')).toMatchObject({
      status: 'SUSPENDED',
      suspendedIntervals: [{ from: day(10) }],
    });
    expect(s.context.accessPoints).toEqual([{ code: 'AP-0612345678', enabled: false }]);
    const after = accepted([activate(1), suspend(10), reactivate(20)]);
    expect(product(after, 'PR_DATA')).toMatchObject({
      status: 'ACTIVE',
      suspendedIntervals: [{ from: day(10), to: day(20) }],
    });
  });

  it('Suspend a Subscription with Future-dated Amendments: the amendment applies as scheduled and the subscription stays suspended', () => {
    const s = accepted([
      activate(1),
      {
        type: 'amendment.submit',
        at: day(2),
        by: operator,
        amendmentId: 'AMD-LATER',
        effectiveDate: day(30),
        changes: [
          { op: 'add', product: { code: 'PR_TV', quantity: 1 } },
          { op: 'update', productCode: 'PR_DATA', quantity: 2 },
        ],
      },
      suspend(10),
      tick(31),
    ]);
    expect(s.value).toBe('SUSPENDED');
    expect(s.context.amendments).toMatchObject([{ amendmentId: 'AMD-LATER', outcome: 'applied' }]);
    expect(product(s, 'PR_DATA')).toMatchObject({ quantity: 2, status: 'SUSPENDED' });
    // No charge: the product added while suspended is suspended from its own activation date.
    expect(product(s, 'PR_TV')).toMatchObject({
      status: 'SUSPENDED',
      activatedAt: day(30),
      suspendedIntervals: [{ from: day(30) }],
    });
    expect(s.context.audit.at(-1)).toMatchObject({
      command: 'clock.tick',
      from: 'SUSPENDED',
      to: 'SUSPENDED',
      event: 'amendment-applied',
    });
  });
});
