import {
  availableCommands,
  type CommandOf,
  type EmittedOf,
  execute,
  type RejectionOf,
  type RoleOf,
  type SnapshotOf,
  type StatusOf,
  start,
  statusOf,
} from 'subscription-machines';
import {
  type EndOfTermNotice,
  fromOpencellSubscription,
  opencellSubscriptionMachine as machine,
  type OPENCELL_REJECTION_CODES,
  type OpencellCommand,
  type OpencellCommandOf,
  type OpencellPayload,
  type OpencellRejectionCode,
  type OpencellStatus,
  type OpencellSubscriptionDto,
  type OpencellSubscriptionRejection,
  type OpencellSubscriptionSnapshot,
  type ProductOrder,
  type RenewalRule,
  type SubscriptionEnded,
  type SubscriptionRenewed,
  type SubscriptionVersion,
  type TerminationReason,
  termEnds,
  toOpencellSubscription,
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

test('readable type names: snapshot, rejection narrowed to its own codes, commands and payloads', () => {
  expectTypeOf<OpencellSubscriptionSnapshot>().toEqualTypeOf<SnapshotOf<typeof machine>>();
  expectTypeOf<OpencellSubscriptionRejection>().toEqualTypeOf<RejectionOf<typeof machine>>();
  expectTypeOf<OpencellSubscriptionRejection['code']>().toEqualTypeOf<
    (typeof OPENCELL_REJECTION_CODES)[number]
  >();
  expectTypeOf<'REQUEST_IN_PROGRESS'>().not.toExtend<OpencellRejectionCode>();
  expectTypeOf<OpencellCommandOf<'subscription.terminate'>['reason']>().toEqualTypeOf<
    TerminationReason | string
  >();
  expectTypeOf<OpencellPayload<'offer.change'>['products']>().toEqualTypeOf<
    readonly ProductOrder[] | undefined
  >();
  expectTypeOf<OpencellPayload<'subscription.cancel'>['cancelationDate']>().toEqualTypeOf<
    string | undefined
  >();
  const s = start(machine, input);
  const r = execute(machine, s, { type: 'subscription.activate', at, by });
  if (!r.ok) expectTypeOf(r.rejection.code).toEqualTypeOf<OpencellRejectionCode>();
});

test('a termination or cancellation requires its reason, a code or a reason with its flags', () => {
  const s = start(machine, input);
  execute(machine, s, {
    type: 'subscription.terminate',
    at,
    by,
    terminationDate: at,
    reason: { code: 'CC_TERM', applyTerminationCharges: true, overrideProrata: 'NO_PRORATA' },
  });
  execute(machine, s, { type: 'subscription.cancel', at, by, reason: 'WRONG_OFFER' });
  // @ts-expect-error a cancellation needs a reason
  execute(machine, s, { type: 'subscription.cancel', at, by });
  execute(machine, s, {
    type: 'subscription.terminate',
    at,
    by,
    terminationDate: at,
    // @ts-expect-error overrideProrata is NO_OVERRIDE, PRORATA or NO_PRORATA
    reason: { code: 'CC', overrideProrata: 'SOMETIMES' },
  });
});

test('renewal rules, the DTO adapter and the events are typed', () => {
  start(machine, {
    ...input,
    renewalRule: { initialyActiveFor: 12, autoRenew: true, renewFor: 12, endOfTermAction: 'SUSPEND' },
  });
  start(machine, {
    ...input,
    // @ts-expect-error RESUME is not an end-of-term action
    renewalRule: { endOfTermAction: 'RESUME' },
  });
  expectTypeOf(termEnds).returns.toEqualTypeOf<string[]>();
  expectTypeOf(toOpencellSubscription(start(machine, input))).toEqualTypeOf<OpencellSubscriptionDto>();
  expectTypeOf(fromOpencellSubscription).returns.toEqualTypeOf<OpencellSubscriptionSnapshot>();
  expectTypeOf<RenewalRule['endOfTermAction']>().toEqualTypeOf<'SUSPEND' | 'TERMINATE' | undefined>();
  expectTypeOf<SubscriptionEnded>().toExtend<EmittedOf<typeof machine>>();
  expectTypeOf<SubscriptionRenewed>().toExtend<EmittedOf<typeof machine>>();
  expectTypeOf<EndOfTermNotice>().toExtend<EmittedOf<typeof machine>>();
});
