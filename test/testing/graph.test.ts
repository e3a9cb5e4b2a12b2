/** `pathsTo` and `reachablePaths`: command sequences to every status, which replay as they say. */
import {
  fulfillmentRequestMachine,
  REQUEST_STATUSES,
  SUBSCRIPTION_STATUSES,
  subscriptionMachine,
} from 'subscription-machines';
import { opencellSubscriptionMachine } from 'subscription-machines/opencell';
import { pathsTo, reachablePaths, scenario } from 'subscription-machines/testing';
import { describe, expect, it } from 'vitest';
import { input as opencellInput } from '../opencell/fixtures';
import { ALL_ON, requestInput, subscriptionInput } from '../support/connect';

describe('pathsTo', () => {
  it('reaches every status of the Connect subscription, through its requests', () => {
    const input = subscriptionInput({ draft: true, capabilities: ALL_ON });
    for (const status of SUBSCRIPTION_STATUSES) {
      const [path] = pathsTo(subscriptionMachine, status, { input });
      expect(path?.status, status).toBe(status);
      expect(scenario(subscriptionMachine, input).run(...(path?.commands ?? [])).status).toBe(
        status,
      );
    }
  });

  it('gives the shortest way first', () => {
    const input = subscriptionInput({ capabilities: ALL_ON });
    const paths = pathsTo(subscriptionMachine, 'active', { input });
    expect(paths.length).toBeGreaterThan(1);
    const lengths = paths.map((p) => p.commands.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    expect(paths[0]?.commands.map((c) => c.type)).toEqual(['request.approve']);
  });

  it('reaches a status only when the input allows it', () => {
    const input = requestInput();
    expect(pathsTo(fulfillmentRequestMachine, 'draft', { input })).toEqual([]);
    const drafts = requestInput({ draft: true, capabilities: { draftValidation: true } });
    expect(pathsTo(fulfillmentRequestMachine, 'draft', { input: drafts })).toHaveLength(1);
  });
});

describe('reachablePaths', () => {
  it('visits every status of each machine, with roles and keys of your choosing', () => {
    const request = reachablePaths(fulfillmentRequestMachine, {
      input: requestInput({ draft: true, tierConfigRequired: true, capabilities: ALL_ON }),
    });
    expect(new Set(request.map((p) => p.status))).toEqual(new Set(REQUEST_STATUSES));

    const byVendor = reachablePaths(fulfillmentRequestMachine, {
      input: requestInput(),
      roles: ['vendor'],
    });
    expect(byVendor.flatMap((p) => p.commands).every((c) => c.by.role === 'vendor')).toBe(true);

    // Opencell resiliates a day after a termination is scheduled: the key tells the two apart.
    const opencell = reachablePaths(opencellSubscriptionMachine, {
      input: opencellInput,
      key: (s) => `${s.value}/${s.context.scheduledTermination ? 'terminating' : ''}`,
    });
    expect([...new Set(opencell.map((p) => p.status))].sort()).toEqual([
      'ACTIVE',
      'CANCELED',
      'CREATED',
      'RESILIATED',
      'SUSPENDED',
    ]);
  });
});
