/** The service in the test's own process, over a fresh PGlite directory, for tests that need no kill. */
import { rm } from 'node:fs/promises';
import type { Db } from '../../../examples/service/db/db';
import { openPglite } from '../../../examples/service/db/pglite';
import type { Sink } from '../../../examples/service/relay/sinks';
import { startServer } from '../../../examples/service/server';
import { freshDataDir } from './data-dir';

export interface InProcess {
  readonly url: string;
  readonly db: Db;
  close(): Promise<void>;
}

export async function inProcessService(options: { sink?: Sink } = {}): Promise<InProcess> {
  const { dir, dataDir } = await freshDataDir();
  const db = await openPglite(dataDir);
  const errors: string[] = [];
  const server = await startServer({ db, sink: options.sink, log: (line) => errors.push(line) });
  return {
    url: server.url,
    db,
    async close() {
      await server.close();
      await db.close();
      await rm(dir, { recursive: true, force: true });
      // An unexpected error inside the service fails the test that caused it.
      if (errors.length > 0) throw new Error(`the service logged:\n${errors.join('\n')}`);
    },
  };
}

/** Everything the service has written, to compare before and after a refused request. */
export async function footprint(db: Db): Promise<string> {
  const { rows } = await db.query<{ t: string }>(
    `SELECT concat_ws('|',
       (SELECT string_agg(machine || '/' || id || '@' || version || ':' || md5(snapshot::text), ',' ORDER BY machine, id) FROM subjects),
       (SELECT count(*) FROM audit_log),
       (SELECT count(*) FROM outbox)) AS t`,
  );
  return rows[0]?.t ?? '';
}
