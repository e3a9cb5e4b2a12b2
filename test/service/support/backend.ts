/**
 * The database a test runs the service on: a fresh PGlite directory by default, or a fresh database
 * on the PostgreSQL server of `DATABASE_URL` when `SERVICE_TEST_POSTGRES=1` (`npm run
 * test:service:pg`, which `scripts/postgres.sh run` wraps in CI).
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import pg from 'pg';
import type { Db } from '../../../examples/service/db/db';
import { openDatabase } from '../../../examples/service/db/open';
import { freshDataDir } from './data-dir';

export interface Backend {
  readonly name: 'PGlite' | 'PostgreSQL';
  /** A folder for the test's own files (logs, sink files). */
  readonly dir: string;
  /** The environment that points a service process at this database. */
  readonly env: Readonly<Record<string, string>>;
  /** Opens the database, for the test to read it (with PGlite: only while no service runs). */
  open(): Promise<Db>;
  remove(): Promise<void>;
}

export const onPostgres = process.env.SERVICE_TEST_POSTGRES === '1';

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function freshBackend(
  kind: 'pglite' | 'postgres' = onPostgres ? 'postgres' : 'pglite',
): Promise<Backend> {
  const { dir, dataDir } = await freshDataDir();
  if (kind === 'pglite') {
    return {
      name: 'PGlite',
      dir,
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      open: () => openDatabase({ dataDir }),
      remove: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const server = process.env.DATABASE_URL;
  if (!server)
    throw new Error('SERVICE_TEST_POSTGRES=1 needs DATABASE_URL (scripts/postgres.sh run)');
  const name = `service_test_${randomUUID().replaceAll('-', '')}`;
  await admin(server, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    name: 'PostgreSQL',
    dir,
    env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
    open: () => openDatabase({ databaseUrl, dataDir }),
    async remove() {
      await admin(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
