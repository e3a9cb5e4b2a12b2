/**
 * The one SQL interface the service uses. Two small adapters implement it, over `pg.Pool` for a
 * PostgreSQL server and over PGlite in-process, so every statement is written once, in PostgreSQL's
 * own dialect with `$n` parameters, and runs unchanged on both.
 */

/** What a statement returns: its rows, and how many rows it touched. */
export interface Rows<R> {
  readonly rows: R[];
  readonly rowCount: number;
}

/** Something that runs one statement: the database itself, or an open transaction. */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Rows<R>>;
  /** Runs a script of several statements, without parameters (the migrations). */
  exec(text: string): Promise<void>;
}

/** A held session-level advisory lock; `release` gives it back. */
export interface Lease {
  release(): Promise<void>;
}

export interface Db extends Sql {
  readonly backend: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction (`READ COMMITTED`): committed when it returns, rolled back when
   * it throws. `onAcquired` is told once the transaction has its connection (pg) or its turn
   * (PGlite), to tell waiting apart from working.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>, onAcquired?: () => void): Promise<T>;
  /** Takes the advisory lock `key` for as long as the lease is held, or answers `null` when another session holds it. */
  tryLock(key: number): Promise<Lease | null>;
  close(): Promise<void>;
}

/** PostgreSQL's `unique_violation`: both drivers report the server's SQLSTATE as `code`. */
export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
