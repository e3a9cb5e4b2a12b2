/** The service's settings, from the environment. */
import { resolve } from 'node:path';

export interface Config {
  readonly port: number;
  readonly host: string;
  /** A PostgreSQL server; without it, PGlite stores data in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Connections to a PostgreSQL server (default 10). */
  readonly poolSize: number | undefined;
  /** The relay POSTs each event here (a URL), … */
  readonly outboxWebhook: string | undefined;
  /** … or appends it to this file, as a JSON line. Without either, no relay runs in this instance. */
  readonly outboxFile: string | undefined;
}

const nonEmpty = (value: string | undefined) =>
  value === undefined || value === '' ? undefined : value;

function integer(name: string, value: string | undefined, min: number, max: number) {
  if (nonEmpty(value) === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(
      `${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  return {
    port: integer('PORT', env.PORT, 0, 65_535) ?? 3000,
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    databaseUrl: nonEmpty(env.DATABASE_URL),
    dataDir: resolve(nonEmpty(env.DATA_DIR) ?? '.data/service'),
    poolSize: integer('PG_POOL_SIZE', env.PG_POOL_SIZE, 1, 1_000),
    outboxWebhook: nonEmpty(env.OUTBOX_WEBHOOK),
    outboxFile: nonEmpty(env.OUTBOX_FILE),
  };
}
