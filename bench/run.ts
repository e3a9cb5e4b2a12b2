/**
 * `npm run bench`: the cost of the command layer, measured beside bare XState and a hand-written
 * reducer doing the same work on the same events, in the same run. Numbers vary by machine and
 * load; the ratios are what to compare. Nothing here is asserted.
 */
import { Bench } from 'tinybench';
import { assign, createActor, setup, transition } from 'xstate';
import {
  execute,
  type FulfillmentRequestCommand,
  fulfillmentRequestMachine,
  initial,
  persist,
  restore,
  subscriptionMachine,
} from '../src/index';

const ID = 'PR-3071-1051-2166-001';
const BATCH = 200;
const T0 = Date.parse('2026-01-05T09:00:00Z');
const iso = (i: number) => new Date(T0 + (i + 1) * 60_000).toISOString();

/** The same events for every contender: the vendor inquires, the buyer answers, over and over. */
const events: FulfillmentRequestCommand[] = Array.from({ length: BATCH }, (_, i) =>
  i % 2 === 0
    ? {
        type: 'request.inquire',
        requestId: ID,
        at: iso(i),
        by: { role: 'vendor' },
        params: [{ id: 'email', valueError: 'bad' }],
      }
    : {
        type: 'request.answer',
        requestId: ID,
        at: iso(i),
        by: { role: 'buyer' },
        params: [{ id: 'email', value: `x${i}@example.com` }],
      },
);
const input = {
  id: ID,
  subscriptionId: 'AS-1',
  requestType: 'purchase',
  at: '2026-01-05T09:00:00Z',
  by: { role: 'buyer' },
  params: [{ id: 'email', phase: 'ordering', value: 'a@example.com', required: true }],
} as const;

// --- a hand-written reducer doing the same checks and bookkeeping -----------------------------
interface Param {
  id: string;
  value?: string | undefined;
  valueError?: string | undefined;
}
type Cmd = FulfillmentRequestCommand & { requestId: string; params?: Param[] };
interface State {
  status: 'pending' | 'inquiring';
  version: number;
  updatedAt: string;
  audit: object[];
  params: Param[];
}
function reduce(s: State, command: FulfillmentRequestCommand): State {
  const e = command as Cmd;
  if (e.requestId !== ID || e.at < s.updatedAt) return s;
  const updates: Param[] = e.params ?? [];
  const params = s.params.map((p): Param => {
    const u = updates.find((x) => x.id === p.id);
    if (!u) return p;
    return e.type === 'request.answer' ? { id: p.id, value: u.value } : { ...p, ...u };
  });
  let status: State['status'];
  if (s.status === 'pending' && e.type === 'request.inquire' && params.some((p) => p.valueError))
    status = 'inquiring';
  else if (s.status === 'inquiring' && e.type === 'request.answer') status = 'pending';
  else return s;
  const entry = { at: e.at, by: e.by, command: e.type, from: s.status, to: status, requestId: ID };
  return { status, params, version: s.version + 1, updatedAt: e.at, audit: [...s.audit, entry] };
}
const reducerStart: State = {
  status: 'pending',
  version: 1,
  updatedAt: input.at,
  audit: [{}],
  params: [...input.params],
};

// --- the same two states as a bare XState machine, without the command layer -------------------
const bare = setup({
  types: {} as { context: Omit<State, 'status'>; events: FulfillmentRequestCommand },
  guards: {
    isThis: ({ context, event }) =>
      (event as Cmd).requestId === ID && event.at >= context.updatedAt,
    showsErrors: ({ event }) =>
      event.type === 'request.inquire' && ((event as Cmd).params ?? []).some((p) => p.valueError),
  },
  actions: {
    record: assign(({ context, event }) => {
      const updates: Param[] = (event as Cmd).params ?? [];
      const params = context.params.map((p): Param => {
        const u = updates.find((x) => x.id === p.id);
        if (!u) return p;
        return event.type === 'request.answer' ? { id: p.id, value: u.value } : { ...p, ...u };
      });
      const entry = { at: event.at, by: event.by, command: event.type, requestId: ID };
      return {
        params,
        version: context.version + 1,
        updatedAt: event.at,
        audit: [...context.audit, entry],
      };
    }),
  },
}).createMachine({
  id: 'bare',
  context: { version: 1, updatedAt: input.at, audit: [{}], params: [...input.params] },
  initial: 'pending',
  states: {
    pending: {
      on: { 'request.inquire': { guard: 'showsErrors', target: 'inquiring', actions: 'record' } },
    },
    inquiring: {
      on: { 'request.answer': { guard: 'isThis', target: 'pending', actions: 'record' } },
    },
  },
});

// --- contenders ---------------------------------------------------------------------------------
const requestStart = initial(fulfillmentRequestMachine, input as never).snapshot;
const bareStart = createActor(bare).getSnapshot();
const contenders: Record<string, () => void> = {
  'hand-written reducer': () => {
    let s = reducerStart;
    for (const e of events) s = reduce(s, e);
  },
  'bare XState transition()': () => {
    let s = bareStart;
    for (const e of events) [s] = transition(bare, s, e);
  },
  'execute() (pure API)': () => {
    let s = requestStart;
    for (const e of events) {
      const r = execute(fulfillmentRequestMachine, s, e);
      if (r.ok) s = r.snapshot;
    }
  },
  'XState transition() on our machine': () => {
    let s = requestStart;
    for (const e of events) [s] = transition(fulfillmentRequestMachine, s, e);
  },
  'actor.send (live actor)': () => {
    const actor = createActor(fulfillmentRequestMachine, { input: input as never }).start();
    for (const e of events) actor.send(e);
    actor.stop();
  },
  'execute(), every command refused': () => {
    for (const e of events)
      execute(fulfillmentRequestMachine, requestStart, { ...e, type: 'request.pend' } as never);
  },
};

// --- the subscription: a forwarded command, and persistence with an open child request -------
const sub = initial(subscriptionMachine, {
  id: 'AS-1',
  purchaseRequestId: ID,
  at: input.at,
  by: { role: 'buyer' },
  params: input.params as never,
}).snapshot;
const subJson = JSON.stringify(persist(sub));
const extra: Record<string, () => void> = {
  'subscription execute() (forwarded to its request)': () => {
    let s = sub;
    for (const e of events) {
      const r = execute(subscriptionMachine, s, e as never);
      if (r.ok) s = r.snapshot;
    }
  },
  'subscription persist → JSON → restore': () => {
    for (let i = 0; i < BATCH; i++) restore(subscriptionMachine, JSON.parse(subJson));
  },
};

async function main() {
  // Sanity: every contender walks the same path.
  let r = reducerStart;
  for (const e of events) r = reduce(r, e);
  let x = requestStart;
  for (const e of events)
    x = (execute(fulfillmentRequestMachine, x, e) as { snapshot: typeof x }).snapshot;
  if (r.version !== x.context.version)
    throw new Error(`contenders disagree: ${r.version} vs ${x.context.version}`);

  const bench = new Bench({ time: Number(process.env.BENCH_MS ?? 1500), warmup: true });
  for (const [name, fn] of Object.entries({ ...contenders, ...extra })) bench.add(name, fn);
  await bench.run();

  const perCommand = (name: string) => {
    const task = bench.tasks.find((t) => t.name === name);
    const mean = (task?.result as { latency?: { mean: number } } | undefined)?.latency?.mean;
    return mean === undefined ? Number.NaN : (mean * 1000) / BATCH;
  };
  const reducer = perCommand('hand-written reducer');
  const xstate = perCommand('bare XState transition()');
  console.log(
    `subscription-machines bench: ${BATCH} commands per sample, Node ${process.version}\n`,
  );
  console.log(
    `${'contender'.padEnd(50)} ${'µs/command'.padStart(11)} ${'commands/s'.padStart(12)} ${'× reducer'.padStart(10)} ${'× XState'.padStart(9)}`,
  );
  for (const name of Object.keys({ ...contenders, ...extra })) {
    const us = perCommand(name);
    console.log(
      `${name.padEnd(50)} ${us.toFixed(2).padStart(11)} ${Math.round(1e6 / us)
        .toLocaleString('en-US')
        .padStart(
          12,
        )} ${(us / reducer).toFixed(1).padStart(10)} ${(us / xstate).toFixed(2).padStart(9)}`,
    );
  }

  // A few hundred thousand commands straight through, for the throughput the issue asks about.
  const N = Number(process.env.BENCH_COMMANDS ?? 300_000);
  console.log(`\n${N.toLocaleString('en-US')} commands in a row:`);
  for (const name of ['hand-written reducer', 'bare XState transition()', 'execute() (pure API)']) {
    const fn = contenders[name] as () => void;
    const t = performance.now();
    for (let i = 0; i < N / BATCH; i++) fn();
    const ms = performance.now() - t;
    console.log(
      `  ${name.padEnd(48)} ${(ms / 1000).toFixed(2)} s, ${Math.round((N / ms) * 1000).toLocaleString('en-US')} commands/s`,
    );
  }
}

void main();
