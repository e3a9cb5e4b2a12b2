/**
 * The life of a CloudBlue Connect subscription, told through the public API only. `npm run demo`
 * tells it; `npm run inspect` tells it with the XState inspector attached.
 *
 * 1. A purchase is inquired for a bad e-mail, answered, and approved with a fulfillment parameter.
 * 2. The subscription is suspended and then resumed, as in the Connect Processor SDK's use case
 *    "Subscription Resumption".
 * 3. A change is scheduled for a future date, applied when the clock reaches it.
 * 4. A cancel request fails; a second one is approved.
 */

import {
  type ConnectRole,
  persist,
  type SubscriptionCommand,
  type SubscriptionEmitted,
  type SubscriptionMachine,
  subscriptionMachine,
} from 'subscription-machines';
import { type Actor, createActor, type InspectionEvent, type Observer } from 'xstate';

const SUBSCRIPTION = 'AS-3071-1051-2166';
const PURCHASE = 'PR-3071-1051-2166-001';

export interface StoryOptions {
  /** An inspection observer for the subscription's actor (and so for its open requests). */
  readonly inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  /** Where each line of the story goes (default: `console.log`). */
  readonly log?: (line: string) => void;
}

/** Tells the story and returns the subscription's actor, done in `terminated`. */
export function tellStory({
  inspect,
  log = console.log,
}: StoryOptions = {}): Actor<SubscriptionMachine> {
  const time = (at: string) => at.replace('T', ' ').replace(/:00Z$/, 'Z');
  const line = (at: string, what: string, detail = '') =>
    log(`${time(at).padEnd(18)} ${what.padEnd(34)} ${detail}`);

  const actor = createActor(subscriptionMachine, {
    ...(inspect ? { inspect } : {}),
    input: {
      id: SUBSCRIPTION,
      purchaseRequestId: PURCHASE,
      at: '2026-01-05T09:00:00Z',
      by: { role: 'buyer', id: 'UR-buyer-1' },
      connection: 'preview',
      capabilities: { administrativeHold: true, scheduling: { change: true } },
      items: [{ id: 'SKU-MS365-E3', quantity: 10 }],
      params: [
        { id: 'admin_email', phase: 'ordering', value: 'it-admin@contoso', required: true },
        { id: 'subscription_id', phase: 'fulfillment', required: true },
      ],
    },
  });

  actor.on('*', (event: SubscriptionEmitted) => {
    switch (event.type) {
      case 'status.changed':
        return line(event.at, `subscription ${event.from} → ${event.to}`);
      case 'request.changed':
        return line(
          event.at,
          `  ${event.requestType} ${event.requestId.slice(-3)} ${event.from ?? 'new'} → ${event.to}`,
        );
      case 'notification':
        return line(
          event.at,
          `  ✉ ${event.template} template`,
          event.requestId ? `(request ${event.requestId})` : '',
        );
      case 'command.rejected': {
        const { code, message, command } = event.rejection;
        return line(
          command.at,
          `✗ REFUSED ${command.type} by ${command.by.role}`,
          `${code}: ${message}`,
        );
      }
    }
  });

  log(`subscription-machines demo: CloudBlue Connect subscription ${SUBSCRIPTION}\n`);
  line('2026-01-05T09:00:00Z', 'subscription created', `with purchase request ${PURCHASE}`);
  actor.start();
  line('2026-01-05T09:00:00Z', `  subscription is ${actor.getSnapshot().value}`);

  const send = (
    type: SubscriptionCommand['type'],
    at: string,
    role: ConnectRole,
    payload: object = {},
  ) => actor.send({ type, at, by: { role }, ...payload } as SubscriptionCommand);
  const section = (title: string) => log(`\n— ${title}`);

  section('1. The purchase: inquired for a bad e-mail, answered, approved');
  send('request.inquire', '2026-01-05T10:00:00Z', 'vendor', {
    requestId: PURCHASE,
    params: [
      { id: 'admin_email', valueError: 'Not a mailbox: add the domain, e.g. it-admin@contoso.com' },
    ],
  });
  send('request.answer', '2026-01-05T14:30:00Z', 'buyer', {
    requestId: PURCHASE,
    params: [{ id: 'admin_email', value: 'it-admin@contoso.com' }],
  });
  send('request.approve', '2026-01-06T08:00:00Z', 'vendor', {
    requestId: PURCHASE,
    templateId: 'TL-activation',
  });
  send('request.approve', '2026-01-06T08:05:00Z', 'vendor', {
    requestId: PURCHASE,
    templateId: 'TL-activation',
    params: [{ id: 'subscription_id', value: 'VENDOR-SUB-77215' }],
  });

  section('2. Suspended, then resumed by the vendor on this preview subscription');
  send('request.create', '2026-02-02T09:00:00Z', 'buyer', {
    requestId: 'PR-3071-1051-2166-002',
    requestType: 'suspend',
  });
  send('request.approve', '2026-02-02T09:10:00Z', 'vendor', {
    requestId: 'PR-3071-1051-2166-002',
    templateId: 'TL-suspended',
  });
  send('request.create', '2026-02-16T09:00:00Z', 'vendor', {
    requestId: 'PR-3071-1051-2166-003',
    requestType: 'resume',
  });
  send('request.approve', '2026-02-16T09:02:00Z', 'vendor', {
    requestId: 'PR-3071-1051-2166-003',
    templateId: 'TL-resumed',
  });

  section('3. A change to 25 seats, scheduled for 1 April and applied when the clock gets there');
  send('request.create', '2026-03-10T11:00:00Z', 'buyer', {
    requestId: 'PR-3071-1051-2166-004',
    requestType: 'change',
    items: [{ id: 'SKU-MS365-E3', quantity: 25 }],
  });
  send('request.schedule', '2026-03-10T11:30:00Z', 'vendor', {
    requestId: 'PR-3071-1051-2166-004',
    plannedDate: '2026-04-01T00:00:00Z',
  });
  send('clock.tick', '2026-03-31T00:00:00Z', 'system');
  send('clock.tick', '2026-04-01T00:00:00Z', 'system');
  send('request.approve', '2026-04-01T06:00:00Z', 'vendor', {
    requestId: 'PR-3071-1051-2166-004',
    templateId: 'TL-changed',
  });
  const { items } = actor.getSnapshot().context;
  log(
    `${''.padEnd(18)} ${'  items now'.padEnd(34)} ${items.map((i) => `${i.id} × ${i.quantity}`).join(', ')}`,
  );

  section('4. A cancel fails, a second cancel is approved');
  send('request.create', '2026-06-01T09:00:00Z', 'buyer', {
    requestId: 'PR-3071-1051-2166-005',
    requestType: 'cancel',
  });
  send('request.fail', '2026-06-01T12:00:00Z', 'vendor', {
    requestId: 'PR-3071-1051-2166-005',
    reason: 'Annual commitment: cancel at term end',
  });
  send('request.create', '2026-12-31T09:00:00Z', 'buyer', {
    requestId: 'PR-3071-1051-2166-006',
    requestType: 'cancel',
  });
  send('request.approve', '2026-12-31T10:00:00Z', 'vendor', {
    requestId: 'PR-3071-1051-2166-006',
    templateId: 'TL-terminated',
  });

  const final = actor.getSnapshot();
  const json = JSON.stringify(persist(final));
  log(
    `\nFinal: ${final.value}, version ${final.context.version}, ${final.context.requests.length} requests closed, ` +
      `${final.context.audit.length} audit entries. Persisted JSON: ${json.length.toLocaleString('en-US')} bytes.`,
  );
  return actor;
}
