/**
 * An order as SoftwareOne Marketplace's API returns it (Marketplace docs, commerce API
 * `orders/README.md`, the order object; the mpt-extension-sdk's `Order` model), both ways:
 * `toMarketplaceOrder(snapshot)` writes it, `fromMarketplaceOrder(json)` reads it into a snapshot.
 */
import type { By } from '../core/command';
import { compiledOf } from '../core/compiled';
import { restore, SnapshotError } from '../core/persist';
import { instant, literal, nonEmptyString } from '../core/schema';
import { compareInstants } from '../core/time';
import { agreementIdSchema, orderIdSchema } from './ids';
import {
  externalIdsOf,
  fail,
  join,
  lineAt,
  listAt,
  maybeObjectAt,
  messageAt,
  objectAt,
  parameterListAt,
  read,
  reading,
  some,
} from './json.read';
import type { OrderLine } from './lines';
import { type MarketplaceOrderSnapshot, marketplaceOrderMachine } from './order.machine';
import {
  type MarketplaceOrderContext,
  ORDER_STATUSES,
  type OrderAuditEvent,
  type OrderStatus,
} from './order.types';
import type { Parameters } from './parameters';
import {
  type ExternalIds,
  type MarketplaceRole,
  type Message,
  ORDER_TYPES,
  type OrderType,
} from './platform';
import type { AuditStamp, AuditStamps } from './stamps';

/** The API's order object (Marketplace docs), restricted to what the machine models (no prices). */
export interface MarketplaceOrderJson {
  readonly id: string;
  /** `/v1/commerce/orders/{id}`. */
  readonly href: string;
  readonly type: OrderType;
  readonly status: OrderStatus;
  readonly agreement: { readonly id: string };
  readonly lines: readonly OrderLine[];
  readonly parameters: Parameters;
  /** The template of the last query, or of the completion. */
  readonly template?: { readonly id: string };
  /** Why the order failed. */
  readonly statusNotes?: Message;
  /** What validation found wrong with the order as a whole. */
  readonly error?: Message;
  readonly externalIds?: ExternalIds;
  readonly audit: AuditStamps<OrderAuditEvent>;
}

/**
 * The API object of an order snapshot (an actor's, `execute`'s or `restore`'s).
 *
 * @example
 * ```ts
 * import { toMarketplaceOrder } from 'subscription-machines/marketplace';
 *
 * const json = toMarketplaceOrder(snapshot);
 * json.href; // '/v1/commerce/orders/ORD-1234-5678-9012-3456'
 * json.statusNotes; // { id: 'ERR-STOCK', message: 'Out of stock' }, on a Failed order
 * ```
 */
export function toMarketplaceOrder(snapshot: {
  readonly value: unknown;
  readonly context: MarketplaceOrderContext;
}): MarketplaceOrderJson {
  const c = snapshot.context;
  return {
    id: c.id,
    href: `/v1/commerce/orders/${c.id}`,
    type: c.orderType,
    status: snapshot.value as OrderStatus,
    agreement: { id: c.agreementId },
    lines: c.lines,
    parameters: c.parameters,
    ...some('template', c.templateId === undefined ? undefined : { id: c.templateId }),
    ...some('statusNotes', c.statusNotes),
    ...some('error', c.error),
    ...some('externalIds', c.externalIds),
    audit: c.stamps,
  };
}

/** Who and when the snapshot's history is recorded as. */
export interface FromMarketplaceOrderOptions {
  /** Default: `audit.created.at` of the JSON. */
  readonly at?: string;
  /** Default: `{ role: 'system' }`, the platform handing the order over. */
  readonly by?: By<MarketplaceRole>;
}

/** The steps that lead from New to each status, as the order's diagram draws them. */
const PATHS: Readonly<Record<OrderStatus, readonly (readonly [string, OrderStatus])[]>> = {
  New: [],
  Draft: [['order.validate', 'Draft']],
  Quoted: [['order.quote', 'Quoted']],
  Processing: [['order.place', 'Processing']],
  Querying: [['order.place', 'Querying']],
  Completed: [
    ['order.place', 'Processing'],
    ['order.complete', 'Completed'],
  ],
  Failed: [
    ['order.place', 'Processing'],
    ['order.fail', 'Failed'],
  ],
  Deleted: [
    ['order.quote', 'Quoted'],
    ['order.delete', 'Deleted'],
  ],
};

/** The audit window of an order created at `createdAt` that took `path`, the last step at `lastAt`. */
function history(
  path: (typeof PATHS)[OrderStatus],
  createdAt: string,
  lastAt: string,
  by: By<MarketplaceRole>,
) {
  let from: OrderStatus = 'New';
  const steps = path.map(([command, to], i) => {
    const entry = {
      version: i + 2,
      at: i === path.length - 1 ? lastAt : createdAt,
      by,
      command,
      from,
      to,
    };
    from = to;
    return entry;
  });
  return [
    { version: 1, at: createdAt, by, command: 'create', from: null, to: 'New' as OrderStatus },
    ...steps,
  ];
}

const when = (audit: Readonly<Record<string, unknown>> | undefined, event: string) => {
  const stamp = maybeObjectAt(audit?.[event], `audit.${event}`);
  return stamp === undefined ? undefined : read(instant, stamp.at, `audit.${event}.at`);
};

/**
 * The order an API object describes, as a snapshot in its status: its lines, parameters, template,
 * `statusNotes`, `error` and external ids exactly as the JSON has them. Its history is the path
 * the order's diagram draws to that status, dated `audit.created.at` (the creation and each step
 * but the last) and `audit.updated.at` (the last step), by `options.by`.
 *
 * @throws TypeError naming the JSON path, e.g. `fromMarketplaceOrder: statusNotes: a Failed order
 * says why it failed`.
 *
 * @example
 * ```ts
 * import { execute } from 'subscription-machines';
 * import { fromMarketplaceOrder, marketplaceOrderMachine } from 'subscription-machines/marketplace';
 *
 * const order = fromMarketplaceOrder(await (await fetch(`${api}/v1/commerce/orders/${id}`)).json());
 * execute(marketplaceOrderMachine, order, {
 *   type: 'order.complete', templateId: 'TPL-1234-4444', at: completedAt, // your clock: time is an input
 *   by: { role: 'vendor' },
 * });
 * ```
 */
export function fromMarketplaceOrder(
  json: unknown,
  options: FromMarketplaceOrderOptions = {},
): MarketplaceOrderSnapshot {
  return reading('fromMarketplaceOrder', () => {
    const root = objectAt(json, '');
    const status = read(literal(...ORDER_STATUSES), root.status, 'status');
    const audit = maybeObjectAt(root.audit, 'audit');
    const createdAt =
      options.at ?? when(audit, 'created') ?? fail('audit.created: is required; pass options.at');
    read(instant, createdAt, 'options.at');
    const updatedAt = when(audit, 'updated') ?? createdAt;
    if (compareInstants(updatedAt, createdAt) < 0)
      fail(`audit.updated.at: ${updatedAt} is before the creation (${createdAt})`);
    const by = options.by ?? { role: 'system' };
    const parameters = maybeObjectAt(root.parameters, 'parameters');
    const template = maybeObjectAt(root.template, 'template');
    const statusNotes = messageAt(root.statusNotes, 'statusNotes');
    if (status === 'Completed' && template === undefined)
      fail('template: a Completed order has the template it was completed with');
    if (status === 'Failed' && statusNotes === undefined)
      fail('statusNotes: a Failed order says why it failed');
    const path = PATHS[status];
    const lastAt = path.length === 0 ? createdAt : updatedAt;
    const stamps: Partial<Record<OrderAuditEvent, AuditStamp>> = {
      created: { at: createdAt, by },
      ...(path.length === 0 ? {} : { updated: { at: lastAt, by } }),
    };
    const templateId = template && read(nonEmptyString, template.id, 'template.id');
    const context: MarketplaceOrderContext = {
      id: read(orderIdSchema, root.id, 'id'),
      orderType: read(literal(...ORDER_TYPES), root.type, 'type'),
      agreementId: read(
        agreementIdSchema,
        objectAt(root.agreement, 'agreement').id,
        'agreement.id',
      ),
      lines: listAt(root.lines ?? [], 'lines').map((line, i) => lineAt(line, join('lines', i))),
      parameters: {
        ordering: parameterListAt(parameters?.ordering, 'parameters.ordering'),
        fulfillment: parameterListAt(parameters?.fulfillment, 'parameters.fulfillment'),
      },
      ...some('externalIds', externalIdsOf(root)),
      ...some('templateId', templateId),
      ...some('error', messageAt(root.error, 'error')),
      ...some('statusNotes', statusNotes),
      stamps,
      version: path.length + 1,
      updatedAt: lastAt,
      audit: history(path, createdAt, lastAt, by),
    };
    const { schema, schemaVersion } = compiledOf(marketplaceOrderMachine).spec;
    try {
      return restore(marketplaceOrderMachine, { schema, schemaVersion, status, context });
    } catch (error) {
      if (error instanceof SnapshotError) return fail(error.message);
      throw error;
    }
  });
}
