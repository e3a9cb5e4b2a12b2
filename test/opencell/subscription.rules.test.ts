/**
 * The messages of the Opencell subscription's date and queue rules
 * (src/opencell/subscription.rules.ts): a refusal's message is what the operator reads.
 */
import type { OpencellCommand } from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import { activate, both, day, input, operator } from './fixtures';

/** The message of the last command's refusal. */
function refused(commands: OpencellCommand[], from = input) {
  const last = both(commands, from).results.at(-1);
  if (last === undefined || last.ok) throw new Error('accepted');
  return { code: last.rejection.code, message: last.rejection.message };
}

const terminate = (n: number, terminationDate: string): OpencellCommand => ({
  type: 'subscription.terminate',
  at: day(n),
  by: operator,
  terminationDate,
  reason: 'CUSTOMER_LEFT',
});
const cancel = (n: number, cancelationDate: string): OpencellCommand => ({
  type: 'subscription.cancel',
  at: day(n),
  by: operator,
  reason: 'WRONG_OFFER',
  cancelationDate,
});
const later = { ...input, subscriptionDate: '2026-02-01T15:00:00Z' };

describe('termination and cancellation dates', () => {
  it('a termination before the subscription date names that date', () => {
    expect(refused([terminate(5, '2026-01-31T23:59:59Z')], later)).toEqual({
      code: 'INVALID_DATE',
      message:
        'terminationDate 2026-01-31T23:59:59Z is before the subscription date 2026-02-01T15:00:00Z',
    });
  });

  it('a termination before the last change names that change', () => {
    expect(refused([activate(5), terminate(8, day(4))])).toEqual({
      code: 'INVALID_DATE',
      message: `terminationDate ${day(4)} is before the subscription's last change at ${day(5)}`,
    });
  });

  it('a cancellation before the subscription date, or before the last change, is refused', () => {
    expect(refused([cancel(5, '2026-01-31T00:00:00Z')], later).message).toBe(
      'cancelationDate 2026-01-31T00:00:00Z is before the subscription date 2026-02-01T15:00:00Z',
    );
    expect(refused([activate(5), cancel(6, day(4))]).message).toBe(
      `cancelationDate ${day(4)} is before the subscription's last change at ${day(5)}`,
    );
  });

  it('a cancellation dated ahead is not held to the last change', () => {
    const { results } = both([activate(5), cancel(6, day(9))]);
    expect(results.at(-1)?.ok).toBe(true);
  });
});

describe('reactivation and withdrawn amendments', () => {
  it('reactivating an active subscription says a termination must be scheduled', () => {
    const reactivate: OpencellCommand = {
      type: 'subscription.reactivate',
      at: day(2),
      by: operator,
    };
    expect(refused([activate(1), reactivate])).toEqual({
      code: 'INVALID_STATE',
      message: 'subscription.reactivate is not allowed here unless a termination is scheduled',
    });
  });

  it('withdrawing an amendment a later one depends on names the later one and why', () => {
    const submit = (id: string, n: number, date: string, change: unknown): OpencellCommand =>
      ({
        type: 'amendment.submit',
        at: day(n),
        by: operator,
        amendmentId: id,
        effectiveDate: date,
        changes: [change],
      }) as OpencellCommand;
    const add = submit('AMD-ADD', 2, day(10), {
      op: 'add',
      product: { code: 'PR_TV', quantity: 1 },
    });
    const upd = submit('AMD-UPD', 3, day(20), { op: 'update', productCode: 'PR_TV', quantity: 2 });
    const withdraw: OpencellCommand = {
      type: 'amendment.cancel',
      at: day(4),
      by: operator,
      amendmentId: 'AMD-ADD',
    };
    expect(refused([activate(1), add, upd, withdraw])).toEqual({
      code: 'INVALID_COMMAND',
      message:
        'cancelling AMD-ADD would break pending amendment AMD-UPD: product PR_TV is not on the subscription',
    });
  });
});
