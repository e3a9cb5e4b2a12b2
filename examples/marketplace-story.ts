/**
 * The life of a SoftwareOne Marketplace subscription and its orders, told through the public API
 * only. `npm run demo -- marketplace` tells it.
 *
 * 1. A Purchase order is queried for its partner id, answered, and completed with the vendor's
 *    fulfillment parameter; the platform relays it to the Draft subscription it created.
 * 2. A Change order names the existing line by id and adds a new line with its item.
 * 3. The commitment renews on the clock; a Configuration order turns auto-renewal off.
 * 4. A Termination order sets the end date ahead and completes it; a stray order fails with
 *    statusNotes as the platform's message object.
 */
import { persist } from 'subscription-machines';
import {
  type MarketplaceOrderCommand,
  type MarketplaceOrderInput,
  type MarketplaceSubscriptionCommand,
  type MarketplaceSubscriptionEmitted,
  marketplaceOrderMachine,
  marketplaceSubscriptionMachine,
  type OrderType,
  toMarketplaceOrder,
  toMarketplaceSubscription,
} from 'subscription-machines/marketplace';
import { createActor } from 'xstate';

const SUBSCRIPTION = 'SUB-2119-4550-8674-5962';
const AGREEMENT = 'AGR-2119-4550-8674-0001';
const order = (n: number) => `ORD-2119-4550-8674-000${n}`;

/** Tells the story, one line per event, through `log` (default: `console.log`). */
export function tellMarketplaceStory({ log = console.log }: { log?: (line: string) => void } = {}) {
  const time = (at: string) => at.replace('T', ' ').replace(/:00Z$/, 'Z');
  const line = (at: string, what: string, detail = '') =>
    log(`${time(at).padEnd(18)} ${what.padEnd(36)} ${detail}`.trimEnd());
  const section = (title: string) => log(`\n— ${title}`);

  const subscription = createActor(marketplaceSubscriptionMachine, {
    input: {
      id: SUBSCRIPTION,
      agreementId: AGREEMENT,
      productId: 'PRD-1111-2222',
      name: 'Subscription for Microsoft Office 365 E3',
      at: '2026-01-31T09:00:00Z',
      by: { role: 'system' },
      terms: { period: '1m', commitment: '1m' },
      startDate: '2026-01-31T00:00:00Z',
      createdBy: 'order',
      orderId: order(1),
      lines: [
        { id: 'ALI-2119-4550-8674-5962-0001', item: { id: 'ITM-1111-2222-0001' }, quantity: 10 },
      ],
    },
  });
  subscription.on('*', (event: MarketplaceSubscriptionEmitted) => {
    if (event.type === 'status.changed')
      line(event.at, `subscription ${event.from} → ${event.to}`, event.requestId ?? '');
    if (event.type === 'subscription.renewed')
      line(
        event.at,
        '  renewed',
        `${time(event.previousCommitmentDate)} → ${time(event.commitmentDate)} (anchored on the 31st)`,
      );
    if (event.type === 'command.rejected') {
      const { code, message, command } = event.rejection;
      line(command.at, `✗ REFUSED ${command.type}`, `${code}: ${message}`);
    }
  });
  const relay = (
    what: 'placed' | 'completed' | 'failed',
    orderId: string,
    orderType: OrderType,
    at: string,
    payload: object = {},
  ) =>
    subscription.send({
      type: `order.${what}`,
      orderId,
      orderType,
      at,
      by: { role: 'system' },
      ...payload,
    } as MarketplaceSubscriptionCommand);

  /** An order's own life, its status changes printed; returns its actor. */
  const runOrder = (input: MarketplaceOrderInput, commands: readonly MarketplaceOrderCommand[]) => {
    const actor = createActor(marketplaceOrderMachine, { input });
    actor.on('status.changed', (e) =>
      line(e.at, `  order ${input.id.slice(-4)} ${e.from} → ${e.to}`),
    );
    actor.on('command.rejected', ({ rejection: r }) =>
      line(r.command.at, `  ✗ REFUSED ${r.command.type}`, `${r.code}: ${r.message}`),
    );
    actor.start();
    for (const command of commands) actor.send(command);
    return actor;
  };

  log(`subscription-machines demo: SoftwareOne Marketplace subscription ${SUBSCRIPTION}\n`);
  subscription.start();
  line(
    '2026-01-31T09:00:00Z',
    'subscription created',
    `${subscription.getSnapshot().value}, by its Purchase order`,
  );

  section('1. The Purchase order: queried for the partner id, answered, completed');
  const purchase = runOrder(
    {
      id: order(1),
      orderType: 'Purchase',
      agreementId: AGREEMENT,
      at: '2026-01-31T08:55:00Z',
      by: { role: 'client' },
      parameters: {
        ordering: [{ externalId: 'msPartnerId', value: '123456', constraints: { required: true } }],
        fulfillment: [{ externalId: 'tenantId' }],
      },
    },
    [
      { type: 'order.place', at: '2026-01-31T09:00:00Z', by: { role: 'client' } },
      {
        type: 'order.query',
        parameters: {
          ordering: [
            {
              externalId: 'msPartnerId',
              error: { id: 'E001234', message: 'Unknown MS Partner ID' },
            },
          ],
        },
        templateId: 'TPL-1234-4444',
        at: '2026-01-31T10:00:00Z',
        by: { role: 'vendor' },
      },
      {
        type: 'order.process',
        parameters: { ordering: [{ externalId: 'msPartnerId', value: '654321' }] },
        at: '2026-01-31T11:30:00Z',
        by: { role: 'client' },
      },
      {
        type: 'order.complete',
        templateId: 'TPL-1234-5555',
        parameters: {
          fulfillment: [{ externalId: 'tenantId', value: '69b73824-ce76-4866-ad47-b615ae9d8998' }],
        },
        at: '2026-01-31T12:00:00Z',
        by: { role: 'vendor' },
      },
    ],
  );
  relay('completed', order(1), 'Purchase', '2026-01-31T12:00:00Z');
  const json = toMarketplaceOrder(purchase.getSnapshot());
  line(
    '2026-01-31T12:00:00Z',
    '  order JSON',
    `${json.status}, tenantId ${String(json.parameters.fulfillment[0]?.value).slice(0, 8)}…, template ${json.template?.id}`,
  );

  section('2. A Change order: the existing line by id, a new line with its item');
  relay('placed', order(2), 'Change', '2026-02-10T09:00:00Z');
  relay('completed', order(2), 'Change', '2026-02-10T15:00:00Z', {
    lines: [
      { id: 'ALI-2119-4550-8674-5962-0001', quantity: 25 },
      { id: 'ALI-2119-4550-8674-5962-0002', item: { id: 'ITM-4444-4444-0031' }, quantity: 2 },
    ],
  });
  const lines = subscription.getSnapshot().context.lines;
  line(
    '2026-02-10T15:00:00Z',
    '  lines now',
    lines.map((l) => `${l.item.id} × ${l.quantity}`).join(', '),
  );

  section('3. Renewal at the commitment date; a Configuration order turns auto-renewal off');
  subscription.send({ type: 'clock.tick', at: '2026-02-28T00:00:00Z', by: { role: 'system' } });
  subscription.send({ type: 'clock.tick', at: '2026-03-31T00:00:00Z', by: { role: 'system' } });
  relay('placed', order(3), 'Configuration', '2026-04-02T09:00:00Z');
  relay('completed', order(3), 'Configuration', '2026-04-02T09:30:00Z', { autoRenew: false });
  line('2026-04-02T09:30:00Z', '  autoRenew', String(subscription.getSnapshot().context.autoRenew));

  section('4. A Termination order dates the end ahead; a stray order fails with statusNotes');
  relay('placed', order(4), 'Termination', '2026-04-10T09:00:00Z', {
    terminationDate: '2026-04-30T00:00:00Z',
  });
  line(
    '2026-04-10T09:00:00Z',
    '  terminationDate',
    toMarketplaceSubscription(subscription.getSnapshot()).terminationDate ?? '',
  );
  relay('placed', order(5), 'Change', '2026-04-11T09:00:00Z');
  const stray = runOrder(
    {
      id: order(5),
      orderType: 'Change',
      agreementId: AGREEMENT,
      at: '2026-04-11T08:00:00Z',
      by: { role: 'client' },
    },
    [
      { type: 'order.place', at: '2026-04-11T09:00:00Z', by: { role: 'client' } },
      {
        type: 'order.fail',
        statusNotes: { id: 'ERR-TERMINATING', message: 'The subscription is being terminated' },
        at: '2026-04-11T09:05:00Z',
        by: { role: 'vendor' },
      },
    ],
  );
  line(
    '2026-04-11T09:05:00Z',
    '  statusNotes',
    JSON.stringify(toMarketplaceOrder(stray.getSnapshot()).statusNotes),
  );
  relay('completed', order(4), 'Termination', '2026-04-30T00:00:00Z');

  const final = subscription.getSnapshot();
  const api = toMarketplaceSubscription(final);
  log(
    `\nFinal: ${final.value} on ${api.terminationDate}, version ${final.context.version}, ${final.context.orders.length} orders closed.` +
      ` audit: ${Object.keys(api.audit).join(', ')}.` +
      ` Persisted JSON: ${JSON.stringify(persist(final)).length.toLocaleString('en-US')} bytes.`,
  );
  return subscription;
}
