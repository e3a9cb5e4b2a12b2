/**
 * persist → JSON → restore at every state the graph reaches, for the three machines; restore
 * refuses tampered snapshots with SnapshotError.
 */

import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { execute, persist, restore, SnapshotError, start } from '../../src/index';
import {
  marketplaceAgreementMachine,
  marketplaceOrderMachine,
  marketplaceSubscriptionMachine,
} from '../../src/marketplace';
import { exampleCommands, reachablePaths } from '../../src/testing';
import { retarget } from '../support/tamper';
import { orderInput, vendorInput } from './subscription.fixtures';

const orderBase = {
  id: 'ORD-1234-5678-9012-3456',
  orderType: 'Change',
  agreementId: 'AGR-1234-5678-9012-3456',
  at: '2026-01-05T09:00:00Z',
  by: { role: 'client' },
  parameters: { ordering: [{ externalId: 'seats', value: 5 }] },
} as const;
const agreementBase = {
  id: 'AGR-2119-4550-8674-0001',
  orderId: 'ORD-2119-4550-8674-0001',
  at: '2026-01-05T09:00:00Z',
  by: { role: 'system' },
} as const;

interface Case {
  readonly name: string;
  readonly machine: AnyStateMachine;
  readonly inputs: readonly unknown[];
  readonly key: (s: { value: unknown; context: Record<string, unknown> }) => string;
  readonly statuses: readonly string[];
}
const cases: Case[] = [
  {
    name: 'order',
    machine: marketplaceOrderMachine,
    inputs: [
      orderBase,
      {
        ...orderBase,
        parameters: { ordering: [{ externalId: 'seats', error: { id: 'E', message: 'bad' } }] },
      },
    ],
    key: (s) => String(s.value),
    statuses: [
      'New',
      'Draft',
      'Quoted',
      'Processing',
      'Querying',
      'Completed',
      'Failed',
      'Deleted',
    ],
  },
  {
    name: 'subscription',
    machine: marketplaceSubscriptionMachine,
    inputs: [vendorInput, orderInput, { ...vendorInput, autoRenew: false }],
    key: (s) =>
      `${s.value}/${s.context.autoRenew}/${(s.context.openOrder as { orderType?: string } | null)?.orderType}`,
    statuses: ['Draft', 'Active', 'Updating', 'Terminating', 'Terminated', 'Expired', 'Deleted'],
  },
  {
    name: 'agreement',
    machine: marketplaceAgreementMachine,
    inputs: [agreementBase, { ...agreementBase, draft: true }],
    key: (s) => String(s.value),
    statuses: ['Draft', 'Provisioning', 'Failed', 'Active', 'Updating', 'Terminated', 'Deleted'],
  },
];

function pathsOf(c: Case) {
  return c.inputs.flatMap((input) =>
    reachablePaths(c.machine, { input: input as never, key: c.key as never }).map((path) => ({
      label: `${path.status} via ${path.commands.map((cmd) => cmd.type).join(' → ') || 'creation'}`,
      snapshot: path.snapshot,
    })),
  );
}

describe.each(cases)('$name: persist → JSON → restore at every reachable state', (c) => {
  const paths = pathsOf(c);

  it('reaches every status', () => {
    expect(new Set(paths.map((p) => (p.snapshot as { value: string }).value))).toEqual(
      new Set(c.statuses),
    );
  });

  it.each(paths)('$label', ({ snapshot }) => {
    const json = JSON.stringify(persist(snapshot as never));
    const restored = restore(c.machine, json);
    expect(JSON.stringify(persist(restored as never))).toBe(json);
    expect((restored as { value: unknown }).value).toBe((snapshot as { value: unknown }).value);
    expect((restored as { context: unknown }).context).toEqual(
      (snapshot as { context: unknown }).context,
    );
    // The restored snapshot answers every command exactly as the original does.
    for (const command of exampleCommands(c.machine, snapshot as never)) {
      const a = execute(c.machine, snapshot as never, command);
      const b = execute(c.machine, restored as never, command);
      expect(b.ok).toBe(a.ok);
      expect(JSON.stringify(persist(b.snapshot as never))).toBe(
        JSON.stringify(persist(a.snapshot as never)),
      );
    }
  });
});

describe('restore refuses tampered snapshots', () => {
  const subscription = persist(start(marketplaceSubscriptionMachine, vendorInput));
  const tampered = (change: object) => ({ ...subscription, ...change });
  const context = subscription.context as Record<string, unknown>;

  it.each([
    ['another machine', persist(start(marketplaceOrderMachine, orderBase)), /^schema: this is a/],
    [
      'another schema version (the flat parameters of version 1)',
      tampered({ schemaVersion: 1 }),
      /^schemaVersion: 1 is not supported/,
    ],
    [
      'an unknown status',
      tampered({ status: 'Suspended' }),
      /^status: "Suspended" is not a status/,
    ],
    ['an extra field', tampered({ request: null }), /^request: is not a field/],
    [
      'a bad id',
      tampered({ context: { ...context, id: 'SUB-1' } }),
      /^context\.id: expected SUB-dddd/,
    ],
    [
      'a bad open order id',
      tampered({ context: { ...context, openOrder: { id: 'ORD-1', orderType: 'Change' } } }),
      /^context\.openOrder\.id: expected ORD-dddd/,
    ],
    [
      'an open order in Active',
      tampered({
        context: { ...context, openOrder: { id: 'ORD-2119-4550-8674-0002', orderType: 'Change' } },
      }),
      /^context\.openOrder: a Active subscription needs null/,
    ],
    [
      'Updating without an order',
      retarget(subscription, 'Updating'),
      /^context\.audit\[0\]: create cannot lead from creation to Updating/,
    ],
    [
      'Active without a commitment',
      tampered({ context: { ...context, commitmentDate: undefined, renewalAnchor: undefined } }),
      /^context: a Active subscription needs startDate and commitmentDate/,
    ],
    [
      'an audit that leads elsewhere',
      tampered({ status: 'Expired' }),
      /^context\.audit: the last entry leads to Active, not Expired/,
    ],
    ['not JSON', '{"schema":', /^not valid JSON/],
  ])('%s', (_, json, message) => {
    expect(() => restore(marketplaceSubscriptionMachine, json)).toThrow(SnapshotError);
    expect(() => restore(marketplaceSubscriptionMachine, json)).toThrow(message);
  });

  it('checks the order and the agreement too', () => {
    const order = persist(start(marketplaceOrderMachine, orderBase));
    const failed = retarget(order, 'Failed');
    expect(() => restore(marketplaceOrderMachine, failed)).toThrow(
      'context.audit[0]: create cannot lead from creation to Failed',
    );
    const agreement = persist(start(marketplaceAgreementMachine, agreementBase)) as {
      context: object;
    };
    const drifted = { ...agreement, context: { ...agreement.context, openOrder: null } };
    expect(() => restore(marketplaceAgreementMachine, drifted)).toThrow(
      'context.openOrder: a Provisioning agreement needs an order with its id',
    );
  });
});
