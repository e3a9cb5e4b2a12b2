/**
 * The fulfillment request's rules (src/connect/request.rules.ts), one behaviour per test: what each
 * rule refuses, at which edge, and the message a user reads. The transition tables
 * (request.transitions.test.ts) cover the arrows; these cover the conditions on them.
 */

import {
  type CommandOf,
  execute,
  explain,
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

type Command = CommandOf<typeof machine>;
type Snapshot = SnapshotOf<typeof machine>;

const ID = requestInput().id;
const OTHER = 'PR-0000-0000-0000-999';
const DAY = 86_400_000;
const later = (at: string, ms: number) => formatInstant((parseInstant(at) ?? Number.NaN) + ms);

/** Creates a request and applies `commands`, failing on any refusal. */
function reach(input: Partial<FulfillmentRequestInput>, commands: readonly Command[] = []) {
  let snapshot: Snapshot = start(machine, requestInput(input));
  for (const command of commands) {
    const result = execute(machine, snapshot, command);
    if (!result.ok) throw new Error(`${command.type}: ${result.rejection.message}`);
    snapshot = result.snapshot;
  }
  return snapshot;
}

/** The code, message and details of the refusal of `command` (the pure API and explain agree). */
function refusal(snapshot: Snapshot, command: Command) {
  const result = execute(machine, snapshot, command);
  if (result.ok) throw new Error(`${command.type} was accepted`);
  expect(explain(machine, snapshot, command)).toEqual(result.rejection);
  const { code, message, details } = result.rejection;
  return details === undefined ? { code, message } : { code, message, details };
}

const draftOf = (params: Parameter[]): Partial<FulfillmentRequestInput> => ({
  draft: true,
  capabilities: { draftValidation: true },
  params,
});

describe('a draft is submitted only with every required ordering value and no error', () => {
  const c = requestCommands();

  it('refuses a draft whose required ordering parameter is empty, naming it', () => {
    const draft = reach(draftOf([{ id: 'email', phase: 'ordering', required: true }]));
    expect(refusal(draft, c('request.submit', { requestId: ID }))).toEqual({
      code: 'REQUIRED_PARAMETERS_MISSING',
      message: 'ordering parameters need valid values first: email',
      details: { parameters: ['email'] },
    });
  });

  it('counts a blank value as empty', () => {
    const draft = reach(draftOf([{ id: 'email', phase: 'ordering', required: true, value: '  ' }]));
    expect(refusal(draft, c('request.submit', { requestId: ID })).details).toEqual({
      parameters: ['email'],
    });
  });

  it('names a parameter both empty and in error once, after the other empty ones', () => {
    const draft = reach(
      draftOf([
        { id: 'email', phase: 'ordering', required: true, valueError: 'required' },
        { id: 'country', phase: 'ordering', required: true },
        { id: 'note', phase: 'ordering', value: 'x', valueError: 'too short' },
        { id: 'tenant', phase: 'fulfillment', required: true },
      ]),
    );
    expect(refusal(draft, c('request.submit', { requestId: ID }))).toMatchObject({
      message: 'ordering parameters need valid values first: email, country, note',
      details: { parameters: ['email', 'country', 'note'] },
    });
  });

  it('submits a draft whose only empty required parameters are fulfillment ones', () => {
    const draft = reach(
      draftOf([
        { id: 'email', phase: 'ordering', required: true, value: 'a@example.com' },
        { id: 'tenant', phase: 'fulfillment', required: true },
      ]),
    );
    expect(execute(machine, draft, c('request.submit', { requestId: ID }))).toMatchObject({
      ok: true,
      snapshot: { value: 'pending' },
    });
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

  it('a change draft is refused on an empty required ordering value, then submitted', () => {
    const c = requestCommands();
    const draft = reach({
      requestType: 'change',
      draft: true,
      capabilities: { changeDraftValidation: true },
      params: [{ id: 'email', phase: 'ordering', required: true }],
    });
    expect(draft.value).toBe('draft');
    expect(refusal(draft, c('request.submit', { requestId: ID })).code).toBe(
      'REQUIRED_PARAMETERS_MISSING',
    );
    const validated = execute(
      machine,
      draft,
      c('request.validate', { requestId: ID, params: [{ id: 'email', value: 'a@example.com' }] }),
    );
    if (!validated.ok) throw new Error(validated.rejection.message);
    const submitted = execute(machine, validated.snapshot, c('request.submit', { requestId: ID }));
    expect(submitted).toMatchObject({ ok: true, snapshot: { value: 'pending' } });
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

describe('the messages of the parameter rules', () => {
  it('names the fulfillment parameter an ordering command touched', () => {
    const c = requestCommands();
    const inquiring = reach({}, [
      c('request.inquire', { requestId: ID, params: [{ id: 'email', valueError: 'bad' }] }),
    ]);
    const answer = c('request.answer', {
      requestId: ID,
      params: [{ id: 'subscription_id', value: 'E1' }],
    });
    expect(refusal(inquiring, answer)).toEqual({
      code: 'INVALID_COMMAND',
      message: 'request.answer writes ordering parameters; subscription_id is fulfillment',
      details: { parameters: ['subscription_id'] },
    });
  });

  it('names every ordering parameter an approval touched, in the plural', () => {
    const c = requestCommands();
    const approve = c('request.approve', {
      requestId: ID,
      templateId: 'TL-1',
      params: [
        { id: 'email', value: 'x@example.com' },
        { id: 'seats_note', value: 'ten' },
      ],
    });
    expect(refusal(reach({}), approve)).toMatchObject({
      code: 'INVALID_COMMAND',
      message: 'request.approve writes fulfillment parameters; email, seats_note are ordering',
    });
  });

  it('explains an inquire with nothing to show the buyer', () => {
    const c = requestCommands();
    expect(refusal(reach({}), c('request.inquire', { requestId: ID }))).toEqual({
      code: 'NO_PARAMETER_ERRORS',
      message: 'an inquire needs at least one ordering parameter with a valueError',
    });
  });

  it('counts the errors an inquire itself sets', () => {
    const c = requestCommands();
    const inquire = c('request.inquire', {
      requestId: ID,
      params: [{ id: 'seats_note', valueError: 'say how many' }],
    });
    expect(execute(machine, reach({}), inquire)).toMatchObject({
      ok: true,
      snapshot: { value: 'inquiring' },
    });
  });

  it('lists the required fulfillment parameters an approval leaves empty', () => {
    const c = requestCommands();
    const approve = c('request.approve', { requestId: ID, templateId: 'TL-1' });
    expect(refusal(reach({}), approve)).toEqual({
      code: 'REQUIRED_PARAMETERS_MISSING',
      message: 'required fulfillment parameters have no value: subscription_id',
      details: { parameters: ['subscription_id'] },
    });
  });

  it('names the capability that validating an inquiring request needs', () => {
    const c = requestCommands();
    const inquiring = reach({}, [
      c('request.inquire', { requestId: ID, params: [{ id: 'email', valueError: 'bad' }] }),
    ]);
    expect(refusal(inquiring, c('request.validate', { requestId: ID, params: [] }))).toEqual({
      code: 'CAPABILITY_DISABLED',
      message: 'validating an inquiring request needs the inquiringValidation capability',
      details: { capability: 'inquiringValidation' },
    });
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
