/**
 * A busy year of a Connect subscription: the purchase approved, then five rounds of a suspend, a
 * resume and a change, each created by the buyer and approved by the vendor: 31 commands. The same
 * commands go to the library and to its contenders: the same chart in bare XState (pure and as a
 * parent that spawns a child actor per request), and a hand-written reducer. The contenders do the
 * same bookkeeping (version, updatedAt, an audit window) but none of the command layer's checks.
 */
import { assign, createActor, enqueueActions, sendTo, setup } from 'xstate';
import type { NewSubscriptionInput, Quantity, SubscriptionCommand } from '../src/index';

const T0 = Date.parse('2026-01-05T09:00:00Z');
const iso = (hour: number) => new Date(T0 + hour * 3_600_000).toISOString().replace('.000Z', 'Z');

export const input: NewSubscriptionInput = {
  id: 'AS-3071-1051-2166',
  purchaseRequestId: 'PR-3071-1051-2166-000',
  at: iso(0),
  by: { role: 'buyer' },
  capabilities: { administrativeHold: true },
  items: [{ id: 'SKU-MS365-E3', quantity: 10 }],
  params: [
    { id: 'email', phase: 'ordering', value: 'ops@example.com', required: true },
    { id: 'subscription_id', phase: 'fulfillment', required: true },
  ],
};

/** The 31 commands. */
export const commands: SubscriptionCommand[] = (() => {
  const out: SubscriptionCommand[] = [
    {
      type: 'request.approve',
      requestId: 'PR-3071-1051-2166-000',
      templateId: 'TL-activation',
      params: [{ id: 'subscription_id', value: 'S-1' }],
      at: iso(1),
      by: { role: 'vendor' },
    },
  ];
  let n = 1;
  for (let round = 0; round < 5; round++) {
    for (const requestType of ['suspend', 'resume', 'change'] as const) {
      const requestId = `PR-3071-1051-2166-${String(n).padStart(3, '0')}`;
      out.push({
        type: 'request.create',
        requestId,
        requestType,
        ...(requestType === 'change' ? { items: [{ id: 'SKU-MS365-E3', quantity: 10 + n }] } : {}),
        at: iso(24 * n),
        by: { role: 'buyer' },
      });
      out.push({
        type: 'request.approve',
        requestId,
        templateId: 'TL-done',
        at: iso(24 * n + 2),
        by: { role: 'vendor' },
      });
      n += 1;
    }
  }
  return out;
})();

type Cmd = {
  type: string;
  at: string;
  by: { role: string };
  requestId?: string;
  requestType?: string;
  items?: { id: string; quantity: Quantity }[];
  params?: { id: string; value?: string }[];
};
interface Open {
  id: string;
  requestType: string;
  status: string;
}
interface Ctx {
  items: { id: string; quantity: Quantity }[];
  params: { id: string; value?: string }[];
  open: Open | null;
  closed: { id: string; status: string }[];
  version: number;
  updatedAt: string;
  audit: object[];
}
const WINDOW = 100;
const start = (): Ctx => ({
  items: [...(input.items ?? [])],
  params: [...(input.params ?? [])],
  open: { id: input.purchaseRequestId, requestType: 'purchase', status: 'pending' },
  closed: [],
  version: 1,
  updatedAt: input.at,
  audit: [
    { version: 1, at: input.at, by: input.by, command: 'create', from: null, to: 'processing' },
  ],
});
const record = (c: Ctx, e: Cmd, from: string, to: string): Partial<Ctx> => {
  const audit = c.audit.length >= WINDOW ? c.audit.slice(1) : c.audit.slice();
  audit.push({
    version: c.version + 1,
    at: e.at,
    by: e.by,
    command: e.type,
    from,
    to,
    requestId: e.requestId,
  });
  return { version: c.version + 1, updatedAt: e.at, audit };
};
const applied = (c: Ctx, e: Cmd): Partial<Ctx> => {
  const items = c.open?.requestType === 'change' ? (e.items ?? c.items) : c.items;
  const params = c.params.map((p) => e.params?.find((u) => u.id === p.id) ?? p);
  const closed = [...c.closed, { id: c.open?.id ?? '', status: 'approved' }].slice(-20);
  return { items, params, closed, open: null };
};

// --- a hand-written reducer ---------------------------------------------------------------------
export interface Reduced {
  status: string;
  context: Ctx;
}
export const reducerStart = (): Reduced => ({ status: 'processing', context: start() });
export function reduce(s: Reduced, command: SubscriptionCommand): Reduced {
  const e = command as Cmd;
  const c = s.context;
  if (e.at < c.updatedAt) return s;
  let to = s.status;
  let next: Partial<Ctx>;
  if (e.type === 'request.create') {
    if (c.open || e.by.role !== 'buyer') return s;
    next = { open: { id: e.requestId ?? '', requestType: e.requestType ?? '', status: 'pending' } };
  } else if (e.type === 'request.approve') {
    if (!c.open || c.open.id !== e.requestId || e.by.role !== 'vendor') return s;
    if (c.open.requestType === 'purchase') to = 'active';
    else if (c.open.requestType === 'suspend') to = 'suspended';
    else if (c.open.requestType === 'resume') to = 'active';
    next = applied(c, e);
  } else return s;
  return { status: to, context: { ...c, ...next, ...record(c, e, s.status, to) } };
}

// --- the same chart in bare XState --------------------------------------------------------------
const isOpen = ({ context, event }: { context: Ctx; event: Cmd }) =>
  context.open?.id === event.requestId &&
  event.by.role === 'vendor' &&
  event.at >= context.updatedAt;
const canCreate = ({ context, event }: { context: Ctx; event: Cmd }) =>
  context.open === null && event.by.role === 'buyer' && event.at >= context.updatedAt;

const bareSetup = setup({
  types: {} as { context: Ctx; events: Cmd },
  guards: {
    isOpen,
    canCreate,
    approvesSuspend: (a) => isOpen(a) && a.context.open?.requestType === 'suspend',
    approvesResume: (a) => isOpen(a) && a.context.open?.requestType === 'resume',
  },
  actions: {
    open: assign(({ context, event }) => ({
      open: { id: event.requestId ?? '', requestType: event.requestType ?? '', status: 'pending' },
      ...record(context, event, 'active', 'active'),
    })),
    approve: assign(({ context, event }) => ({
      ...applied(context, event),
      ...record(context, event, 'x', 'y'),
    })),
  },
});
const chart = {
  id: 'bare',
  context: start,
  initial: 'processing',
  states: {
    processing: {
      on: { 'request.approve': { guard: 'isOpen', target: 'active', actions: 'approve' } },
    },
    active: {
      on: {
        'request.create': { guard: 'canCreate', actions: 'open' },
        'request.approve': [
          { guard: 'approvesSuspend', target: 'suspended', actions: 'approve' },
          { guard: 'isOpen', actions: 'approve' },
        ],
      },
    },
    suspended: {
      on: {
        'request.create': { guard: 'canCreate', actions: 'open' },
        'request.approve': [
          { guard: 'approvesResume', target: 'active', actions: 'approve' },
          { guard: 'isOpen', actions: 'approve' },
        ],
      },
    },
    terminating: {},
    terminated: { type: 'final' },
    draft: {},
    deleted: { type: 'final' },
  },
} as const;
export const bareMachine = bareSetup.createMachine(chart as never);

// --- a bare parent that spawns a child actor per request ------------------------------------------
const child = setup({ types: {} as { events: Cmd } }).createMachine({
  id: 'request',
  initial: 'pending',
  states: { pending: { on: { 'request.approve': 'approved' } }, approved: { type: 'final' } },
});
const parentSetup = setup({
  types: {} as { context: Ctx; events: Cmd },
  actors: { request: child },
  guards: bareMachine.implementations.guards as never,
  actions: {
    open: enqueueActions(({ context, event, enqueue }) => {
      enqueue.assign({
        open: {
          id: event.requestId ?? '',
          requestType: event.requestType ?? '',
          status: 'pending',
        },
        ...record(context, event, 'active', 'active'),
      });
      enqueue.spawnChild('request', { id: event.requestId ?? '' });
    }),
    approve: enqueueActions(({ context, event, enqueue }) => {
      const id = context.open?.id ?? '';
      enqueue(sendTo(id, event));
      enqueue.assign({ ...applied(context, event), ...record(context, event, 'x', 'y') });
      enqueue.stopChild(id);
    }),
  },
});
export const bareParent = parentSetup.createMachine({
  ...(chart as object),
  entry: enqueueActions(({ enqueue }) =>
    enqueue.spawnChild('request', { id: input.purchaseRequestId }),
  ),
} as never);

/** A bare actor walked through the year. */
export function bareActorYear(): void {
  const actor = createActor(bareParent).start();
  for (const c of commands) actor.send(c as never);
  actor.stop();
}
