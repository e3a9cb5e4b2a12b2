/**
 * docs/connect.md, the tier configuration request: one test per transition page of
 * connect-workflows `tier-config-request/`, through the pure API and an actor at once; then the
 * link to the requests waiting in tiers_setup.
 */
import {
  execute,
  fulfillmentRequestMachine,
  initial,
  tierConfigRequestMachine as machine,
  statusOf,
  subscriptionMachine,
  type TierConfigRequestCommand,
  type TierConfigRequestInput,
  type TierConfigRequestStatus,
  tierConfigCommand,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { agree } from '../support/agree';
import {
  requestInput,
  subscriptionInput,
  TIER_PARAMS,
  tierConfigCommands,
  tierConfigInput,
} from '../support/connect';

const c = tierConfigCommands();
const id = tierConfigInput().id;
const draft: Partial<TierConfigRequestInput> = { draft: true };
const tier1: Partial<TierConfigRequestInput> = { waitsForTier2: true };
const missing = TIER_PARAMS.map((p) => (p.id === 'reseller_tax_id' ? { ...p, value: '' } : p));
const approve = () =>
  c('tcr.approve', {
    requestId: id,
    templateId: 'TL-tier1',
    params: [{ id: 'vendor_reseller_id', value: 'R-42' }],
  });
const inquire = () =>
  c('tcr.inquire', {
    requestId: id,
    params: [{ id: 'reseller_tax_id', valueError: 'not a VAT id' }],
  });

interface Row {
  readonly page: string;
  readonly from: TierConfigRequestStatus | '(new)';
  readonly to: TierConfigRequestStatus;
  readonly input?: Partial<TierConfigRequestInput>;
  readonly commands: () => TierConfigRequestCommand[];
}

const rows: Row[] = [
  { page: 't-1-new-draft', from: '(new)', to: 'draft', input: draft, commands: () => [] },
  { page: 't-2-new-pending', from: '(new)', to: 'pending', commands: () => [] },
  {
    page: 't-3-draft-deleted',
    from: 'draft',
    to: 'deleted',
    input: draft,
    commands: () => [c('tcr.delete', { requestId: id })],
  },
  {
    page: 't-4-draft-pending',
    from: 'draft',
    to: 'pending',
    input: draft,
    commands: () => [c('tcr.submit', { requestId: id })],
  },
  { page: 't-5-pend-inquiring', from: 'pending', to: 'inquiring', commands: () => [inquire()] },
  {
    page: 't-6-inq-pending',
    from: 'inquiring',
    to: 'pending',
    commands: () => [
      inquire(),
      c('tcr.answer', { requestId: id, params: [{ id: 'reseller_tax_id', value: 'IE-7654321' }] }),
    ],
  },
  {
    page: 't-7-tier-inquiring',
    from: 'tiers_setup',
    to: 'inquiring',
    input: { ...tier1, params: missing },
    commands: () => [c('tierConfig.approve', { requestId: id })],
  },
  {
    page: 't-8-tier-pending',
    from: 'tiers_setup',
    to: 'pending',
    input: tier1,
    commands: () => [c('tierConfig.approve', { requestId: id })],
  },
  {
    page: 't-9-new-inquiring',
    from: '(new)',
    to: 'inquiring',
    input: { params: missing },
    commands: () => [],
  },
  { page: 't-10-new-tiers', from: '(new)', to: 'tiers_setup', input: tier1, commands: () => [] },
  {
    page: 't-11-draft-inquiring',
    from: 'draft',
    to: 'inquiring',
    input: { ...draft, params: missing },
    commands: () => [c('tcr.submit', { requestId: id })],
  },
  {
    page: 't-12-draft-tiers',
    from: 'draft',
    to: 'tiers_setup',
    input: { ...draft, ...tier1 },
    commands: () => [c('tcr.submit', { requestId: id })],
  },
  {
    page: 't-13-inq-failed',
    from: 'inquiring',
    to: 'failed',
    commands: () => [inquire(), c('tcr.fail', { requestId: id, reason: 'no VAT id given' })],
  },
  { page: 't-14-pend-approved', from: 'pending', to: 'approved', commands: () => [approve()] },
  {
    page: 't-15-pend-failed',
    from: 'pending',
    to: 'failed',
    commands: () => [c('tcr.fail', { requestId: id, reason: 'unknown reseller' })],
  },
  {
    page: 't-16-tier-failed',
    from: 'tiers_setup',
    to: 'failed',
    input: tier1,
    commands: () => [c('tierConfig.fail', { requestId: id, reason: 'tier-2 request failed' })],
  },
];

describe('connect-workflows tier-config-request: every transition', () => {
  it.each(rows)('$page: $from → $to', ({ from, to, input, commands }) => {
    const run = agree(machine, tierConfigInput(input), commands());
    expect(statusOf(run.snapshot)).toBe(to);
    if (from !== '(new)') expect(run.snapshot.context.audit.at(-1)).toMatchObject({ from, to });
  });

  it('an answer that leaves tier data missing stays inquiring (s-d-inquiring)', () => {
    const withNote = TIER_PARAMS.map((p) =>
      p.id === 'reseller_note' ? { ...p, required: true } : p,
    );
    const run = agree(machine, tierConfigInput({ params: withNote }), [
      c('tcr.answer', { requestId: id, params: [{ id: 'reseller_note', value: 'EU only' }] }),
      inquire(),
      c('tcr.answer', { requestId: id, params: [] }),
    ]);
    expect(run.outcomes[0]?.ok).toBe(true);
    expect(statusOf(run.snapshot)).toBe('inquiring');
  });
});

describe('its output tells the requests waiting in tiers_setup what to do', () => {
  const waitingRequest = () =>
    initial(
      fulfillmentRequestMachine,
      requestInput({ tierConfigRequired: true, capabilities: { resellerAuthorizationLevel: 1 } }),
    ).snapshot;

  it('approved: the fulfillment request goes to pending (tier-config-request s-e-approved)', () => {
    const run = agree(machine, tierConfigInput(), [approve()]);
    expect(run.snapshot.output).toMatchObject({
      status: 'approved',
      configuration: { tierLevel: 1, accountId: 'TA-3071-1051-2166' },
      waiting: { type: 'tierConfig.approve' },
    });
    const request = waitingRequest();
    expect(statusOf(request)).toBe('tiers_setup');
    const command = tierConfigCommand(
      run.snapshot.output as never,
      request.context.id,
      run.snapshot.context.updatedAt,
    );
    const result = execute(fulfillmentRequestMachine, request, command as never);
    expect(result.ok && statusOf(result.snapshot)).toBe('pending');
  });

  it('failed: the purchase fails, and so does its subscription (tier-config-request s-f-failed)', () => {
    const run = agree(machine, tierConfigInput(), [
      c('tcr.fail', { requestId: id, reason: 'reseller not onboarded' }),
    ]);
    const subscription = initial(
      subscriptionMachine,
      subscriptionInput({
        tierConfigRequired: true,
        capabilities: { resellerAuthorizationLevel: 1 },
      }),
    ).snapshot;
    const command = tierConfigCommand(
      run.snapshot.output as never,
      subscription.context.pendingRequest?.id as string,
      run.snapshot.context.updatedAt,
    );
    expect(command).toMatchObject({ type: 'tierConfig.fail', reason: 'reseller not onboarded' });
    const result = execute(subscriptionMachine, subscription, command as never);
    expect(result.ok && statusOf(result.snapshot)).toBe('terminated');
  });

  it('a tier-1 request waits on its tier-2 request the same way (s-c-tiers-setup)', () => {
    const tier2 = agree(
      machine,
      tierConfigInput({
        id: 'TCR-T2',
        configuration: { tierLevel: 2, accountId: 'TA-T2', productId: 'PRD-276-377-545' },
      }),
      [{ ...approve(), requestId: 'TCR-T2' }],
    );
    const tier1Request = initial(machine, tierConfigInput(tier1)).snapshot;
    const command = tierConfigCommand(
      tier2.snapshot.output as never,
      tier1Request.context.id,
      c.clock.next(),
    );
    const result = execute(machine, tier1Request, command as never);
    expect(result.ok && statusOf(result.snapshot)).toBe('pending');
  });

  it('a deleted draft tells nobody anything', () => {
    const run = agree(machine, tierConfigInput(draft), [c('tcr.delete', { requestId: id })]);
    expect(tierConfigCommand(run.snapshot.output as never, 'PR-1', c.clock.next())).toBeNull();
  });
});
