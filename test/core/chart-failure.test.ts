/**
 * A chart that fails while it runs (here a host's action that throws) is a refusal, INVALID_STATE
 * with the error's message, never an exception: from `execute`, and from an actor, which keeps
 * running in the status it was in.
 */
import { execute, fulfillmentRequestMachine, start } from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { assign, createActor } from 'xstate';
import { requestCommands, requestInput } from '../support/connect';

const c = requestCommands();
const PR = requestInput().id;
const failing = fulfillmentRequestMachine.provide({
  actions: {
    applyInquiry: assign(() => {
      throw new Error('ledger down');
    }),
  } as never,
});
const inquire = () =>
  c('request.inquire', { requestId: PR, params: [{ id: 'x', valueError: 'bad' }] });

/** The rejections an actor of `failing` emits for `command`, and the actor afterwards. */
function sendToActor(command: unknown) {
  const heard: unknown[] = [];
  const actor = createActor(failing, { input: requestInput() });
  actor.on('command.rejected', (event) => heard.push(event.rejection));
  actor.start();
  actor.send(command as never);
  return { heard, actor };
}

describe('an action that throws', () => {
  it('is INVALID_STATE from execute, naming the command and carrying the error', () => {
    const snapshot = start(failing, requestInput());
    const command = inquire();
    const result = execute(failing, snapshot, command);
    expect(result.ok || result.rejection).toStrictEqual({
      code: 'INVALID_STATE',
      message: 'request.inquire failed in the chart: ledger down',
      command,
      status: 'pending',
      details: { error: 'ledger down' },
    });
    expect(result.snapshot).toBe(snapshot);
  });

  it('is command.rejected from an actor, which stays where it was and keeps running', () => {
    const { heard, actor } = sendToActor(inquire());
    expect(heard).toEqual([
      expect.objectContaining({
        code: 'INVALID_STATE',
        message: 'request.inquire failed in the chart: ledger down',
        status: 'pending',
        details: { error: 'ledger down' },
      }),
    ]);
    expect(actor.getSnapshot()).toMatchObject({ status: 'active', value: 'pending' });
    expect(actor.getSnapshot().context.version).toBe(1);
  });

  // docs/connect.md: an actor's rejection "is exactly the one the pure API returns".
  it("gives an actor's listener exactly the rejection execute returns", () => {
    const command = inquire();
    const { heard } = sendToActor(command);
    const result = execute(failing, start(failing, requestInput()), command);
    expect(heard).toEqual([result.ok ? null : result.rejection]);
  });
});
