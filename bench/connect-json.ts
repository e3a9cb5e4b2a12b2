/**
 * Connect's own JSON in, commands out: what a processor pays per request document it reads. 1,000
 * subscriptions each go through ten reads of their requests (a purchase inquired, answered and
 * approved; a change scheduled, then approved after its date; a suspend; a resume; a cancel), as
 * Connect's API would return them, 10,000 JSON documents in all. Each is parsed, turned into
 * commands by `connectCommands` against the subscription's snapshot, and executed.
 */
import type { ConnectRequestJson, SubscriptionCommand, SubscriptionSnapshot } from '../src/index';
import { type Contender, measure, table } from './harness';
import { lib } from './library';

const {
  connectCommands,
  execute,
  fromConnectRequest,
  start,
  toConnectRequest,
  subscriptionMachine,
} = lib;

const SUBSCRIPTIONS = 1_000;
const T0 = Date.parse('2026-01-05T09:00:00Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString().replace('.000Z', 'Z');

/** One subscription's life, and the request JSON Connect shows at ten of its moments. */
function life(n: number): string[] {
  const asset = `AS-${String(1000 + n).padStart(4, '0')}-0433-8712`;
  const pr = (k: number) => `PR-${asset.slice(3)}-00${k}`;
  let s: SubscriptionSnapshot = start(subscriptionMachine, {
    id: asset,
    purchaseRequestId: pr(1),
    at: at(0),
    by: { role: 'buyer' },
    productId: 'PRD-276-377-545',
    capabilities: { administrativeHold: true, scheduling: { change: true } },
    items: [{ id: 'MAIL-SEAT', mpn: 'MAIL-SEAT', quantity: 25 }],
    params: [
      {
        id: 'tenant_domain',
        phase: 'ordering',
        value: `tenant-${n}`,
        required: true,
        type: 'subdomain',
      },
      { id: 'admin_email', phase: 'ordering', value: 'it@tenant', required: true, type: 'email' },
      { id: 'subscription_id', phase: 'fulfillment', required: true },
    ],
  });
  const docs: string[] = [];
  let h = 0;
  const step = (command: Record<string, unknown>) => {
    h += 1;
    const result = execute(subscriptionMachine, s, {
      ...command,
      at: at(h),
    } as SubscriptionCommand);
    if (!result.ok) throw new Error(`${command.type}: ${result.rejection.message}`);
    s = result.snapshot;
  };
  const read = () => docs.push(JSON.stringify(toConnectRequest(s)));
  const vendor = { role: 'vendor' } as const;
  const buyer = { role: 'buyer' } as const;
  read();
  step({
    type: 'request.inquire',
    requestId: pr(1),
    params: [{ id: 'admin_email', valueError: 'Not a mailbox' }],
    by: vendor,
  });
  read();
  step({
    type: 'request.answer',
    requestId: pr(1),
    params: [{ id: 'admin_email', value: 'it@tenant.example' }],
    by: buyer,
  });
  step({
    type: 'request.approve',
    requestId: pr(1),
    templateId: 'TL-1',
    params: [{ id: 'subscription_id', value: `CTS-${n}` }],
    by: vendor,
  });
  read();
  step({
    type: 'request.create',
    requestId: pr(2),
    requestType: 'change',
    items: [{ id: 'MAIL-SEAT', quantity: 40 }],
    by: buyer,
  });
  step({ type: 'request.schedule', requestId: pr(2), plannedDate: at(h + 48), by: vendor });
  read();
  step({ type: 'clock.tick', by: { role: 'system' } });
  h += 48;
  step({ type: 'clock.tick', by: { role: 'system' } });
  step({ type: 'request.approve', requestId: pr(2), templateId: 'TL-2', by: vendor });
  read();
  step({ type: 'request.create', requestId: pr(3), requestType: 'suspend', by: buyer });
  read();
  step({ type: 'request.approve', requestId: pr(3), templateId: 'TL-3', by: vendor });
  read();
  step({ type: 'request.create', requestId: pr(4), requestType: 'resume', by: buyer });
  step({ type: 'request.approve', requestId: pr(4), templateId: 'TL-4', by: vendor });
  read();
  step({ type: 'request.create', requestId: pr(5), requestType: 'cancel', by: buyer });
  read();
  step({ type: 'request.approve', requestId: pr(5), templateId: 'TL-5', by: vendor });
  read();
  return docs;
}

/** The documents, built on first use (importing the bench costs nothing). */
let built: { lives: string[][]; documents: number } | undefined;
const corpus = () => {
  if (built === undefined) {
    const lives = Array.from({ length: SUBSCRIPTIONS }, (_, n) => life(n));
    built = { lives, documents: lives.reduce((sum, docs) => sum + docs.length, 0) };
  }
  return built;
};
const capabilities = { administrativeHold: true, scheduling: { change: true } };

/**
 * Reads one subscription's documents: the first with fromConnectRequest, the rest with
 * connectCommands and execute. Returns the last snapshot and how many commands it executed.
 */
function readLife(docs: readonly string[]): { snapshot: SubscriptionSnapshot; commands: number } {
  let commands = 0;
  let snapshot = fromConnectRequest(JSON.parse(docs[0] as string), { capabilities });
  for (let i = 1; i < docs.length; i++) {
    for (const command of connectCommands(snapshot, JSON.parse(docs[i] as string))) {
      const result = execute(subscriptionMachine, snapshot, command);
      if (result.ok) snapshot = result.snapshot;
      commands += 1;
    }
  }
  return { snapshot, commands };
}

/** A contender that takes the next subscription of the corpus on each call. */
function cycling(name: string, each: (n: number) => void, ops: number): Contender {
  let n = 0;
  return {
    name,
    ops,
    run: () => {
      each(n);
      n = (n + 1) % SUBSCRIPTIONS;
    },
  };
}

export async function connectJsonBench(): Promise<string> {
  const { lives, documents } = corpus();
  // One pass over all 10,000 documents, timed once, and the state each subscription ends in.
  const began = performance.now();
  let commands = 0;
  const settled = lives.map((docs) => {
    const read = readLife(docs);
    commands += read.commands;
    return {
      snapshot: read.snapshot,
      json: JSON.parse(docs.at(-1) as string) as ConnectRequestJson,
    };
  });
  const pass = performance.now() - began;
  const per = documents / SUBSCRIPTIONS;
  const contenders: Contender[] = [
    cycling(
      'JSON.parse alone',
      (n) => {
        for (const doc of lives[n] as string[]) JSON.parse(doc);
      },
      per,
    ),
    cycling('read', (n) => readLife(lives[n] as string[]), per),
    cycling(
      're-read',
      (n) => {
        const { snapshot, json } = settled[n] as (typeof settled)[number];
        connectCommands(snapshot, json);
      },
      1,
    ),
    cycling(
      'write',
      (n) => {
        JSON.stringify(toConnectRequest((settled[n] as (typeof settled)[number]).snapshot));
      },
      1,
    ),
  ];
  const us = await measure(contenders);
  const t = (name: string) => us.get(name) as number;
  return [
    `Connect's JSON: ${documents.toLocaleString('en-US')} request documents of ${SUBSCRIPTIONS.toLocaleString('en-US')} subscriptions, ${commands.toLocaleString('en-US')} commands; one pass over all of them took ${Math.round(pass).toLocaleString('en-US')} ms. Below, µs per document (the medians of interleaved rounds over the same documents).`,
    '',
    table([
      { name: 'JSON.parse alone', us: t('JSON.parse alone'), label: '' },
      {
        name: 'read: parse, fromConnectRequest or connectCommands + execute',
        us: t('read'),
        label: '',
      },
      {
        name: 're-read an unchanged document (connectCommands gives [])',
        us: t('re-read'),
        label: '',
      },
      { name: 'write: toConnectRequest + JSON.stringify', us: t('write'), label: '' },
    ]),
  ].join('\n');
}
