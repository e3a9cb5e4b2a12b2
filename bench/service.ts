/**
 * `npm run bench:service`: the reference host through HTTP, with 1, 8 and 32 concurrent clients,
 * on PGlite and on PostgreSQL (`DATABASE_URL`, or a throwaway cluster that scripts/postgres.sh
 * starts when PostgreSQL is installed). It reports commands per second, p50 and p99 latency, and
 * the share of the service's time spent in the library (restore, execute, persist) against the
 * database, from the `Server-Timing` header of every answer. Nothing here is asserted: numbers
 * depend on the machine and its load.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Backend, freshBackend } from '../test/service/support/backend';
import { Client } from '../test/service/support/client';
import { connectInput, nextCommand, type RequestState } from '../test/service/support/connect';
import { ROOT } from '../test/service/support/paths';
import { spawnService } from '../test/service/support/process';

const CLIENTS = [1, 8, 32];
const SUBJECTS = 32;
/** Commands per subject before measuring, so every snapshot carries a full audit window. */
const WARM_UP = 100;
const MEASURED = Number(process.env.BENCH_COMMANDS ?? 960);

interface Row {
  backend: string;
  clients: number;
  commands: number;
  perSecond: number;
  p50: number;
  p99: number;
  library: number;
  database: number;
  wait: number;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

function serverTiming(header: string | string[] | undefined): {
  library: number;
  database: number;
  wait: number;
} {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const dur = (name: string) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(text)?.[1] ?? 0);
  return { library: dur('library'), database: dur('database'), wait: dur('wait') };
}

/** Sends `count` commands from `clients` clients, each on its own subjects (no conflicts). */
async function drive(
  url: string,
  subjects: string[],
  state: Map<string, RequestState>,
  clients: number,
  count: number,
) {
  const run = `${clients}-${count}-${performance.now()}`;
  const latencies: number[] = [];
  let library = 0;
  let database = 0;
  let wait = 0;
  let sent = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const client = new Client();
      const mine = subjects.filter((_, i) => i % clients === c);
      for (let k = 0; sent < count; k++) {
        sent++;
        const subject = mine[k % mine.length] as string;
        const body = nextCommand(
          subject,
          state.get(subject) ?? 'pending',
          `bench-${run}-${next++}`,
        );
        const t = performance.now();
        const answer = await client.post(`${url}/connect/${subject}/commands`, body);
        latencies.push(performance.now() - t);
        if (answer.status !== 200) throw new Error(`${answer.status} ${answer.text}`);
        state.set(subject, state.get(subject) === 'inquiring' ? 'pending' : 'inquiring');
        const timing = serverTiming(answer.headers['server-timing']);
        library += timing.library;
        database += timing.database;
        wait += timing.wait;
      }
      client.close();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { seconds, latencies, library, database, wait };
}

async function benchBackend(backend: Backend): Promise<Row[]> {
  const service = await spawnService(backend);
  const rows: Row[] = [];
  try {
    const subjects = Array.from({ length: SUBJECTS }, (_, i) => `AS-BENCH-${i}`);
    const client = new Client();
    for (const s of subjects) await client.post(`${service.url}/connect`, connectInput(s));
    client.close();
    const state = new Map<string, RequestState>();
    await drive(service.url, subjects, state, SUBJECTS, SUBJECTS * WARM_UP);
    for (const clients of CLIENTS) {
      const run = await drive(service.url, subjects, state, clients, MEASURED);
      const total = run.library + run.database + run.wait;
      rows.push({
        backend: backend.name,
        clients,
        commands: run.latencies.length,
        perSecond: run.latencies.length / run.seconds,
        p50: quantile(run.latencies, 0.5),
        p99: quantile(run.latencies, 0.99),
        library: run.library / total,
        database: run.database / total,
        wait: run.wait / total,
      });
      console.error(`${backend.name}, ${clients} clients: done`);
    }
  } finally {
    await service.stop();
    await backend.remove();
  }
  return rows;
}

/** A PostgreSQL server: DATABASE_URL, or a throwaway cluster when PostgreSQL is installed. */
function postgres(): { url: string; stop: () => void } | undefined {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => undefined };
  const script = join(ROOT, 'scripts/postgres.sh');
  // A new folder right under the temp dir, which the cluster's owner (postgres, under root) can reach.
  const dir = join(tmpdir(), `bench-postgres-${process.pid}-${Date.now()}`);
  try {
    const url = execFileSync(script, ['start', dir], { encoding: 'utf8' }).trim().split('\n').pop();
    if (!url) return undefined;
    return { url, stop: () => execFileSync(script, ['stop', dir], { stdio: 'inherit' }) };
  } catch {
    console.error(
      'PostgreSQL: not installed and could not be started; set DATABASE_URL to include it',
    );
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

async function main() {
  const rows: Row[] = [];
  rows.push(...(await benchBackend(await freshBackend('pglite'))));
  const server = postgres();
  if (server) {
    try {
      process.env.DATABASE_URL = server.url;
      rows.push(...(await benchBackend(await freshBackend('postgres'))));
    } finally {
      server.stop();
    }
  }
  console.log(
    `\n${WARM_UP} commands per subject first; then ${MEASURED} commands per row, each client on its own subjects.\n`,
  );
  console.log(
    '| backend | clients | commands/s | p50 ms | p99 ms | library | database | waiting for a connection |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.backend} | ${r.clients} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${pct(r.library)} | ${pct(r.database)} | ${pct(r.wait)} |`,
    );
  }
}

await main();
