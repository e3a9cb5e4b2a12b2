/**
 * The API's subscription object (softwareone-platform/docs, commerce-api
 * `subscriptions/README.md`) and back: toMarketplaceSubscription and fromMarketplaceSubscription.
 */
import { describe, expect, it } from 'vitest';
import { start } from '../../src/index';
import {
  fromMarketplaceSubscription,
  marketplaceSubscriptionMachine as machine,
  toMarketplaceSubscription,
} from '../../src/marketplace';
import { reachablePaths } from '../../src/testing';
import { runPure } from './drive';
import {
  CHANGE,
  cmd,
  OTHER,
  orderInput,
  PURCHASE,
  relay,
  SUB,
  T0,
  tick,
  vendorInput,
} from './subscription.fixtures';

const vendor = { role: 'vendor' } as const;
const system = { role: 'system' } as const;

describe('toMarketplaceSubscription', () => {
  it("gives the API object's fields of a new Active subscription", () => {
    expect(toMarketplaceSubscription(start(machine, vendorInput))).toEqual({
      id: SUB,
      href: `/v1/commerce/subscriptions/${SUB}`,
      status: 'Active',
      name: 'Subscription for Microsoft Office 365 NCE E1',
      agreement: { id: 'AGR-2119-4550-8674-0001' },
      product: { id: 'PRD-1111-2222' },
      startDate: T0,
      commitmentDate: '2027-01-31T00:00:00Z',
      terms: { period: '1m', commitment: '1y' },
      lines: vendorInput.lines,
      parameters: { fulfillment: vendorInput.parameters?.fulfillment },
      audit: { created: { at: T0, by: vendor }, activated: { at: T0, by: vendor } },
      externalIds: { vendor: 'V-42' },
      autoRenew: true,
    });
  });

  it('keeps the latest { at, by } of each audit event', () => {
    const snapshot = runPure(machine, orderInput, [
      relay('completed', PURCHASE, 'Purchase', 10),
      relay('placed', CHANGE, 'Change', 20),
      relay('failed', CHANGE, 'Change', 30),
      tick('2027-02-01T00:00:00Z'),
      { ...relay('placed', OTHER, 'Termination', 0), at: '2027-03-01T00:00:00Z' },
      { ...relay('completed', OTHER, 'Termination', 0), at: '2027-03-02T00:00:00Z' },
    ]);
    const { audit, status, terminationDate } = toMarketplaceSubscription(snapshot);
    expect(status).toBe('Terminated');
    expect(terminationDate).toBe('2027-03-02T00:00:00Z');
    expect(audit).toEqual({
      created: { at: T0, by: system },
      activated: { at: '2026-01-31T00:10:00Z', by: system },
      updating: { at: '2026-01-31T00:20:00Z', by: system },
      failed: { at: '2026-01-31T00:30:00Z', by: system },
      renewed: { at: '2027-02-01T00:00:00Z', by: system },
      terminating: { at: '2027-03-01T00:00:00Z', by: system },
      terminated: { at: '2027-03-02T00:00:00Z', by: system },
      updated: { at: '2027-03-02T00:00:00Z', by: system },
    });
  });

  it('records expired, and a failed Purchase as failed', () => {
    const expired = runPure(machine, { ...vendorInput, autoRenew: false }, [
      tick('2027-02-01T00:00:00Z'),
    ]);
    expect(toMarketplaceSubscription(expired).audit.expired).toEqual({
      at: '2027-02-01T00:00:00Z',
      by: system,
    });
    const deleted = runPure(machine, orderInput, [relay('failed', PURCHASE, 'Purchase', 5)]);
    expect(toMarketplaceSubscription(deleted)).toMatchObject({
      status: 'Deleted',
      audit: { failed: { at: '2026-01-31T00:05:00Z', by: system } },
    });
  });
});

describe('fromMarketplaceSubscription', () => {
  const api = {
    id: SUB,
    href: `/v1/commerce/subscriptions/${SUB}`,
    status: 'Active',
    name: 'Subscription for Microsoft Office 365 NCE E1',
    agreement: { id: 'AGR-2119-4550-8674-0001', name: 'Contoso' },
    product: { id: 'PRD-1111-2222', name: 'Office 365' },
    startDate: '2023-12-14T17:28:57Z',
    commitmentDate: '2024-12-14T17:28:57Z',
    terminationDate: null,
    terms: { period: '1m', commitment: '1y', model: 'quantity' },
    price: { currency: 'USD', SPxY: 120 },
    lines: [
      {
        id: 'ALI-2119-4550-8674-5962-0001',
        item: { id: 'ITM-1', name: 'E1' },
        quantity: 5,
        price: {},
      },
    ],
    parameters: {
      fulfillment: [
        {
          id: 'PRM-1111-2222-0001',
          externalId: 'tenantId',
          name: 'Tenant Id',
          value: '69b73824-ce76-4866-ad47-b615ae9d8998',
          displayValue: '69b73824-ce76-4866-ad47-b615ae9d8998',
          constraints: { hidden: true, readonly: false, required: true },
          error: null,
        },
      ],
    },
    audit: {
      created: { at: '2023-12-14T17:28:57Z', by: { id: 'USR-1', name: 'Jane' } },
      updated: { at: '2024-02-01T10:00:00Z', by: { id: 'USR-2', name: 'John' } },
    },
    externalIds: { vendor: 'V-42', client: null },
    autoRenew: false,
  };

  it('reads the fields the machine models and ignores the rest (prices, names, terms.model)', () => {
    expect(fromMarketplaceSubscription(api)).toEqual({
      id: SUB,
      agreementId: 'AGR-2119-4550-8674-0001',
      productId: 'PRD-1111-2222',
      name: 'Subscription for Microsoft Office 365 NCE E1',
      at: '2024-02-01T10:00:00Z',
      by: system,
      terms: { period: '1m', commitment: '1y' },
      startDate: '2023-12-14T17:28:57Z',
      commitmentDate: '2024-12-14T17:28:57Z',
      autoRenew: false,
      lines: [{ id: 'ALI-2119-4550-8674-5962-0001', item: { id: 'ITM-1' }, quantity: 5 }],
      parameters: {
        fulfillment: [
          {
            externalId: 'tenantId',
            id: 'PRM-1111-2222-0001',
            name: 'Tenant Id',
            value: '69b73824-ce76-4866-ad47-b615ae9d8998',
            constraints: { hidden: true, readonly: false, required: true },
          },
        ],
      },
      externalIds: { vendor: 'V-42' },
      createdBy: 'vendor',
    });
    const snapshot = start(machine, fromMarketplaceSubscription(api));
    expect(snapshot.value).toBe('Active');
    expect(snapshot.context.renewalAnchor).toBe('2023-12-14T17:28:57Z');
  });

  it('takes options.at and options.by, and starts a Draft as created by its order', () => {
    const input = fromMarketplaceSubscription(
      { ...api, status: 'Draft', audit: undefined },
      { at: '2026-01-01T00:00:00Z', by: { role: 'operations', id: 'USR-3' } },
    );
    expect(input).toMatchObject({
      at: '2026-01-01T00:00:00Z',
      by: { role: 'operations', id: 'USR-3' },
      createdBy: 'order',
    });
    expect(start(machine, input).value).toBe('Draft');
  });

  it.each([
    ['not an object', null, 'value: expected an object, got null'],
    ['a bad id', { ...api, id: 'SUB-1' }, 'id: expected SUB-dddd-dddd-dddd-dddd, got "SUB-1"'],
    [
      'a bad agreement id',
      { ...api, agreement: { id: 'AGR-1' } },
      'agreement.id: expected AGR-dddd-dddd-dddd-dddd, got "AGR-1"',
    ],
    [
      'a product that is no object',
      { ...api, product: 'PRD-1' },
      'product: expected an object, got "PRD-1"',
    ],
    [
      'a Connect period code',
      { ...api, terms: { period: 'monthly', commitment: '1y' } },
      'terms.period: expected one of',
    ],
    [
      'a fractional quantity',
      { ...api, lines: [api.lines[0], { id: 'ALI-2', item: { id: 'ITM-2' }, quantity: 1.5 }] },
      'lines[1].quantity: expected a non-negative integer',
    ],
    ['no lines', { ...api, lines: undefined }, 'lines: expected an array, got undefined'],
    [
      'an error without message',
      { ...api, parameters: { fulfillment: [{ externalId: 'tenantId', error: { id: 'E' } }] } },
      'parameters.fulfillment[0].error.message: expected a string',
    ],
    [
      'an audit date without zone',
      { ...api, audit: { created: { at: 'yesterday' } } },
      'audit.created.at: expected an ISO-8601 timestamp',
    ],
    [
      'no date at all',
      { ...api, audit: {} },
      'audit: has no event to date the subscription; pass options.at',
    ],
    [
      'a Terminated subscription',
      { ...api, status: 'Terminated' },
      'status: a Terminated subscription cannot be started from its JSON (only Draft or Active)',
    ],
    ['an unknown status', { ...api, status: 'Suspended' }, 'status: expected one of "Draft"'],
  ])('throws a TypeError naming the path: %s', (_, json, message) => {
    expect(() => fromMarketplaceSubscription(json)).toThrow(TypeError);
    expect(() => fromMarketplaceSubscription(json)).toThrow(
      `fromMarketplaceSubscription: ${message}`,
    );
  });
});

describe('round trip: fromMarketplaceSubscription(toMarketplaceSubscription(s)) starts an equal subscription', () => {
  const domain = (context: object) => {
    const {
      version: _v,
      updatedAt: _u,
      audit: _a,
      orders: _o,
      openOrder: _p,
      stamps: _s,
      ...rest
    } = context as Record<string, unknown>;
    return rest;
  };
  const paths = [vendorInput, orderInput, { ...vendorInput, autoRenew: false }].flatMap((input) =>
    reachablePaths(machine, { input }).map(
      (path) =>
        [
          `${path.status} after ${path.commands.map((c) => c.type).join(', ') || 'creation'}`,
          path.snapshot,
        ] as const,
    ),
  );
  const renewed = runPure(machine, vendorInput, [
    relay('placed', CHANGE, 'Change', 10),
    relay('completed', CHANGE, 'Change', 20, {
      lines: [{ id: 'ALI-9', item: { id: 'ITM-9' }, quantity: 2 }],
    }),
    tick('2029-03-01T00:00:00Z'),
    cmd('clock.tick', 'system', 60 * 24 * 366 * 4),
  ]);
  const startable = [...paths, ['Active, changed and renewed', renewed] as const].filter(
    ([, s]) => s.value === 'Draft' || s.value === 'Active',
  );

  it.each(startable)('%s', (_, snapshot) => {
    const json = toMarketplaceSubscription(snapshot);
    const again = start(machine, fromMarketplaceSubscription(json));
    expect(again.value).toBe(snapshot.value);
    expect({ ...toMarketplaceSubscription(again), audit: null }).toEqual({ ...json, audit: null });
    expect(domain(again.context)).toEqual(domain(snapshot.context));
    expect(again.context.updatedAt).toBe(snapshot.context.updatedAt);
  });

  it('covers Draft and Active', () => {
    expect(new Set(startable.map(([, s]) => s.value))).toEqual(new Set(['Draft', 'Active']));
  });
});
