/**
 * The subscription's own rules (src/connect/subscription.rules.ts): which request types each status
 * opens, one open request at a time, request ids used once, and the messages of their refusals.
 */

import {
  type CommandOf,
  execute,
  subscriptionMachine as machine,
  type NewSubscriptionInput,
  type RequestType,
  type SnapshotOf,
  start,
  statusOf,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { ALL_ON, subscriptionCommands, subscriptionInput } from '../support/connect';
import { reachFrom, refusalOf } from '../support/rules';

type Command = CommandOf<typeof machine>;
type Snapshot = SnapshotOf<typeof machine>;
type Commands = ReturnType<typeof subscriptionCommands>;
const PR = subscriptionInput().purchaseRequestId;

function reach(overrides: Partial<NewSubscriptionInput>, commands: readonly Command[]) {
  return reachFrom(machine, start(machine, subscriptionInput(overrides)), commands);
}

const refusal = (snapshot: Snapshot, command: Command) => refusalOf(machine, snapshot, command);

const create = (c: Commands, requestId: string, requestType: RequestType) =>
  c('request.create', { requestId, requestType } as never);
const approve = (c: Commands, requestId: string, params: { id: string; value: string }[] = []) =>
  c('request.approve', { requestId, templateId: 'TL-1', params });
const active = (c: Commands, capabilities = ALL_ON) =>
  reach({ capabilities }, [approve(c, PR, [{ id: 'subscription_id', value: 'E1' }])]);
const suspended = (c: Commands) => {
  const snapshot = active(c);
  const created = execute(machine, snapshot, create(c, 'PR-S', 'suspend'));
  if (!created.ok) throw new Error(created.rejection.message);
  const done = execute(machine, created.snapshot, approve(c, 'PR-S'));
  if (!done.ok) throw new Error(done.rejection.message);
  return done.snapshot;
};

describe('the request types each status opens', () => {
  it('an active subscription refuses a resume request, listing what it allows', () => {
    const c = subscriptionCommands();
    const snapshot = active(c);
    expect(refusal(snapshot, create(c, 'PR-2', 'resume'))).toEqual({
      code: 'INVALID_STATE',
      message:
        'a resume request cannot be created on an active subscription (allowed: change, suspend, adjustment, renew, transfer)',
    });
  });

  it('a suspended subscription refuses a change request, and opens a resume request', () => {
    const c = subscriptionCommands();
    const snapshot = suspended(c);
    expect(statusOf(snapshot)).toBe('suspended');
    expect(refusal(snapshot, create(c, 'PR-3', 'change'))).toEqual({
      code: 'INVALID_STATE',
      message:
        'a change request cannot be created on a suspended subscription (allowed: resume, adjustment)',
    });
    expect(execute(machine, snapshot, create(c, 'PR-4', 'resume')).ok).toBe(true);
  });

  it('a request type needs its capability', () => {
    const c = subscriptionCommands();
    const snapshot = active(c, { ...ALL_ON, administrativeHold: false });
    expect(refusal(snapshot, create(c, 'PR-2', 'suspend'))).toEqual({
      code: 'CAPABILITY_DISABLED',
      message: 'suspend requests need the administrativeHold capability',
      details: { capability: 'administrativeHold' },
    });
  });

  it('a transfer is approved at once only with transferAutoApprove', () => {
    const c = subscriptionCommands();
    const auto = active(c, { ...ALL_ON, transferAutoApprove: true });
    const transferred = execute(machine, auto, create(c, 'PR-T', 'transfer'));
    expect(transferred.ok && transferred.snapshot.context.pendingRequest).toBeNull();
    const d = subscriptionCommands();
    const manual = execute(machine, active(d), create(d, 'PR-T', 'transfer'));
    expect(manual.ok && manual.snapshot.context.pendingRequest?.status).toBe('pending');
  });
});

describe('one open request at a time, and each request id once', () => {
  it('refuses a second request while one is open, naming it', () => {
    const c = subscriptionCommands();
    const opened = execute(machine, active(c), create(c, 'PR-2', 'change'));
    if (!opened.ok) throw new Error(opened.rejection.message);
    expect(refusal(opened.snapshot, create(c, 'PR-3', 'suspend'))).toEqual({
      code: 'REQUEST_IN_PROGRESS',
      message: 'request PR-2 is still pending',
      details: { requestId: 'PR-2' },
    });
  });

  it('refuses a request id used before', () => {
    const c = subscriptionCommands();
    const snapshot = active(c);
    expect(refusal(snapshot, create(c, PR, 'change'))).toEqual({
      code: 'DUPLICATE_REQUEST',
      message: `request id ${PR} was used before`,
    });
  });
});
