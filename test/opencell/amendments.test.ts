/**
 * The amendment queue (docs/opencell.md): date order, catching up, cancellation, direct product
 * actions as immediate amendments, and idempotent re-application.
 */
import type { OpencellCommand, ProductChange } from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import { accepted, activate, both, day, operator, product, tick } from './fixtures';

const submit = (
  id: string,
  n: number,
  date: string,
  ...changes: ProductChange[]
): OpencellCommand => ({
  type: 'amendment.submit',
  at: day(n),
  by: operator,
  amendmentId: id,
  effectiveDate: date,
  changes,
});
const quantity = (q: number): ProductChange => ({
  op: 'update',
  productCode: 'PR_VOICE',
  quantity: q,
});

describe('the amendment queue', () => {
  it('keeps pending amendments by effectiveDate, then by submission, and applies them in that order', () => {
    const s = accepted([
      activate(1),
      submit('AMD-C', 2, day(30), quantity(3)),
      submit('AMD-A', 3, day(10), quantity(1)),
      submit('AMD-B', 4, day(30), quantity(2)),
    ]);
    expect(s.context.pendingAmendments.map((a) => a.amendmentId)).toEqual([
      'AMD-A',
      'AMD-C',
      'AMD-B',
    ]);
    const { snapshot, results } = both([
      activate(1),
      submit('AMD-C', 2, day(30), quantity(3)),
      submit('AMD-A', 3, day(10), quantity(1)),
      submit('AMD-B', 4, day(30), quantity(2)),
      tick(31),
    ]);
    expect(snapshot.context.amendments.map((a) => a.amendmentId)).toEqual([
      'AMD-A',
      'AMD-C',
      'AMD-B',
    ]);
    expect(product(snapshot, 'PR_VOICE')?.quantity).toBe(2);
    const last = results.at(-1);
    expect(
      last?.ok &&
        last.emitted.flatMap((e) => (e.type === 'amendment.applied' ? [e.amendmentId] : [])),
    ).toEqual(['AMD-A', 'AMD-C', 'AMD-B']);
  });

  it('an immediate amendment first applies the pending ones due by its date, so dates stay in order', () => {
    const s = accepted([
      activate(1),
      submit('AMD-DUE', 2, day(10), quantity(5)),
      submit('AMD-NOW', 12, day(12), quantity(6)),
    ]);
    expect(s.context.amendments.map((a) => [a.amendmentId, a.closedAt])).toEqual([
      ['AMD-DUE', day(12)],
      ['AMD-NOW', day(12)],
    ]);
    expect(product(s, 'PR_VOICE')?.quantity).toBe(6);
  });

  it('a tick twice, or a retried command, applies nothing twice', () => {
    const once = accepted([activate(1), submit('AMD-1', 2, day(10), quantity(5)), tick(11)]);
    const twice = accepted([
      activate(1),
      submit('AMD-1', 2, day(10), quantity(5)),
      tick(11),
      tick(11),
      tick(12),
    ]);
    expect(twice).toEqual(once);
    const retry = { ...submit('AMD-2', 12, day(12), quantity(7)), commandId: 'retry-1' };
    const { results } = both([activate(1), retry, { ...retry, at: day(13) }]);
    expect(results.at(-1)).toMatchObject({ ok: true, duplicate: true });
    expect(results.at(-1)?.snapshot.context.amendments).toHaveLength(1);
  });

  it('amendment.cancel withdraws a pending amendment, unless a later one depends on it', () => {
    const add = submit('AMD-ADD', 2, day(10), {
      op: 'add',
      product: { code: 'PR_TV', quantity: 1 },
    });
    const upd = submit('AMD-UPD', 3, day(20), { op: 'update', productCode: 'PR_TV', quantity: 2 });
    const cancel = (id: string): OpencellCommand => ({
      type: 'amendment.cancel',
      at: day(4),
      by: operator,
      amendmentId: id,
    });
    const { results } = both([activate(1), add, upd, cancel('AMD-ADD')]);
    expect(results.at(-1)).toMatchObject({
      ok: false,
      rejection: { code: 'INVALID_COMMAND', details: { amendmentId: 'AMD-UPD' } },
    });
    const s = accepted([activate(1), add, upd, cancel('AMD-UPD'), cancel('AMD-ADD'), tick(30)]);
    expect(s.context.pendingAmendments).toEqual([]);
    expect(s.context.amendments.map((a) => [a.amendmentId, a.outcome])).toEqual([
      ['AMD-UPD', 'canceled'],
      ['AMD-ADD', 'canceled'],
    ]);
    expect(product(s, 'PR_TV')).toBeUndefined();
  });

  it('product.add and product.deactivate are immediate amendments dated `at`', () => {
    const direct = accepted([
      activate(1),
      { type: 'product.add', at: day(5), by: operator, product: { code: 'PR_TV', quantity: 1 } },
      { type: 'product.deactivate', at: day(6), by: operator, productCode: 'PR_VOICE' },
    ]);
    const ordered = accepted([
      activate(1),
      submit('AMD-1', 5, day(5), { op: 'add', product: { code: 'PR_TV', quantity: 1 } }),
      submit('AMD-2', 6, day(6), { op: 'remove', productCode: 'PR_VOICE' }),
    ]);
    expect(direct.context.products).toEqual(ordered.context.products);
    expect(direct.context.amendments).toEqual([]);
  });

  it('before activation, added products wait INACTIVE and activation activates them all', () => {
    const s = accepted([
      submit('AMD-1', 0, day(0), { op: 'add', product: { code: 'PR_TV', quantity: 1 } }),
      { type: 'product.deactivate', at: day(1), by: operator, productCode: 'PR_VOICE' },
      activate(3),
    ]);
    expect(s.context.products).toEqual([
      {
        code: 'PR_DATA',
        quantity: 1,
        attributes: { speed: '100M' },
        status: 'ACTIVE',
        activatedAt: day(3),
      },
      { code: 'PR_VOICE', quantity: 2, status: 'TERMINATED', terminatedAt: day(1) },
      { code: 'PR_TV', quantity: 1, status: 'ACTIVE', activatedAt: day(3) },
    ]);
  });

  it('updates merge attributes (null deletes one); a removed product can be added again', () => {
    const s = accepted([
      activate(1),
      submit('AMD-1', 2, day(2), {
        op: 'update',
        productCode: 'PR_DATA',
        attributes: { speed: null, vlan: 12 },
      }),
      submit(
        'AMD-2',
        3,
        day(3),
        { op: 'remove', productCode: 'PR_VOICE' },
        { op: 'add', product: { code: 'PR_VOICE', quantity: 9 } },
      ),
    ]);
    expect(product(s, 'PR_DATA')?.attributes).toEqual({ vlan: 12 });
    expect(s.context.products.filter((p) => p.code === 'PR_VOICE').map((p) => p.status)).toEqual([
      'TERMINATED',
      'ACTIVE',
    ]);
  });

  it('a future add is checked against the queue: adding the same product twice is refused', () => {
    const add = (id: string, n: number) =>
      submit(id, n, day(20), { op: 'add', product: { code: 'PR_TV', quantity: 1 } });
    const { results } = both([activate(1), add('AMD-1', 2), add('AMD-2', 3)]);
    expect(results.at(-1)).toMatchObject({
      ok: false,
      rejection: { code: 'INVALID_COMMAND', details: { field: 'changes[0]' } },
    });
  });
});
