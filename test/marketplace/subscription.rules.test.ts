/**
 * The subscription's rules (src/marketplace/subscription.rules.ts), one behaviour per test: when a
 * tick renews or expires, and what each refusal says to the user.
 */
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../src/core/time';
import { execute, start } from '../../src/index';
import {
  type MarketplaceSubscriptionInput,
  marketplaceSubscriptionMachine as machine,
} from '../../src/marketplace';
import { expectRefusal, runPure } from './drive';
import { at, CHANGE, OTHER, relay, T0, tick, vendorInput } from './subscription.fixtures';

const DAY = 86_400_000;
const later = (instant: string, ms: number) => formatInstant((parseInstant(instant) ?? 0) + ms);
const yearly: MarketplaceSubscriptionInput = { ...vendorInput, autoRenew: false };
const COMMITMENT = '2027-01-31T00:00:00Z';

/** The code, message and details of a refusal. */
function refusal(
  snapshot: ReturnType<typeof start<typeof machine>>,
  command: unknown,
  code: string,
) {
  const { message, details } = expectRefusal(machine, snapshot, command, code) as {
    message: string;
    details?: unknown;
  };
  return details === undefined ? { message } : { message, details };
}

describe('a tick expires a subscription without auto-renew only at its commitment date', () => {
  it('a subscription with auto-renew off stays Active on ticks before its commitment date', () => {
    const active = start(machine, yearly);
    expect(active.context.commitmentDate).toBe(COMMITMENT);
    for (const when of [later(T0, DAY), later(T0, 200 * DAY), later(COMMITMENT, -1)]) {
      const result = execute(machine, active, tick(when));
      expect(result).toMatchObject({ ok: true, snapshot: { value: 'Active' } });
      if (result.ok) expect(result.snapshot.context.version).toBe(active.context.version);
    }
  });

  it('it expires on the first tick at or after the commitment date', () => {
    for (const when of [COMMITMENT, later(COMMITMENT, DAY)]) {
      const result = execute(machine, start(machine, yearly), tick(when));
      expect(result).toMatchObject({ ok: true, snapshot: { value: 'Expired' } });
    }
  });

  it('with auto-renew on, a due tick renews and never expires; an early one does nothing', () => {
    const active = start(machine, vendorInput);
    const early = execute(machine, active, tick(later(COMMITMENT, -1)));
    expect(early.ok && early.snapshot.context.version).toBe(active.context.version);
    const due = execute(machine, active, tick(COMMITMENT));
    expect(due).toMatchObject({
      ok: true,
      snapshot: { value: 'Active', context: { commitmentDate: '2028-01-31T00:00:00Z' } },
    });
  });
});

describe('orders placed against a subscription', () => {
  const active = () => start(machine, vendorInput);

  it('refuses an order id that was placed before, saying how that order ended', () => {
    const done = runPure(machine, vendorInput, [
      relay('placed', CHANGE, 'Change', 10),
      relay('failed', CHANGE, 'Change', 20),
    ]);
    expect(
      refusal(done, relay('placed', CHANGE, 'Configuration', 30), 'DUPLICATE_REQUEST'),
    ).toEqual({
      message: `order ${CHANGE} was placed before and is Failed`,
      details: { orderId: CHANGE },
    });
    // Another id goes through.
    expect(execute(machine, done, relay('placed', OTHER, 'Change', 30)).ok).toBe(true);
  });

  it('refuses a terminationDate on any order but a Termination', () => {
    const by = later(T0, 30 * DAY);
    const change = relay('placed', CHANGE, 'Change', 10, { terminationDate: by });
    expect(refusal(active(), change, 'INVALID_COMMAND')).toEqual({
      message: 'a Change order does not carry terminationDate',
      details: { field: 'terminationDate' },
    });
    const configuration = relay('placed', CHANGE, 'Configuration', 10, { terminationDate: by });
    expect(refusal(active(), configuration, 'INVALID_COMMAND').message).toBe(
      'a Configuration order does not carry terminationDate',
    );
  });

  it('accepts a terminationDate at the moment of the order, refuses one before it', () => {
    const now = at(10);
    const same = relay('placed', CHANGE, 'Termination', 10, { terminationDate: now });
    expect(execute(machine, active(), same)).toMatchObject({
      ok: true,
      snapshot: { value: 'Terminating' },
    });
    const before = later(now, -1);
    const early = relay('placed', CHANGE, 'Termination', 10, { terminationDate: before });
    expect(refusal(active(), early, 'INVALID_DATE')).toEqual({
      message: `terminationDate ${before} is before the order (${now})`,
    });
  });

  it('refuses a Purchase order, naming what it was placed against', () => {
    expect(refusal(active(), relay('placed', CHANGE, 'Purchase', 5), 'INVALID_STATE')).toEqual({
      message: 'a Purchase order is not placed against a subscription',
    });
  });
});

describe('completed orders carry only what their type changes', () => {
  const lines = [
    { id: 'ALI-2119-4550-8674-5962-0001', item: { id: 'ITM-1111-2222-0001' }, quantity: 25 },
  ];

  it('a Configuration completion carries no lines; a Change completion no autoRenew', () => {
    const configuring = runPure(machine, vendorInput, [
      relay('placed', CHANGE, 'Configuration', 10),
    ]);
    expect(
      refusal(
        configuring,
        relay('completed', CHANGE, 'Configuration', 20, { lines }),
        'INVALID_COMMAND',
      ),
    ).toEqual({
      message: 'a completed Configuration order does not carry lines',
      details: { field: 'lines' },
    });
    const updating = runPure(machine, vendorInput, [relay('placed', CHANGE, 'Change', 10)]);
    expect(
      refusal(
        updating,
        relay('completed', CHANGE, 'Change', 20, { autoRenew: false }),
        'INVALID_COMMAND',
      ),
    ).toEqual({
      message: 'a completed Change order does not carry autoRenew',
      details: { field: 'autoRenew' },
    });
  });

  it('a Change completion carries lines; a Configuration completion autoRenew', () => {
    const updating = runPure(machine, vendorInput, [relay('placed', CHANGE, 'Change', 10)]);
    const changed = execute(machine, updating, relay('completed', CHANGE, 'Change', 20, { lines }));
    expect(changed).toMatchObject({ ok: true, snapshot: { value: 'Active' } });
    const configuring = runPure(machine, vendorInput, [
      relay('placed', CHANGE, 'Configuration', 10),
    ]);
    const configured = execute(
      machine,
      configuring,
      relay('completed', CHANGE, 'Configuration', 20, { autoRenew: false }),
    );
    expect(configured.ok && configured.snapshot.context.autoRenew).toBe(false);
  });

  it('a new line in a Change names its item, an existing one need not', () => {
    const updating = runPure(machine, vendorInput, [relay('placed', CHANGE, 'Change', 10)]);
    const changed = [
      { id: 'ALI-2119-4550-8674-5962-0001', quantity: 12 },
      { id: 'ALI-2119-4550-8674-5962-0002', quantity: 3 },
    ];
    expect(
      refusal(
        updating,
        relay('completed', CHANGE, 'Change', 20, { lines: changed }),
        'INVALID_COMMAND',
      ),
    ).toEqual({
      message: 'lines[1]: a new line names its item',
      details: { field: 'lines[1].item' },
    });
    const known = relay('completed', CHANGE, 'Change', 20, { lines: changed.slice(0, 1) });
    expect(execute(machine, updating, known).ok).toBe(true);
  });
});
