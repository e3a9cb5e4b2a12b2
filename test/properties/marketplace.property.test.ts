/**
 * Random command sequences against the three Marketplace machines (random types, roles, ids,
 * payloads and times): nothing throws, version and audit grow together, a rejected command leaves
 * the persisted snapshot byte-identical, final statuses never change, and an actor fed the same
 * commands ends where the pure API does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, createActor } from 'xstate';
import { formatInstant, parseInstant } from '../../src/core/time';
import { execute, persist, restore, start } from '../../src/index';
import {
  marketplaceAgreementMachine,
  marketplaceOrderMachine,
  marketplaceSubscriptionMachine,
} from '../../src/marketplace';
import { exampleCommands } from '../../src/testing';
import { runs } from '../support/runs';

const T0 = '2026-01-31T00:00:00Z';
const DAY = 86_400_000;
const ORDER_IDS = [
  'ORD-0000-0000-0000-0001',
  'ORD-0000-0000-0000-0002',
  'ORD-0000-0000-0000-0003',
  'ORD-1',
];

/** Payload fields any of the machines reads, each sometimes absent or malformed. */
const payload = fc.record(
  {
    orderId: fc.constantFrom(...ORDER_IDS),
    orderType: fc.constantFrom('Purchase', 'Change', 'Termination', 'Configuration', 'Renewal'),
    lines: fc.array(
      fc.record({
        id: fc.constantFrom('ALI-1', 'ALI-2'),
        item: fc.constant({ id: 'ITM-1' }),
        quantity: fc.integer({ min: -1, max: 5 }),
      }),
      { maxLength: 2 },
    ),
    autoRenew: fc.boolean(),
    reason: fc.constantFrom('', ' ', 'fraud'),
    statusNotes: fc.constantFrom('', 'no stock', { message: 'no stock' }, { id: 'E' }, 7),
    error: fc.constantFrom({ id: 'E-1', message: 'no licensee' }, { message: '' }),
    terminationDate: fc.constantFrom(T0, '2027-01-31T00:00:00Z', 'soon'),
    templateId: fc.constantFrom('TPL-1', ''),
    parameters: fc.record(
      {
        ordering: fc.array(
          fc.oneof(
            fc.record({
              externalId: fc.constantFrom('domain', 'seats'),
              value: fc.constantFrom('v', '', 5, ['a'], { k: true }, null),
            }),
            fc.record({
              externalId: fc.constantFrom('domain', 'seats'),
              error: fc.constant({ id: 'E', message: 'bad' }),
            }),
          ),
          { maxLength: 2 },
        ),
        fulfillment: fc.array(
          fc.record({ externalId: fc.constantFrom('tenantId'), value: fc.constantFrom('t', 1) }),
          { maxLength: 1 },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** A command: a type of the machine (or an unknown one), a role (or an unknown one), a time step. */
function commands(types: readonly string[]) {
  return fc.array(
    fc.record({
      type: fc.constantFrom(...types, 'clock.tick', 'order.bogus'),
      role: fc.constantFrom('client', 'vendor', 'operations', 'system', 'system', 'buyer'),
      // Mostly forward, sometimes backwards (OUT_OF_ORDER), sometimes years ahead (renewals).
      step: fc.oneof(
        fc.integer({ min: 0, max: 3 * DAY }),
        fc.integer({ min: -DAY, max: 0 }),
        fc.integer({ min: 0, max: 800 * DAY }),
      ),
      // Half the steps send one of the probes `availableCommands` uses, which the rules often accept.
      probe: fc.option(fc.nat(), { nil: undefined }),
      commandId: fc.option(fc.constantFrom('c-1', 'c-2'), { nil: undefined }),
      expectedVersion: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      payload,
    }),
    { maxLength: 25 },
  );
}

const machines: [string, AnyStateMachine, unknown, readonly string[]][] = [
  [
    'order',
    marketplaceOrderMachine,
    {
      id: ORDER_IDS[0],
      orderType: 'Purchase',
      agreementId: 'AGR-0000-0000-0000-0001',
      at: T0,
      by: { role: 'client' },
    },
    [
      'order.validate',
      'order.quote',
      'order.place',
      'order.query',
      'order.process',
      'order.complete',
      'order.fail',
      'order.delete',
    ],
  ],
  [
    'subscription',
    marketplaceSubscriptionMachine,
    {
      id: 'SUB-0000-0000-0000-0001',
      agreementId: 'AGR-0000-0000-0000-0001',
      productId: 'PRD-1',
      at: T0,
      by: { role: 'system' },
      terms: { period: '1m', commitment: '1m' },
      createdBy: 'order',
      lines: [],
    },
    [
      'order.placed',
      'order.completed',
      'order.failed',
      'subscription.terminate',
      'subscription.delete',
    ],
  ],
  [
    'agreement',
    marketplaceAgreementMachine,
    {
      id: 'AGR-0000-0000-0000-0001',
      orderId: ORDER_IDS[0],
      draft: true,
      at: T0,
      by: { role: 'system' },
    },
    ['order.placed', 'order.completed', 'order.failed', 'order.deleted', 'agreement.terminate'],
  ],
];

type Snap = { value: string; context: { version: number; audit: unknown[]; updatedAt: string } };

describe.each(machines)('%s: random command sequences', (_, machine, input, types) => {
  it('keep every invariant, and the actor agrees with execute', () => {
    const finals = new Set(['Completed', 'Failed', 'Deleted', 'Terminated', 'Expired']);
    fc.assert(
      fc.property(commands(types), (list) => {
        let snapshot = start(machine, input as never) as unknown as Snap;
        const actor = createActor(machine, { input } as never);
        actor.start();
        let clock = parseInstant(T0) ?? 0;
        for (const {
          type,
          role,
          step,
          probe,
          commandId,
          expectedVersion,
          payload: fields,
        } of list) {
          clock += step;
          const probes = exampleCommands(machine, snapshot as never);
          const guided = probe === undefined ? undefined : probes[probe % probes.length];
          const command = {
            ...(guided ?? { ...fields, type, at: formatInstant(clock), by: { role } }),
            ...(commandId === undefined ? {} : { commandId }),
            ...(expectedVersion === undefined ? {} : { expectedVersion }),
          };
          const before = JSON.stringify(persist(snapshot as never));
          const result = execute(machine, snapshot as never, command as never);
          const next = result.snapshot as unknown as Snap;
          const { version, audit } = next.context;
          expect(version).toBe(audit.length);
          if (!result.ok || result.duplicate) {
            expect(JSON.stringify(persist(next as never))).toBe(before);
          } else if (next !== snapshot) {
            expect(version).toBe(snapshot.context.version + 1);
          }
          if (finals.has(snapshot.value)) expect(next.value).toBe(snapshot.value);
          if ((actor.getSnapshot() as { status: string }).status === 'active')
            actor.send(command as never);
          snapshot = next;
        }
        expect(JSON.stringify(persist(actor.getSnapshot() as never))).toBe(
          JSON.stringify(persist(snapshot as never)),
        );
        expect(persist(restore(machine, persist(snapshot as never)) as never)).toEqual(
          persist(snapshot as never),
        );
        actor.stop();
      }),
      { numRuns: runs(300) },
    );
  });
});
