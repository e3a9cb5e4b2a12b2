/**
 * The outbox relay, in process: a file sink receives every event as a JSON line and the rows are
 * marked; a sink that fails leaves them for the next try, counted.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { type Relay, startRelay } from '../../examples/service/relay/relay';
import { fileSink, webhookSink } from '../../examples/service/relay/sinks';
import { Client } from './support/client';
import { connectInput, nextCommand } from './support/connect';
import { freshDataDir } from './support/data-dir';
import { type InProcess, inProcessService } from './support/in-process';

// The service and its database share the machine with the rest of the suite: be patient.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function undelivered(service: InProcess): Promise<number> {
  const { rows } = await service.db.query<{ n: number }>(
    'SELECT count(*)::integer AS n FROM outbox WHERE delivered_at IS NULL',
  );
  return rows[0]?.n ?? -1;
}

it('appends every event to the file, in order, and marks it delivered', async () => {
  const { dir } = await freshDataDir();
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'events.jsonl');
  const service = await inProcessService({ sink: fileSink(path) });
  cleanup.push(() => service.close());
  const client = new Client();
  let events = 0;
  for (const subject of ['AS-FILE-1', 'AS-FILE-2']) {
    events += (await client.post(`${service.url}/connect`, connectInput(subject))).body.emitted
      .length;
    const sent = await client.post(
      `${service.url}/connect/${subject}/commands`,
      nextCommand(subject, 'pending', `file-${subject}`),
    );
    events += sent.body.emitted.length;
  }
  client.close();
  for (let i = 0; i < 400 && (await undelivered(service)) > 0; i++) await sleep(50);
  expect(await undelivered(service)).toBe(0);

  const lines = (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: events }, (_, i) => i + 1));
  const { rows } = await service.db.query<{ event: string }>(
    'SELECT event::text AS event FROM outbox ORDER BY seq',
  );
  expect(lines.map((l) => l.event)).toEqual(rows.map((r) => JSON.parse(r.event)));
  expect(lines[0]).toMatchObject({ machine: 'connect', subjectId: 'AS-FILE-1', version: 1 });
});

it('keeps what a failing sink did not take, counting the attempts', async () => {
  const service = await inProcessService();
  cleanup.push(() => service.close());
  const client = new Client();
  await client.post(`${service.url}/connect`, connectInput('AS-DOWN-1'));
  client.close();
  // Nothing listens on port 9 (discard) here: every delivery is refused.
  const relay: Relay = startRelay({
    db: service.db,
    sink: webhookSink('http://127.0.0.1:9/events', 1_000),
    pollMs: 20,
  });
  cleanup.push(() => relay.stop());
  const attempts = async () =>
    (await service.db.query<{ a: number }>('SELECT max(attempts) AS a FROM outbox')).rows[0]?.a ??
    0;
  for (let i = 0; i < 400 && (await attempts()) < 2; i++) await sleep(50);
  expect(await attempts()).toBeGreaterThanOrEqual(2);
  expect(await undelivered(service)).toBe(2);
  const { rows } = await service.db.query<{ last_error: string }>(
    'SELECT last_error FROM outbox ORDER BY seq LIMIT 1',
  );
  expect(rows[0]?.last_error).toMatch(/the webhook failed/);
});
