/**
 * Renewal and expiry at commitmentDate, on clock.tick: counted from the original anchor with the
 * terms module, so a 31 January start never drifts (the month-end drift of docs/terms.md).
 */
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../src/core/time';
import { AUDIT_WINDOW, execute, start } from '../../src/index';
import {
  type MarketplaceSubscriptionInput,
  marketplaceSubscriptionMachine as machine,
} from '../../src/marketplace';
import { addPeriods } from '../../src/terms';
import { runActor, runPure } from './drive';
import { CHANGE, relay, T0, tick, vendorInput } from './subscription.fixtures';

type Snapshot = ReturnType<typeof start<typeof machine>>;

function step(snapshot: Snapshot, when: string): Snapshot {
  const result = execute(machine, snapshot, tick(when));
  if (!result.ok) throw new Error(result.rejection.message);
  return result.snapshot;
}
const monthly: MarketplaceSubscriptionInput = {
  ...vendorInput,
  terms: { period: '1m', commitment: '1m' },
};
const later = (instant: string, ms: number) => formatInstant((parseInstant(instant) ?? 0) + ms);

describe('renewal chains over ten years from a 31 January start', () => {
  it.each([
    ['1m', 120],
    ['1y', 10],
  ] as const)(
    'commitment %s: each tick at commitmentDate renews by one term, no drift',
    (commitment, terms) => {
      let snapshot = start(machine, { ...vendorInput, terms: { period: '1m', commitment } });
      const seen: string[] = [];
      for (let n = 1; n <= terms; n++) {
        const due = snapshot.context.commitmentDate ?? '';
        expect(due).toBe(addPeriods(T0, commitment, n));
        snapshot = step(snapshot, due);
        seen.push(due.slice(0, 10));
      }
      expect(snapshot.value).toBe('Active');
      expect(snapshot.context.commitmentDate).toBe(addPeriods(T0, commitment, terms + 1));
      expect(snapshot.context.version).toBe(terms + 1);
      const renewed = snapshot.context.audit.filter((e) => e.event === 'renewed');
      // The audit keeps a window; every entry in it is a renewal here.
      expect(renewed).toHaveLength(Math.min(terms, AUDIT_WINDOW));
      if (commitment === '1m') {
        expect(seen.slice(0, 4)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
        // February 2028 is a leap month; every 31-day month comes back to the 31st.
        expect(seen).toContain('2028-02-29');
        expect(seen.filter((d) => d.endsWith('-31'))).toHaveLength(70);
      } else {
        expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `${2027 + i}-01-31`));
      }
    },
  );

  it('a tick a second before commitmentDate is a no-op, one after it renews', () => {
    const first = start(machine, monthly);
    const due = first.context.commitmentDate ?? '';
    expect(step(first, later(due, -1000))).toBe(first);
    expect(step(first, later(due, 1000)).context.commitmentDate).toBe('2026-03-31T00:00:00Z');
  });

  it('missed terms renew in one step, to the first commitmentDate after the tick', () => {
    const late = step(start(machine, monthly), '2026-07-15T12:00:00Z');
    expect(late.context.commitmentDate).toBe('2026-07-31T00:00:00Z');
    expect(late.context.version).toBe(2);
    expect(late.context.audit.at(-1)).toMatchObject({
      command: 'clock.tick',
      from: 'Active',
      to: 'Active',
      event: 'renewed',
    });
  });

  it('emits subscription.renewed, from the actor and execute alike', () => {
    const due = tick('2026-02-28T00:00:00Z');
    const renewed = {
      type: 'subscription.renewed',
      subscriptionId: vendorInput.id,
      previousCommitmentDate: '2026-02-28T00:00:00Z',
      commitmentDate: '2026-03-31T00:00:00Z',
      at: due.at,
    };
    const notAudit = (events: readonly { type: string }[]) =>
      events.filter((e) => e.type !== 'audit.recorded');
    expect(notAudit(runActor(machine, monthly, [due]).emitted)).toEqual([renewed]);
    const result = execute(machine, start(machine, monthly), due);
    expect(result.ok && notAudit(result.emitted)).toEqual([renewed]);
  });
});

describe('expiry and renewal while an order is open', () => {
  it('without auto-renew the subscription expires at commitmentDate, which stays', () => {
    const expired = runPure(machine, { ...monthly, autoRenew: false }, [
      tick('2026-03-05T00:00:00Z'),
    ]);
    expect(expired.value).toBe('Expired');
    expect(expired.context.commitmentDate).toBe('2026-02-28T00:00:00Z');
    expect(expired.context.audit.at(-1)).toMatchObject({ to: 'Expired', event: 'expired' });
    expect(execute(machine, expired, tick('2027-01-01T00:00:00Z'))).toMatchObject({
      ok: true,
      snapshot: expired,
    });
  });

  it('a Configuration order that turns auto-renew off makes the next due tick expire it', () => {
    const off = runPure(machine, monthly, [
      relay('placed', CHANGE, 'Configuration', 10),
      relay('completed', CHANGE, 'Configuration', 20, { autoRenew: false }),
      tick('2026-02-28T00:00:00Z'),
    ]);
    expect(off.value).toBe('Expired');
  });

  it('renews while Updating (ours): the commitment rolls over whatever order is open', () => {
    const updating = runPure(machine, monthly, [
      relay('placed', CHANGE, 'Change', 10),
      tick('2026-02-28T00:00:00Z'),
    ]);
    expect(updating.value).toBe('Updating');
    expect(updating.context.commitmentDate).toBe('2026-03-31T00:00:00Z');
  });

  it('neither renews nor expires while Updating without auto-renew, or while Terminating', () => {
    const noRenew = runPure(machine, { ...monthly, autoRenew: false }, [
      relay('placed', CHANGE, 'Change', 10),
    ]);
    expect(step(noRenew, '2026-03-01T00:00:00Z')).toBe(noRenew);
    const terminating = runPure(machine, monthly, [relay('placed', CHANGE, 'Termination', 10)]);
    expect(step(terminating, '2026-03-01T00:00:00Z')).toBe(terminating);
    // The termination failed: the first tick back in Active catches up.
    const back = runPure(machine, monthly, [
      relay('placed', CHANGE, 'Termination', 10),
      relay('failed', CHANGE, 'Termination', 20),
      tick('2026-04-02T00:00:00Z'),
    ]);
    expect(back.context.commitmentDate).toBe('2026-04-30T00:00:00Z');
  });

  it('a Draft has no commitment yet: a tick is a no-op', () => {
    const draft = start(machine, { ...vendorInput, createdBy: 'order' });
    expect(step(draft, '2030-01-01T00:00:00Z')).toBe(draft);
  });
});

describe('the anchor commitment terms are counted from', () => {
  it('keeps startDate when a given commitmentDate lies on its grid', () => {
    const given = start(machine, {
      ...monthly,
      startDate: T0,
      commitmentDate: '2026-04-30T00:00:00Z',
    });
    expect(given.context.renewalAnchor).toBe(T0);
    expect(step(given, '2026-04-30T00:00:00Z').context.commitmentDate).toBe('2026-05-31T00:00:00Z');
  });

  it('takes an off-grid commitmentDate (co-terminated) as the anchor itself', () => {
    const given = start(machine, {
      ...monthly,
      startDate: T0,
      commitmentDate: '2026-03-15T00:00:00Z',
    });
    expect(given.context.renewalAnchor).toBe('2026-03-15T00:00:00Z');
    expect(step(given, '2026-03-15T00:00:00Z').context.commitmentDate).toBe('2026-04-15T00:00:00Z');
  });
});
