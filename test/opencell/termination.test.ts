/**
 * Termination (docs/opencell.md), as opencell-core's SubscriptionService.terminateSubscription and
 * SubscriptionStatusJobBean have it: it needs a reason; dates compare by day — a termination
 * date whose day is over at `at` resiliates now, a later one (today's included) is scheduled and
 * applied by `clock.tick` once its day is over; it is cancelled by reactivation or replaced by a
 * new termination.
 */
import type { OpencellCommand } from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import {
  accepted,
  activate,
  both,
  day,
  input,
  operator,
  product,
  reactivate,
  suspend,
  tick,
} from './fixtures';

const terminate = (n: number, date: string, reason = 'CUSTOMER_LEFT'): OpencellCommand => ({
  type: 'subscription.terminate',
  at: day(n),
  by: operator,
  terminationDate: date,
  reason,
});
const renewing = {
  ...input,
  renewalRule: { initialyActiveFor: 12, autoRenew: true, renewFor: 12 },
} as const;

describe('subscription.terminate', () => {
  it.each([undefined, '', '   ', { code: ' ' }])(
    'needs a reason: %j is REASON_REQUIRED',
    (reason) => {
      const command = {
        type: 'subscription.terminate',
        at: day(5),
        by: operator,
        terminationDate: day(5),
      } as const;
      const { results } = both([
        activate(1),
        (reason === undefined ? command : { ...command, reason }) as OpencellCommand,
      ]);
      expect(results.at(-1)).toMatchObject({ ok: false, rejection: { code: 'REASON_REQUIRED' } });
    },
  );

  it('a date on a day that is over resiliates now: active and suspended products end, access points end on that date', () => {
    const s = accepted([activate(1), suspend(5), terminate(8, day(6))]);
    expect(s.value).toBe('RESILIATED');
    expect(s.context.products).toEqual([
      expect.objectContaining({
        code: 'PR_DATA',
        status: 'TERMINATED',
        terminatedAt: day(6),
        terminationReason: { code: 'CUSTOMER_LEFT' },
        suspendedIntervals: [{ from: day(5), to: day(6) }],
      }),
      expect.objectContaining({ code: 'PR_VOICE', status: 'TERMINATED', terminatedAt: day(6) }),
    ]);
    expect(s.context.accessPoints).toEqual([
      { code: 'AP-0612345678', endDate: day(6), enabled: false },
    ]);
    expect(s.context).toMatchObject({
      terminationDate: day(6),
      terminationReason: { code: 'CUSTOMER_LEFT' },
    });
    expect(s.context.audit.at(-1)).toMatchObject({
      command: 'subscription.terminate',
      to: 'RESILIATED',
      event: 'resiliated',
    });
  });

  it('a date before the last recorded change is INVALID_DATE (history is not rewritten)', () => {
    const { results } = both([activate(5), terminate(8, day(4))]);
    expect(results.at(-1)).toMatchObject({ ok: false, rejection: { code: 'INVALID_DATE' } });
  });

  it('a later date is scheduled: no status change, no renewal, then clock.tick resiliates on that date', () => {
    const scheduled = accepted([activate(1), terminate(5, day(30))], renewing);
    expect(scheduled.value).toBe('ACTIVE');
    expect(scheduled.context.scheduledTermination).toEqual({
      terminationDate: day(30),
      reason: { code: 'CUSTOMER_LEFT' },
    });
    expect(scheduled.context.renewalRule.autoRenew).toBe(true);
    expect(scheduled.context.audit.at(-1)).toMatchObject({ event: 'termination-scheduled' });
    // Its day is not over at the first instant of day 30: nothing is due yet.
    const early = both([activate(1), terminate(5, day(30)), tick(30)], renewing);
    expect(early.snapshot.context.version).toBe(scheduled.context.version);
    const s = accepted([activate(1), terminate(5, day(30)), tick(31)], renewing);
    expect(s.value).toBe('RESILIATED');
    expect(product(s, 'PR_DATA')).toMatchObject({ status: 'TERMINATED', terminatedAt: day(30) });
    expect(s.context.scheduledTermination).toBeUndefined();
    expect(s.context.audit.at(-1)).toMatchObject({
      command: 'clock.tick',
      by: { role: 'system' },
      event: 'resiliated',
    });
  });

  it('a scheduled termination is cancelled by reactivation, from ACTIVE or SUSPENDED; the renewal rule applies again', () => {
    for (const path of [[activate(1)], [activate(1), suspend(2)]]) {
      const s = accepted([...path, terminate(5, day(30)), reactivate(6), tick(40)], renewing);
      // The tick at day 40 had nothing due left: the reactivation is the last entry.
      expect(s.value).toBe('ACTIVE');
      expect(s.context.renewalRule.autoRenew).toBe(true);
      expect(s.context.scheduledTermination).toBeUndefined();
      expect(s.context.audit.at(-1)).toMatchObject({
        command: 'subscription.reactivate',
        event: 'termination-canceled',
      });
    }
  });

  it('a scheduled termination is replaced by a new termination command, later or now', () => {
    const later = accepted(
      [activate(1), terminate(5, day(30)), terminate(6, day(60), 'NEW_REASON'), tick(31)],
      renewing,
    );
    expect(later.value).toBe('ACTIVE');
    expect(later.context.scheduledTermination).toEqual({
      terminationDate: day(60),
      reason: { code: 'NEW_REASON' },
    });
    const now = accepted([activate(1), terminate(5, day(30)), terminate(7, day(6))]);
    expect(now.value).toBe('RESILIATED');
    expect(now.context.terminationDate).toBe(day(6));
  });

  it('the tick applies amendments dated up to the termination, then resiliates and discards the rest', () => {
    const amend = (id: string, date: string, quantity: number): OpencellCommand => ({
      type: 'amendment.submit',
      at: day(2),
      by: operator,
      amendmentId: id,
      effectiveDate: date,
      changes: [{ op: 'update', productCode: 'PR_VOICE', quantity }],
    });
    const s = accepted([
      activate(1),
      amend('AMD-BEFORE', day(20), 3),
      amend('AMD-AFTER', day(40), 4),
      terminate(3, day(30)),
      tick(50),
    ]);
    expect(s.value).toBe('RESILIATED');
    expect(product(s, 'PR_VOICE')?.quantity).toBe(3);
    expect(s.context.pendingAmendments).toEqual([]);
    expect(s.context.amendments).toMatchObject([
      { amendmentId: 'AMD-BEFORE', outcome: 'applied', closedAt: day(50) },
      { amendmentId: 'AMD-AFTER', outcome: 'discarded', closedAt: day(50) },
    ]);
  });

  it('cancellation needs a reason, ends the products and clears a scheduled termination', () => {
    const { results } = both([
      activate(1),
      { type: 'subscription.cancel', at: day(2), by: operator, reason: ' ' },
    ]);
    expect(results.at(-1)).toMatchObject({ ok: false, rejection: { code: 'REASON_REQUIRED' } });
    const s = accepted([
      activate(1),
      terminate(2, day(30)),
      { type: 'subscription.cancel', at: day(3), by: operator, reason: 'DUPLICATE' },
    ]);
    expect(s.value).toBe('CANCELED');
    expect(s.context).toMatchObject({
      terminationDate: day(3),
      terminationReason: { code: 'DUPLICATE' },
    });
    expect(s.context.scheduledTermination).toBeUndefined();
    expect(
      s.context.products.every((p) => p.status === 'TERMINATED' && p.terminatedAt === day(3)),
    ).toBe(true);
  });
});
