/**
 * docs/opencell.md's worked example of the amendment queue, step by step, so the guide stays true.
 */
import { chargeableIntervals } from 'subscription-machines/opencell';
import { expect, it } from 'vitest';
import { both, input, operator, product, system } from './fixtures';

const jan = (d: number) => `2026-01-0${d}T00:00:00Z`;
const on = (month: string, d: number) => `2026-${month}-0${d}T00:00:00Z`;

it('docs/opencell.md: the worked example of the amendment queue', () => {
  const { snapshot: s, results } = both(
    [
      { type: 'subscription.activate', at: jan(2), by: operator },
      {
        type: 'amendment.submit',
        at: jan(3),
        by: operator,
        amendmentId: 'AMD-RM',
        effectiveDate: on('03', 1),
        changes: [{ op: 'remove', productCode: 'PR_VOICE' }],
      },
      {
        type: 'amendment.submit',
        at: jan(4),
        by: operator,
        amendmentId: 'AMD-UP',
        effectiveDate: jan(4),
        changes: [{ op: 'update', productCode: 'PR_VOICE', quantity: 5 }],
      },
      { type: 'product.deactivate', at: jan(5), by: operator, productCode: 'PR_VOICE' },
      { type: 'subscription.suspend', at: on('02', 1), by: operator },
      { type: 'clock.tick', at: on('03', 2), by: system },
      { type: 'subscription.reactivate', at: on('03', 5), by: operator },
    ],
    { ...input, at: jan(1) },
  );
  expect(results.map((r) => (r.ok ? 'ok' : r.rejection.code))).toEqual([
    'ok',
    'ok',
    'ok',
    'INVALID_COMMAND',
    'ok',
    'ok',
    'ok',
  ]);
  expect(results[2]?.snapshot.context.pendingAmendments.map((a) => a.amendmentId)).toEqual([
    'AMD-RM',
  ]);
  expect(results[5]?.snapshot.value).toBe('SUSPENDED');
  expect(product(s, 'PR_VOICE')).toMatchObject({
    quantity: 5,
    status: 'TERMINATED',
    terminatedAt: on('03', 1),
  });
  const data = product(s, 'PR_DATA');
  expect(data && chargeableIntervals(data, on('04', 1))).toEqual([
    { from: jan(2), to: on('02', 1) },
    { from: on('03', 5), to: on('04', 1) },
  ]);
});
