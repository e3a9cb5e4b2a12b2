/**
 * `Db` over PGlite: PostgreSQL compiled to WebAssembly, in this process, storing its files in a
 * directory. It has one connection, and PGlite runs one transaction at a time, so concurrent
 * requests queue here; the SQL is the same as on a server.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Db, Rows, Sql } from './db';

interface PgliteResults<R> {
  readonly rows: R[];
  readonly affectedRows?: number;
}

const wrap = <R>(result: PgliteResults<R>): Rows<R> => ({
  rows: result.rows,
  rowCount: result.affectedRows || result.rows.length,
});

const sqlOver = (target: Pick<PGlite, 'query' | 'exec'>): Sql => ({
  query: async <R>(text: string, params?: readonly unknown[]) =>
    wrap<R>(await target.query<R>(text, params as unknown[] | undefined)),
  exec: async (text: string) => {
    await target.exec(text);
  },
});

/** Opens (and on first use initialises) the cluster in `dataDir`. */
export async function openPglite(dataDir: string): Promise<Db> {
  const db = await PGlite.create(dataDir);
  return {
    backend: 'pglite',
    ...sqlOver(db),
    transaction: (work, onAcquired) =>
      db.transaction((tx) => {
        onAcquired?.();
        return work(sqlOver(tx));
      }),
    // One process owns the data directory, so its relay is the only one.
    tryLock: async () => ({ release: async () => undefined }),
    close: () => db.close(),
  };
}
