/**
 * The accounting after a load: what the database holds must be exactly what the ledger of answers
 * says was accepted, and replaying the log's commands through the library must give back the
 * stored snapshot and, version by version, exactly the events in the outbox.
 */
import { execute, initial, persist, subscriptionMachine } from 'subscription-machines';
import { expect } from 'vitest';
import type { Db } from '../../../examples/service/db/db';
import { connectInput } from './connect';
import type { Ledger, Sent } from './load';

export interface Accounting {
  readonly subjects: number;
  readonly commands: number;
  readonly replays: number;
  readonly requests: number;
  readonly accepted: number;
  readonly duplicateAnswers: number;
  readonly stale: number;
  readonly refused: number;
  readonly transient: number;
  readonly lostRaces: number;
  /** Commands applied by a request whose answer never came (the service died), then answered as duplicates of themselves on the resend. */
  readonly appliedUnanswered: number;
  readonly logRows: number;
  readonly outboxRows: number;
}

interface LogRow {
  readonly version: number;
  readonly command_id: string | null;
  readonly entry: string;
}
interface OutboxRow {
  readonly version: number;
  readonly position: number;
  readonly event: string;
}

export async function account(
  db: Db,
  ledger: Ledger,
  subjects: readonly string[],
): Promise<Accounting> {
  const sent = [...ledger.sent.values()];
  // Every command got a definitive answer, and none was applied twice.
  for (const s of sent) {
    expect(s.answers.length, s.commandId).toBeGreaterThan(0);
    const applied = s.answers.filter((a) => a.status === 200 && a.duplicate === false);
    expect(applied.length, `${s.commandId} applied ${applied.length} times`).toBeLessThanOrEqual(1);
  }
  const acceptedBySubject = new Map<string, Sent[]>(subjects.map((s) => [s, []]));
  for (const s of ledger.accepted()) acceptedBySubject.get(s.subject)?.push(s);

  let logRows = 0;
  let outboxRows = 0;
  for (const subject of subjects) {
    const accepted = acceptedBySubject.get(subject) ?? [];
    const row = (
      await db.query<{ version: number; snapshot: string }>(
        `SELECT version, snapshot::text AS snapshot FROM subjects WHERE machine = 'connect' AND id = $1`,
        [subject],
      )
    ).rows[0];
    expect(row, subject).toBeDefined();
    const version = row?.version ?? 0;
    // Final version = 1 + the number of accepted commands.
    expect(version, subject).toBe(1 + accepted.length);

    const log = (
      await db.query<LogRow>(
        `SELECT version, command_id, entry::text AS entry FROM audit_log
          WHERE machine = 'connect' AND subject_id = $1 ORDER BY version`,
        [subject],
      )
    ).rows;
    logRows += log.length;
    // The log holds each version exactly once, contiguous from 1.
    expect(log.map((l) => l.version)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
    // Its command ids are exactly the accepted ones, each once.
    const logged = log.slice(1).map((l) => l.command_id ?? '');
    expect(new Set(logged).size).toBe(logged.length);
    expect([...logged].sort()).toEqual(accepted.map((s) => s.commandId).sort());

    const outbox = (
      await db.query<OutboxRow>(
        `SELECT version, position, event::text AS event FROM outbox
          WHERE machine = 'connect' AND subject_id = $1 ORDER BY version, position`,
        [subject],
      )
    ).rows;
    outboxRows += outbox.length;
    const eventsAt = (v: number) =>
      outbox.filter((o) => o.version === v).map((o) => JSON.parse(o.event));

    // Replay: the accepted commands, in log order, through the library.
    const created = initial(subscriptionMachine, connectInput(subject) as never);
    expect(eventsAt(1)).toEqual(JSON.parse(JSON.stringify(created.emitted)));
    let snapshot = created.snapshot;
    for (const l of log.slice(1)) {
      const command = ledger.sent.get(l.command_id ?? '') as Sent;
      const result = execute(subscriptionMachine, snapshot, command.body as never);
      if (!result.ok || result.duplicate) throw new Error(`${l.command_id} does not replay`);
      const recorded = result.emitted.find((e) => e.type === 'audit.recorded') as {
        entry: unknown;
      };
      expect(JSON.parse(l.entry)).toEqual(JSON.parse(JSON.stringify(recorded.entry)));
      // The outbox holds exactly the events of the accepted commands, under their version.
      expect(eventsAt(l.version), `${subject} v${l.version}`).toEqual(
        JSON.parse(JSON.stringify(result.emitted)),
      );
      // What the client was told is what was stored.
      for (const a of command.answers) {
        if (a.status === 200 && !a.duplicate) {
          expect(a.version).toBe(l.version);
          expect(a.emitted).toEqual(eventsAt(l.version));
        }
      }
      snapshot = result.snapshot;
    }
    expect(outbox.every((o) => o.version >= 1 && o.version <= version)).toBe(true);
    expect(row?.snapshot).toBe(JSON.stringify(persist(snapshot)));
  }

  const answers = sent.flatMap((s) => s.answers);
  return {
    subjects: subjects.length,
    commands: sent.length + ledger.replays,
    replays: ledger.replays,
    requests: ledger.requests,
    accepted: ledger.accepted().length,
    duplicateAnswers: answers.filter((a) => a.status === 200 && a.duplicate).length,
    stale: answers.filter((a) => a.status === 409).length,
    refused: answers.filter((a) => a.status === 422).length,
    transient: ledger.transient,
    lostRaces: ledger.lostRaces,
    appliedUnanswered: sent.filter(
      (s) =>
        (s.resends ?? 0) > 0 &&
        s.answers.some((a) => a.status === 200) &&
        s.answers.every((a) => a.status !== 200 || a.duplicate),
    ).length,
    logRows,
    outboxRows,
  };
}
