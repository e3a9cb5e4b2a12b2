/**
 * The endpoints, for each machine: creation, commands, reads for a role, the full history, and the
 * guarantees a client relies on (a refused command writes nothing; a commandId applies once, even
 * long after the snapshot forgot it).
 */
import { execute, restore, subscriptionMachine } from 'subscription-machines';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectEdgeInput } from './corpus/connect';
import { orderEdgeInput, subscriptionEdgeInput } from './corpus/marketplace';
import { opencellEdgeInput } from './corpus/opencell';
import { Client } from './support/client';
import { COMMAND_AT, connectInput, nextCommand, type RequestState } from './support/connect';
import { footprint, type InProcess, inProcessService } from './support/in-process';

// The service and its database share the machine with the rest of the suite: be patient.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let service: InProcess;
const client = new Client();
const url = (path: string) => `${service.url}${path}`;

beforeAll(async () => {
  service = await inProcessService();
}, 120_000);

afterAll(async () => {
  client.close();
  await service?.close();
});

it('GET /health answers { ok: true }', async () => {
  const answer = await client.send(url('/health'));
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({ ok: true });
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
});

describe.each([
  ['connect', { ...connectEdgeInput, id: 'AS-API-0001' }, 'AS-API-0001', 'processing', 'vendor'],
  ['marketplace-subscription', subscriptionEdgeInput, subscriptionEdgeInput.id, 'Active', 'vendor'],
  ['marketplace-order', orderEdgeInput, orderEdgeInput.id, 'New', 'client'],
  ['opencell', opencellEdgeInput, opencellEdgeInput.code, 'CREATED', 'operator'],
])('%s', (machine, input, id, status, role) => {
  it('creates a subject: 201, then 409 for the same id, writing nothing more', async () => {
    const created = await client.post(url(`/${machine}`), input);
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ id, status, version: 1 });
    expect(created.body.emitted[0]).toMatchObject({
      type: 'audit.recorded',
      entry: { version: 1, command: 'create', from: null, to: status },
    });
    const before = await footprint(service.db);
    const again = await client.post(url(`/${machine}`), input);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(await footprint(service.db)).toBe(before);
  });

  it('reads it for a role, with the commands that role may send now', async () => {
    const read = await client.send(url(`/${machine}/${id}?role=${role}`));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, status, version: 1 });
    expect(read.body.context.version).toBe(1);
    expect(read.body.availableCommands.length).toBeGreaterThan(0);
    // A role the machine does not have, or none, may send nothing.
    for (const query of ['?role=nobody', '']) {
      const other = await client.send(url(`/${machine}/${id}${query}`));
      expect(other.body.availableCommands).toEqual([]);
    }
  });

  it('answers its history: the creation entry', async () => {
    const history = await client.send(url(`/${machine}/${id}/history`));
    expect(history.status).toBe(200);
    expect(history.body.entries).toEqual([
      expect.objectContaining({ version: 1, command: 'create', to: status }),
    ]);
  });
});

describe('commands', () => {
  const subject = 'AS-API-0100';
  let state: RequestState = 'pending';
  const send = async (commandId: string, extra: { expectedVersion?: number } = {}) => {
    const answer = await client.post(
      url(`/connect/${subject}/commands`),
      nextCommand(subject, state, commandId, extra),
    );
    if (answer.status === 200 && !answer.body.duplicate) {
      state = state === 'pending' ? 'inquiring' : 'pending';
    }
    return answer;
  };

  beforeAll(async () => {
    expect((await client.post(url('/connect'), connectInput(subject))).status).toBe(201);
  });

  it('accepts a command: its status, version, and what it emitted', async () => {
    const answer = await send('api-1', { expectedVersion: 1 });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ status: 'processing', version: 2, duplicate: false });
    expect(answer.body.emitted.map((e: { type: string }) => e.type)).toEqual([
      'audit.recorded',
      'request.changed',
      'notification',
    ]);
    expect(answer.headers['server-timing']).toMatch(
      /library;dur=[\d.]+, database;dur=[\d.]+, wait;dur=[\d.]+/,
    );
  });

  it('answers a retry as a duplicate, writing nothing', async () => {
    const before = await footprint(service.db);
    const retry = await client.post(
      url(`/connect/${subject}/commands`),
      nextCommand(subject, 'pending', 'api-1', { expectedVersion: 1 }),
    );
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ status: 'processing', version: 2, duplicate: true, emitted: [] });
    expect(await footprint(service.db)).toBe(before);
  });

  it('refuses a stale expectedVersion with 409 and the rejection, writing nothing', async () => {
    const before = await footprint(service.db);
    const stale = await send('api-2', { expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'STALE_VERSION',
      status: 'processing',
      command: { commandId: 'api-2', expectedVersion: 1 },
    });
    expect(await footprint(service.db)).toBe(before);
  });

  it('refuses any other rejection with 422 and the rejection, writing nothing', async () => {
    const before = await footprint(service.db);
    const command = { ...nextCommand(subject, state, 'api-3'), by: { role: 'system' } };
    const refused = await client.post(url(`/connect/${subject}/commands`), command);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN_ROLE', command, status: 'processing' });
    expect(await footprint(service.db)).toBe(before);
  });

  it('accepts a clock.tick with nothing due, writing nothing', async () => {
    const before = await footprint(service.db);
    const tick = { type: 'clock.tick', at: COMMAND_AT, by: { role: 'system' }, commandId: 'api-t' };
    const answer = await client.post(url(`/connect/${subject}/commands`), tick);
    expect(answer.body).toEqual({
      status: 'processing',
      version: 2,
      duplicate: false,
      emitted: [],
    });
    expect(await footprint(service.db)).toBe(before);
  });

  it('applies a commandId once, even after the snapshot forgot it', async () => {
    for (let i = 0; i < 120; i++) expect((await send(`api-more-${i}`)).status).toBe(200);
    const read = await client.send(url(`/connect/${subject}?role=vendor`));
    expect(read.body.version).toBe(122);
    // The snapshot keeps a window of the audit; api-1 has left it, and the library alone would apply it again.
    expect(
      read.body.context.audit.some((e: { commandId?: string }) => e.commandId === 'api-1'),
    ).toBe(false);
    const { rows } = await service.db.query<{ snapshot: string }>(
      `SELECT snapshot::text AS snapshot FROM subjects WHERE id = $1`,
      [subject],
    );
    const snapshot = restore(subscriptionMachine, JSON.parse(rows[0]?.snapshot ?? ''));
    const old = nextCommand(subject, state, 'api-1');
    const alone = execute(subscriptionMachine, snapshot, old as never);
    expect(alone.ok && !alone.duplicate).toBe(true);

    const before = await footprint(service.db);
    const retry = await client.post(url(`/connect/${subject}/commands`), old);
    expect(retry.body).toEqual({
      status: 'processing',
      version: 122,
      duplicate: true,
      emitted: [],
    });
    expect(await footprint(service.db)).toBe(before);
  });

  it('keeps the full history, in version order, past the snapshot window', async () => {
    const history = await client.send(url(`/connect/${subject}/history`));
    const entries = history.body.entries as { version: number; commandId?: string }[];
    expect(entries.map((e) => e.version)).toEqual(Array.from({ length: 122 }, (_, i) => i + 1));
    expect(entries[1]?.commandId).toBe('api-1');
  });

  it('answers 500 for a stored snapshot that does not restore, and writes nothing', async () => {
    await client.post(url('/connect'), connectInput('AS-API-0200'));
    await service.db.query(
      `UPDATE subjects SET snapshot = '{"schema":"someone-else"}' WHERE id = 'AS-API-0200'`,
    );
    const before = await footprint(service.db);
    const answer = await client.post(
      url('/connect/AS-API-0200/commands'),
      nextCommand('AS-API-0200', 'pending', 'api-x'),
    );
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ code: 'SNAPSHOT_INVALID' });
    expect((await client.send(url('/connect/AS-API-0200?role=vendor'))).status).toBe(500);
    expect(await footprint(service.db)).toBe(before);
  });
});
