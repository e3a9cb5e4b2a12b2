/**
 * Concurrency: 8 clients on their own connections send 2,000 commands to 20 subscriptions, with
 * conflicting expectedVersions, the same command twice at once, and retries of old commandIds.
 * Then the database must account for every answer exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account } from './support/accounting';
import { type Backend, freshBackend } from './support/backend';
import { Client } from './support/client';
import { connectInput } from './support/connect';
import { runLoad } from './support/load';
import { type ServiceProcess, spawnService } from './support/process';

const SUBJECTS = Array.from({ length: 20 }, (_, i) => `AS-LOAD-${String(i).padStart(2, '0')}`);

describe('the service under concurrent load', () => {
  let backend: Backend;
  let service: ServiceProcess;

  beforeAll(async () => {
    backend = await freshBackend();
    service = await spawnService(backend);
  }, 180_000);

  afterAll(async () => {
    await service?.kill();
    await backend?.remove();
  });

  it('applies each accepted command once, under one version, with its events', async () => {
    const client = new Client();
    for (const subject of SUBJECTS) {
      const created = await client.post(`${service.url}/connect`, connectInput(subject));
      expect(created.status).toBe(201);
    }
    client.close();

    const ledger = await runLoad({
      baseUrl: () => service.url,
      subjects: SUBJECTS,
      clients: 8,
      commands: 2_000,
    });
    // SIGTERM: a clean exit, and nothing on stdout but the one line.
    expect(await service.stop()).toBe(0);
    expect(service.stdout()).toBe(`listening on ${service.url}\n`);

    const db = await backend.open();
    try {
      const accounting = await account(db, ledger, SUBJECTS);
      console.log(`load on ${backend.name}: ${JSON.stringify(accounting)}`);
      expect(accounting.commands).toBeGreaterThanOrEqual(2_000);
      // Races really happened: stale versions were refused, duplicates recognised.
      expect(accounting.stale).toBeGreaterThan(0);
      expect(accounting.duplicateAnswers).toBeGreaterThan(0);
      // On a server, writers really overlap: some lost the race and were retried by the service.
      // (PGlite runs one transaction at a time, so there no race is ever lost.)
      if (backend.name === 'PostgreSQL') expect(accounting.lostRaces).toBeGreaterThan(0);
      // The service never failed. (A client may still meet a reset keep-alive connection, or a
      // 503 for a subject contended past every attempt: it resends, which the accounting covers.)
      expect(ledger.serverErrors, ledger.transientErrors.join('\n')).toBe(0);
    } finally {
      await db.close();
    }
  }, 600_000);
});
