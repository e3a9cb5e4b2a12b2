/**
 * The outbox relay: reads undelivered events oldest first, hands them to a sink, and marks what the
 * sink delivered. Marking comes after delivery, so a crash in between delivers again on restart:
 * at least once. One relay runs per database: it delivers only while it holds an advisory lock.
 */
import type { Db, Lease } from '../db/db';
import type { Delivery, Sink } from './sinks';

/** The advisory lock key of the relay. */
const RELAY_LOCK = 7_301_002;

export interface RelayOptions {
  readonly db: Db;
  readonly sink: Sink;
  /** Events per read (default 50). */
  readonly batchSize?: number;
  /** How often to look for new events when nothing nudged it, in ms (default 250). */
  readonly pollMs?: number;
  readonly log?: (line: string) => void;
}

export interface Relay {
  /** New events are waiting: look now instead of at the next poll. */
  nudge(): void;
  /** Stops after the delivery in progress, and gives the lock back. */
  stop(): Promise<void>;
}

interface OutboxRow {
  readonly seq: number | string;
  readonly machine: string;
  readonly subject_id: string;
  readonly version: number;
  readonly event: string;
}

/** Delivers one batch; answers how many events it delivered, and the error that stopped it. */
async function deliverBatch(db: Db, sink: Sink, batchSize: number) {
  const { rows } = await db.query<OutboxRow>(
    `SELECT seq, machine, subject_id, version, event::text AS event FROM outbox
      WHERE delivered_at IS NULL ORDER BY seq LIMIT $1`,
    [batchSize],
  );
  if (rows.length === 0) return { found: 0, delivered: 0 };
  const deliveries: Delivery[] = rows.map((row) => ({
    seq: Number(row.seq),
    machine: row.machine,
    subjectId: row.subject_id,
    version: row.version,
    event: JSON.parse(row.event),
  }));
  const { delivered, error } = await sink.deliver(deliveries);
  const done = deliveries.slice(0, delivered).map((d) => d.seq);
  if (done.length > 0) {
    const list = done.map((_, i) => `$${i + 1}`).join(', ');
    await db.query(`UPDATE outbox SET delivered_at = now() WHERE seq IN (${list})`, done);
  }
  const failed = deliveries[delivered];
  if (error !== undefined && failed) {
    await db.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = $1', [
      failed.seq,
      error,
    ]);
  }
  return { found: rows.length, delivered, ...(error === undefined ? {} : { error }) };
}

export function startRelay({
  db,
  sink,
  batchSize = 50,
  pollMs = 250,
  log = () => undefined,
}: RelayOptions): Relay {
  let stopping = false;
  let nudged = false;
  // Wakes a sleep early: stop wakes every sleep, a nudge only the wait for new events.
  const sleepers = new Set<{ wake: () => void; onNudge: boolean }>();
  const sleep = (ms: number, onNudge: boolean) =>
    new Promise<void>((resolve) => {
      const sleeper = {
        onNudge,
        wake: () => {
          clearTimeout(timer);
          sleepers.delete(sleeper);
          resolve();
        },
      };
      const timer = setTimeout(sleeper.wake, ms);
      sleepers.add(sleeper);
    });

  const loop = async () => {
    let lease: Lease | null = null;
    let failures = 0;
    while (!stopping) {
      try {
        lease ??= await db.tryLock(RELAY_LOCK);
        if (!lease) {
          await sleep(pollMs * 8, false); // another instance relays: stand by
          continue;
        }
        nudged = false;
        const batch = await deliverBatch(db, sink, batchSize);
        if (batch.error !== undefined) {
          // Back off while nothing gets through; a batch that got partly through counts as progress.
          failures = batch.delivered > 0 ? 1 : failures + 1;
          log(`relay: ${batch.error}; retrying`);
          await sleep(Math.min(5_000, 50 * 2 ** Math.min(failures, 7)), false);
          continue;
        }
        failures = 0;
        // A full batch means more may be waiting: go on at once.
        if (batch.found < batchSize && !nudged) await sleep(pollMs, true);
      } catch (error) {
        log(`relay: ${(error as Error).message}`);
        await lease?.release().catch(() => undefined);
        lease = null;
        await sleep(1_000, false);
      }
    }
    await lease?.release();
  };
  const running = loop();

  return {
    nudge() {
      nudged = true;
      for (const sleeper of sleepers) if (sleeper.onNudge) sleeper.wake();
    },
    async stop() {
      stopping = true;
      for (const sleeper of sleepers) sleeper.wake();
      await running;
    },
  };
}
