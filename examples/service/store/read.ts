/** Reading a subject for a role, and its full history. Reads never write. */
import { availableCommands } from 'subscription-machines';
import type { Db } from '../db/db';
import type { Hosted } from '../machines';
import type { Timings } from '../timings';
import { readSubject, restoreRow } from './subject-row';

export interface SubjectView {
  readonly id: string;
  readonly status: string;
  readonly version: number;
  readonly context: unknown;
  readonly availableCommands: readonly string[];
}

export type ReadOutcome =
  | { readonly kind: 'found'; readonly view: SubjectView }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'corrupt'; readonly message: string };

export async function readView(
  db: Db,
  hosted: Hosted,
  id: string,
  role: string | undefined,
  timings: Timings,
): Promise<ReadOutcome> {
  const row = await readSubject(timings.sql(db), hosted, id);
  if (!row) return { kind: 'not-found' };
  const restored = restoreRow(hosted, row, timings);
  if ('error' in restored) return { kind: 'corrupt', message: restored.error };
  const persisted = JSON.parse(row.snapshot) as { context: unknown };
  // An unknown role, or none, may send nothing: the library answers [] for it.
  const commands =
    role === undefined
      ? []
      : timings.lib(() =>
          availableCommands(hosted.machine, restored.snapshot as never, role as never),
        );
  return {
    kind: 'found',
    view: {
      id,
      status: row.status,
      version: row.version,
      context: persisted.context,
      availableCommands: commands,
    },
  };
}

/**
 * Every audit entry of the subject, oldest first, as the JSON text stored in the log; `undefined`
 * when there is no such subject (a subject always has its creation entry).
 */
export async function readHistory(
  db: Db,
  hosted: Hosted,
  id: string,
): Promise<readonly string[] | undefined> {
  const { rows } = await db.query<{ entry: string }>(
    `SELECT entry::text AS entry FROM audit_log
      WHERE machine = $1 AND subject_id = $2 ORDER BY version`,
    [hosted.name, id],
  );
  return rows.length === 0 ? undefined : rows.map((row) => row.entry);
}
