/**
 * What an accepted command (or a creation) writes besides the snapshot: its audit entries in the
 * append-only log, and everything it emitted in the outbox, in the order it was emitted.
 */
import type { AuditEntry } from 'subscription-machines';
import type { Sql } from '../db/db';

interface Emitted {
  readonly type: string;
  readonly entry?: unknown;
}

/** The `audit.recorded` entries of `emitted`, checked to cover exactly versions `from + 1 … to`. */
export function auditEntries(emitted: readonly Emitted[], from: number, to: number): AuditEntry[] {
  const entries = emitted
    .filter((event) => event.type === 'audit.recorded')
    .map((event) => event.entry as AuditEntry);
  const versions = entries.map((entry) => entry.version);
  const expected = Array.from({ length: to - from }, (_, i) => from + 1 + i);
  // The log is the full history: it must never have a gap or a second entry for a version.
  if (versions.join() !== expected.join()) {
    throw new Error(
      `the command emitted audit versions [${versions}] for versions ${from} → ${to}: refusing to write`,
    );
  }
  return entries;
}

/** `($1, $2, …), ($k, …)`: placeholders for a multi-row insert of `rows` rows of `width` values. */
const placeholders = (rows: number, width: number, casts: readonly string[] = []): string =>
  Array.from(
    { length: rows },
    (_, r) =>
      `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}${casts[c] ?? ''}`).join(', ')})`,
  ).join(', ');

/** Appends the entries to the log; a `commandId` seen before for the subject is a unique violation. */
export async function appendLog(
  tx: Sql,
  machine: string,
  subjectId: string,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const values = entries.flatMap((entry) => [
    machine,
    subjectId,
    entry.version,
    entry.commandId ?? null,
    JSON.stringify(entry),
  ]);
  await tx.query(
    `INSERT INTO audit_log (machine, subject_id, version, command_id, entry)
     VALUES ${placeholders(entries.length, 5, ['', '', '', '', '::json'])}`,
    values,
  );
}

/**
 * Adds what a command emitted to the outbox, all under the version it led to. A creation or a
 * command emits its events once, so `(subject, version, position)` is unique.
 */
export async function appendOutbox(
  tx: Sql,
  machine: string,
  subjectId: string,
  version: number,
  emitted: readonly unknown[],
): Promise<void> {
  if (emitted.length === 0) return;
  const values = emitted.flatMap((event, position) => [
    machine,
    subjectId,
    version,
    position,
    JSON.stringify(event),
  ]);
  await tx.query(
    `INSERT INTO outbox (machine, subject_id, version, position, event)
     VALUES ${placeholders(emitted.length, 5, ['', '', '', '', '::json'])}`,
    values,
  );
}
