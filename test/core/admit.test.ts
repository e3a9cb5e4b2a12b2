/**
 * Admission (src/core/admit.ts): each check's refusal as the user reads it, its edge, and how a
 * host guard's refusal is explained (which guard is blamed; "refused" or "threw").
 */

import {
  execute,
  explain,
  fulfillmentRequestMachine,
  start,
  subscriptionMachine,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { marketplaceSubscriptionMachine } from '../../src/marketplace';
import { relay, vendorInput } from '../marketplace/subscription.fixtures';
import {
  requestCommands,
  requestInput,
  subscriptionCommands,
  subscriptionInput,
  T0,
} from '../support/connect';

const ID = requestInput().id;
type Request = ReturnType<typeof start<typeof fulfillmentRequestMachine>>;

/** The code, message and details a refusal carries; explain agrees with execute. */
function refusal(machine: typeof fulfillmentRequestMachine, snapshot: Request, command: unknown) {
  const result = execute(machine, snapshot, command as never);
  if (result.ok) throw new Error('accepted');
  expect(explain(machine, snapshot, command as never)).toEqual(result.rejection);
  const { code, message, details } = result.rejection;
  return details === undefined ? { code, message } : { code, message, details };
}

const inquire = (c: ReturnType<typeof requestCommands>) =>
  c('request.inquire', { requestId: ID, params: [{ id: 'email', valueError: 'bad' }] });

describe('the checks before the rules, as the user reads them', () => {
  const machine = fulfillmentRequestMachine;
  const pending = () => start(machine, requestInput());

  it('an unknown command type', () => {
    const c = requestCommands();
    const command = { ...c('request.pend', { requestId: ID }), type: 'request.teleport' };
    expect(refusal(machine, pending(), command)).toMatchObject({
      code: 'INVALID_COMMAND',
      message: expect.stringContaining('request.teleport'),
    });
  });

  it('a stale expectedVersion names both versions', () => {
    const c = requestCommands();
    const command = { ...c('request.fail', { requestId: ID, reason: 'x' }), expectedVersion: 7 };
    expect(refusal(machine, pending(), command)).toEqual({
      code: 'STALE_VERSION',
      message: 'expected version 7, but the snapshot is at version 1',
      details: { version: 1 },
    });
    const current = { ...command, expectedVersion: 1 };
    expect(execute(machine, pending(), current).ok).toBe(true);
  });

  it('a command earlier than the last change is out of order; one at the same time is not', () => {
    const c = requestCommands();
    const early = c('request.fail', { requestId: ID, reason: 'x', at: '2026-01-05T08:59:59Z' });
    expect(refusal(machine, pending(), early)).toEqual({
      code: 'OUT_OF_ORDER',
      message: `at 2026-01-05T08:59:59Z is earlier than the last change at ${T0}`,
      details: { updatedAt: T0 },
    });
    const same = c('request.fail', { requestId: ID, reason: 'x', at: T0 });
    expect(execute(machine, pending(), same).ok).toBe(true);
  });

  it('a role the command does not allow names the roles that may send it', () => {
    const c = requestCommands();
    const command = c('request.approve', { requestId: ID, templateId: 'T', by: { role: 'buyer' } });
    expect(refusal(machine, pending(), command)).toEqual({
      code: 'FORBIDDEN_ROLE',
      message: 'buyer may not send request.approve (only vendor)',
    });
  });

  it('a command in a status without it, and in a final status', () => {
    const c = requestCommands();
    expect(refusal(machine, pending(), c('request.pend', { requestId: ID }))).toEqual({
      code: 'INVALID_STATE',
      message: 'request.pend is not allowed in pending',
    });
    const failed = execute(machine, pending(), c('request.fail', { requestId: ID, reason: 'x' }));
    if (!failed.ok) throw new Error(failed.rejection.message);
    expect(refusal(machine, failed.snapshot, c('request.pend', { requestId: ID }))).toEqual({
      code: 'INVALID_STATE',
      message: 'request.pend is not allowed in failed: it is final',
    });
  });

  it('a tick in a final status or a status without ticks is a no-op, not a refusal', () => {
    const c = requestCommands();
    const snapshot = pending();
    const tick = execute(machine, snapshot, c('clock.tick', {}));
    expect(tick).toMatchObject({ ok: true, snapshot: { value: 'pending' } });
    const failed = execute(machine, snapshot, c('request.fail', { requestId: ID, reason: 'x' }));
    if (!failed.ok) throw new Error(failed.rejection.message);
    expect(execute(machine, failed.snapshot, c('clock.tick', {})).ok).toBe(true);
  });
});

describe("a host guard's refusal is explained by the guard that refused", () => {
  const request = (canPend: () => boolean) => {
    const machine = fulfillmentRequestMachine.provide({ guards: { canPend } });
    const c = requestCommands();
    const inquiring = execute(machine, start(machine, requestInput()), inquire(c));
    if (!inquiring.ok) throw new Error(inquiring.rejection.message);
    return { machine, snapshot: inquiring.snapshot, pend: c('request.pend', { requestId: ID }) };
  };

  it('a guard that says no is blamed as "refused"', () => {
    const { machine, snapshot, pend } = request(() => false);
    expect(refusal(machine, snapshot, pend)).toEqual({
      code: 'INVALID_STATE',
      message: 'request.pend in inquiring: guard canPend refused',
      details: { guard: 'canPend' },
    });
  });

  it('a guard that throws is blamed as "threw", with its error', () => {
    const { machine, snapshot, pend } = request(() => {
      throw new Error('policy service unavailable');
    });
    expect(refusal(machine, snapshot, pend)).toEqual({
      code: 'INVALID_STATE',
      message: 'request.pend in inquiring: guard canPend threw: policy service unavailable',
      details: { guard: 'canPend', error: 'policy service unavailable' },
    });
  });

  it('a thrown non-Error is reported by its text', () => {
    const { machine, snapshot, pend } = request(() => {
      throw 'offline';
    });
    expect(refusal(machine, snapshot, pend).message).toBe(
      'request.pend in inquiring: guard canPend threw: offline',
    );
  });

  it("the library's own rule still explains first", () => {
    const { machine, snapshot } = request(() => false);
    const c = requestCommands();
    const other = c('request.pend', {
      requestId: 'PR-0000-0000-0000-999',
      at: '2026-02-01T00:00:00Z',
    });
    expect(refusal(machine, snapshot, other).code).toBe('UNKNOWN_REQUEST');
  });

  it("the subscription's policy guard is blamed for a request command its request accepted", () => {
    const PR = subscriptionInput().purchaseRequestId;
    const policed = subscriptionMachine.provide({ guards: { canApprove: () => false } });
    const s = subscriptionCommands();
    const snapshot = start(policed, subscriptionInput());
    const approve = s('request.approve', {
      requestId: PR,
      templateId: 'TL',
      params: [{ id: 'subscription_id', value: 'E' }],
    });
    const result = execute(policed, snapshot, approve);
    expect(result.ok || result.rejection).toMatchObject({
      code: 'INVALID_STATE',
      message: 'request.approve in processing: guard canApprove refused',
      details: { guard: 'canApprove' },
    });
    const thrown = subscriptionMachine.provide({
      guards: {
        canApprove: () => {
          throw new Error('down');
        },
      },
    });
    const again = execute(thrown, snapshot, approve);
    expect(again.ok || again.rejection.message).toBe(
      'request.approve in processing: guard canApprove threw: down',
    );
  });
});

describe('a host policy on a command with several routes blames the guard that refused', () => {
  it('a draft submitted under a host canSubmit that says no blames canSubmit, not a route', () => {
    const machine = fulfillmentRequestMachine.provide({ guards: { canSubmit: () => false } });
    const c = requestCommands();
    const draft = start(
      machine,
      requestInput({ draft: true, capabilities: { draftValidation: true } }),
    );
    expect(draft.value).toBe('draft');
    expect(refusal(machine, draft, c('request.submit', { requestId: ID }))).toEqual({
      code: 'INVALID_STATE',
      message: 'request.submit in draft: guard canSubmit refused',
      details: { guard: 'canSubmit' },
    });
  });
});

describe('only a guard whose condition holds explains a refusal', () => {
  it('a Change order with a past terminationDate is refused for carrying it, not for its date', () => {
    const machine = marketplaceSubscriptionMachine;
    const command = relay('placed', 'ORD-2119-4550-8674-0002', 'Change', 10, {
      terminationDate: '2020-01-01T00:00:00Z',
    });
    const result = execute(machine, start(machine, vendorInput), command);
    expect(result.ok || result.rejection).toMatchObject({
      code: 'INVALID_COMMAND',
      message: 'a Change order does not carry terminationDate',
    });
  });
});

describe('admission edges', () => {
  const machine = fulfillmentRequestMachine;

  it('a command that is not an object is refused without naming a field', () => {
    const result = execute(machine, start(machine, requestInput()), null as never);
    expect(result.ok || result.rejection.code).toBe('INVALID_COMMAND');
    expect(result.ok || result.rejection.details).toBeUndefined();
  });

  it('a forbidden role is told every role that may send the command', () => {
    const c = requestCommands();
    const command = c('request.inquire', {
      requestId: ID,
      params: [{ id: 'email', valueError: 'bad' }],
      by: { role: 'buyer' },
    });
    expect(refusal(machine, start(machine, requestInput()), command)).toEqual({
      code: 'FORBIDDEN_ROLE',
      message: 'buyer may not send request.inquire (only vendor, system)',
    });
  });
});

describe("a subscription's request commands", () => {
  const PR = subscriptionInput().purchaseRequestId;

  it('a refusal by the open request names the request and its status', () => {
    const s = subscriptionCommands();
    const snapshot = start(subscriptionMachine, subscriptionInput());
    const approve = s('request.approve', { requestId: PR, templateId: 'TL' });
    const result = execute(subscriptionMachine, snapshot, approve);
    expect(result.ok || result.rejection).toMatchObject({
      code: 'REQUIRED_PARAMETERS_MISSING',
      message: `request ${PR} (pending): required fulfillment parameters have no value: subscription_id`,
      details: { parameters: ['subscription_id'], requestId: PR, requestStatus: 'pending' },
    });
  });

  it('a tick with no open request is a no-op', () => {
    const s = subscriptionCommands();
    const processing = start(subscriptionMachine, subscriptionInput());
    const active = execute(
      subscriptionMachine,
      processing,
      s('request.approve', {
        requestId: PR,
        templateId: 'TL',
        params: [{ id: 'subscription_id', value: 'E' }],
      }),
    );
    if (!active.ok) throw new Error(active.rejection.message);
    expect(active.snapshot.context.pendingRequest).toBeNull();
    const tick = execute(subscriptionMachine, active.snapshot, s('clock.tick', {}));
    expect(tick).toMatchObject({ ok: true, snapshot: { value: 'active' } });
    expect(tick.ok && tick.snapshot.context.version).toBe(active.snapshot.context.version);
  });

  it('a tick at the planned date moves the open scheduled request to pending', () => {
    const s = subscriptionCommands();
    const input = subscriptionInput({ capabilities: { scheduling: { purchase: true } } });
    const snapshot = start(subscriptionMachine, input);
    const plannedDate = '2026-03-01T00:00:00Z';
    const scheduled = execute(
      subscriptionMachine,
      snapshot,
      s('request.schedule', { requestId: PR, plannedDate }),
    );
    if (!scheduled.ok) throw new Error(scheduled.rejection.message);
    expect(scheduled.snapshot.context.pendingRequest?.status).toBe('scheduled');
    const due = execute(
      subscriptionMachine,
      scheduled.snapshot,
      s('clock.tick', { at: plannedDate }),
    );
    expect(due.ok && due.snapshot.context.pendingRequest?.status).toBe('pending');
  });
});
