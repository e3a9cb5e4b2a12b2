/**
 * Host policy (docs/connect.md): a host overrides a named guard with machine.provide({ guards }).
 * execute, explain, can, availableCommands and the actor all honour the machine they are given.
 */

import {
  availableCommands,
  can,
  execute,
  explain,
  fulfillmentRequestMachine,
  persist,
  restore,
  start,
  subscriptionMachine,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { subscriptionCommands, subscriptionInput } from '../support/connect';

const c = subscriptionCommands();
const PR = subscriptionInput().purchaseRequestId;
const confirmed = new Set<string>();
type Guard = (args: { context: unknown; event: { requestId?: string } }) => boolean;
const base = (subscriptionMachine.implementations.guards as Record<string, Guard>)
  .canApprove as Guard;

/** "Approve only when the vendor's system confirmed." */
const policed = subscriptionMachine.provide({
  guards: {
    canApprove: (args) =>
      base(args as never) && confirmed.has((args.event as { requestId: string }).requestId),
  },
});

describe('host policy through provide({ guards })', () => {
  const snapshot = start(policed, subscriptionInput());
  const approve = () =>
    c('request.approve', {
      requestId: PR,
      templateId: 'TL',
      params: [{ id: 'subscription_id', value: 'E' }],
    });

  it('refuses with INVALID_STATE naming the guard when only the host policy says no', () => {
    const command = approve();
    const result = execute(policed, snapshot, command);
    expect(result).toMatchObject({
      ok: false,
      rejection: { code: 'INVALID_STATE', details: { guard: 'canApprove' } },
    });
    expect(explain(policed, snapshot, command)).toEqual(
      (result as { rejection: unknown }).rejection,
    );
    expect(can(policed, snapshot, command)).toBe(false);
    expect(availableCommands(policed, snapshot, 'vendor')).not.toContain('request.approve');
    // the machine without the policy still accepts it
    expect(explain(subscriptionMachine, snapshot, command)).toBeNull();
  });

  it("still reports the library's own rule first when that also refuses", () => {
    const command = c('request.approve', { requestId: PR, templateId: 'TL' });
    expect(explain(policed, snapshot, command)?.code).toBe('REQUIRED_PARAMETERS_MISSING');
  });

  it('accepts once the policy is satisfied, in the pure API and in an actor', () => {
    confirmed.add(PR);
    const command = approve();
    expect(execute(policed, snapshot, command)).toMatchObject({ ok: true });
    const actor = createActor(policed, { input: subscriptionInput() }).start();
    actor.send(command);
    expect(actor.getSnapshot().value).toBe('active');
    confirmed.clear();
  });

  it('an actor emits the same rejection', () => {
    const actor = createActor(policed, { input: subscriptionInput() });
    const heard: unknown[] = [];
    actor.on('command.rejected', (e) => heard.push(e.rejection));
    actor.start();
    const command = approve();
    actor.send(command);
    expect(heard).toEqual([explain(policed, snapshot, command)]);
    expect(actor.getSnapshot().value).toBe('processing');
  });

  it('a guard that throws is a refusal naming the guard, never an exception or a broken actor', () => {
    const throwing = fulfillmentRequestMachine.provide({
      guards: {
        canPend: () => {
          throw new Error('policy service unavailable');
        },
      },
    });
    const request = start(throwing, {
      id: 'PR-1',
      subscriptionId: 'AS-1',
      requestType: 'purchase',
      at: '2026-01-01T00:00:00Z',
      by: { role: 'buyer' },
    });
    const inquired = execute(throwing, request, {
      type: 'request.inquire',
      requestId: 'PR-1',
      at: '2026-01-02T00:00:00Z',
      by: { role: 'vendor' },
      params: [{ id: 'x', valueError: 'bad' }],
    });
    if (!inquired.ok) throw new Error(inquired.rejection.message);
    const pend = {
      type: 'request.pend',
      requestId: 'PR-1',
      at: '2026-01-03T00:00:00Z',
      by: { role: 'vendor' },
    } as const;
    const result = execute(throwing, inquired.snapshot, pend);
    expect(result).toMatchObject({
      ok: false,
      rejection: {
        code: 'INVALID_STATE',
        details: { guard: 'canPend', error: 'policy service unavailable' },
      },
    });
    const actor = createActor(throwing, {
      snapshot: restore(throwing, persist(inquired.snapshot)),
    } as never).start();
    actor.send(pend);
    expect(actor.getSnapshot().status).toBe('active');
  });

  it('provide() keeps a command machine: its implementations are overridable by name', () => {
    expect(Object.keys(policed.implementations.guards)).toContain('canApprove');
    expect(Object.keys(policed.implementations.actions)).toEqual(
      expect.arrayContaining(['applyRequest', 'closeRequest', 'openRequest']),
    );
    expect(() => execute(policed, snapshot, approve())).not.toThrow();
  });
});
