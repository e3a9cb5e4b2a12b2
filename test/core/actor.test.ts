/**
 * What a command machine's actor does with commands (src/core/machine.ts): the refusals it emits
 * are the pure API's, a retried command leaves its snapshot as it was, and the host's own actions
 * run when the actor takes their transition.
 */
import { explain, fulfillmentRequestMachine as machine } from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { requestCommands, requestInput } from '../support/connect';

const c = requestCommands();
const PR = requestInput().id;
const inquire = () =>
  c('request.inquire', { requestId: PR, params: [{ id: 'x', valueError: 'bad' }] });

function listening(logic = machine) {
  const actor = createActor(logic, { input: requestInput() });
  const heard: unknown[] = [];
  actor.on('command.rejected', (event) => heard.push(event.rejection));
  return { actor: actor.start(), heard };
}

describe('a command machine actor', () => {
  it('emits exactly the rejection explain gives, details only when there are some', () => {
    const { actor, heard } = listening();
    const commands = [
      c('request.pend', { requestId: PR }),
      c('request.approve', { requestId: PR, templateId: 'TL-1' }),
      { ...inquire(), by: { role: 'buyer' as const } },
    ];
    const expected = commands.map((command) => explain(machine, actor.getSnapshot(), command));
    for (const command of commands) actor.send(command as never);
    expect(heard).toStrictEqual(expected);
    expect(expected.some((r) => r !== null && !('details' in r))).toBe(true);
  });

  it('keeps the very same snapshot for a retried command', () => {
    const { actor } = listening();
    const command = { ...inquire(), commandId: 'cmd-1' };
    actor.send(command);
    const after = actor.getSnapshot();
    expect(after.value).toBe('inquiring');
    actor.send(command);
    expect(actor.getSnapshot()).toBe(after);
  });

  it("runs the host's own action once when it takes the transition", () => {
    const reasons: unknown[] = [];
    const logged = machine.provide({
      actions: {
        recordReason: ({ event }: { event: { reason?: unknown } }) => {
          reasons.push(event.reason);
        },
      } as never,
    });
    const { actor } = listening(logged);
    actor.send(c('request.fail', { requestId: PR, reason: 'out of stock' }));
    expect(actor.getSnapshot().value).toBe('failed');
    expect(reasons).toEqual(['out of stock']);
  });
});
