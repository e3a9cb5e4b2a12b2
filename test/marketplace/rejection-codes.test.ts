/**
 * Each Marketplace machine gives only the rejection codes its type says (`…_REJECTION_CODES`, in
 * its `command.rejected` event and `…Rejection`), and gives each of them somewhere: the bad-input
 * corpus, every example command at every reachable state, and random command sequences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { execute, start } from '../../src/index';
import {
  AGREEMENT_REJECTION_CODES,
  marketplaceAgreementMachine,
  marketplaceOrderMachine,
  marketplaceSubscriptionMachine,
  ORDER_REJECTION_CODES,
  SUBSCRIPTION_REJECTION_CODES,
} from '../../src/marketplace';
import { exampleCommands, reachablePaths } from '../../src/testing';
import { BAD_INPUT, type CorpusMachine, commandOf } from '../corpus/bad-input';
import { SUBJECTS } from '../support/subjects';

const sys = (type: string, orderId: string, orderType: string, at: string) => ({
  type,
  orderId,
  orderType,
  at,
  by: { role: 'system' },
});
const [A, B] = ['ORD-0000-0000-0000-0001', 'ORD-0000-0000-0000-0002'];
const inputOf = (name: string) => SUBJECTS.find((s) => s.name === name)?.inputs[0] as object;

/** Subjects in the states where the rarer refusals happen: [input, commands, the last refused]. */
const WITNESSES: Readonly<Record<string, readonly (readonly [unknown, readonly unknown[]])[]>> = {
  marketplaceOrderMachine: [
    [
      {
        ...inputOf('marketplaceOrderMachine'),
        parameters: { ordering: [{ externalId: 'domain', error: { id: 'E', message: 'taken' } }] },
      },
      [
        { type: 'order.place', at: '2026-01-05T10:00:00Z', by: { role: 'client' } },
        { type: 'order.process', at: '2026-01-05T11:00:00Z', by: { role: 'client' } },
      ],
    ],
  ],
  marketplaceSubscriptionMachine: [
    [
      { ...inputOf('marketplaceSubscriptionMachine'), createdBy: 'vendor', orderId: undefined },
      [
        sys('order.placed', A, 'Change', '2026-02-01T00:00:00Z'),
        sys('order.completed', B, 'Change', '2026-02-02T00:00:00Z'),
        sys('order.completed', A, 'Change', '2026-02-03T00:00:00Z'),
        sys('order.placed', A, 'Change', '2026-02-04T00:00:00Z'),
      ],
    ],
  ],
  marketplaceAgreementMachine: [
    [
      inputOf('marketplaceAgreementMachine'),
      [sys('order.completed', B, 'Purchase', '2026-02-01T00:00:00Z')],
    ],
  ],
};

const MACHINES: readonly [string, CorpusMachine, AnyStateMachine, readonly string[]][] = [
  ['marketplaceOrderMachine', 'marketplace-order', marketplaceOrderMachine, ORDER_REJECTION_CODES],
  [
    'marketplaceSubscriptionMachine',
    'marketplace-subscription',
    marketplaceSubscriptionMachine,
    SUBSCRIPTION_REJECTION_CODES,
  ],
  [
    'marketplaceAgreementMachine',
    'marketplace-agreement',
    marketplaceAgreementMachine,
    AGREEMENT_REJECTION_CODES,
  ],
];

describe.each(MACHINES)('%s', (name, corpus, machine, codes) => {
  it('gives only its own codes, and each of them', () => {
    const seen = new Set<string>();
    const note = (snapshot: unknown, command: unknown) => {
      const result = execute(machine, snapshot as never, command as never);
      if (!result.ok) seen.add(result.rejection.code);
      return result;
    };
    for (const c of BAD_INPUT.filter((x) => x.machine === corpus)) {
      let snapshot = start(machine, c.input as never);
      for (const command of c.setup) snapshot = note(snapshot, command).snapshot as never;
      note(snapshot, commandOf(c));
    }
    for (const [input, commands] of WITNESSES[name] ?? []) {
      let snapshot = start(machine, input as never);
      for (const command of commands) snapshot = note(snapshot, command).snapshot as never;
    }
    const inputs = SUBJECTS.find((s) => s.name === name)?.inputs ?? [];
    for (const input of inputs)
      for (const { snapshot } of reachablePaths(machine, { input: input as never }))
        for (const command of exampleCommands(machine, snapshot)) {
          note(snapshot, command);
          note(snapshot, { ...command, expectedVersion: 999 });
        }
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (picks) => {
        let snapshot = start(machine, inputs[0] as never);
        for (const pick of picks) {
          const examples = exampleCommands(machine, snapshot);
          const result = note(snapshot, examples[pick % examples.length]);
          snapshot = result.snapshot as never;
        }
      }),
      { numRuns: 100 },
    );
    expect([...seen].filter((code) => !codes.includes(code))).toEqual([]);
    expect(codes.filter((code) => !seen.has(code))).toEqual([]);
  });
});
