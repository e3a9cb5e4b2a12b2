/**
 * Long histories: one subject of each platform takes 100,000 commands. At 1,000, 10,000 and
 * 100,000 commands it reports the time per command (the median of the last 1,000's batches) and the
 * persisted snapshot's size. Neither should grow with the history: the audit and every other list
 * that grows keep a window, and the host's log keeps the rest.
 */
import type { AnyStateMachine } from 'xstate';
import { lib, marketplace, opencell } from './library';

const { execute, persist, start } = lib;
const CHECKPOINTS = [1_000, 10_000, 100_000];
const BATCH = 100;
const T0 = Date.parse('2026-01-05T09:00:00Z');
const at = (n: number) => new Date(T0 + n * 60_000).toISOString().replace('.000Z', 'Z');

interface Life {
  readonly name: string;
  readonly machine: AnyStateMachine;
  readonly input: unknown;
  /** The n-th command of the subject's life (n from 1), each one accepted. */
  readonly command: (n: number) => Record<string, unknown>;
}

const pr = (n: number) => `PR-3071-1051-2166-${n}`;
const ALL_LIVES: readonly Life[] = [
  {
    name: 'Connect subscription: a change request created and approved, over and over',
    machine: lib.subscriptionMachine,
    input: {
      id: 'AS-3071-1051-2166',
      purchaseRequestId: pr(0),
      at: at(0),
      by: { role: 'buyer' },
      items: [{ id: 'SKU-A', quantity: 1 }],
    },
    command: (n) =>
      n === 1
        ? {
            type: 'request.approve',
            requestId: pr(0),
            templateId: 'TL',
            at: at(n),
            by: { role: 'vendor' },
          }
        : n % 2 === 0
          ? {
              type: 'request.create',
              requestId: pr(n),
              requestType: 'change',
              items: [{ id: 'SKU-A', quantity: 1 + (n % 50) }],
              at: at(n),
              by: { role: 'buyer' },
              commandId: `c-${n}`,
            }
          : {
              type: 'request.approve',
              requestId: pr(n - 1),
              templateId: 'TL',
              at: at(n),
              by: { role: 'vendor' },
              commandId: `c-${n}`,
            },
  },
  {
    name: 'Connect fulfillment request: inquired and answered, over and over',
    machine: lib.fulfillmentRequestMachine,
    input: {
      id: pr(0),
      subscriptionId: 'AS-3071-1051-2166',
      requestType: 'purchase',
      at: at(0),
      by: { role: 'buyer' },
      params: [{ id: 'email', phase: 'ordering', value: 'a@example.com', required: true }],
    },
    command: (n) =>
      n % 2 === 1
        ? {
            type: 'request.inquire',
            requestId: pr(0),
            params: [{ id: 'email', valueError: 'taken' }],
            at: at(n),
            by: { role: 'vendor' },
          }
        : {
            type: 'request.answer',
            requestId: pr(0),
            params: [{ id: 'email', value: `a${n}@example.com` }],
            at: at(n),
            by: { role: 'buyer' },
          },
  },
  {
    name: 'Marketplace order: queried and processed, over and over',
    machine: marketplace.marketplaceOrderMachine,
    input: {
      id: 'ORD-1234-5678-9012-3456',
      orderType: 'Purchase',
      agreementId: 'AGR-1234-5678-9012-3456',
      at: at(0),
      by: { role: 'client' },
      parameters: { ordering: [{ externalId: 'domain', value: 'contoso.com' }] },
    },
    command: (n) =>
      n === 1
        ? { type: 'order.place', at: at(n), by: { role: 'client' } }
        : n % 2 === 0
          ? {
              type: 'order.query',
              parameters: {
                ordering: [{ externalId: 'domain', error: { id: 'ERR-1', message: 'taken' } }],
              },
              at: at(n),
              by: { role: 'vendor' },
            }
          : {
              type: 'order.process',
              parameters: { ordering: [{ externalId: 'domain', value: `c${n}.com` }] },
              at: at(n),
              by: { role: 'client' },
            },
  },
  {
    name: 'Marketplace subscription: a Change order placed and completed, over and over',
    machine: marketplace.marketplaceSubscriptionMachine,
    input: {
      id: 'SUB-2119-4550-8674-5962',
      agreementId: 'AGR-2119-4550-8674-0001',
      productId: 'PRD-1111-2222',
      at: at(0),
      by: { role: 'vendor' },
      terms: { period: '1m', commitment: '1y' },
      createdBy: 'vendor',
      lines: [
        { id: 'ALI-2119-4550-8674-5962-0001', item: { id: 'ITM-1111-2222-0001' }, quantity: 10 },
      ],
    },
    command: (n) => {
      const orderId = `ORD-2119-4550-${String(Math.ceil(n / 2) % 10_000).padStart(4, '0')}-${String(Math.floor(Math.ceil(n / 2) / 10_000)).padStart(4, '0')}`;
      return n % 2 === 1
        ? { type: 'order.placed', orderId, orderType: 'Change', at: at(n), by: { role: 'system' } }
        : {
            type: 'order.completed',
            orderId,
            orderType: 'Change',
            at: at(n),
            by: { role: 'system' },
          };
    },
  },
  {
    name: 'Opencell subscription: an amendment a minute, suspended and reactivated in turn',
    machine: opencell.opencellSubscriptionMachine,
    input: {
      code: 'SUB-42',
      offerCode: 'OF_BASIC',
      consumerId: 'CUST-1',
      at: at(0),
      by: { role: 'operator' },
      products: [{ code: 'PR_DATA', quantity: 1 }],
    },
    command: (n) =>
      n === 1
        ? { type: 'subscription.activate', at: at(n), by: { role: 'operator' } }
        : n % 3 === 0
          ? { type: 'subscription.suspend', reason: 'unpaid', at: at(n), by: { role: 'operator' } }
          : n % 3 === 1
            ? { type: 'subscription.reactivate', at: at(n), by: { role: 'operator' } }
            : {
                type: 'amendment.submit',
                amendmentId: `AMD-${n}`,
                effectiveDate: at(n),
                changes: [{ op: 'update', productCode: 'PR_DATA', quantity: 1 + (n % 9) }],
                at: at(n),
                by: { role: 'operator' },
              },
  },
];

/** `BENCH_LIVES=connect,opencell` runs only the subjects whose name starts with one of these. */
const chosen = (process.env.BENCH_LIVES ?? '').toLowerCase().split(',').filter(Boolean);
const LIVES = ALL_LIVES.filter(
  (life) => chosen.length === 0 || chosen.some((c) => life.name.toLowerCase().startsWith(c)),
);

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

function live(life: Life): { at: number; us: number; bytes: number }[] {
  let snapshot = start(life.machine, life.input as never);
  const out: { at: number; us: number; bytes: number }[] = [];
  const recent: number[] = [];
  const last = CHECKPOINTS[CHECKPOINTS.length - 1] as number;
  for (let n = 1; n <= last; n += BATCH) {
    const t = performance.now();
    for (let k = n; k < n + BATCH; k++) {
      const result = execute(life.machine, snapshot, life.command(k) as never);
      if (!result.ok)
        throw new Error(`${life.name}: command ${k} refused: ${result.rejection.message}`);
      snapshot = result.snapshot;
    }
    recent.push(((performance.now() - t) * 1000) / BATCH);
    if (recent.length > 1_000 / BATCH) recent.shift();
    const done = n + BATCH - 1;
    if (CHECKPOINTS.includes(done))
      out.push({ at: done, us: median(recent), bytes: JSON.stringify(persist(snapshot)).length });
  }
  return out;
}

function warm(life: Life): void {
  let snapshot = start(life.machine, life.input as never);
  for (let k = 1; k <= 3_000; k++) {
    const result = execute(life.machine, snapshot, life.command(k) as never);
    if (result.ok) snapshot = result.snapshot;
  }
}

export async function historyBench(): Promise<string> {
  const lines = [
    'Long histories: time per command (median of the last 1,000) and persisted size, by commands seen.',
    '',
    '| subject | µs/cmd at 1k | 10k | 100k | 100k ÷ 1k | bytes at 1k | 10k | 100k |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const life of LIVES) {
    // A first life warms the JIT up, so the 1,000 mark measures the same code as the others.
    warm(life);
    const [a, b, c] = live(life) as unknown as [
      { us: number; bytes: number },
      { us: number; bytes: number },
      { us: number; bytes: number },
    ];
    lines.push(
      `| ${life.name} | ${a.us.toFixed(1)} | ${b.us.toFixed(1)} | ${c.us.toFixed(1)} | ${(c.us / a.us).toFixed(2)}× | ${a.bytes.toLocaleString('en-US')} | ${b.bytes.toLocaleString('en-US')} | ${c.bytes.toLocaleString('en-US')} |`,
    );
  }
  return lines.join('\n');
}
