/**
 * Thousands of random command sequences against the Connect machines (random types, roles, request
 * ids, times, retries and malformed input), through the pure API and an actor.
 */

import {
  FINAL_REQUEST_STATUSES,
  FINAL_SUBSCRIPTION_STATUSES,
  FINAL_TIER_CONFIG_REQUEST_STATUSES,
  fulfillmentRequestMachine,
  REQUEST_STATUSES,
  SUBSCRIPTION_STATUSES,
  subscriptionMachine,
  TIER_CONFIG_REQUEST_STATUSES,
  tierConfigRequestMachine,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { ALL_ON, requestInput, subscriptionInput, tierConfigInput } from '../support/connect';
import { assertInvariants } from '../support/properties';
import { FULL_RUNS } from '../support/runs';

describe('random command sequences', { timeout: 120_000 }, () => {
  it('fulfillment request: invariants hold, with every capability on', () => {
    const { visited } = assertInvariants(fulfillmentRequestMachine, {
      input: requestInput({ draft: true, tierConfigRequired: true, capabilities: ALL_ON }),
      finalStatuses: FINAL_REQUEST_STATUSES,
      actor: true,
      numRuns: 1000,
      maxCommands: 40,
    });
    // The sequences are not degenerate: they reach every status.
    if (FULL_RUNS) expect([...visited].sort()).toEqual([...REQUEST_STATUSES].sort());
  });

  it('fulfillment request: invariants hold, with every capability off', () => {
    assertInvariants(fulfillmentRequestMachine, {
      input: requestInput(),
      finalStatuses: FINAL_REQUEST_STATUSES,
    });
  });

  it('subscription: invariants hold, actor and pure API agree', () => {
    const { visited } = assertInvariants(subscriptionMachine, {
      input: subscriptionInput({ capabilities: ALL_ON, tierConfigRequired: true }),
      finalStatuses: FINAL_SUBSCRIPTION_STATUSES,
      actor: true,
      maxCommands: 60,
      numRuns: 500,
    });
    if (FULL_RUNS)
      expect([...visited].sort()).toEqual(
        SUBSCRIPTION_STATUSES.filter((s) => s !== 'draft' && s !== 'deleted').sort(),
      );
  });

  it('subscription on preview: the vendor acting for the buyer keeps the invariants', () => {
    assertInvariants(subscriptionMachine, {
      input: subscriptionInput({ capabilities: ALL_ON, connection: 'preview', draft: true }),
      finalStatuses: FINAL_SUBSCRIPTION_STATUSES,
      actor: true,
      maxCommands: 40,
    });
  });

  it('tier configuration request: invariants hold, actor and pure API agree, every status reached', () => {
    const { visited } = assertInvariants(tierConfigRequestMachine, {
      input: tierConfigInput({ draft: true, waitsForTier2: true }),
      finalStatuses: FINAL_TIER_CONFIG_REQUEST_STATUSES,
      actor: true,
      maxCommands: 30,
      numRuns: 400,
    });
    if (FULL_RUNS) expect([...visited].sort()).toEqual([...TIER_CONFIG_REQUEST_STATUSES].sort());
  });
});
