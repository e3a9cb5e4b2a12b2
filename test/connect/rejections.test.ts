/**
 * Every rejection code of docs/connect.md, produced by the Connect machines: the pure API and the
 * actor report the same rejection, `explain` agrees, and the persisted snapshot stays
 * byte-identical.
 */

import {
  type CommandOf,
  execute,
  explain,
  fulfillmentRequestMachine,
  initial,
  persist,
  REJECTION_CODES,
  type RejectionCode,
  subscriptionMachine,
} from 'subscription-machines';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { agree } from '../support/agree';
import {
  ALL_ON,
  requestCommands,
  requestInput,
  subscriptionCommands,
  subscriptionInput,
} from '../support/connect';

const r = requestCommands();
const s = subscriptionCommands();
const PR = requestInput().id;

interface Case {
  readonly name: string;
  readonly code: RejectionCode;
  readonly machine: AnyStateMachine;
  readonly input: unknown;
  readonly before?: () => unknown[];
  readonly command: () => unknown;
  readonly details?: Record<string, unknown>;
}

const req = (
  name: string,
  code: RejectionCode,
  command: () => unknown,
  extra: Partial<Case> = {},
): Case => ({
  name,
  code,
  machine: fulfillmentRequestMachine,
  input: requestInput(),
  command,
  ...extra,
});
const sub = (
  name: string,
  code: RejectionCode,
  command: () => unknown,
  extra: Partial<Case> = {},
): Case => ({
  name,
  code,
  machine: subscriptionMachine,
  input: subscriptionInput({ capabilities: ALL_ON }),
  command,
  ...extra,
});
const approvePurchase = () =>
  s('request.approve', {
    requestId: PR,
    templateId: 'TL-1',
    params: [{ id: 'subscription_id', value: 'E1' }],
  });

const cases: Case[] = [
  req('null', 'INVALID_COMMAND', () => null),
  req('a string', 'INVALID_COMMAND', () => 'request.approve'),
  req('an unknown type', 'INVALID_COMMAND', () => ({
    ...r('request.pend', { requestId: PR }),
    type: 'request.teleport',
  })),
  req('a missing field', 'INVALID_COMMAND', () => {
    const { templateId: _, ...rest } = r('request.approve', { requestId: PR, templateId: 'TL-1' });
    return rest;
  }),
  req(
    'an ill-typed field',
    'INVALID_COMMAND',
    () => ({ ...r('request.fail', { requestId: PR, reason: 'x' }), reason: 42 }),
    {
      details: { field: 'reason' },
    },
  ),
  req('an ill-typed parameter', 'INVALID_COMMAND', () =>
    r('request.answer', { requestId: PR, params: [{ id: 7 } as never] }),
  ),
  req('a timestamp without a zone', 'INVALID_COMMAND', () =>
    r('request.pend', { requestId: PR, at: '2026-01-06T10:00:00' }),
  ),
  req('an impossible date', 'INVALID_COMMAND', () =>
    r('request.pend', { requestId: PR, at: '2026-02-30T10:00:00Z' }),
  ),
  req('an unknown role', 'INVALID_COMMAND', () =>
    r('request.pend', { requestId: PR, by: { role: 'admin' as never } }),
  ),
  req('an unknown field', 'INVALID_COMMAND', () => ({
    ...r('request.fail', { requestId: PR, reason: 'x' }),
    reson: 'typo',
  })),
  req(
    'a stale expectedVersion',
    'STALE_VERSION',
    () => r('request.fail', { requestId: PR, reason: 'x', expectedVersion: 7 } as never),
    {
      details: { version: 1 },
    },
  ),
  req('a time before the last change', 'OUT_OF_ORDER', () =>
    r('request.pend', { requestId: PR, at: '2026-01-01T00:00:00Z' }),
  ),
  req('the buyer approving', 'FORBIDDEN_ROLE', () =>
    r('request.approve', { requestId: PR, templateId: 'T', by: { role: 'buyer' } }),
  ),
  req(
    'pending an inquiring request twice',
    'INVALID_STATE',
    () => r('request.pend', { requestId: PR }),
    {
      before: () => [
        r('request.inquire', { requestId: PR, params: [{ id: 'email', valueError: 'bad' }] }),
        r('request.pend', { requestId: PR }),
      ],
    },
  ),
  req(
    'scheduling without scheduling.purchase',
    'CAPABILITY_DISABLED',
    () => r('request.schedule', { requestId: PR, plannedDate: '2027-01-01T00:00:00Z' }),
    {
      details: { capability: 'scheduling.purchase' },
    },
  ),
  req(
    'validating while inquiring without inquiringValidation',
    'CAPABILITY_DISABLED',
    () => r('request.validate', { requestId: PR, params: [] }),
    {
      before: () => [
        r('request.inquire', { requestId: PR, params: [{ id: 'email', valueError: 'bad' }] }),
      ],
      details: { capability: 'inquiringValidation' },
    },
  ),
  req(
    'another request id',
    'UNKNOWN_REQUEST',
    () => r('request.pend', { requestId: 'PR-0000-0000-0000-999' }),
    {
      before: () => [
        r('request.inquire', { requestId: PR, params: [{ id: 'email', valueError: 'bad' }] }),
      ],
    },
  ),
  req('a fail without reason', 'REASON_REQUIRED', () =>
    r('request.fail', { requestId: PR } as never),
  ),
  req('a fail with a blank reason', 'REASON_REQUIRED', () =>
    r('request.fail', { requestId: PR, reason: '   ' }),
  ),
  req(
    'an approval without required fulfillment values',
    'REQUIRED_PARAMETERS_MISSING',
    () => r('request.approve', { requestId: PR, templateId: 'T' }),
    {
      details: { parameters: ['subscription_id'] },
    },
  ),
  req('an inquire without errors', 'NO_PARAMETER_ERRORS', () =>
    r('request.inquire', { requestId: PR }),
  ),
  req(
    'a planned date in the past',
    'INVALID_DATE',
    () => r('request.schedule', { requestId: PR, plannedDate: '2026-01-01T00:00:00Z' }),
    {
      input: requestInput({ capabilities: { scheduling: { purchase: true } } }),
    },
  ),
  req(
    'a revoke without reason',
    'REASON_REQUIRED',
    () => r('request.revoke', { requestId: PR, reason: '' }),
    {
      input: requestInput({ capabilities: { scheduling: { purchase: true } } }),
      before: () => [r('request.schedule', { requestId: PR, plannedDate: '2027-01-01T00:00:00Z' })],
    },
  ),
  req(
    'a tier configuration failure without reason',
    'REASON_REQUIRED',
    () => r('tierConfig.fail', { requestId: PR, reason: ' ' }),
    {
      input: requestInput({
        tierConfigRequired: true,
        capabilities: { resellerAuthorizationLevel: 1 },
      }),
    },
  ),
  req(
    'a tier configuration without Reseller Authorization Level',
    'CAPABILITY_DISABLED',
    () => r('tierConfig.require', { requestId: PR }),
    {
      details: { capability: 'resellerAuthorizationLevel' },
    },
  ),
  req(
    'an answer writing a fulfillment parameter',
    'INVALID_COMMAND',
    () => r('request.answer', { requestId: PR, params: [{ id: 'subscription_id', value: 'x' }] }),
    {
      before: () => [
        r('request.inquire', { requestId: PR, params: [{ id: 'email', valueError: 'bad' }] }),
      ],
      details: { parameters: ['subscription_id'] },
    },
  ),
  req(
    'submitting a draft whose ordering parameters carry errors',
    'REQUIRED_PARAMETERS_MISSING',
    () => r('request.submit', { requestId: PR }),
    {
      input: requestInput({ draft: true, capabilities: { draftValidation: true } }),
      before: () => [
        r('request.validate', {
          requestId: PR,
          params: [{ id: 'email', valueError: 'unknown domain' }],
        }),
      ],
      details: { parameters: ['email'] },
    },
  ),
  sub(
    'a renew without the renew capability',
    'CAPABILITY_DISABLED',
    () => s('request.create', { requestId: 'PR-2', requestType: 'renew' }),
    {
      input: subscriptionInput(),
      before: () => [approvePurchase()],
      details: { capability: 'renew' },
    },
  ),
  sub(
    'a transfer without the transfer capability',
    'CAPABILITY_DISABLED',
    () => s('request.create', { requestId: 'PR-2', requestType: 'transfer' }),
    {
      input: subscriptionInput(),
      before: () => [approvePurchase()],
      details: { capability: 'transfer' },
    },
  ),
  sub(
    'a purchase on an existing subscription',
    'INVALID_STATE',
    () => s('request.create', { requestId: 'PR-2', requestType: 'purchase' }),
    {
      before: () => [approvePurchase()],
    },
  ),
  sub('a fail without reason, through the subscription', 'REASON_REQUIRED', () =>
    s('request.fail', { requestId: PR, reason: '' }),
  ),
  sub(
    'a suspend without Administrative Hold',
    'CAPABILITY_DISABLED',
    () => s('request.create', { requestId: 'PR-2', requestType: 'suspend' }),
    {
      input: subscriptionInput(),
      before: () => [approvePurchase()],
      details: { capability: 'administrativeHold' },
    },
  ),
  sub(
    'a second open request',
    'REQUEST_IN_PROGRESS',
    () => s('request.create', { requestId: 'PR-3', requestType: 'suspend' }),
    {
      before: () => [
        approvePurchase(),
        s('request.create', {
          requestId: 'PR-2',
          requestType: 'change',
          items: [{ id: 'SKU-A', quantity: 12 }],
        }),
      ],
    },
  ),
  sub(
    'a request id used before',
    'DUPLICATE_REQUEST',
    () => s('request.create', { requestId: PR, requestType: 'change' }),
    {
      before: () => [approvePurchase()],
    },
  ),
  sub(
    'a command for no open request',
    'UNKNOWN_REQUEST',
    () => s('request.approve', { requestId: PR, templateId: 'T' }),
    {
      before: () => [approvePurchase()],
    },
  ),
  sub('suspending a processing subscription', 'INVALID_STATE', () =>
    s('request.create', { requestId: 'PR-2', requestType: 'suspend' }),
  ),
  sub(
    'a resume on an active subscription',
    'INVALID_STATE',
    () => s('request.create', { requestId: 'PR-2', requestType: 'resume' }),
    {
      before: () => [approvePurchase()],
    },
  ),
  sub(
    'the vendor creating a change outside preview',
    'FORBIDDEN_ROLE',
    () => s('request.create', { requestId: 'PR-2', requestType: 'change', by: { role: 'vendor' } }),
    {
      before: () => [approvePurchase()],
    },
  ),
  sub(
    'the buyer creating an adjustment',
    'FORBIDDEN_ROLE',
    () => s('request.create', { requestId: 'PR-2', requestType: 'adjustment' }),
    {
      before: () => [approvePurchase()],
    },
  ),
  sub('a stale version at the subscription', 'STALE_VERSION', () => ({
    ...approvePurchase(),
    expectedVersion: 0,
  })),
  sub(
    'anything on a terminated subscription',
    'INVALID_STATE',
    () => s('request.create', { requestId: 'PR-9', requestType: 'change' }),
    {
      before: () => [s('request.fail', { requestId: PR, reason: 'no stock' })],
    },
  ),
];

const produced = new Set<RejectionCode>();

describe('every rejection code', () => {
  it.each(cases)('$code: $name', ({ code, machine, input, before, command, details }) => {
    const setup = (before?.() ?? []) as CommandOf<typeof machine>[];
    const refused = command() as CommandOf<typeof machine>;
    const run = agree(machine, input as never, [...setup, refused]);
    const outcome = run.outcomes.at(-1);
    expect(
      run.outcomes.slice(0, -1).every((o) => o.ok),
      'the setup succeeds',
    ).toBe(true);
    if (!outcome || outcome.ok) throw new Error(`expected ${code}, but the command was accepted`);
    expect(outcome.rejection.code).toBe(code);
    expect(outcome.rejection.command).toBe(refused);
    if (details) expect(outcome.rejection.details).toMatchObject(details);
    // The same rejection from explain, and nothing changed: the snapshot is the same object.
    let snapshot = initial(machine, input as never).snapshot;
    for (const c of setup)
      snapshot = (execute(machine, snapshot, c) as { snapshot: typeof snapshot }).snapshot;
    const text = JSON.stringify(persist(snapshot));
    expect(explain(machine, snapshot, refused)).toEqual(outcome.rejection);
    const again = execute(machine, snapshot, refused);
    expect(again.snapshot).toBe(snapshot);
    expect(JSON.stringify(persist(again.snapshot))).toBe(text);
    produced.add(code);
  });

  afterAll(() => {
    expect([...REJECTION_CODES].filter((c) => !produced.has(c))).toEqual([]);
  });
});
