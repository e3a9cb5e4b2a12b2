/**
 * Each Connect machine refuses only with the codes its type names (`SubscriptionRejectionCode`,
 * `FulfillmentRequestRejectionCode`, `TierConfigRequestRejectionCode`): checked at run time over
 * the bad-input corpus and over random command sequences.
 */
import fc from 'fast-check';
import {
  execute,
  FULFILLMENT_REQUEST_REJECTION_CODES,
  fulfillmentRequestMachine,
  SUBSCRIPTION_REJECTION_CODES,
  start,
  subscriptionMachine,
  TIER_CONFIG_REQUEST_REJECTION_CODES,
  tierConfigRequestMachine,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { BAD_INPUT, type CorpusMachine, commandOf } from '../corpus/bad-input';
import { ALL_ON, requestInput, subscriptionInput, tierConfigInput } from '../support/connect';
import { intent, materialise } from '../support/properties';

const MACHINES: readonly {
  corpus: CorpusMachine;
  machine: AnyStateMachine;
  codes: readonly string[];
  inputs: readonly unknown[];
}[] = [
  {
    corpus: 'connect',
    machine: subscriptionMachine,
    codes: SUBSCRIPTION_REJECTION_CODES,
    inputs: [
      subscriptionInput({ capabilities: ALL_ON, draft: true, tierConfigRequired: true }),
      subscriptionInput({ capabilities: ALL_ON, connection: 'preview' }),
    ],
  },
  {
    corpus: 'fulfillment-request',
    machine: fulfillmentRequestMachine,
    codes: FULFILLMENT_REQUEST_REJECTION_CODES,
    inputs: [
      requestInput({ capabilities: ALL_ON, draft: true, tierConfigRequired: true }),
      requestInput(),
    ],
  },
  {
    corpus: 'tier-config-request',
    machine: tierConfigRequestMachine,
    codes: TIER_CONFIG_REQUEST_REJECTION_CODES,
    inputs: [tierConfigInput({ draft: true, waitsForTier2: true }), tierConfigInput()],
  },
];

describe.each(MACHINES.map((m) => [m.machine.id, m] as const))('%s', (_, m) => {
  const codes = new Set<string>(m.codes);

  it('refuses the bad-input corpus with its own codes only', () => {
    const cases = BAD_INPUT.filter((c) => c.machine === m.corpus);
    expect(cases.length).toBeGreaterThan(50);
    for (const c of cases) {
      let snapshot = start(m.machine, c.input as never);
      for (const command of c.setup)
        snapshot = execute(m.machine, snapshot, command as never).snapshot;
      const result = execute(m.machine, snapshot, commandOf(c) as never);
      expect(result.ok ? null : codes.has(result.rejection.code), c.name).toBe(true);
    }
  });

  it('refuses random command sequences with its own codes only', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.nat(m.inputs.length - 1),
        fc.array(intent, { minLength: 1, maxLength: 30 }),
        (which, intents) => {
          let snapshot = start(m.machine, m.inputs[which] as never);
          const accepted: string[] = [];
          intents.forEach((i, n) => {
            const command = materialise(m.machine, snapshot, i, accepted, n);
            const result = execute(m.machine, snapshot, command as never);
            if (!result.ok) {
              seen.add(result.rejection.code);
              expect(codes.has(result.rejection.code), result.rejection.code).toBe(true);
            } else snapshot = result.snapshot as never;
          });
        },
      ),
      { numRuns: 300 },
    );
    expect(seen.size).toBeGreaterThan(3);
  });
});
