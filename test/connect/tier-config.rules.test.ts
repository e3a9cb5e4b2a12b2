/**
 * The tier configuration request's own rules (src/connect/tier-config.rules.ts): which requests
 * start as drafts, the inquiring validation switch of each type, and the request id every command
 * must name. The parameter rules it shares are in parameter.rules.test.ts.
 */
import {
  type CommandOf,
  execute,
  tierConfigRequestMachine as machine,
  type SnapshotOf,
  start,
  type TierConfigRequestInput,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { ALL_ON, tierConfigCommands, tierConfigInput } from '../support/connect';
import { reachFrom, refusalOf } from '../support/rules';

type Command = CommandOf<typeof machine>;
type Snapshot = SnapshotOf<typeof machine>;
type Commands = ReturnType<typeof tierConfigCommands>;
const ID = tierConfigInput().id;
const OTHER = 'TCR-0000-0000-0000-999';

function reach(input: Partial<TierConfigRequestInput>, commands: readonly Command[] = []) {
  return reachFrom(machine, start(machine, tierConfigInput(input)), commands);
}

const refusal = (snapshot: Snapshot, command: Command) => refusalOf(machine, snapshot, command);

const inquire = (c: Commands) =>
  c('tcr.inquire', {
    requestId: ID,
    params: [{ id: 'reseller_tax_id', valueError: 'not a VAT id' }],
  });

describe('which tier configuration requests start as drafts', () => {
  const off = {
    ...ALL_ON,
    tierConfigDraftValidation: false,
    tierConfigUpdateDraftValidation: false,
  };
  it.each([
    ['setup', { tierConfigDraftValidation: true }, 'draft'],
    ['setup', { tierConfigUpdateDraftValidation: true }, 'pending'],
    ['update', { tierConfigUpdateDraftValidation: true }, 'draft'],
    ['update', { tierConfigDraftValidation: true }, 'pending'],
    [
      'adjustment',
      { tierConfigDraftValidation: true, tierConfigUpdateDraftValidation: true },
      'pending',
    ],
  ] as const)('a %s request with %j starts %s', (requestType, on, status) => {
    expect(reach({ requestType, draft: true, capabilities: { ...off, ...on } }).value).toBe(status);
  });

  it('a request not asked for as a draft starts pending', () => {
    expect(reach({ draft: false }).value).toBe('pending');
  });
});

describe('validating an inquiring request needs the switch of its type', () => {
  it.each([
    ['setup', 'tierConfigSetupInquiringValidation'],
    ['update', 'tierConfigUpdateInquiringValidation'],
    ['adjustment', 'tierConfigSetupInquiringValidation'],
  ] as const)('a %s request needs %s', (requestType, capability) => {
    const c = tierConfigCommands();
    const off = reach({ requestType, capabilities: { ...ALL_ON, [capability]: false } }, [
      inquire(c),
    ]);
    const on = reach({ requestType }, [inquire(c)]);
    const validate = c('tcr.validate', { requestId: ID, params: [] });
    expect(refusal(off, validate)).toEqual({
      code: 'CAPABILITY_DISABLED',
      message: `tcr.validate on an inquiring ${requestType} request needs the ${capability} capability`,
      details: { capability },
    });
    expect(execute(machine, on, validate).ok).toBe(true);
  });
});

describe('every command is for this request', () => {
  type Case = [
    string,
    Partial<TierConfigRequestInput>,
    (c: Commands) => Command[],
    (c: Commands, requestId: string) => Command,
  ];
  const draft = { draft: true };
  const tier1 = { waitsForTier2: true };
  const cases: Case[] = [
    ['submit', draft, () => [], (c, requestId) => c('tcr.submit', { requestId })],
    [
      'submit (tier 1)',
      { ...draft, ...tier1 },
      () => [],
      (c, requestId) => c('tcr.submit', { requestId }),
    ],
    [
      'validate (draft)',
      draft,
      () => [],
      (c, requestId) => c('tcr.validate', { requestId, params: [] }),
    ],
    [
      'validate (pending)',
      {},
      () => [],
      (c, requestId) => c('tcr.validate', { requestId, params: [] }),
    ],
    [
      'validate (inquiring)',
      {},
      (c) => [inquire(c)],
      (c, requestId) => c('tcr.validate', { requestId, params: [] }),
    ],
    ['delete', draft, () => [], (c, requestId) => c('tcr.delete', { requestId })],
    [
      'inquire',
      {},
      () => [],
      (c, requestId) =>
        c('tcr.inquire', { requestId, params: [{ id: 'reseller_tax_id', valueError: 'bad' }] }),
    ],
    [
      'answer',
      {},
      (c) => [inquire(c)],
      (c, requestId) =>
        c('tcr.answer', { requestId, params: [{ id: 'reseller_tax_id', value: 'IE-7654321' }] }),
    ],
    ['pend', {}, (c) => [inquire(c)], (c, requestId) => c('tcr.pend', { requestId })],
    [
      'approve',
      {},
      () => [],
      (c, requestId) =>
        c('tcr.approve', {
          requestId,
          templateId: 'TL-1',
          params: [{ id: 'vendor_reseller_id', value: 'R-42' }],
        }),
    ],
    [
      'fail',
      {},
      () => [],
      (c, requestId) => c('tcr.fail', { requestId, reason: 'unknown reseller' }),
    ],
    ['approve tier 2', tier1, () => [], (c, requestId) => c('tierConfig.approve', { requestId })],
    [
      'fail tier 2',
      tier1,
      () => [],
      (c, requestId) => c('tierConfig.fail', { requestId, reason: 'tier-2 failed' }),
    ],
  ];

  it.each(cases)(
    '%s: refused with another request id, accepted with this one',
    (_, input, before, make) => {
      const c = tierConfigCommands();
      const snapshot = reach(input, before(c));
      expect(refusal(snapshot, make(c, OTHER))).toEqual({
        code: 'UNKNOWN_REQUEST',
        message: `${OTHER} is not this request (${ID})`,
        details: { requestId: ID },
      });
      expect(execute(machine, snapshot, make(c, ID)).ok).toBe(true);
    },
  );
});

describe("the vendor's validation while pending", () => {
  it('writes ordering and fulfillment parameters', () => {
    const c = tierConfigCommands();
    const validate = c('tcr.validate', {
      requestId: ID,
      params: [
        { id: 'reseller_tax_id', valueError: 'bad' },
        { id: 'vendor_reseller_id', value: 'R-1' },
      ],
    });
    expect(execute(machine, reach({}), validate)).toMatchObject({ ok: true });
  });

  it('writes only ordering parameters in a draft', () => {
    const c = tierConfigCommands();
    const validate = c('tcr.validate', {
      requestId: ID,
      params: [{ id: 'vendor_reseller_id', value: 'R-1' }],
    });
    expect(refusal(reach({ draft: true }), validate)).toEqual({
      code: 'INVALID_COMMAND',
      message: 'tcr.validate here writes ordering parameters only, not vendor_reseller_id',
      details: { parameters: ['vendor_reseller_id'] },
    });
  });
});
