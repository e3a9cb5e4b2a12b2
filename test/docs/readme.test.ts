/**
 * The README's quick start, typed: if this fails, the README is wrong. test/package/consumer.test.ts
 * runs the README's own block against the built package and compares what it prints.
 */

import {
  execute,
  initial,
  persist,
  restore,
  statusOf,
  subscriptionMachine,
} from 'subscription-machines';
import { expect, it } from 'vitest';

it('the quick start does what the README says', () => {
  const { snapshot } = initial(subscriptionMachine, {
    id: 'AS-3071-1051-2166',
    purchaseRequestId: 'PR-3071-1051-2166-001',
    at: '2026-01-05T09:00:00Z',
    by: { role: 'buyer' },
    items: [{ id: 'SKU-MS365-E3', quantity: 10 }],
  });
  expect(statusOf(snapshot)).toBe('processing');

  const approved = execute(subscriptionMachine, snapshot, {
    type: 'request.approve',
    requestId: 'PR-3071-1051-2166-001',
    templateId: 'TL-activation',
    at: '2026-01-06T08:00:00Z',
    by: { role: 'vendor' },
  });
  expect(approved.ok && statusOf(approved.snapshot)).toBe('active');

  const refused = execute(subscriptionMachine, snapshot, {
    type: 'request.create',
    requestId: 'PR-3071-1051-2166-002',
    requestType: 'suspend',
    at: '2026-01-06T09:00:00Z',
    by: { role: 'buyer' },
  });
  expect(refused.ok ? null : refused.rejection).toMatchObject({
    code: 'INVALID_STATE',
    message: 'request.create is not allowed in processing',
  });

  const json = JSON.stringify(persist(snapshot));
  expect(persist(restore(subscriptionMachine, json))).toEqual(persist(snapshot));
});
