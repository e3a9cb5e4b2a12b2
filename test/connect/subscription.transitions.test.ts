/**
 * docs/connect.md's subscription transitions (one test per row) and "What a request's end does to
 * its subscription" (one test per cell), through the pure API and an actor at once.
 */

import {
  subscriptionMachine as machine,
  type NewSubscriptionInput,
  type RequestType,
  type SubscriptionCommand,
  type SubscriptionStatus,
  statusOf,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { agree } from '../support/agree';
import { ALL_ON, subscriptionCommands, subscriptionInput, T0 } from '../support/connect';

const c = subscriptionCommands();
const PR = subscriptionInput().purchaseRequestId;
const approve = (requestId: string, params: { id: string; value: string }[] = []) =>
  c('request.approve', { requestId, templateId: 'TL-activation', params });
const approvePurchase = () => approve(PR, [{ id: 'subscription_id', value: 'EXT-42' }]);
const create = (
  requestId: string,
  requestType: RequestType,
  extra: Partial<SubscriptionCommand> = {},
) => c('request.create', { requestId, requestType, ...extra } as never);
const fail = (requestId: string) =>
  c('request.fail', { requestId, reason: 'vendor system refused' });
const revoke = (requestId: string) => [
  c('request.schedule', { requestId, plannedDate: '2027-01-01T00:00:00Z' }),
  c('request.revoke', { requestId, reason: 'changed plans' }),
  c('request.confirmRevocation', { requestId }),
];
const toActive = () => [approvePurchase()];
const toSuspended = () => [...toActive(), create('PR-S', 'suspend'), approve('PR-S')];
const input = (overrides: Partial<NewSubscriptionInput> = {}) =>
  subscriptionInput({ capabilities: ALL_ON, ...overrides });

function run(commands: SubscriptionCommand[], overrides: Partial<NewSubscriptionInput> = {}) {
  const result = agree(machine, input(overrides), commands);
  for (const [i, outcome] of result.outcomes.entries()) {
    expect(
      outcome.ok ? null : outcome.rejection.message,
      `command ${i + 1} (${commands[i]?.type})`,
    ).toBeNull();
  }
  return result;
}
const templates = (emitted: readonly { type: string }[]) =>
  emitted
    .filter((e) => e.type === 'notification')
    .map((e) => (e as unknown as { template: string }).template);
const lastMove = (s: { context: { audit: readonly { from: unknown; to: unknown }[] } }) => {
  const { from, to } = s.context.audit.at(-1) ?? {};
  return { from, to };
};

describe('docs/connect.md: subscription transitions', () => {
  it('row 1: (new) → processing, as the purchase is created pending; the Pending template is sent', () => {
    const { snapshot, emitted } = run([]);
    expect(statusOf(snapshot)).toBe('processing');
    expect(snapshot.context.pendingRequest).toEqual({
      id: PR,
      requestType: 'purchase',
      status: 'pending',
      openedIn: 'processing',
    });
    expect(templates(emitted)).toEqual(['pending']);
  });

  it('row 1 with tier configuration: (new) → processing while the purchase waits in tiers_setup', () => {
    const { snapshot } = run([], { tierConfigRequired: true });
    expect(statusOf(snapshot)).toBe('processing');
    expect(snapshot.context.pendingRequest?.status).toBe('tiers_setup');
  });

  it('row 10: (new) → draft only with Dynamic Validation of Draft Requests', () => {
    expect(statusOf(run([], { draft: true }).snapshot)).toBe('draft');
    expect(statusOf(run([], { draft: true, capabilities: {} }).snapshot)).toBe('processing');
  });

  it('row 12: draft → processing when the draft purchase is submitted', () => {
    const { snapshot, emitted } = run([c('request.submit', { requestId: PR })], { draft: true });
    expect(lastMove(snapshot)).toEqual({ from: 'draft', to: 'processing' });
    expect(templates(emitted)).toEqual(['pending']);
  });

  it('row 11: draft → deleted, with its request', () => {
    const { snapshot } = run([c('request.delete', { requestId: PR, by: { role: 'system' } })], {
      draft: true,
    });
    expect(statusOf(snapshot)).toBe('deleted');
    expect(snapshot.context.requests).toEqual([
      expect.objectContaining({ id: PR, status: 'deleted' }),
    ]);
    expect(snapshot.output).toMatchObject({ status: 'deleted' });
  });

  it('row 2: processing → active when the vendor approves the purchase; the activation template is sent', () => {
    const { snapshot, emitted } = run(toActive());
    expect(lastMove(snapshot)).toEqual({ from: 'processing', to: 'active' });
    expect(templates(emitted)).toEqual(['approved']);
    expect(emitted.map((e) => e.type)).toEqual([
      'audit.recorded',
      'request.changed',
      'status.changed',
      'notification',
    ]);
    expect(snapshot.context.params).toContainEqual({
      id: 'subscription_id',
      phase: 'fulfillment',
      required: true,
      value: 'EXT-42',
    });
    expect(snapshot.context.items).toEqual([{ id: 'SKU-A', quantity: 10 }]);
  });

  it('row 3: processing → terminated when the vendor fails the purchase', () => {
    const { snapshot } = run([fail(PR)]);
    expect(lastMove(snapshot)).toEqual({ from: 'processing', to: 'terminated' });
    expect(snapshot.context.requests).toEqual([
      {
        id: PR,
        requestType: 'purchase',
        status: 'failed',
        reason: 'vendor system refused',
        createdAt: T0,
        closedAt: expect.any(String),
      },
    ]);
  });

  it('row 4: active → terminating when a cancel request is created', () => {
    const { snapshot } = run([...toActive(), create('PR-C', 'cancel')]);
    expect(lastMove(snapshot)).toEqual({ from: 'active', to: 'terminating' });
  });

  it('row 5: terminating → terminated when the vendor approves the cancel', () => {
    const { snapshot } = run([...toActive(), create('PR-C', 'cancel'), approve('PR-C')]);
    expect(lastMove(snapshot)).toEqual({ from: 'terminating', to: 'terminated' });
    expect(snapshot.status).toBe('done');
  });

  it('row –: terminating → active when the vendor fails the cancel', () => {
    const { snapshot } = run([...toActive(), create('PR-C', 'cancel'), fail('PR-C')]);
    expect(lastMove(snapshot)).toEqual({ from: 'terminating', to: 'active' });
  });

  it('rows 6/7: a change request keeps the subscription active and sets absolute quantities; 0 removes', () => {
    const items = [
      { id: 'SKU-A', quantity: 0 },
      { id: 'SKU-B', quantity: 3 },
    ];
    const created = run([...toActive(), create('PR-CH', 'change', { items })]);
    expect(statusOf(created.snapshot)).toBe('active');
    const { snapshot } = run([
      ...toActive(),
      create('PR-CH', 'change', { items }),
      approve('PR-CH'),
    ]);
    expect(statusOf(snapshot)).toBe('active');
    expect(snapshot.context.items).toEqual([{ id: 'SKU-B', quantity: 3 }]);
  });

  it('rows 6/7: an adjustment by the vendor updates parameters and stays active', () => {
    const adjust = {
      by: { role: 'vendor' as const },
      params: [{ id: 'seats_note', value: 'corrected' }],
    };
    const { snapshot } = run([
      ...toActive(),
      create('PR-AD', 'adjustment', adjust),
      approve('PR-AD'),
    ]);
    expect(statusOf(snapshot)).toBe('active');
    expect(snapshot.context.params).toContainEqual({
      id: 'seats_note',
      phase: 'ordering',
      value: 'corrected',
    });
  });

  it('row 8: active → suspended when a suspend request is approved; a failed one stays active', () => {
    expect(lastMove(run(toSuspended()).snapshot)).toEqual({ from: 'active', to: 'suspended' });
    expect(statusOf(run([...toActive(), create('PR-S', 'suspend'), fail('PR-S')]).snapshot)).toBe(
      'active',
    );
  });

  it('row 9: suspended → active when a resume request is approved; a failed one stays suspended', () => {
    expect(
      lastMove(run([...toSuspended(), create('PR-R', 'resume'), approve('PR-R')]).snapshot),
    ).toEqual({ from: 'suspended', to: 'active' });
    expect(statusOf(run([...toSuspended(), create('PR-R', 'resume'), fail('PR-R')]).snapshot)).toBe(
      'suspended',
    );
  });
});

describe("docs/connect.md: what a request's end does to its subscription", () => {
  type End = 'approved' | 'failed' | 'revoked';
  const end = (id: string, how: End) =>
    how === 'approved'
      ? [id === PR ? approvePurchase() : approve(id)]
      : how === 'failed'
        ? [fail(id)]
        : revoke(id);
  const cells: {
    request: RequestType;
    from: SubscriptionStatus;
    setup: () => SubscriptionCommand[];
    ends: Record<End, SubscriptionStatus>;
  }[] = [
    {
      request: 'purchase',
      from: 'processing',
      setup: () => [],
      ends: { approved: 'active', failed: 'terminated', revoked: 'terminated' },
    },
    {
      request: 'change',
      from: 'active',
      setup: () => [...toActive(), create('X', 'change')],
      ends: { approved: 'active', failed: 'active', revoked: 'active' },
    },
    {
      request: 'suspend',
      from: 'active',
      setup: () => [...toActive(), create('X', 'suspend')],
      ends: { approved: 'suspended', failed: 'active', revoked: 'active' },
    },
    {
      request: 'resume',
      from: 'suspended',
      setup: () => [...toSuspended(), create('X', 'resume')],
      ends: { approved: 'active', failed: 'suspended', revoked: 'suspended' },
    },
    {
      request: 'cancel',
      from: 'active',
      setup: () => [...toActive(), create('X', 'cancel')],
      ends: { approved: 'terminated', failed: 'active', revoked: 'active' },
    },
    {
      request: 'cancel',
      from: 'suspended',
      setup: () => [...toSuspended(), create('X', 'cancel')],
      ends: { approved: 'terminated', failed: 'suspended', revoked: 'suspended' },
    },
    {
      request: 'renew',
      from: 'active',
      setup: () => [...toActive(), create('X', 'renew')],
      ends: { approved: 'active', failed: 'active', revoked: 'active' },
    },
    {
      request: 'transfer',
      from: 'active',
      setup: () => [...toActive(), create('X', 'transfer')],
      ends: { approved: 'active', failed: 'active', revoked: 'active' },
    },
  ];
  // Only schedulable types can be revoked (revocation starts from scheduled): not transfers.
  const table = cells
    .flatMap((cell) =>
      (['approved', 'failed', 'revoked'] as const).map((how) => ({
        ...cell,
        how,
        to: cell.ends[how],
      })),
    )
    .filter((cell) => !(cell.request === 'transfer' && cell.how === 'revoked'));

  it.each(table)('$request from $from, $how → $to', ({ setup, how, to }) => {
    const id = setup().length === 0 ? PR : 'X';
    const { snapshot, heard } = run([...setup(), ...end(id, how)]);
    expect(statusOf(snapshot)).toBe(to);
    expect(snapshot.context.pendingRequest).toBeNull();
    expect(snapshot.context.requests.at(-1)).toMatchObject({ id, status: how });
    expect(heard).toContainEqual(
      expect.objectContaining({ type: 'request.changed', requestId: id, to: how }),
    );
  });

  it('a preview subscription lets the vendor create the resume request (Connect Processor SDK)', () => {
    const vendor = { by: { role: 'vendor' as const } };
    const { snapshot } = run(
      [...toSuspended(), create('PR-R', 'resume', vendor), approve('PR-R')],
      { connection: 'preview' },
    );
    expect(statusOf(snapshot)).toBe('active');
    expect(
      snapshot.context.audit.find((e) => e.requestId === 'PR-R' && e.command === 'request.create')
        ?.by,
    ).toEqual({ role: 'vendor' });
  });

  it('a transfer is approved at creation with transferAutoApprove', () => {
    const { snapshot, heard } = run([...toActive(), create('PR-T', 'transfer')], {
      capabilities: { ...ALL_ON, transferAutoApprove: true },
    });
    expect(statusOf(snapshot)).toBe('active');
    expect(snapshot.context.requests.at(-1)).toMatchObject({ id: 'PR-T', status: 'approved' });
    expect(heard).toContainEqual(
      expect.objectContaining({
        type: 'request.changed',
        requestId: 'PR-T',
        from: null,
        to: 'approved',
      }),
    );
  });

  it('a scheduled change returns to pending on clock.tick and applies when approved', () => {
    const { snapshot } = run([
      ...toActive(),
      create('PR-CH', 'change', { items: [{ id: 'SKU-A', quantity: 25 }] }),
      c('request.schedule', { requestId: 'PR-CH', plannedDate: '2026-02-01T00:00:00Z' }),
      c('clock.tick', { at: '2026-02-01T00:00:00Z' }),
      approve('PR-CH'),
    ]);
    expect(snapshot.context.items).toEqual([{ id: 'SKU-A', quantity: 25 }]);
  });
});
