/**
 * `Db` over a PostgreSQL server, through a `pg` connection pool: each transaction checks out its own
 * connection, so concurrent requests really do race, and the write path's version check decides.
 */
import pg from 'pg';
import type { Db, Lease, Rows, Sql } from './db';

export interface PostgresOptions {
  readonly connectionString: string;
  /** Connections in the pool (default 10). */
  readonly max?: number;
}

const wrap = <R>(result: pg.QueryResult): Rows<R> => ({
  rows: result.rows as R[],
  rowCount: result.rowCount ?? 0,
});

const sqlOver = (client: pg.Pool | pg.PoolClient): Sql => ({
  query: async <R>(text: string, params?: readonly unknown[]) =>
    wrap<R>(await client.query(text, params as unknown[] | undefined)),
  // Without parameters, pg uses the simple protocol, which runs several statements.
  exec: async (text: string) => {
    await client.query(text);
  },
});

export function openPostgres({ connectionString, max = 10 }: PostgresOptions): Db {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client that loses its server must not crash the process; the next checkout reconnects.
  pool.on('error', (error) => console.error(`postgres: idle client error: ${error.message}`));
  return {
    backend: 'postgres',
    ...sqlOver(pool),
    async transaction(work, onAcquired) {
      const client = await pool.connect();
      onAcquired?.();
      try {
        await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
        const result = await work(sqlOver(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async tryLock(key): Promise<Lease | null> {
      // A session lock lives as long as its connection, so the lease keeps one out of the pool.
      const client = await pool.connect();
      try {
        const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS locked', [key]);
        if (rows[0]?.locked === true) {
          return {
            async release() {
              await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
              client.release();
            },
          };
        }
        client.release();
        return null;
      } catch (error) {
        client.release(true);
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
