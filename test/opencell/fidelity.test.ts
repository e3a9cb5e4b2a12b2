/**
 * Opencell as opencell-core has it: one block per difference its code settles, each naming its
 * source (repository opencellsoft/opencell-core, and the path).
 */
import { execute } from 'subscription-machines';
import {
  chargeableIntervals,
  type OpencellCommand,
  type OpencellSubscriptionInput,
  termEnds,
} from 'subscription-machines/opencell';
import { addPeriods } from 'subscription-machines/terms';
import { describe, expect, it } from 'vitest';
import {
  accepted,
  activate,
  both,
  day,
  input,
  machine,
  operator,
  product,
  reactivate,
  suspend,
  system,
  tick,
} from './fixtures';

const terminate = (
  n: number | string,
  date: string,
  reason: OpencellCommand extends never ? never : unknown = 'CUSTOMER_LEFT',
): OpencellCommand =>
  ({
    type: 'subscription.terminate',
    at: typeof n === 'number' ? day(n) : n,
    by: operator,
    terminationDate: date,
    reason,
  }) as OpencellCommand;
const refusal = (commands: OpencellCommand[], from?: OpencellSubscriptionInput) =>
  both(commands, from).results.at(-1);

describe('1. termination is allowed from CREATED; a date before the subscription date is INVALID_DATE; dates compare by day', () => {
  // opencell-admin/ejbs/src/main/java/org/meveo/service/billing/impl/SubscriptionService.java:
  // terminateSubscription refuses only RESILIATED, CANCELED and CLOSED subscriptions, points the
  // date at the end of its day (DateUtils.setDateToEndOfDay), refuses one before the subscription
  // date ("Termination date can not be before the subscription date"), and terminates now only
  // once that end of day is past (terminateSubscriptionWithPastDate), else schedules it.
  it('a CREATED subscription resiliates, its INACTIVE products ended', () => {
    const s = accepted([tick(1), terminate(5, day(3))]);
    expect(s.value).toBe('RESILIATED');
    expect(s.context.products.map((p) => p.status)).toEqual(['TERMINATED', 'TERMINATED']);
  });

  it('a date on the subscription date’s day, but earlier, is fine; the day before is INVALID_DATE', () => {
    const later = { ...input, at: day(0), subscriptionDate: '2026-02-01T15:00:00Z' };
    const sameDay = accepted([terminate(5, '2026-02-01T09:00:00Z')], later);
    expect(sameDay.context.scheduledTermination?.terminationDate).toBe('2026-02-01T09:00:00Z');
    expect(refusal([terminate(5, '2026-01-31T23:59:59Z')], later)).toMatchObject({
      ok: false,
      rejection: { code: 'INVALID_DATE', details: { subscriptionDate: '2026-02-01T15:00:00Z' } },
    });
  });

  it('a date earlier today is scheduled until its day is over, then a tick resiliates on it', () => {
    const today = '2026-01-11T08:00:00Z';
    const scheduled = accepted([activate(1), terminate('2026-01-11T10:00:00Z', today)]);
    expect(scheduled.value).toBe('ACTIVE');
    const sameDay = both([activate(1), terminate('2026-01-11T10:00:00Z', today), tick(10.9)]);
    expect(sameDay.snapshot.context.version).toBe(scheduled.context.version);
    const s = accepted([activate(1), terminate('2026-01-11T10:00:00Z', today), tick(11)]);
    expect(s.value).toBe('RESILIATED');
    expect(s.context.terminationDate).toBe(today);
  });
});

describe('2. a scheduled termination applies on tick only to an ACTIVE or CREATED subscription', () => {
  // opencell-admin/ejbs/src/main/java/org/meveo/admin/job/SubscriptionStatusJobBean.java:
  // updateSubscriptionStatus acts when the status is ACTIVE or CREATED
  // (SubscriptionService.getSubscriptionsToRenewOrNotify queries those two only).
  it('a SUSPENDED subscription stays SUSPENDED past the date', () => {
    const s = accepted([activate(1), suspend(2), terminate(5, day(30))]);
    const after = execute(machine, s, tick(60));
    expect(after).toMatchObject({ ok: true, duplicate: false });
    expect(after.snapshot.value).toBe('SUSPENDED');
    expect(after.snapshot.context.version).toBe(s.context.version);
  });

  it('a CREATED one is resiliated on schedule', () => {
    expect(accepted([terminate(5, day(30)), tick(31)]).value).toBe('RESILIATED');
  });
});

describe('3. a termination reason is a code whose flags drive the charges', () => {
  // opencell-model/src/main/java/org/meveo/model/billing/SubscriptionTerminationReason.java
  // (applyAgreement, applyReimbursment, applyTerminationCharges, reimburseOneshots,
  // overrideProrata), OverrideProrataEnum.java; opencell-admin/ejbs/src/main/java/org/meveo/service/
  // billing/impl/ServiceInstanceService.java (terminateServiceWithPastDate,
  // getChargeToDateOnTermination).
  const reason = {
    code: 'CC_TERM_NO_PRORATA',
    applyTerminationCharges: true,
    reimburseOneshots: true,
    overrideProrata: 'NO_PRORATA',
  } as const;

  it('the resiliation emits what it charges, and the products keep their reason', () => {
    const { results, snapshot } = both([activate(1), terminate(12, day(10), reason)]);
    const last = results.at(-1);
    expect(last?.ok && last.emitted).toContainEqual({
      type: 'subscription.ended',
      subscriptionId: 'SUB-42',
      status: 'RESILIATED',
      terminationDate: day(10),
      reason,
      products: ['PR_DATA', 'PR_VOICE'],
      charges: {
        terminationCharges: true,
        reimburseOneshots: true,
        reimburseRecurring: false,
        chargeToEndOfAgreement: false,
        prorata: 'NO_PRORATA',
      },
      at: day(12),
    });
    expect(product(snapshot, 'PR_DATA')?.terminationReason).toEqual(reason);
  });

  it('a cancellation charges nothing (SubscriptionService.subscriptionCancellation)', () => {
    const { results } = both([
      activate(1),
      { type: 'subscription.cancel', at: day(2), by: operator, reason },
    ]);
    const last = results.at(-1);
    const ended = last?.ok ? last.emitted.find((e) => e.type === 'subscription.ended') : undefined;
    expect(ended).toMatchObject({ status: 'CANCELED', reason });
    expect(ended).not.toHaveProperty('charges');
  });

  it('chargeableIntervals honours overrideProrata and applyAgreement', () => {
    const activated = accepted([activate(1), terminate(12, day(10), reason)]);
    const data = product(activated, 'PR_DATA');
    if (data === undefined) throw new Error('no product');
    // NO_PRORATA: the monthly charge's last period is charged whole (to Feb 2, its end).
    expect(chargeableIntervals(data, day(100), { period: '1m' })).toEqual([
      { from: day(1), to: day(32) },
    ]);
    const prorated = {
      ...data,
      terminationReason: { code: 'PRORATED', overrideProrata: 'PRORATA' as const },
    };
    expect(chargeableIntervals(prorated, day(100), { period: '1m' })).toEqual([
      { from: day(1), to: day(10) },
    ]);
    const agreed = { ...data, terminationReason: { code: 'AGREEMENT', applyAgreement: true } };
    expect(chargeableIntervals(agreed, day(100), { endAgreementDate: day(60) })).toEqual([
      { from: day(1), to: day(60) },
    ]);
    // Without a reason's flags (or past `until`), the charge ends at the termination.
    expect(chargeableIntervals(agreed, day(40), { endAgreementDate: day(60) })).toEqual([
      { from: day(1), to: day(40) },
    ]);
  });
});

describe('4. renewal rules, with Opencell’s own end-of-term arithmetic', () => {
  // opencell-model/src/main/java/org/meveo/model/billing/SubscriptionRenewal.java (initialTermType,
  // renewFor, autoRenew, endOfTermAction, daysNotifyRenewal); opencell-admin/ejbs/src/main/java/org/
  // meveo/admin/job/SubscriptionStatusJobBean.java (each term added to the previous end);
  // SubscriptionService.updateSubscribedTillAndRenewalNotifyDates (the notice date).
  const monthly = (extra: object = {}): OpencellSubscriptionInput => ({
    ...input,
    at: '2026-01-31T00:00:00Z',
    renewalRule: { initialyActiveFor: 1, autoRenew: true, renewFor: 1, ...extra },
  });
  const at = (iso: string) => ({ ...tick(0), at: iso }) as OpencellCommand;
  const start: OpencellCommand = { ...activate(0), at: '2026-01-31T12:00:00Z' };

  it('drifts at month end, Jan 31 → Feb 28 → Mar 28, where the package’s terms do not', () => {
    expect(termEnds('2026-01-31T00:00:00Z', monthly().renewalRule ?? {}, 4)).toEqual([
      '2026-02-28T00:00:00Z',
      '2026-03-28T00:00:00Z',
      '2026-04-28T00:00:00Z',
      '2026-05-28T00:00:00Z',
    ]);
    expect([1, 2, 3, 4].map((n) => addPeriods('2026-01-31T00:00:00Z', '1m', n))).toEqual([
      '2026-02-28T00:00:00Z',
      '2026-03-31T00:00:00Z',
      '2026-04-30T00:00:00Z',
      '2026-05-31T00:00:00Z',
    ]);
    const s = accepted([start, at('2026-03-01T00:00:00Z')], monthly());
    expect(s.context).toMatchObject({ subscribedTillDate: '2026-03-28T00:00:00Z', renewed: true });
    expect(s.context.audit.at(-1)).toMatchObject({ event: 'renewed' });
  });

  it('renews every term missed in one run, and announces each term daysNotifyRenewal days before', () => {
    const { results, snapshot } = both(
      [start, at('2026-02-23T00:00:00Z'), at('2026-05-01T00:00:00Z')],
      monthly({ daysNotifyRenewal: 5 }),
    );
    const [, notified, renewed] = results;
    expect(notified?.ok && notified.emitted).toContainEqual({
      type: 'notification',
      template: 'endOfTerm',
      subscriptionId: 'SUB-42',
      subscribedTillDate: '2026-02-28T00:00:00Z',
      at: '2026-02-23T00:00:00Z',
    });
    expect(renewed?.ok && renewed.emitted).toContainEqual({
      type: 'subscription.renewed',
      subscriptionId: 'SUB-42',
      previousSubscribedTillDate: '2026-02-28T00:00:00Z',
      subscribedTillDate: '2026-05-28T00:00:00Z',
      terms: 3,
      at: '2026-05-01T00:00:00Z',
    });
    expect(snapshot.context.renewalNotifiedDate).toBeUndefined();
  });

  it('without auto-renewal, SUSPEND or TERMINATE at the end of term', () => {
    const suspending = monthly({ autoRenew: false, endOfTermAction: 'SUSPEND' });
    const s = accepted([start, at('2026-02-28T00:00:00Z')], suspending);
    expect(s.value).toBe('SUSPENDED');
    expect(s.context.suspensions).toEqual([{ from: '2026-02-28T00:00:00Z' }]);
    const terminating = monthly({
      autoRenew: false,
      endOfTermAction: 'TERMINATE',
      terminationReason: { code: 'END_OF_CONTRACT' },
    });
    // A termination waits for the end of its day.
    const early = both([start, at('2026-02-28T12:00:00Z')], terminating);
    expect(early.snapshot.value).toBe('ACTIVE');
    const t = accepted([start, at('2026-03-01T00:00:00Z')], terminating);
    expect(t.value).toBe('RESILIATED');
    expect(t.context).toMatchObject({
      terminationDate: '2026-02-28T00:00:00Z',
      terminationReason: { code: 'END_OF_CONTRACT' },
    });
  });

  it('an auto-renewing rule needs renewFor, and TERMINATE needs a reason', () => {
    expect(() =>
      accepted([], { ...input, renewalRule: { initialyActiveFor: 12, autoRenew: true } }),
    ).toThrow('input.renewalRule.renewFor: an auto-renewing term needs one');
    expect(() =>
      accepted([], {
        ...input,
        renewalRule: { initialyActiveFor: 12, endOfTermAction: 'TERMINATE' },
      }),
    ).toThrow('input.renewalRule.terminationReason: a TERMINATE end of term needs one');
  });
});

describe('5. offer.change configures the new version’s products; a cancellation may be dated', () => {
  // opencell-api/src/main/java/org/meveo/api/billing/SubscriptionApi.java (patchSubscription:
  // servicesToInstantiate and servicesToActivate on the new version, from its effectiveDate) and
  // opencell-api-dto/src/main/java/org/meveo/api/dto/billing/SubscriptionPatchDto.java;
  // SubscriptionService.subscriptionCancellation(subscription, cancelationDate); the Opencell docs,
  // Subscriptions: "canceled on a specific date and for a specific reason".
  it('the new version starts with its own products on its date', () => {
    const s = accepted([
      activate(1),
      {
        type: 'offer.change',
        at: day(5),
        by: operator,
        offerCode: 'OF_PRO',
        effectiveDate: day(10),
        products: [{ code: 'PR_FIBER', quantity: 1, attributes: { speed: '1G' } }],
      },
      tick(11),
    ]);
    expect(s.context.versions.map((v) => v.offerCode)).toEqual(['OF_BASIC', 'OF_PRO']);
    expect(
      s.context.products.map((p) => [p.code, p.status, p.terminatedAt ?? p.activatedAt]),
    ).toEqual([
      ['PR_DATA', 'TERMINATED', day(10)],
      ['PR_VOICE', 'TERMINATED', day(10)],
      ['PR_FIBER', 'ACTIVE', day(10)],
    ]);
    expect(s.context.amendments.at(-1)).toMatchObject({
      amendmentId: 'offer.change:v2',
      outcome: 'applied',
    });
  });

  it('refuses products that would break a pending amendment', () => {
    const result = refusal([
      activate(1),
      {
        type: 'amendment.submit',
        at: day(2),
        by: operator,
        amendmentId: 'AMD-VOICE',
        effectiveDate: day(20),
        changes: [{ op: 'update', productCode: 'PR_VOICE', quantity: 5 }],
      },
      {
        type: 'offer.change',
        at: day(5),
        by: operator,
        offerCode: 'OF_PRO',
        effectiveDate: day(10),
        products: [{ code: 'PR_FIBER', quantity: 1 }],
      },
    ]);
    expect(result).toMatchObject({
      ok: false,
      rejection: { code: 'INVALID_COMMAND', details: { amendmentId: 'AMD-VOICE' } },
    });
  });

  it('a cancellation is dated, for a reason', () => {
    const s = accepted([
      activate(1),
      {
        type: 'subscription.cancel',
        at: day(3),
        by: operator,
        reason: { code: 'WRONG_OFFER' },
        note: 'sold the wrong bundle',
        cancelationDate: day(2),
      },
    ]);
    expect(s.value).toBe('CANCELED');
    expect(s.context).toMatchObject({
      terminationDate: day(2),
      terminationReason: { code: 'WRONG_OFFER' },
      terminationNote: 'sold the wrong bundle',
    });
    expect(product(s, 'PR_DATA')?.terminatedAt).toBe(day(2));
    const early = refusal([
      activate(5),
      {
        type: 'subscription.cancel',
        at: day(6),
        by: operator,
        reason: 'X',
        cancelationDate: day(4),
      },
    ]);
    expect(early).toMatchObject({ ok: false, rejection: { code: 'INVALID_DATE' } });
  });

  it('reactivation cancels the termination a CREATED subscription had scheduled', () => {
    const s = accepted([terminate(2, day(30)), reactivate(3)]);
    expect(s.value).toBe('CREATED');
    expect(s.context.scheduledTermination).toBeUndefined();
    expect(s.context.audit.at(-1)).toMatchObject({ by: operator, event: 'termination-canceled' });
    expect(system.role).toBe('system');
  });
});
