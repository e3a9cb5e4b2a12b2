/**
 * The fulfillment request's rules (src/connect/request.rules.ts), one behaviour per test: what each
 * rule refuses, at which edge, and the message a user reads. The transition tables
 * (request.transitions.test.ts) cover the arrows; these cover the conditions on them.
 */

import {
  type CommandOf,
  execute,
  type FulfillmentRequestInput,
  fulfillmentRequestMachine as machine,
  type Parameter,
  type SnapshotOf,
  start,
  statusOf,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../src/core/time';
import { ALL_ON, requestCommands, requestInput, T0 } from '../support/connect';
import { reachFrom, refusalOf } from '../support/rules';

type Command = CommandOf<typeof machine>;
type Snapshot = SnapshotOf<typeof machine>;

const ID = requestInput().id;
const OTHER = 'PR-0000-0000-0000-999';
const DAY = 86_400_000;
const later = (at: string, ms: number) => formatInstant((parseInstant(at) ?? Number.NaN) + ms);

/** Creates a request and applies `commands`, failing on any refusal. */
function reach(input: Partial<FulfillmentRequestInput>, commands: readonly Command[] = []) {
  return reachFrom(machine, start(machine, requestInput(input)), commands);
}

/** The code, message and details of the refusal of `command` (the pure API and explain agree). */
const refusal = (snapshot: Snapshot, command: Command) => refusalOf(machine, snapshot, command);

const draftOf = (params: Parameter[]): Partial<FulfillmentRequestInput> => ({
  draft: true,
  capabilities: { draftValidation: true },
  params,
});

describe('a submitted draft goes on by its ordering parameters', () => {
  const c = requestCommands();
  const submit = () => c('request.submit', { requestId: ID });

  it('an empty required ordering value sends it to inquiring, not to pending', () => {
    const draft = reach(draftOf([{ id: 'email', phase: 'ordering', required: true }]));
    expect(execute(machine, draft, submit())).toMatchObject({
      ok: true,
      snapshot: { value: 'inquiring' },
    });
  });

  it('a blank required value counts as empty', () => {
    const draft = reach(draftOf([{ id: 'email', phase: 'ordering', required: true, value: '  ' }]));
    expect(execute(machine, draft, submit())).toMatchObject({ snapshot: { value: 'inquiring' } });
  });

  it('with every required ordering value it goes to pending, whatever fulfillment lacks', () => {
    const draft = reach(
      draftOf([
        { id: 'email', phase: 'ordering', required: true, value: 'a@example.com' },
        { id: 'note', phase: 'ordering' },
        { id: 'tenant', phase: 'fulfillment', required: true },
      ]),
    );
    expect(execute(machine, draft, submit())).toMatchObject({ snapshot: { value: 'pending' } });
  });

  it('ordering errors the vendor left keep it in draft, named in the refusal', () => {
    const draft = reach(
      draftOf([
        { id: 'email', phase: 'ordering', required: true, value: 'a', valueError: 'not a mailbox' },
        { id: 'country', phase: 'ordering', required: true },
        { id: 'note', phase: 'ordering', value: 'x', valueError: 'too short' },
        { id: 'tenant', phase: 'fulfillment', valueError: 'ignored here' },
      ]),
    );
    expect(refusal(draft, submit())).toEqual({
      code: 'REQUIRED_PARAMETERS_MISSING',
      message: 'ordering parameters carry errors to fix first: email, note',
      details: { parameters: ['email', 'note'] },
    });
  });

  it('a draft that needs tier configuration goes to tiers_setup even with a value missing', () => {
    const draft = reach({
      ...draftOf([{ id: 'email', phase: 'ordering', required: true }]),
      tierConfigRequired: true,
      capabilities: { draftValidation: true, resellerAuthorizationLevel: 1 },
    });
    expect(execute(machine, draft, submit())).toMatchObject({ snapshot: { value: 'tiers_setup' } });
  });
});

describe('draft validation of change requests', () => {
  const cases: [string, Partial<FulfillmentRequestInput>, string][] = [
    ['a change request with changeDraftValidation', { requestType: 'change' }, 'draft'],
    [
      'a change request with only draftValidation',
      { requestType: 'change', capabilities: { draftValidation: true } },
      'pending',
    ],
    ['a purchase request with only changeDraftValidation', { requestType: 'purchase' }, 'pending'],
    ['a suspend request with changeDraftValidation', { requestType: 'suspend' }, 'pending'],
  ];
  it.each(cases)('%s starts as %s', (_, input, status) => {
    const capabilities = { administrativeHold: true, changeDraftValidation: true };
    const created = start(machine, requestInput({ draft: true, capabilities, ...input }));
    expect(created.value).toBe(status);
  });

  it('a change request asked for without draft starts pending even with the capability', () => {
    const input = requestInput({
      requestType: 'change',
      draft: false,
      capabilities: { changeDraftValidation: true },
    });
    expect(start(machine, input).value).toBe('pending');
  });

  it('a change draft with an empty required ordering value is submitted to inquiring', () => {
    const c = requestCommands();
    const draft = reach({
      requestType: 'change',
      draft: true,
      capabilities: { changeDraftValidation: true },
      params: [{ id: 'email', phase: 'ordering', required: true }],
    });
    expect(draft.value).toBe('draft');
    expect(execute(machine, draft, c('request.submit', { requestId: ID }))).toMatchObject({
      ok: true,
      snapshot: { value: 'inquiring' },
    });
  });
});

describe('tier configuration needs a Reseller Authorization Level above 0', () => {
  const level0 = { resellerAuthorizationLevel: 0 as const, draftValidation: true };

  it('a request that needs tier configuration starts pending at level 0, in tiers_setup at 1', () => {
    const input = { tierConfigRequired: true };
    expect(reach({ ...input, capabilities: level0 }).value).toBe('pending');
    expect(reach({ ...input, capabilities: { resellerAuthorizationLevel: 1 } }).value).toBe(
      'tiers_setup',
    );
  });

  it('a submitted draft that needs tier configuration goes to pending at level 0', () => {
    const c = requestCommands();
    const draft = reach({ draft: true, tierConfigRequired: true, capabilities: level0 });
    const submitted = execute(machine, draft, c('request.submit', { requestId: ID }));
    expect(submitted).toMatchObject({ ok: true, snapshot: { value: 'pending' } });
    const atLevel1 = reach({
      draft: true,
      tierConfigRequired: true,
      capabilities: { ...level0, resellerAuthorizationLevel: 1 as const },
    });
    expect(execute(machine, atLevel1, c('request.submit', { requestId: ID }))).toMatchObject({
      ok: true,
      snapshot: { value: 'tiers_setup' },
    });
  });

  it('a vendor cannot require tier configuration at level 0', () => {
    const c = requestCommands();
    const pending = reach({ capabilities: level0 });
    expect(refusal(pending, c('tierConfig.require', { requestId: ID }))).toEqual({
      code: 'CAPABILITY_DISABLED',
      message: 'tier configuration needs a Reseller Authorization Level',
      details: { capability: 'resellerAuthorizationLevel' },
    });
  });
});

describe('scheduling', () => {
  const scheduling = { capabilities: { scheduling: { purchase: true } } };

  it('refuses a planned date equal to the command time, and accepts one a millisecond later', () => {
    const c = requestCommands();
    const pending = reach(scheduling);
    const at = later(T0, DAY);
    expect(refusal(pending, c('request.schedule', { requestId: ID, plannedDate: at, at }))).toEqual(
      {
        code: 'INVALID_DATE',
        message: `plannedDate ${at} must be after ${at}`,
      },
    );
    const next = c('request.schedule', { requestId: ID, plannedDate: later(at, 1), at });
    expect(execute(machine, pending, next)).toMatchObject({
      ok: true,
      snapshot: { value: 'scheduled' },
    });
  });

  it('refuses a request type that cannot be scheduled, whatever the capabilities', () => {
    const c = requestCommands();
    const transfer = reach({ requestType: 'transfer', capabilities: ALL_ON });
    expect(transfer.value).toBe('pending');
    const command = c('request.schedule', { requestId: ID, plannedDate: later(T0, 30 * DAY) });
    expect(refusal(transfer, command)).toEqual({
      code: 'INVALID_STATE',
      message: 'transfer requests cannot be scheduled',
    });
  });

  it('names the scheduling switch a schedulable type lacks', () => {
    const c = requestCommands();
    const change = reach({ requestType: 'change' });
    const command = c('request.schedule', { requestId: ID, plannedDate: later(T0, 30 * DAY) });
    expect(refusal(change, command)).toEqual({
      code: 'CAPABILITY_DISABLED',
      message: 'scheduling change requests needs the scheduling.change capability',
      details: { capability: 'scheduling.change' },
    });
  });
});

describe('a scheduled request goes to pending at its planned date, not before', () => {
  const plannedDate = later(T0, 30 * DAY);
  const scheduled = () => {
    const c = requestCommands();
    const snapshot = reach({ capabilities: { scheduling: { purchase: true } } }, [
      c('request.schedule', { requestId: ID, plannedDate }),
    ]);
    return { c, snapshot };
  };

  it('a tick before the planned date changes nothing', () => {
    const { c, snapshot } = scheduled();
    for (const at of [later(T0, DAY), later(plannedDate, -1)]) {
      const result = execute(machine, snapshot, c('clock.tick', { at }));
      expect(result).toMatchObject({ ok: true, snapshot: { value: 'scheduled' } });
      if (result.ok) expect(result.snapshot.context.version).toBe(snapshot.context.version);
    }
  });

  it('a tick at or after the planned date moves it to pending', () => {
    for (const at of [plannedDate, later(plannedDate, DAY)]) {
      const { c, snapshot } = scheduled();
      const result = execute(machine, snapshot, c('clock.tick', { at }));
      expect(result.ok && statusOf(result.snapshot)).toBe('pending');
    }
  });
});

describe('every request command is for this request', () => {
  const tiers = { tierConfigRequired: true, capabilities: ALL_ON };
  const draft = { draft: true, capabilities: ALL_ON };
  const withParams = { params: [{ id: 'email', value: 'b@example.com' }] };
  const inquire = (c: ReturnType<typeof requestCommands>) =>
    c('request.inquire', { requestId: ID, params: [{ id: 'email', valueError: 'bad' }] });
  const schedule = (c: ReturnType<typeof requestCommands>) =>
    c('request.schedule', { requestId: ID, plannedDate: later(T0, 30 * DAY) });

  type Case = [
    string,
    Partial<FulfillmentRequestInput>,
    (c: ReturnType<typeof requestCommands>) => Command[],
    (c: ReturnType<typeof requestCommands>, requestId: string) => Command,
  ];
  const cases: Case[] = [
    ['submit (draft)', draft, () => [], (c, requestId) => c('request.submit', { requestId })],
    [
      'submit (draft needing tiers)',
      { ...draft, tierConfigRequired: true },
      () => [],
      (c, requestId) => c('request.submit', { requestId }),
    ],
    [
      'validate (draft)',
      draft,
      () => [],
      (c, requestId) => c('request.validate', { requestId, ...withParams }),
    ],
    ['delete (draft)', draft, () => [], (c, requestId) => c('request.delete', { requestId })],
    [
      'approve tier configuration',
      tiers,
      () => [],
      (c, requestId) => c('tierConfig.approve', { requestId }),
    ],
    [
      'fail tier configuration',
      tiers,
      () => [],
      (c, requestId) => c('tierConfig.fail', { requestId, reason: 'no account' }),
    ],
    [
      'require tier configuration',
      { capabilities: ALL_ON },
      () => [],
      (c, requestId) => c('tierConfig.require', { requestId }),
    ],
    [
      'inquire',
      { capabilities: ALL_ON },
      () => [],
      (c, requestId) =>
        c('request.inquire', { requestId, params: [{ id: 'email', valueError: 'bad' }] }),
    ],
    [
      'approve',
      { capabilities: ALL_ON },
      () => [],
      (c, requestId) =>
        c('request.approve', {
          requestId,
          templateId: 'TL-1',
          params: [{ id: 'subscription_id', value: 'E1' }],
        }),
    ],
    [
      'fail',
      { capabilities: ALL_ON },
      () => [],
      (c, requestId) => c('request.fail', { requestId, reason: 'no stock' }),
    ],
    [
      'schedule',
      { capabilities: ALL_ON },
      () => [],
      (c, requestId) =>
        c('request.schedule', { requestId, plannedDate: later(c.clock.now(), 30 * DAY) }),
    ],
    [
      'answer',
      { capabilities: ALL_ON },
      (c) => [inquire(c)],
      (c, requestId) => c('request.answer', { requestId, ...withParams }),
    ],
    [
      'pend',
      { capabilities: ALL_ON },
      (c) => [inquire(c)],
      (c, requestId) => c('request.pend', { requestId }),
    ],
    [
      'validate (inquiring)',
      { capabilities: ALL_ON },
      (c) => [inquire(c)],
      (c, requestId) => c('request.validate', { requestId, ...withParams }),
    ],
    [
      'revoke',
      { capabilities: ALL_ON },
      (c) => [schedule(c)],
      (c, requestId) => c('request.revoke', { requestId, reason: 'changed plans' }),
    ],
    [
      'confirm revocation',
      { capabilities: ALL_ON },
      (c) => [schedule(c), c('request.revoke', { requestId: ID, reason: 'changed plans' })],
      (c, requestId) => c('request.confirmRevocation', { requestId }),
    ],
  ];

  it.each(cases)(
    '%s: refused with another request id, accepted with this one',
    (_, input, before, make) => {
      const c = requestCommands();
      const snapshot = reach(input, before(c));
      expect(refusal(snapshot, make(c, OTHER))).toEqual({
        code: 'UNKNOWN_REQUEST',
        message: `${OTHER} is not this request (${ID})`,
        details: { requestId: ID },
      });
      expect(execute(machine, snapshot, make(c, ID)).ok).toBe(true);
    },
  );
});

describe('validating an inquiring request needs its dynamic validation switch', () => {
  it.each([
    ['purchase', 'inquiringValidation'],
    ['change', 'changeInquiringValidation'],
  ] as const)('a %s request needs %s', (requestType, capability) => {
    const c = requestCommands();
    const inquiring = reach({ requestType }, [
      c('request.inquire', { requestId: ID, params: [{ id: 'email', valueError: 'bad' }] }),
    ]);
    const on = reach({ requestType, capabilities: { [capability]: true } }, [
      c('request.inquire', { requestId: ID, params: [{ id: 'email', valueError: 'bad' }] }),
    ]);
    const validate = c('request.validate', { requestId: ID, params: [] });
    expect(refusal(inquiring, validate)).toEqual({
      code: 'CAPABILITY_DISABLED',
      message: `request.validate on an inquiring ${requestType} request needs the ${capability} capability`,
      details: { capability },
    });
    expect(execute(machine, on, validate).ok).toBe(true);
  });
});

describe('request types that need a capability', () => {
  it.each([
    ['suspend', 'administrativeHold'],
    ['resume', 'administrativeHold'],
    ['renew', 'renew'],
    ['transfer', 'transfer'],
  ] as const)('a %s request needs %s', (requestType, capability) => {
    expect(() => start(machine, requestInput({ requestType }))).toThrow(
      `${requestType} requests need the ${capability} capability`,
    );
    expect(() =>
      start(machine, requestInput({ requestType, capabilities: { [capability]: true } })),
    ).not.toThrow();
  });

  it('purchase, change and cancel requests need none', () => {
    for (const requestType of ['purchase', 'change', 'cancel'] as const)
      expect(start(machine, requestInput({ requestType })).value).toBe('pending');
  });
});

describe('transfers', () => {
  it('a transfer is approved at once only with transferAutoApprove', () => {
    const on = { transfer: true, transferAutoApprove: true };
    expect(reach({ requestType: 'transfer', capabilities: on }).value).toBe('approved');
    expect(reach({ requestType: 'transfer', capabilities: { transfer: true } }).value).toBe(
      'pending',
    );
    expect(reach({ requestType: 'purchase', capabilities: on }).value).toBe('pending');
  });
});
