/**
 * The API's order object and back: toMarketplaceOrder and fromMarketplaceOrder, on an order shaped
 * after the order object of softwareone-platform/docs
 * (developer-resources/rest-api/commerce-api/orders/README.md) and the mpt-extension-sdk's
 * `models/order.py`, with invented ids.
 */
import { describe, expect, it } from 'vitest';
import { execute, persist, restore, statusOf } from '../../src/index';
import {
  fromMarketplaceOrder,
  type MarketplaceOrderJson,
  marketplaceOrderMachine as machine,
  toMarketplaceOrder,
} from '../../src/marketplace';
import { reachablePaths } from '../../src/testing';
import { input, withError } from './order.fixtures';

/** A Purchase order waiting for the client, as the API returns it: names, prices and all. */
const querying = {
  id: 'ORD-6869-4529-8975-9005',
  href: '/v1/commerce/orders/ORD-6869-4529-8975-9005',
  agreement: { id: 'AGR-2119-4550-8674-5962', name: 'Microsoft Office 365 NCE E1' },
  type: 'Purchase',
  status: 'Querying',
  template: { id: 'TPL-1234-4444', name: 'Fix the partner id' },
  assignee: { id: 'USR-1234-1234-1234', name: 'John Smith' },
  lines: [
    {
      id: 'ALI-1234-1234-1234-0001',
      item: { id: 'ITM-1234-1234-1234-0021', name: 'Adobe Illustrator' },
      quantity: 10,
      oldQuantity: 0,
      price: { unitPP: 1.25, currency: 'USD' },
    },
  ],
  notes: 'Order for accounting team',
  parameters: {
    fulfillment: [
      {
        id: 'PRM-1234-1234-1234-1234',
        name: 'Tennant Id',
        externalId: 'tenant_id',
        value: '69b73824-ce76-4866-ad47-b615ae9d8998',
      },
    ],
    ordering: [
      {
        id: 'PRM-1234-1234-1234-0001',
        name: 'Microsoft Partner ID',
        externalId: 'msPartnerId',
        constraints: { readonly: false, hidden: false, required: true },
        value: '123456',
        error: { id: 'E001234', message: 'Unknown MS Partner ID' },
      },
      { id: 'PRM-1234-1234-1234-0002', externalId: 'seats', value: 25, displayValue: '25' },
    ],
  },
  externalIDs: { client: 'abc-123', operations: 'SO-1234-1234-1111' },
  audit: {
    created: { at: '2026-03-01T09:00:00Z', by: { id: 'USR-0000-0001', name: 'Will Smith' } },
    updated: { at: '2026-03-02T10:05:00Z', by: { id: 'USR-1234-1234-1234', name: 'John Smith' } },
  },
};

/** The fields the machine models, with the audit's dates (its `by` is a role here, a user there). */
function modelled(json: MarketplaceOrderJson | Record<string, unknown>) {
  const j = json as Record<string, unknown> & { audit?: Record<string, { at: string }> };
  const stamps = Object.fromEntries(Object.entries(j.audit ?? {}).map(([k, v]) => [k, v.at]));
  const { audit: _a, ...rest } = j;
  return { ...rest, audit: stamps };
}

describe('fromMarketplaceOrder', () => {
  it('reads the order as the JSON shows it, in its status, ignoring names and prices', () => {
    const order = fromMarketplaceOrder(querying);
    expect(statusOf(order)).toBe('Querying');
    expect(order.context).toMatchObject({
      id: 'ORD-6869-4529-8975-9005',
      orderType: 'Purchase',
      agreementId: 'AGR-2119-4550-8674-5962',
      templateId: 'TPL-1234-4444',
      lines: [
        {
          id: 'ALI-1234-1234-1234-0001',
          item: { id: 'ITM-1234-1234-1234-0021' },
          quantity: 10,
          oldQuantity: 0,
        },
      ],
      externalIds: { client: 'abc-123', operations: 'SO-1234-1234-1111' },
      updatedAt: '2026-03-02T10:05:00Z',
    });
    expect(order.context.parameters.ordering[1]).toEqual({
      externalId: 'seats',
      id: 'PRM-1234-1234-1234-0002',
      value: 25,
    });
    // A real snapshot: it persists, restores, and takes the client's answer.
    expect(persist(restore(machine, persist(order)))).toEqual(persist(order));
    const answered = execute(machine, order, {
      type: 'order.process',
      parameters: { ordering: [{ externalId: 'msPartnerId', value: '654321' }] },
      at: '2026-03-02T11:00:00Z',
      by: { role: 'client' },
    });
    expect(answered.ok && answered.snapshot.value).toBe('Processing');
  });

  it('takes a Completed order with its template, and a Failed one with its statusNotes', () => {
    const completed = fromMarketplaceOrder({
      ...querying,
      status: 'Completed',
      parameters: { ...querying.parameters, ordering: [] },
    });
    expect(completed.value).toBe('Completed');
    const failed = fromMarketplaceOrder({
      ...querying,
      status: 'Failed',
      template: null,
      statusNotes: { id: 'ERR-123-123', message: 'Vendor API is not responding. Try later' },
    });
    expect(failed.context.statusNotes).toEqual({
      id: 'ERR-123-123',
      message: 'Vendor API is not responding. Try later',
    });
  });

  it.each([
    ['not an object', [], 'value: expected an object, got an array'],
    ['an unknown status', { ...querying, status: 'Approved' }, 'status: expected one of "New"'],
    ['a bad id', { ...querying, id: 'ORD-1' }, 'id: expected ORD-dddd-dddd-dddd-dddd, got "ORD-1"'],
    ['a bad type', { ...querying, type: 'Renewal' }, 'type: expected one of "Purchase"'],
    [
      'a parameter without its externalId',
      { ...querying, parameters: { ordering: [{ id: 'PRM-1', value: 'x' }] } },
      'parameters.ordering[0].externalId: expected a non-empty string, got undefined',
    ],
    [
      'an externalId twice in a group',
      {
        ...querying,
        parameters: { ordering: [{ externalId: 'a' }, { externalId: 'a' }] },
      },
      'parameters.ordering[1].externalId: "a" appears twice',
    ],
    [
      'a constraint that is no boolean',
      {
        ...querying,
        parameters: { ordering: [{ externalId: 'a', constraints: { hidden: 'no' } }] },
      },
      'parameters.ordering[0].constraints.hidden: expected a boolean, got "no"',
    ],
    [
      'statusNotes without a message',
      { ...querying, status: 'Failed', statusNotes: { id: 'ERR-1' } },
      'statusNotes.message: expected a string, got undefined',
    ],
    [
      'a Failed order that does not say why',
      { ...querying, status: 'Failed' },
      'statusNotes: a Failed order says why it failed',
    ],
    [
      'a Completed order without its template',
      { ...querying, status: 'Completed', template: undefined },
      'template: a Completed order has the template it was completed with',
    ],
    [
      'a negative quantity',
      { ...querying, lines: [{ id: 'ALI-1', item: { id: 'ITM-1' }, quantity: -1 }] },
      'lines[0].quantity: expected a non-negative integer, got number -1',
    ],
    ['no date', { ...querying, audit: undefined }, 'audit.created: is required; pass options.at'],
    [
      'an update before the creation',
      {
        ...querying,
        audit: { created: querying.audit.updated, updated: querying.audit.created },
      },
      'audit.updated.at: 2026-03-01T09:00:00Z is before the creation (2026-03-02T10:05:00Z)',
    ],
  ])('throws a TypeError naming the field: %s', (_, json, message) => {
    expect(() => fromMarketplaceOrder(json)).toThrow(TypeError);
    expect(() => fromMarketplaceOrder(json)).toThrow(`fromMarketplaceOrder: ${message}`);
  });
});

describe('toMarketplaceOrder', () => {
  it('writes the API object of a snapshot', () => {
    const order = fromMarketplaceOrder(querying);
    expect(toMarketplaceOrder(order)).toEqual({
      id: 'ORD-6869-4529-8975-9005',
      href: '/v1/commerce/orders/ORD-6869-4529-8975-9005',
      type: 'Purchase',
      status: 'Querying',
      agreement: { id: 'AGR-2119-4550-8674-5962' },
      template: { id: 'TPL-1234-4444' },
      lines: [
        {
          id: 'ALI-1234-1234-1234-0001',
          item: { id: 'ITM-1234-1234-1234-0021' },
          quantity: 10,
          oldQuantity: 0,
        },
      ],
      parameters: {
        fulfillment: [
          {
            id: 'PRM-1234-1234-1234-1234',
            name: 'Tennant Id',
            externalId: 'tenant_id',
            value: '69b73824-ce76-4866-ad47-b615ae9d8998',
          },
        ],
        ordering: [
          {
            id: 'PRM-1234-1234-1234-0001',
            name: 'Microsoft Partner ID',
            externalId: 'msPartnerId',
            constraints: { readonly: false, hidden: false, required: true },
            value: '123456',
            error: { id: 'E001234', message: 'Unknown MS Partner ID' },
          },
          { id: 'PRM-1234-1234-1234-0002', externalId: 'seats', value: 25 },
        ],
      },
      externalIds: { client: 'abc-123', operations: 'SO-1234-1234-1111' },
      audit: {
        created: { at: '2026-03-01T09:00:00Z', by: { role: 'system' } },
        updated: { at: '2026-03-02T10:05:00Z', by: { role: 'system' } },
      },
    });
  });
});

describe('round trips', () => {
  it('toMarketplaceOrder(fromMarketplaceOrder(json)) is the JSON, on every field the library models', () => {
    const { assignee: _assignee, notes: _notes, externalIDs, ...json } = querying;
    const written = toMarketplaceOrder(fromMarketplaceOrder(querying));
    const expected = {
      ...json,
      agreement: { id: json.agreement.id },
      template: { id: json.template.id },
      lines: json.lines.map(({ price: _p, item, ...line }) => ({ ...line, item: { id: item.id } })),
      parameters: {
        fulfillment: json.parameters.fulfillment,
        ordering: json.parameters.ordering.map(({ displayValue: _d, ...p }) => p),
      },
      externalIds: externalIDs,
    };
    expect(modelled(written)).toEqual(modelled(expected));
  });

  const paths = [input, withError].flatMap((i) =>
    reachablePaths(machine, { input: i }).map(
      (p) =>
        [
          `${p.status} via ${p.commands.map((c) => c.type).join(', ') || 'creation'}`,
          p.snapshot,
        ] as const,
    ),
  );

  it.each(paths)(
    'fromMarketplaceOrder(toMarketplaceOrder(s)) is s, but its history: %s',
    (_, snapshot) => {
      const json = toMarketplaceOrder(snapshot);
      const by = snapshot.context.stamps.created?.by ?? { role: 'system' };
      const again = fromMarketplaceOrder(json, { by });
      expect(again.value).toBe(snapshot.value);
      expect(toMarketplaceOrder(again)).toEqual({ ...json, audit: again.context.stamps });
      const { audit: _a, version: _v, stamps: _s, ...domain } = again.context;
      const { audit: _b, version: _w, stamps: _t, ...original } = snapshot.context;
      expect(domain).toEqual(original);
    },
  );

  it('covers every status', () => {
    expect(new Set(paths.map(([, s]) => s.value))).toEqual(
      new Set([
        'New',
        'Draft',
        'Quoted',
        'Processing',
        'Querying',
        'Completed',
        'Failed',
        'Deleted',
      ]),
    );
  });
});
