/**
 * The schema, as numbered migrations. They run on start, each once, all in one transaction; an
 * advisory lock lets several instances start at once over the same database.
 */
import type { Db } from './db';

/** The advisory lock key of the migrations (any constant the host does not use elsewhere). */
const MIGRATION_LOCK = 7_301_001;

export const MIGRATIONS: readonly {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}[] = [
  {
    id: 1,
    name: 'subjects, audit log and outbox',
    sql: `
      -- One row per subject: its persisted snapshot, exactly the text persist() wrote. The type
      -- is json, not jsonb: json keeps the text byte for byte and accepts every string JSON can
      -- carry (jsonb refuses \\u0000).
      CREATE TABLE subjects (
        machine    text        NOT NULL,
        id         text        NOT NULL,
        version    integer     NOT NULL CHECK (version >= 1),
        status     text        NOT NULL,
        snapshot   json        NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (machine, id)
      );

      -- The full history: one row per audit.recorded entry, one per version, forever.
      CREATE TABLE audit_log (
        machine     text        NOT NULL,
        subject_id  text        NOT NULL,
        version     integer     NOT NULL CHECK (version >= 1),
        command_id  text,
        entry       json        NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (machine, subject_id, version),
        FOREIGN KEY (machine, subject_id) REFERENCES subjects (machine, id)
      );
      -- A commandId is applied at most once per subject, however old it is.
      CREATE UNIQUE INDEX audit_log_command_id
        ON audit_log (machine, subject_id, command_id) WHERE command_id IS NOT NULL;

      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

      -- Events to publish, written in the same transaction as the snapshot they come from.
      CREATE TABLE outbox (
        seq          bigserial   PRIMARY KEY,
        machine      text        NOT NULL,
        subject_id   text        NOT NULL,
        version      integer     NOT NULL,
        position     integer     NOT NULL,
        event        json        NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        attempts     integer     NOT NULL DEFAULT 0,
        last_error   text,
        delivered_at timestamptz,
        UNIQUE (machine, subject_id, version, position)
      );
      CREATE INDEX outbox_undelivered ON outbox (seq) WHERE delivered_at IS NULL;
    `,
  },
];

/** Applies the migrations this database has not seen yet; returns the ids it applied. */
export async function migrate(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    // Instances starting together wait here for each other, then find the work done.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS service_migrations (
        id         integer     PRIMARY KEY,
        name       text        NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const seen = await tx.query<{ id: number }>('SELECT id FROM service_migrations');
    const done = new Set(seen.rows.map((row) => row.id));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO service_migrations (id, name) VALUES ($1, $2)', [
        migration.id,
        migration.name,
      ]);
      applied.push(migration.id);
    }
    return applied;
  });
}
