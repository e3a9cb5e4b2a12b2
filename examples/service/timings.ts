/**
 * Where a request's time goes: in the library (restore, execute, persist, availableCommands) or in
 * the database. The service reports both in a `Server-Timing` header; the benchmark adds them up.
 */
import type { Db, Sql } from './db/db';

export class Timings {
  library = 0;
  database = 0;
  /** Waiting for a connection from the pool (pg) or for PGlite's one connection. */
  waiting = 0;
  /** Transactions a command took: more than one when it lost a race and was retried. */
  attempts = 0;

  /** Runs a library call and counts its time. */
  lib<T>(work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.library += performance.now() - started;
    }
  }

  /** `sql`, with the time of each statement counted as database time. */
  sql(sql: Sql): Sql {
    const count = async <T>(work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        this.database += performance.now() - started;
      }
    };
    return {
      query: <R>(text: string, params?: readonly unknown[]) =>
        count(() => sql.query<R>(text, params)),
      exec: (text: string) => count(() => sql.exec(text)),
    };
  }

  /**
   * Runs `work` in a transaction of `db`. Database time is every statement `work` awaits, plus
   * `BEGIN` and `COMMIT`; the time before the transaction had its connection is waiting.
   */
  async transaction<T>(db: Db, work: (tx: Sql) => Promise<T>): Promise<T> {
    const started = performance.now();
    let acquired = started;
    let inside = 0;
    try {
      return await db.transaction(
        async (tx) => {
          const entered = performance.now();
          try {
            return await work(this.sql(tx));
          } finally {
            inside += performance.now() - entered;
          }
        },
        () => {
          acquired = performance.now();
        },
      );
    } finally {
      const wait = acquired - started;
      this.waiting += wait;
      this.database += performance.now() - started - wait - inside;
    }
  }

  /** The `Server-Timing` header value, in milliseconds. */
  header(): string {
    const dur = (name: string, ms: number) => `${name};dur=${ms.toFixed(3)}`;
    return [
      dur('library', this.library),
      dur('database', this.database),
      dur('wait', this.waiting),
    ].join(', ');
  }
}
