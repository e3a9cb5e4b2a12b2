/**
 * A subscription's input is checked before anything starts: a bad field throws a TypeError that
 * names it, from start(), and an actor carries the same error.
 */

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { start } from '../../src/index';
import {
  type MarketplaceSubscriptionInput,
  marketplaceSubscriptionMachine as machine,
} from '../../src/marketplace';
import { orderInput, vendorInput } from './subscription.fixtures';

const bad = (input: object) => input as MarketplaceSubscriptionInput;
const prefix = 'marketplaceSubscriptionMachine';

describe('marketplaceSubscriptionMachine input', () => {
  it.each([
    [{ id: 'SUB-1' }, 'input.id: expected SUB-dddd-dddd-dddd-dddd, got "SUB-1"'],
    [{ id: 'sub-2119-4550-8674-5962' }, 'input.id: expected SUB-dddd-dddd-dddd-dddd'],
    [{ agreementId: 'AGR-2119-4550-8674' }, 'input.agreementId: expected AGR-dddd-dddd-dddd-dddd'],
    [{ orderId: 'ORD-2119' }, 'input.orderId: expected ORD-dddd-dddd-dddd-dddd, got "ORD-2119"'],
    [{ terms: { period: '1m', commitment: '2y' } }, 'input.terms.commitment: expected one of'],
    [{ at: '2026-01-31' }, 'input.at: expected an ISO-8601 timestamp'],
    [{ by: { role: 'buyer' } }, 'input.by.role: expected one of "client"'],
    [{ lines: [{ id: 'ALI-1', item: { id: 'ITM-1' }, quantity: -1 }] }, 'input.lines[0].quantity'],
    [{ commitmentDate: '2027-01-31T00:00:00Z' }, 'input.commitmentDate: needs input.startDate'],
    [
      { startDate: '2026-01-31T00:00:00Z', commitmentDate: '2026-01-31T00:00:00Z' },
      'input.commitmentDate: 2026-01-31T00:00:00Z must be after input.startDate',
    ],
  ])('%j → %s', (change, message) => {
    expect(() => start(machine, bad({ ...orderInput, ...change }))).toThrow(`${prefix} ${message}`);
  });

  it('refuses an orderId on a subscription the vendor created', () => {
    expect(() =>
      start(machine, bad({ ...vendorInput, orderId: 'ORD-2119-4550-8674-0001' })),
    ).toThrow(
      `${prefix} input.orderId: only a subscription with createdBy 'order' has a Purchase order`,
    );
  });

  it('throws a TypeError from start, and an actor holds it in an error snapshot', () => {
    const input = bad({ ...vendorInput, id: 'SUB-1' });
    const message = `${prefix} input.id: expected SUB-dddd-dddd-dddd-dddd, got "SUB-1"`;
    expect(() => start(machine, input)).toThrow(new TypeError(message));
    const actor = createActor(machine, { input });
    expect(actor.getSnapshot()).toMatchObject({ status: 'error', error: new TypeError(message) });
    const errors: unknown[] = [];
    actor.subscribe({ error: (error) => errors.push(error) });
    actor.start();
    expect(errors).toEqual([new TypeError(message)]);
  });
});
