/**
 * Creating a subject: `initial` gives the starting snapshot and what creation emits; the row, its
 * first log entry and the events are inserted in one transaction, or nothing is when the id exists.
 */
import { initial, persist, SnapshotError } from 'subscription-machines';
import type { Db } from '../db/db';
import type { Hosted } from '../machines';
import type { Timings } from '../timings';
import type { Outcome } from './outcomes';
import { appendLog, appendOutbox, auditEntries } from './records';

export async function createSubject(
  db: Db,
  hosted: Hosted,
  input: unknown,
  timings: Timings,
): Promise<Outcome> {
  let created: ReturnType<typeof initial>;
  let persisted: ReturnType<typeof persist>;
  try {
    created = timings.lib(() => initial(hosted.machine, input as never));
    // An input the machine took but whose snapshot cannot be stored as JSON is refused too.
    persisted = timings.lib(() => persist(created.snapshot as never));
  } catch (error) {
    // The machines check their input and throw a TypeError that names the field.
    if (error instanceof TypeError || error instanceof SnapshotError) {
      return { kind: 'invalid-input', message: error.message };
    }
    throw error;
  }
  const context = persisted.context as { version: number } & Record<string, unknown>;
  const id = hosted.idOf(context);
  // PostgreSQL's text cannot hold U+0000, so such an id could never be stored or looked up.
  if (id.includes('\u0000')) return { kind: 'invalid-input', message: 'the id contains U+0000' };
  const entries = auditEntries(created.emitted, 0, context.version);
  return timings.transaction(db, async (tx): Promise<Outcome> => {
    const inserted = await tx.query(
      `INSERT INTO subjects (machine, id, version, status, snapshot)
       VALUES ($1, $2, $3, $4, $5::json) ON CONFLICT (machine, id) DO NOTHING`,
      [hosted.name, id, context.version, persisted.status, JSON.stringify(persisted)],
    );
    if (inserted.rowCount !== 1) return { kind: 'exists', id };
    await appendLog(tx, hosted.name, id, entries);
    await appendOutbox(tx, hosted.name, id, context.version, created.emitted);
    return {
      kind: 'created',
      id,
      status: persisted.status,
      version: context.version,
      emitted: created.emitted,
    };
  });
}
