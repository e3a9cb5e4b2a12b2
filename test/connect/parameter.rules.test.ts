/**
 * The parameter rules every Connect request shares (src/connect/parameter.rules.ts), through the
 * fulfillment request: which phases a command writes, what an inquire must show, when an answer
 * returns the request to pending, and the messages of their refusals.
 */

import {
  type CommandOf,
  execute,
  type FulfillmentRequestInput,
  fulfillmentRequestMachine as machine,
  type Parameter,
  type SnapshotOf,
  start,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { requestCommands, requestInput } from '../support/connect';
import { reachFrom, refusalOf } from '../support/rules';

type Command = CommandOf<typeof machine>;
type Snapshot = SnapshotOf<typeof machine>;
const ID = requestInput().id;

function reach(input: Partial<FulfillmentRequestInput>, commands: readonly Command[] = []) {
  return reachFrom(machine, start(machine, requestInput(input)), commands);
}

const refusal = (snapshot: Snapshot, command: Command) => refusalOf(machine, snapshot, command);

const PARAMS: Parameter[] = [
  { id: 'email', phase: 'ordering', required: true, value: 'ops@example.com' },
  { id: 'seats_note', phase: 'ordering' },
  { id: 'subscription_id', phase: 'fulfillment', required: true },
  { id: 'region', phase: 'configuration', value: 'eu' },
];
const inquiring = (c: ReturnType<typeof requestCommands>, params = PARAMS) =>
  reach({ params }, [
    c('request.inquire', { requestId: ID, params: [{ id: 'email', valueError: 'bad' }] }),
  ]);

describe('a command writes only the parameters of its phases', () => {
  it('an answer writes ordering parameters only, naming the one it may not', () => {
    const c = requestCommands();
    const snapshot = inquiring(c);
    const answer = c('request.answer', {
      requestId: ID,
      params: [{ id: 'subscription_id', value: 'E1' }],
    });
    expect(refusal(snapshot, answer)).toEqual({
      code: 'INVALID_COMMAND',
      message: 'request.answer here writes ordering parameters only, not subscription_id',
      details: { parameters: ['subscription_id'] },
    });
  });

  it('an approval writes fulfillment parameters only, naming every other one', () => {
    const c = requestCommands();
    const approve = c('request.approve', {
      requestId: ID,
      templateId: 'TL-1',
      params: [
        { id: 'email', value: 'x@example.com' },
        { id: 'subscription_id', value: 'E1' },
        { id: 'seats_note', value: 'ten' },
      ],
    });
    expect(refusal(reach({ params: PARAMS }), approve)).toMatchObject({
      code: 'INVALID_COMMAND',
      message: 'request.approve here writes fulfillment parameters only, not email, seats_note',
      details: { parameters: ['email', 'seats_note'] },
    });
  });

  it("the vendor's validation while pending writes ordering and fulfillment, not configuration", () => {
    const c = requestCommands();
    const pending = reach({ params: PARAMS });
    const both = c('request.validate', {
      requestId: ID,
      params: [
        { id: 'email', valueError: 'bad' },
        { id: 'subscription_id', value: 'E1' },
      ],
    });
    expect(execute(machine, pending, both).ok).toBe(true);
    const configuration = c('request.validate', {
      requestId: ID,
      params: [{ id: 'region', value: 'us' }],
    });
    expect(refusal(pending, configuration)).toEqual({
      code: 'INVALID_COMMAND',
      message: 'request.validate here writes ordering and fulfillment parameters only, not region',
      details: { parameters: ['region'] },
    });
  });
});

describe('an inquire shows the buyer something to fix', () => {
  it("the vendor's inquire needs an ordering error", () => {
    const c = requestCommands();
    expect(refusal(reach({ params: PARAMS }), c('request.inquire', { requestId: ID }))).toEqual({
      code: 'NO_PARAMETER_ERRORS',
      message: 'an inquire needs at least one ordering parameter with a valueError',
    });
    const own = c('request.inquire', {
      requestId: ID,
      params: [{ id: 'seats_note', valueError: 'say how many' }],
    });
    expect(execute(machine, reach({ params: PARAMS }), own)).toMatchObject({
      ok: true,
      snapshot: { value: 'inquiring' },
    });
  });

  it("a fulfillment parameter's error is nothing to show the buyer", () => {
    const c = requestCommands();
    const params: Parameter[] = [
      { id: 'subscription_id', phase: 'fulfillment', valueError: 'not yet' },
    ];
    expect(refusal(reach({ params }), c('request.inquire', { requestId: ID })).code).toBe(
      'NO_PARAMETER_ERRORS',
    );
  });

  it('the system also inquires for a missing required value; the vendor does not', () => {
    const c = requestCommands();
    const params: Parameter[] = [{ id: 'email', phase: 'ordering', required: true }];
    const bySystem = c('request.inquire', { requestId: ID, by: { role: 'system' } });
    expect(execute(machine, reach({ params }), bySystem)).toMatchObject({
      snapshot: { value: 'inquiring' },
    });
    expect(refusal(reach({ params }), c('request.inquire', { requestId: ID })).code).toBe(
      'NO_PARAMETER_ERRORS',
    );
  });

  it("the system's refusal names both things it looks for", () => {
    const c = requestCommands();
    const bySystem = c('request.inquire', { requestId: ID, by: { role: 'system' } });
    expect(refusal(reach({ params: PARAMS }), bySystem)).toEqual({
      code: 'NO_PARAMETER_ERRORS',
      message:
        'an inquire needs an ordering parameter with a valueError, or a required one without a value',
    });
  });
});

describe('an answer returns the request to pending once no ordering gap is left', () => {
  it('an answer that fixes every gap goes to pending', () => {
    const c = requestCommands();
    const snapshot = inquiring(c);
    const answer = c('request.answer', {
      requestId: ID,
      params: [{ id: 'email', value: 'it@example.com' }],
    });
    expect(execute(machine, snapshot, answer)).toMatchObject({
      snapshot: { value: 'pending' },
    });
  });

  it('an answer that leaves an empty required value keeps it inquiring', () => {
    const c = requestCommands();
    const params: Parameter[] = [...PARAMS, { id: 'country', phase: 'ordering', required: true }];
    const snapshot = inquiring(c, params);
    const answer = c('request.answer', {
      requestId: ID,
      params: [{ id: 'email', value: 'it@example.com' }],
    });
    const result = execute(machine, snapshot, answer);
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'inquiring' } });
  });

  it('an answer that touches another parameter leaves the error, and it keeps inquiring', () => {
    const c = requestCommands();
    const snapshot = inquiring(c);
    const answer = c('request.answer', {
      requestId: ID,
      params: [{ id: 'seats_note', value: 'ten' }],
    });
    expect(execute(machine, snapshot, answer)).toMatchObject({
      ok: true,
      snapshot: { value: 'inquiring' },
    });
  });
});

describe('an approval needs every required fulfillment value', () => {
  it('lists the ones left empty', () => {
    const c = requestCommands();
    const params: Parameter[] = [
      ...PARAMS,
      { id: 'tenant', phase: 'fulfillment', required: true, value: ' ' },
      { id: 'optional_id', phase: 'fulfillment' },
    ];
    const approve = c('request.approve', { requestId: ID, templateId: 'TL-1' });
    expect(refusal(reach({ params }), approve)).toEqual({
      code: 'REQUIRED_PARAMETERS_MISSING',
      message: 'required fulfillment parameters have no value: subscription_id, tenant',
      details: { parameters: ['subscription_id', 'tenant'] },
    });
  });

  it('counts the values the approval itself writes', () => {
    const c = requestCommands();
    const approve = c('request.approve', {
      requestId: ID,
      templateId: 'TL-1',
      params: [{ id: 'subscription_id', value: 'E1' }],
    });
    expect(execute(machine, reach({ params: PARAMS }), approve)).toMatchObject({
      snapshot: { value: 'approved' },
    });
  });
});

describe('a reason is required, and not blank', () => {
  it.each([undefined, '', '   '])('a fail with reason %j is refused', (reason) => {
    const c = requestCommands();
    // A missing reason is what the rule is for, so the payload leaves its type here.
    const payload = { requestId: ID, ...(reason === undefined ? {} : { reason }) };
    const fail = c('request.fail', payload as { requestId: string; reason: string });
    expect(refusal(reach({}), fail).code).toBe('REASON_REQUIRED');
  });
});
