/** Reading one subject's row, and restoring its snapshot. */
import { restore, SnapshotError } from 'subscription-machines';
import type { Sql } from '../db/db';
import type { Hosted } from '../machines';
import type { Timings } from '../timings';

export interface SubjectRow {
  readonly version: number;
  readonly status: string;
  /** The persisted snapshot, exactly as it is stored. */
  readonly snapshot: string;
}

export async function readSubject(
  sql: Sql,
  hosted: Hosted,
  id: string,
): Promise<SubjectRow | undefined> {
  const { rows } = await sql.query<SubjectRow>(
    'SELECT version, status, snapshot::text AS snapshot FROM subjects WHERE machine = $1 AND id = $2',
    [hosted.name, id],
  );
  return rows[0];
}

/** The live snapshot of a row, or the `SnapshotError` message when the stored JSON is not valid. */
export function restoreRow(
  hosted: Hosted,
  row: SubjectRow,
  timings: Timings,
): { readonly snapshot: unknown } | { readonly error: string } {
  try {
    // JSON.parse keeps `__proto__` as an own key; restore validates every key it finds.
    return { snapshot: timings.lib(() => restore(hosted.machine, JSON.parse(row.snapshot))) };
  } catch (error) {
    if (error instanceof SnapshotError || error instanceof SyntaxError)
      return { error: error.message };
    throw error;
  }
}
