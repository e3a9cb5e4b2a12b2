/**
 * The write path of a command, in one transaction: read the row, `execute`, update the row where
 * its version is unchanged, append the audit entries to the log and the emitted events to the
 * outbox. A writer that loses the race starts over with the new snapshot.
 */
import { execute, persist, type Rejection, SnapshotError } from 'subscription-machines';
import { type Db, isUniqueViolation, type Sql } from '../db/db';
import type { Hosted } from '../machines';
import type { Timings } from '../timings';
import type { Outcome } from './outcomes';
import { appendLog, appendOutbox, auditEntries } from './records';
import { readSubject, restoreRow } from './subject-row';

/** How many times a command is tried before the service gives up on a contended subject. */
export const MAX_ATTEMPTS = 10;

const LOST = Symbol('lost the race');

interface Row {
  readonly version: number;
  readonly status: string;
  readonly snapshot: string;
  /** Whether the command's `commandId` is in the log: applied before, however long ago. */
  readonly seen: boolean;
}

/** The command's `commandId`, when it is an own string property (anything else is the library's to refuse). */
function commandIdOf(command: unknown): string | undefined {
  if (typeof command !== 'object' || command === null || Array.isArray(command)) return undefined;
  if (!Object.hasOwn(command, 'commandId')) return undefined;
  const id = (command as { commandId: unknown }).commandId;
  return typeof id === 'string' ? id : undefined;
}

const duplicateOf = (row: Row): Outcome => ({
  kind: 'accepted',
  status: row.status,
  version: row.version,
  duplicate: true,
  emitted: [],
});

async function attempt(
  tx: Sql,
  hosted: Hosted,
  id: string,
  command: unknown,
  commandId: string | undefined,
  timings: Timings,
): Promise<Outcome | typeof LOST> {
  const { rows } = await tx.query<Row>(
    `SELECT s.version, s.status, s.snapshot::text AS snapshot,
            EXISTS (SELECT 1 FROM audit_log l
                     WHERE l.machine = s.machine AND l.subject_id = s.id AND l.command_id = $3) AS seen
       FROM subjects s WHERE s.machine = $1 AND s.id = $2`,
    [hosted.name, id, commandId ?? null],
  );
  const row = rows[0];
  if (!row) return { kind: 'not-found' };
  const restored = restoreRow(hosted, row, timings);
  if ('error' in restored) return { kind: 'corrupt', message: restored.error };

  const result = timings.lib(() =>
    execute(hosted.machine, restored.snapshot as never, command as never),
  );
  // The library's order: a malformed command is refused before a repeated commandId is recognised.
  const malformed = !result.ok && result.rejection.code === 'INVALID_COMMAND';
  // The snapshot remembers the last commandIds; the log remembers all of them.
  if (!malformed && row.seen) return duplicateOf(row);
  if (!result.ok) return { kind: 'rejected', rejection: result.rejection };
  if (result.duplicate) return duplicateOf(row);

  let persisted: ReturnType<typeof persist>;
  try {
    persisted = timings.lib(() => persist(result.snapshot as never));
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error;
    // Never store what cannot be read back: the command is refused, in the library's own shape.
    return {
      kind: 'rejected',
      rejection: unstorable(command, row.status, `its snapshot does not persist: ${error.message}`),
    };
  }
  const version = (persisted.context as { version: number }).version;
  if (version === row.version) {
    // A clock.tick with nothing due: accepted, and nothing to write.
    if (result.emitted.length > 0) throw new Error('an unchanged version emitted events');
    return { kind: 'accepted', status: row.status, version, duplicate: false, emitted: [] };
  }
  const entries = auditEntries(result.emitted, row.version, version);
  const updated = await tx.query(
    `UPDATE subjects SET version = $3, status = $4, snapshot = $5::json, updated_at = now()
      WHERE machine = $1 AND id = $2 AND version = $6`,
    [hosted.name, id, version, persisted.status, JSON.stringify(persisted), row.version],
  );
  // Another writer moved the subject since we read it: nothing of ours is written.
  if (updated.rowCount !== 1) return LOST;
  await appendLog(tx, hosted.name, id, entries);
  await appendOutbox(tx, hosted.name, id, version, result.emitted);
  return {
    kind: 'accepted',
    status: persisted.status,
    version,
    duplicate: false,
    emitted: result.emitted,
  };
}

/** The refusal of a command the machine would take but the store cannot keep, in the library's shape. */
const unstorable = (command: unknown, status: string, why: string): Rejection =>
  ({
    code: 'INVALID_COMMAND',
    message: `the command cannot be stored: ${why}`,
    command,
    status,
  }) as Rejection;

/** A short random pause that grows with the attempt, so racing writers spread out. */
const backoff = (attemptNo: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attemptNo)));

/**
 * Sends `command` to subject `id`. A lost race is retried with the new snapshot, up to
 * `maxAttempts` times; when the command carries `expectedVersion`, the retry is refused by the
 * library itself with `STALE_VERSION` (or is recognised as a duplicate, if the winner was this very
 * `commandId`).
 */
export async function sendCommand(
  db: Db,
  hosted: Hosted,
  id: string,
  command: unknown,
  timings: Timings,
  maxAttempts = MAX_ATTEMPTS,
): Promise<Outcome> {
  const commandId = commandIdOf(command);
  if (commandId?.includes('\u0000')) {
    // PostgreSQL's text cannot hold U+0000: such a commandId could not be remembered.
    const row = await readSubject(timings.sql(db), hosted, id);
    if (!row) return { kind: 'not-found' };
    const why = 'its commandId contains U+0000';
    return { kind: 'rejected', rejection: unstorable(command, row.status, why) };
  }
  for (let attemptNo = 1; attemptNo <= maxAttempts; attemptNo++) {
    let outcome: Outcome | typeof LOST;
    timings.attempts = attemptNo;
    try {
      outcome = await timings.transaction(db, (tx) =>
        attempt(tx, hosted, id, command, commandId, timings),
      );
    } catch (error) {
      // The same commandId committed by a concurrent request: the retry will find it in the log.
      if (!isUniqueViolation(error)) throw error;
      outcome = LOST;
    }
    if (outcome !== LOST) return outcome;
    await backoff(attemptNo);
  }
  return { kind: 'contended', attempts: maxAttempts };
}
