/**
 * Faults: the service is killed with SIGKILL in the middle of the load and restarted, answers are
 * lost on the way, and the clients resend what got no answer with the same commandIds; the
 * accounting still holds. The relay
 * is killed in the middle of delivery; after the restart every event is delivered at least once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { account } from './support/accounting';
import { type Backend, freshBackend } from './support/backend';
import { Client } from './support/client';
import { connectInput, nextCommand, type RequestState } from './support/connect';
import { runLoad } from './support/load';
import { type ServiceProcess, spawnService } from './support/process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(
  what: string,
  test: () => boolean | Promise<boolean>,
  detail: () => string = () => '',
  timeoutMs = 120_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} ${detail()}`);
    await sleep(50);
  }
}

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
});

async function started(backend: Backend, env: Record<string, string> = {}) {
  const service = await spawnService(backend, env);
  cleanup.push(() => service.kill());
  return service;
}

describe('the service killed with SIGKILL under load', () => {
  it('loses nothing and doubles nothing once the clients have retried', async () => {
    const backend = await freshBackend();
    cleanup.push(() => backend.remove());
    let service: ServiceProcess = await started(backend);
    let url = service.url;
    const subjects = Array.from({ length: 20 }, (_, i) => `AS-FAULT-${String(i).padStart(2, '0')}`);
    const client = new Client();
    for (const s of subjects)
      expect((await client.post(`${url}/connect`, connectInput(s))).status).toBe(201);
    client.close();

    const killAt = [200, 500];
    let kills = 0;
    let restart: Promise<void> | undefined;
    const ledger = await runLoad({
      baseUrl: () => url,
      subjects,
      clients: 8,
      commands: 800,
      seed: 7,
      // Besides the kills, 5% of answers are lost on the way, as with a connection that dies.
      loseAnswers: 0.05,
      onSettled: (l) => {
        const at = killAt[kills];
        if (restart || at === undefined || l.settled < at) return;
        kills++;
        restart = (async () => {
          await service.kill();
          service = await started(backend);
          url = service.url;
          restart = undefined;
        })();
      },
    });
    await restart;
    expect(kills).toBe(2);
    expect(await service.stop()).toBe(0);

    const db = await backend.open();
    try {
      const accounting = await account(db, ledger, subjects);
      console.log(`SIGKILL ×${kills} on ${backend.name}: ${JSON.stringify(accounting)}`);
      // The kills cut requests off, and answers were lost: clients had to resend, and commands
      // applied without an answer were recognised as duplicates of themselves.
      expect(ledger.transient).toBeGreaterThan(0);
      expect(accounting.appliedUnanswered).toBeGreaterThan(0);
      expect(ledger.serverErrors).toBe(0);
    } finally {
      await db.close();
    }
  }, 600_000);
});

interface Received {
  readonly seq: number;
  readonly subjectId: string;
  readonly version: number;
  readonly event: unknown;
}

/** A webhook on 127.0.0.1 that is slow, and fails every seventh delivery. */
async function webhook(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  let calls = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls++;
      setTimeout(() => {
        if (calls % 7 === 0) {
          res.writeHead(500).end();
          return;
        }
        received.push(JSON.parse(Buffer.concat(chunks).toString()) as Received);
        res.writeHead(204).end();
      }, 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/events`, received, server };
}

describe('the relay killed in the middle of delivery', () => {
  it('delivers every event at least once after the restart, each subject in order', async () => {
    const backend = await freshBackend();
    cleanup.push(() => backend.remove());
    const sink = await webhook();
    cleanup.push(() => new Promise((resolve) => sink.server.close(resolve)));
    const env = { OUTBOX_WEBHOOK: sink.url };
    let service = await started(backend, env);

    // 10 subjects and 60 commands: 200 events, written faster than the webhook takes them.
    const client = new Client();
    let events = 0;
    const state = new Map<string, RequestState>();
    for (let i = 0; i < 10; i++) {
      const created = await client.post(`${service.url}/connect`, connectInput(`AS-RELAY-${i}`));
      events += created.body.emitted.length;
    }
    for (let n = 0; n < 60; n++) {
      const subject = `AS-RELAY-${n % 10}`;
      const answer = await client.post(
        `${service.url}/connect/${subject}/commands`,
        nextCommand(subject, state.get(subject) ?? 'pending', `relay-${n}`),
      );
      expect(answer.status).toBe(200);
      events += answer.body.emitted.length;
      state.set(subject, state.get(subject) === 'inquiring' ? 'pending' : 'inquiring');
    }
    client.close();
    const distinct = () => new Set(sink.received.map((r) => r.seq)).size;
    await until('the first deliveries', () => distinct() >= 40);
    expect(distinct()).toBeLessThan(events);
    await service.kill();
    const atKill = distinct();

    service = await started(backend, env);
    await until(
      'every event',
      () => distinct() === events,
      () => `(${distinct()} of ${events} delivered; service log in ${backend.dir})`,
    );
    expect(await service.stop()).toBe(0);

    const db = await backend.open();
    try {
      const { rows } = await db.query<{ seq: number; event: string; delivered: boolean }>(
        `SELECT seq::integer AS seq, event::text AS event, delivered_at IS NOT NULL AS delivered
           FROM outbox ORDER BY seq`,
      );
      expect(rows.length).toBe(events);
      expect(rows.every((r) => r.delivered)).toBe(true);
      const bySeq = new Map(rows.map((r) => [r.seq, JSON.parse(r.event)]));
      for (const r of sink.received) expect(r.event).toEqual(bySeq.get(r.seq));
      // Each subject's events arrive in version order (a redelivery may repeat an older one).
      const firsts = new Map<number, Received>();
      for (const r of sink.received) if (!firsts.has(r.seq)) firsts.set(r.seq, r);
      const lastVersion = new Map<string, number>();
      for (const r of firsts.values()) {
        expect(r.version).toBeGreaterThanOrEqual(lastVersion.get(r.subjectId) ?? 0);
        lastVersion.set(r.subjectId, r.version);
      }
      console.log(
        `relay killed after ${atKill} of ${events} events: ${sink.received.length} deliveries, ` +
          `${sink.received.length - events} repeated`,
      );
    } finally {
      await db.close();
    }
  }, 300_000);
});
