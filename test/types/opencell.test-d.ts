import {
  availableCommands,
  type CommandOf,
  execute,
  type RoleOf,
  type StatusOf,
  start,
  statusOf,
} from 'subscription-machines';
import {
  opencellSubscriptionMachine as machine,
  type OpencellCommand,
  type OpencellStatus,
  type SubscriptionVersion,
  versionAt,
} from 'subscription-machines/opencell';
import { expectTypeOf, test } from 'vitest';
import { createActor } from 'xstate';

const input = {
  code: 'SUB-1',
  offerCode: 'OF',
  consumerId: 'C',
  at: '2026-01-01T00:00:00Z',
  by: { role: 'operator' },
} as const;
const at = '2026-01-02T00:00:00Z';
const by = { role: 'operator' } as const;

test('statuses, roles and commands are the machine’s own unions', () => {
  expectTypeOf<StatusOf<typeof machine>>().toEqualTypeOf<OpencellStatus>();
  expectTypeOf<OpencellStatus>().toEqualTypeOf<
    'CREATED' | 'ACTIVE' | 'SUSPENDED' | 'CANCELED' | 'RESILIATED'
  >();
  expectTypeOf<RoleOf<typeof machine>>().toEqualTypeOf<'operator' | 'system'>();
  expectTypeOf<CommandOf<typeof machine>>().toEqualTypeOf<OpencellCommand>();
  const s = start(machine, input);
  expectTypeOf(statusOf(s)).toEqualTypeOf<OpencellStatus>();
  expectTypeOf(availableCommands(machine, s, 'operator')).toEqualTypeOf<
    OpencellCommand['type'][]
  >();
  expectTypeOf(versionAt(s, at)).toEqualTypeOf<SubscriptionVersion | undefined>();
});

test('execute accepts well-formed commands only', () => {
  const s = start(machine, input);
  execute(machine, s, { type: 'subscription.activate', at, by });
  execute(machine, s, {
    type: 'amendment.submit',
    at,
    by,
    amendmentId: 'A',
    effectiveDate: at,
    changes: [{ op: 'update', productCode: 'P', quantity: 2 }],
  });
  // @ts-expect-error an unknown command type
  execute(machine, s, { type: 'subscription.delete', at, by });
  // @ts-expect-error terminate needs a terminationDate
  execute(machine, s, { type: 'subscription.terminate', at, by, reason: 'gone' });
  // @ts-expect-error an unknown role
  execute(machine, s, { type: 'subscription.activate', at, by: { role: 'buyer' } });
  execute(machine, s, {
    type: 'amendment.submit',
    at,
    by,
    amendmentId: 'A',
    effectiveDate: at,
    // @ts-expect-error an unknown change op
    changes: [{ op: 'swap', productCode: 'P' }],
  });
  // @ts-expect-error the input needs a consumerId
  start(machine, { code: 'SUB-1', offerCode: 'OF', at, by });
});

test('actor.send accepts well-formed commands only', () => {
  const actor = createActor(machine, { input });
  actor.send({ type: 'owner.transfer', at, by, consumerId: 'C2' });
  actor.send({ type: 'clock.tick', at, by: { role: 'system' } });
  // @ts-expect-error an unknown command type
  actor.send({ type: 'owner.steal', at, by, consumerId: 'C2' });
  // @ts-expect-error owner.transfer needs a consumerId
  actor.send({ type: 'owner.transfer', at, by });
  // @ts-expect-error an unknown role
  actor.send({ type: 'clock.tick', at, by: { role: 'cron' } });
});
