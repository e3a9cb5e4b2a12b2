/**
 * docs/connect.md, one test per row of the fulfillment request transitions, through the pure API
 * and an actor at once; then every command refused in every status where the table has no such
 * arrow.
 */

import {
  execute,
  type FulfillmentRequestCommand,
  type FulfillmentRequestInput,
  fulfillmentRequestMachine as machine,
  REQUEST_STATUSES,
  type RequestStatus,
  statusOf,
} from 'subscription-machines';
import { exampleCommands, pathsTo } from 'subscription-machines/testing';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../src/core/time';
import { agree } from '../support/agree';
import { ALL_ON, requestCommands, requestInput } from '../support/connect';

const c = requestCommands();
const id = requestInput().id;
const draft: Partial<FulfillmentRequestInput> = {
  draft: true,
  capabilities: { draftValidation: true },
};
const tiers: Partial<FulfillmentRequestInput> = {
  tierConfigRequired: true,
  capabilities: { resellerAuthorizationLevel: 1 },
};
const scheduling: Partial<FulfillmentRequestInput> = {
  capabilities: { scheduling: { purchase: true } },
};
const inquire = () =>
  c('request.inquire', { requestId: id, params: [{ id: 'email', valueError: 'not a mailbox' }] });
/** A planned date a month after the clock, so rows stay independent of each other. */
const planned = () => formatInstant((parseInstant(c.clock.now()) ?? 0) + 30 * 86_400_000);
const schedule = (plannedDate = planned()) => c('request.schedule', { requestId: id, plannedDate });

interface Row {
  readonly row: string;
  readonly from: RequestStatus | '(new)';
  readonly to: RequestStatus;
  readonly input?: Partial<FulfillmentRequestInput>;
  /** Commands to reach `from`, then the row's own command last. */
  readonly commands: () => FulfillmentRequestCommand[];
  /** Notification templates the row's step sends. */
  readonly templates?: readonly string[];
}

const rows: Row[] = [
  { row: '1', from: '(new)', to: 'pending', commands: () => [], templates: ['pending'] },
  { row: '2', from: '(new)', to: 'draft', input: draft, commands: () => [], templates: [] },
  {
    row: '3',
    from: 'draft',
    to: 'pending',
    input: draft,
    commands: () => [c('request.submit', { requestId: id })],
    templates: ['pending'],
  },
  {
    row: '4',
    from: 'draft',
    to: 'deleted',
    input: draft,
    commands: () => [c('request.delete', { requestId: id })],
  },
  {
    row: '5',
    from: 'pending',
    to: 'tiers_setup',
    input: { capabilities: { resellerAuthorizationLevel: 2 } },
    commands: () => [c('tierConfig.require', { requestId: id })],
  },
  { row: '5 (at creation)', from: '(new)', to: 'tiers_setup', input: tiers, commands: () => [] },
  {
    row: '6',
    from: 'tiers_setup',
    to: 'failed',
    input: tiers,
    commands: () => [c('tierConfig.fail', { requestId: id, reason: 'tier account rejected' })],
  },
  {
    row: '7',
    from: 'tiers_setup',
    to: 'pending',
    input: tiers,
    commands: () => [c('tierConfig.approve', { requestId: id })],
    templates: ['tier-config-approved', 'pending'],
  },
  {
    row: '8',
    from: 'pending',
    to: 'inquiring',
    commands: () => [{ ...inquire(), by: { role: 'system' } }],
    templates: ['inquiring'],
  },
  {
    row: '9',
    from: 'pending',
    to: 'inquiring',
    commands: () => [inquire()],
    templates: ['inquiring'],
  },
  {
    row: '10 (answer)',
    from: 'inquiring',
    to: 'pending',
    commands: () => [
      inquire(),
      c('request.answer', { requestId: id, params: [{ id: 'email', value: 'it@example.com' }] }),
    ],
    templates: ['pending'],
  },
  {
    row: '10 (pend)',
    from: 'inquiring',
    to: 'pending',
    commands: () => [inquire(), c('request.pend', { requestId: id })],
    templates: ['pending'],
  },
  {
    row: '11',
    from: 'pending',
    to: 'approved',
    commands: () => [
      c('request.approve', {
        requestId: id,
        templateId: 'TL-1',
        params: [{ id: 'subscription_id', value: 'EXT-1' }],
      }),
    ],
    templates: [],
  },
  {
    row: '12',
    from: 'pending',
    to: 'failed',
    commands: () => [c('request.fail', { requestId: id, reason: 'out of stock' })],
  },
  { row: '13', from: 'pending', to: 'scheduled', input: scheduling, commands: () => [schedule()] },
  {
    row: '14',
    from: 'scheduled',
    to: 'pending',
    input: scheduling,
    commands: () => {
      const date = planned();
      return [schedule(date), c('clock.tick', { at: date })];
    },
    templates: ['pending'],
  },
  {
    row: '15',
    from: 'scheduled',
    to: 'revoking',
    input: scheduling,
    commands: () => [
      schedule(),
      c('request.revoke', { requestId: id, reason: 'customer changed plans' }),
    ],
    templates: ['revoking'],
  },
  {
    row: '16',
    from: 'revoking',
    to: 'revoked',
    input: scheduling,
    commands: () => [
      schedule(),
      c('request.revoke', { requestId: id, reason: 'changed plans' }),
      c('request.confirmRevocation', { requestId: id }),
    ],
  },
];

describe('docs/connect.md: fulfillment request transitions', () => {
  it.each(rows)('row $row: $from → $to', ({ from, to, input, commands, templates }) => {
    const run = agree(machine, requestInput(input), commands());
    expect(statusOf(run.snapshot)).toBe(to);
    if (from !== '(new)') expect(run.snapshot.context.audit.at(-1)).toMatchObject({ from, to });
    if (templates) {
      const sent = run.emitted
        .filter((e) => e.type === 'notification')
        .map((e) => (e as unknown as { template: string }).template);
      expect(sent).toEqual(templates);
    }
    expect(run.snapshot.context.version).toBe(run.snapshot.context.audit.length);
  });

  it('gives a typed output when it reaches a final status', () => {
    const run = agree(machine, requestInput(), rows.find((r) => r.row === '11')?.commands() ?? []);
    expect(run.snapshot.status).toBe('done');
    expect(run.snapshot.output).toEqual({
      id,
      subscriptionId: 'AS-3071-1051-2166',
      requestType: 'purchase',
      status: 'approved',
      items: [{ id: 'SKU-A', quantity: 10 }],
      params: expect.arrayContaining([
        { id: 'subscription_id', phase: 'fulfillment', required: true, value: 'EXT-1' },
      ]),
      templateId: 'TL-1',
    });
  });

  it('approves a transfer at creation with transferAutoApprove', () => {
    const run = agree(
      machine,
      requestInput({
        requestType: 'transfer',
        capabilities: { transfer: true, transferAutoApprove: true },
      }),
      [],
    );
    expect(statusOf(run.snapshot)).toBe('approved');
  });
});

/** The arrows of the table, by status: every other command is refused there. */
const ALLOWED: Record<RequestStatus, readonly string[]> = {
  draft: ['request.submit', 'request.update', 'request.validate', 'request.delete'],
  tiers_setup: ['tierConfig.approve', 'tierConfig.fail'],
  pending: [
    'request.validate',
    'request.inquire',
    'request.approve',
    'request.fail',
    'request.schedule',
    'tierConfig.require',
  ],
  inquiring: [
    'request.answer',
    'request.pend',
    'request.update',
    'request.validate',
    'request.approve',
    'request.fail',
  ],
  scheduled: ['request.revoke', 'clock.tick'],
  revoking: ['request.confirmRevocation'],
  approved: [],
  failed: [],
  revoked: [],
  deleted: [],
};

describe('docs/connect.md: every transition not in the table is refused', () => {
  const input = requestInput({ draft: true, tierConfigRequired: true, capabilities: ALL_ON });
  for (const status of REQUEST_STATUSES) {
    const [path] = pathsTo(machine, status, { input });
    it(`${status}: ${ALLOWED[status].join(', ') || 'nothing'} and no other command`, () => {
      expect(path, `${status} is reachable`).toBeDefined();
      const snapshot = path?.snapshot as never;
      for (const command of exampleCommands(machine, snapshot)) {
        const result = execute(machine, snapshot, command);
        if (ALLOWED[status].includes(command.type)) continue;
        if (command.type === 'clock.tick') {
          expect(result).toMatchObject({ ok: true, duplicate: false, emitted: [] });
          expect(result.snapshot).toBe(snapshot);
        } else {
          expect(
            result.ok ? null : result.rejection.code,
            `${command.type} by ${command.by.role} in ${status}`,
          ).toBe('INVALID_STATE');
        }
      }
    });
  }
});
