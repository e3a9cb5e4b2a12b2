/**
 * Where the model used to disagree with Connect, one test each, named after the Connect source that
 * settles it (a repository and path, or a connect-workflows page).
 */
import {
  capabilitiesFromConnect,
  execute,
  explain,
  type FulfillmentRequestInput,
  fulfillmentRequestMachine as request,
  start,
  statusOf,
  subscriptionMachine,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { agree } from '../support/agree';
import {
  PARAMS,
  requestCommands,
  requestInput,
  subscriptionCommands,
  subscriptionInput,
} from '../support/connect';

const c = requestCommands();
const s = subscriptionCommands();
const PR = requestInput().id;
const TWO_ERRORS = [
  { id: 'email', valueError: 'not a mailbox' },
  { id: 'domain', valueError: 'taken' },
];
const withDomain = (overrides: Partial<FulfillmentRequestInput> = {}) =>
  requestInput({
    params: [...PARAMS, { id: 'domain', phase: 'ordering', value: 'contoso', required: true }],
    ...overrides,
  });
const status = (run: { snapshot: unknown }) => statusOf(run.snapshot as never);

describe('1. an inquiring request can be approved or failed by the vendor', () => {
  it('connect-python-sdk connect/models/asset_request.py: inquiring → approved', () => {
    const run = agree(request, requestInput(), [
      c('request.inquire', { requestId: PR, params: [{ id: 'email', valueError: 'bad' }] }),
      c('request.approve', {
        requestId: PR,
        templateId: 'TL-1',
        params: [{ id: 'subscription_id', value: 'EXT-1' }],
      }),
    ]);
    expect(status(run)).toBe('approved');
    expect(run.snapshot.context.audit.at(-1)).toMatchObject({ from: 'inquiring', to: 'approved' });
  });

  it('connect-python-sdk connect/models/asset_request.py: inquiring → failed, and the purchase fails its subscription', () => {
    const run = agree(subscriptionMachine, subscriptionInput(), [
      s('request.inquire', { requestId: PR, params: [{ id: 'email', valueError: 'bad' }] }),
      s('request.fail', { requestId: PR, reason: 'the buyer never answered' }),
    ]);
    expect(status(run)).toBe('terminated');
    expect(run.snapshot.context.requests.at(-1)).toMatchObject({ status: 'failed' });
  });
});

describe('2. an answer returns the request to pending only once all required data is presented', () => {
  it('connect-workflows subscriptions-fulfillment-request/s-d-inquiring: 1 error of 2 answered stays inquiring', () => {
    const run = agree(request, withDomain(), [
      c('request.inquire', { requestId: PR, params: TWO_ERRORS }),
      c('request.answer', { requestId: PR, params: [{ id: 'email', value: 'it@example.com' }] }),
    ]);
    expect(status(run)).toBe('inquiring');
    expect(run.snapshot.context.params.find((p) => p.id === 'domain')?.valueError).toBe('taken');
    // Still inquiring: no Pending template, no status change.
    expect(run.emitted.map((e) => e.type)).toEqual(['audit.recorded']);
  });

  it('connect-workflows subscriptions-fulfillment-request/t-10-inquiring-pending: the second answer completes it', () => {
    const run = agree(request, withDomain(), [
      c('request.inquire', { requestId: PR, params: TWO_ERRORS }),
      c('request.answer', { requestId: PR, params: [{ id: 'email', value: 'it@example.com' }] }),
      c('request.answer', { requestId: PR, params: [{ id: 'domain', value: 'contoso-it' }] }),
    ]);
    expect(status(run)).toBe('pending');
  });
});

describe('3. draft → inquiring and tiers_setup → inquiring', () => {
  const missing = [
    { id: 'email', phase: 'ordering' as const, required: true },
    { id: 'subscription_id', phase: 'fulfillment' as const, required: true },
  ];

  it('connect-workflows subscriptions-fulfillment-request/s-a-draft: a draft submitted without a required value goes to inquiring', () => {
    const run = agree(
      request,
      requestInput({ draft: true, capabilities: { draftValidation: true }, params: missing }),
      [c('request.submit', { requestId: PR })],
    );
    expect(status(run)).toBe('inquiring');
    expect(run.emitted.map((e) => e.type)).toContain('notification');
  });

  it('connect-workflows subscriptions-fulfillment-request/s-c-tiers-setup: tier configuration done while errors remain goes to inquiring', () => {
    const run = agree(
      request,
      requestInput({
        tierConfigRequired: true,
        capabilities: { resellerAuthorizationLevel: 1 },
        params: missing,
      }),
      [c('tierConfig.approve', { requestId: PR })],
    );
    expect(status(run)).toBe('inquiring');
    const templates = run.emitted.flatMap((e) =>
      e.type === 'notification' ? [(e as { template?: string }).template] : [],
    );
    expect(templates).toEqual(['tier-config-approved', 'inquiring']);
  });
});

describe('4. the draft validation loop: the buyer edits, the vendor validates, the buyer submits', () => {
  it('connect-workflows subscriptions-fulfillment-request/t-2-new-draft and connect-eaas-core asset_purchase_request_validation', () => {
    const input = requestInput({ draft: true, capabilities: { draftValidation: true } });
    let snapshot = start(request, input);
    const step = (command: Parameters<typeof execute<typeof request>>[2]) => {
      const result = execute(request, snapshot, command);
      if (!result.ok) throw new Error(result.rejection.message);
      snapshot = result.snapshot;
    };
    step(c('request.update', { requestId: PR, params: [{ id: 'email', value: 'it@contoso' }] }));
    step(c('request.validate', { requestId: PR, params: [{ id: 'email', valueError: 'no TLD' }] }));
    const submit = c('request.submit', { requestId: PR });
    expect(explain(request, snapshot, submit)?.code).toBe('REQUIRED_PARAMETERS_MISSING');
    // The same value again keeps the error; a changed value loses it until validated again.
    step(c('request.update', { requestId: PR, params: [{ id: 'email', value: 'it@contoso' }] }));
    expect(snapshot.context.params[0]?.valueError).toBe('no TLD');
    step(
      c('request.update', { requestId: PR, params: [{ id: 'email', value: 'it@contoso.com' }] }),
    );
    expect(snapshot.context.params[0]).not.toHaveProperty('valueError');
    step(c('request.validate', { requestId: PR, params: [] }));
    step({ ...submit, at: c.clock.now() });
    expect(statusOf(snapshot)).toBe('pending');
  });

  it('the buyer edits an inquiring form only with inquiring validation (connect-python-openapi-client tests/data/specs.yml inquiring.validation)', () => {
    const inquire = c('request.inquire', {
      requestId: PR,
      params: [{ id: 'email', valueError: 'bad' }],
    });
    const edit = () =>
      c('request.update', { requestId: PR, params: [{ id: 'email', value: 'x@contoso.com' }] });
    const off = agree(request, requestInput(), [inquire, edit()]);
    const refused = off.outcomes.at(-1);
    expect(refused?.ok ? null : refused?.rejection.code).toBe('CAPABILITY_DISABLED');
    const on = agree(request, requestInput({ capabilities: { inquiringValidation: true } }), [
      { ...inquire, at: c.clock.now() },
      edit(),
    ]);
    expect(status(on)).toBe('inquiring');
    expect(on.snapshot.context.params[0]).toMatchObject({ value: 'x@contoso.com' });
    expect(on.snapshot.context.params[0]).not.toHaveProperty('valueError');
  });
});

describe('5. draft validation exists for renew and transfer too', () => {
  it.each([
    { type: 'renew', capabilities: { renew: true, renewDraftValidation: true } },
    { type: 'transfer', capabilities: { transfer: true, transferDraftValidation: true } },
  ] as const)(
    'connect-eaas-core asset_$type_request_validation: a $type request starts as a draft',
    ({ type, capabilities }) => {
      const snapshot = start(
        request,
        requestInput({ requestType: type, draft: true, capabilities }),
      );
      expect(statusOf(snapshot)).toBe('draft');
    },
  );
});

describe('6. capabilitiesFromConnect maps every key Connect documents', () => {
  it('connect-python-openapi-client tests/data/specs.yml dp.VirtualCapabilities: nothing is dropped', () => {
    const caps = capabilitiesFromConnect({
      inquiring: { validation: true },
      subscription: {
        change: {
          inquiring_validation: true,
          simultaneous_adjustment: true,
          editable_ordering_parameters: true,
        },
        renew: { enable_renew: true, validation: true, inquiring_validation: true },
        transfer: { enable_transfer: true, inquiring_validation: true },
        cancel: { offline: 'allowed', scheduling: true },
        suspend: { offline: 'auto' },
        brand_new_switch: true,
      },
      tiers: { validation: true, configs: { level: '2', update: { validation: true } } },
    });
    expect(caps).toMatchObject({
      inquiringValidation: true,
      changeInquiringValidation: true,
      renewInquiringValidation: true,
      transferInquiringValidation: true,
      renewDraftValidation: true,
      simultaneousAdjustment: true,
      editableOrderingParameters: { change: true, renew: false, transfer: false },
      cancelOffline: 'allowed',
      suspendOffline: 'auto',
      resellerAuthorizationLevel: 2,
      tierConfigDraftValidation: true,
      tierConfigUpdateDraftValidation: true,
      unknown: { 'subscription.brand_new_switch': true },
    });
  });
});

describe('7. the vendor creates a cancel request on any subscription', () => {
  it('connect-workflows subscriptions/s-c-terminating: "emulated from Vendor or Distributor portals"', () => {
    const run = agree(subscriptionMachine, subscriptionInput(), [
      s('request.approve', {
        requestId: PR,
        templateId: 'TL-1',
        params: [{ id: 'subscription_id', value: 'EXT-1' }],
      }),
      {
        ...s('request.create', { requestId: 'PR-C', requestType: 'cancel' }),
        by: { role: 'vendor' },
      },
    ]);
    expect(status(run)).toBe('terminating');
    expect(run.snapshot.context.connection).toBe('production');
  });
});

describe('8. the data is as wide as Connect’s', () => {
  it('connect-python-sdk connect/models/schemas.py QuantityField: -1 and "unlimited" are both kept', () => {
    const snapshot = start(
      request,
      requestInput({
        items: [
          { id: 'SEATS', quantity: -1 },
          { id: 'STORAGE', quantity: 'unlimited', mpn: 'STO-U' },
        ],
      }),
    );
    expect(snapshot.context.items).toEqual([
      { id: 'SEATS', quantity: -1 },
      { id: 'STORAGE', quantity: 'unlimited', mpn: 'STO-U' },
    ]);
  });

  it('connect-python-sdk connect/models/param.py: type, scope, structured_value, constraints and the configuration phase', () => {
    const params = [
      {
        id: 'address',
        phase: 'ordering' as const,
        type: 'address',
        scope: 'asset',
        required: true,
        structuredValue: { address_line1: '1 Main St', city: 'Springfield', country: 'US' },
        constraints: { hidden: false, readonly: false, unique: false },
      },
      { id: 'region', phase: 'configuration' as const, type: 'choice', value: 'eu-west' },
    ];
    const snapshot = start(request, requestInput({ params }));
    expect(snapshot.context.params).toEqual(params);
    // A structured value counts as a value; configuration parameters are not written by commands.
    const run = agree(request, requestInput({ params }), [
      c('request.inquire', { requestId: PR, params: [{ id: 'region', valueError: 'x' }] }),
    ]);
    const refused = run.outcomes.at(-1);
    expect(refused?.ok ? null : refused?.rejection.code).toBe('INVALID_COMMAND');
  });

  it('connect-python-openapi-client tests/data/specs.yml /requests/{id}/approve: an activation_tile instead of a template', () => {
    const run = agree(request, requestInput(), [
      c('request.approve', {
        requestId: PR,
        activationTile: '# Welcome\nYour tenant is ready.',
        params: [{ id: 'subscription_id', value: 'EXT-1' }],
      }),
    ]);
    expect(status(run)).toBe('approved');
    expect(run.snapshot.context.activationTile).toBe('# Welcome\nYour tenant is ready.');
    const neither = agree(request, requestInput(), [
      {
        type: 'request.approve',
        requestId: PR,
        at: c.clock.now(),
        by: { role: 'vendor' },
      } as never,
    ]).outcomes.at(-1);
    expect(neither?.ok ? null : neither?.rejection).toMatchObject({
      code: 'INVALID_COMMAND',
      details: { field: 'templateId' },
    });
  });
});
