/**
 * docs/persistence.md: a host's log of `audit.recorded` entries holds every version once, while the
 * snapshot keeps a window; replaying the logged commands from the input rebuilds the snapshot byte
 * for byte, and its events too.
 */
import {
  AUDIT_WINDOW,
  type AuditEntry,
  execute,
  initial,
  persist,
  start,
  subscriptionMachine,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { input, commands as year } from '../../bench/busy-year';

describe('the host log and replay (docs/persistence.md)', () => {
  it('keeps every version in the log, a window in the snapshot, and replays to the same snapshot', () => {
    const created = initial(subscriptionMachine, input);
    const log: { entry: AuditEntry; command?: unknown }[] = [];
    for (const e of created.emitted) if (e.type === 'audit.recorded') log.push({ entry: e.entry });
    let snapshot = created.snapshot;
    const published: unknown[][] = [];
    // Four busy years (the purchase approved once): more commands than the audit window holds.
    const shifted = (round: number) =>
      year.slice(round === 0 ? 0 : 1).map((c) => ({
        ...c,
        at: new Date(Date.parse(c.at) + round * 366 * 86_400_000).toISOString(),
        ...(round > 0 && 'requestId' in c ? { requestId: `${c.requestId}-${round}` } : {}),
      }));
    for (const command of [0, 1, 2, 3].flatMap(shifted)) {
      const result = execute(subscriptionMachine, snapshot, command as never);
      if (!result.ok) throw new Error(result.rejection.message);
      for (const e of result.emitted)
        if (e.type === 'audit.recorded') log.push({ entry: e.entry, command });
      published.push(result.emitted.filter((e) => e.type !== 'audit.recorded'));
      snapshot = result.snapshot;
    }
    const versions = log.map((l) => l.entry.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    expect(versions.length).toBeGreaterThan(AUDIT_WINDOW);
    expect(snapshot.context.audit).toHaveLength(AUDIT_WINDOW);
    expect(snapshot.context.audit).toEqual(log.slice(-AUDIT_WINDOW).map((l) => l.entry));

    let replayed = start(subscriptionMachine, input);
    const events: unknown[][] = [];
    for (const { command } of log.slice(1)) {
      const result = execute(subscriptionMachine, replayed, command as never);
      if (!result.ok) throw new Error(result.rejection.message);
      events.push(result.emitted.filter((e) => e.type !== 'audit.recorded'));
      replayed = result.snapshot;
    }
    expect(JSON.stringify(persist(replayed))).toBe(JSON.stringify(persist(snapshot)));
    expect(events).toEqual(published);
  });
});
