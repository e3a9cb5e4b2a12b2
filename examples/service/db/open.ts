/**
 * Opens the database the environment names: a PostgreSQL server when `DATABASE_URL` is set,
 * otherwise the embedded PGlite in `DATA_DIR`.
 */
import { mkdirSync } from 'node:fs';
import type { Db } from './db';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface DatabaseConfig {
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  readonly poolSize?: number | undefined;
}

export async function openDatabase(config: DatabaseConfig): Promise<Db> {
  if (config.databaseUrl) {
    return openPostgres({
      connectionString: config.databaseUrl,
      ...(config.poolSize ? { max: config.poolSize } : {}),
    });
  }
  mkdirSync(config.dataDir, { recursive: true });
  return openPglite(config.dataDir);
}
