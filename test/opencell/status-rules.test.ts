/**
 * The status rules and the command table of docs/opencell.md: every command in every
 * status is accepted or refused with INVALID_STATE, through the pure API and an actor alike.
 */
import type { OpencellCommand, OpencellStatus } from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import { activate, both, day, operator, suspend, system } from './fixtures';

const pending: OpencellCommand = {
  type: 'amendment.submit',
  at: day(1),
  by: operator,
  amendmentId: 'AMD-FUTURE',
  effectiveDate: day(300),
  changes: [{ op: 'add', product: { code: 'PR_TV', quantity: 1 } }],
};

/** How to reach each status, each with a pending amendment where the status keeps one. */
const setups: Record<OpencellStatus, OpencellCommand[]> = {
  CREATED: [pending],
  ACTIVE: [pending, activate(2)],
  SUSPENDED: [pending, activate(2), suspend(3)],
  CANCELED: [
    pending,
    { type: 'subscription.cancel', at: day(2), by: operator, reason: 'wrong offer' },
  ],
  RESILIATED: [
    pending,
    activate(2),
    {
      type: 'subscription.terminate',
      at: day(3),
      by: operator,
      // A day that is over: Opencell terminates now (SubscriptionService.terminateSubscription).
      terminationDate: day(2),
      reason: 'moved',
    },
  ],
};

const at = day(10);
/** A well-formed command of each type that its rules accept wherever the status allows it. */
const commands: OpencellCommand[] = [
  { type: 'subscription.activate', at, by: operator },
  { type: 'subscription.suspend', at, by: operator, reason: 'maintenance' },
  { type: 'subscription.reactivate', at, by: operator },
  { type: 'subscription.cancel', at, by: operator, reason: 'customer request' },
  { type: 'subscription.terminate', at, by: operator, terminationDate: at, reason: 'moved' },
  { type: 'offer.change', at, by: operator, offerCode: 'OF_PRO', effectiveDate: day(40) },
  {
    type: 'amendment.submit',
    at,
    by: operator,
    amendmentId: 'AMD-NOW',
    effectiveDate: at,
    changes: [{ op: 'update', productCode: 'PR_DATA', quantity: 3 }],
  },
  { type: 'amendment.cancel', at, by: operator, amendmentId: 'AMD-FUTURE' },
  { type: 'product.add', at, by: operator, product: { code: 'PR_FAX', quantity: 1 } },
  { type: 'product.deactivate', at, by: operator, productCode: 'PR_VOICE' },
  { type: 'owner.transfer', at, by: operator, consumerId: 'CUST-2' },
  { type: 'clock.tick', at, by: system },
];

const X = 'INVALID_STATE';
/**
 * docs/opencell.md: the statuses each command is accepted in ("ok"); every other status refuses it.
 */
const table: Record<OpencellCommand['type'], readonly ('ok' | typeof X)[]> = {
  //                          CREATED ACTIVE SUSPENDED CANCELED RESILIATED
  'subscription.activate': ['ok', X, X, X, X],
  'subscription.suspend': [X, 'ok', X, X, X],
  'subscription.reactivate': [X, X, 'ok', 'ok', 'ok'],
  'subscription.cancel': ['ok', 'ok', X, X, X],
  // opencell-core SubscriptionService.terminateSubscription refuses only RESILIATED, CANCELED, CLOSED.
  'subscription.terminate': ['ok', 'ok', 'ok', X, X],
  'offer.change': [X, 'ok', X, X, X],
  'amendment.submit': ['ok', 'ok', X, X, X],
  'amendment.cancel': ['ok', 'ok', X, X, X],
  'product.add': ['ok', 'ok', X, X, X],
  'product.deactivate': ['ok', 'ok', X, X, X],
  'owner.transfer': [X, 'ok', X, X, X],
  'clock.tick': ['ok', 'ok', 'ok', 'ok', 'ok'],
};

const statuses = Object.keys(setups) as OpencellStatus[];
const rows = commands.flatMap((command) =>
  statuses.map((status, i) => ({ status, command, expected: table[command.type][i] })),
);

describe('every command in every status (docs/opencell.md)', () => {
  it.each(rows)('$command.type in $status → $expected', ({ status, command, expected }) => {
    const { snapshot: before } = both(setups[status]);
    expect(before.value).toBe(status);
    const { results } = both([...setups[status], command]);
    const result = results.at(-1);
    if (expected === 'ok') expect(result?.ok ? null : result?.rejection).toBeNull();
    else expect(result?.ok ? null : result?.rejection.code).toBe(expected);
  });
});

describe('status rules (docs/opencell.md)', () => {
  it('from SUSPENDED only reactivation and termination are possible (and the clock)', () => {
    const allowed = table;
    const suspendedOk = Object.entries(allowed)
      .filter(([, row]) => row[2] === 'ok')
      .map(([type]) => type);
    expect(suspendedOk).toEqual([
      'subscription.reactivate',
      'subscription.terminate',
      'clock.tick',
    ]);
  });

  it.each(['SUSPENDED', 'CANCELED', 'RESILIATED'] as const)(
    'reactivation works from %s, back to ACTIVE',
    (status) => {
      const { snapshot } = both([
        ...setups[status],
        { type: 'subscription.reactivate', at, by: operator },
      ]);
      expect(snapshot.value).toBe('ACTIVE');
      expect(snapshot.context.audit.at(-1)).toMatchObject({ from: status, to: 'ACTIVE' });
      expect(snapshot.context.terminationDate).toBeUndefined();
      expect(snapshot.context.accessPoints.every((a) => a.enabled)).toBe(true);
    },
  );

  it('reactivation from RESILIATED leaves terminated products terminated (Opencell reactivates suspended ones only)', () => {
    const { snapshot } = both([
      ...setups.RESILIATED,
      { type: 'subscription.reactivate', at, by: operator },
    ]);
    expect(snapshot.context.products.map((p) => p.status)).toEqual(['TERMINATED', 'TERMINATED']);
    expect(snapshot.context.accessPoints[0]?.endDate).toBe(day(2));
  });

  it('reactivation is refused in ACTIVE unless a termination is scheduled, which it then cancels', () => {
    const { results } = both([
      ...setups.ACTIVE,
      { type: 'subscription.reactivate', at, by: operator },
    ]);
    expect(results.at(-1)).toMatchObject({ ok: false, rejection: { code: 'INVALID_STATE' } });
  });

  it('CANCELED and RESILIATED are not final: the actor keeps running and answers commands', () => {
    const { results } = both([
      ...setups.CANCELED,
      { type: 'subscription.activate', at, by: operator },
    ]);
    expect(results.at(-1)).toMatchObject({
      ok: false,
      rejection: { code: 'INVALID_STATE', status: 'CANCELED' },
    });
  });
});
