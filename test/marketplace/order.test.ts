/**
 * The order, arrow by arrow of reference/marketplace-order-statuses.png, and every refusal.
 */
import { describe, expect, it } from 'vitest';
import { availableCommands, execute, start } from '../../src/index';
import {
  type MarketplaceOrderCommand,
  type MarketplaceOrderInput,
  type MarketplaceRole,
  marketplaceOrderMachine as machine,
} from '../../src/marketplace';
import { type Arrow, expectArrow, expectRefusal, minutesAfter, runPure } from './drive';

const T0 = '2026-01-05T09:00:00Z';
const at = (minutes: number) => minutesAfter(T0, minutes);
const input: MarketplaceOrderInput = {
  id: 'ORD-1234-5678-9012-3456',
  orderType: 'Purchase',
  agreementId: 'AGR-1234-5678-9012-3456',
  at: T0,
  by: { role: 'client' },
  lines: [{ id: 'ALI-0001', item: { id: 'ITM-0001' }, quantity: 10 }],
  parameters: [{ id: 'PAR-domain', value: 'contoso.com' }],
};
const domainTaken = { id: 'ERR-1', message: 'The domain is taken' };
const withError: MarketplaceOrderInput = {
  ...input,
  parameters: [{ id: 'PAR-domain', value: 'contoso.com', error: domainTaken }],
};

/** A command of type `type` from `role` at minute `minute`, with its payload. */
function cmd<T extends MarketplaceOrderCommand['type']>(
  type: T,
  role: MarketplaceRole,
  minute: number,
  payload: object = {},
): MarketplaceOrderCommand {
  return { type, at: at(minute), by: { role }, ...payload } as MarketplaceOrderCommand;
}

const validate = cmd('order.validate', 'system', 1);
const quote = cmd('order.quote', 'client', 2);
const place = cmd('order.place', 'client', 3);
const query = cmd('order.query', 'vendor', 4, {
  parameters: [{ id: 'PAR-domain', error: domainTaken }],
  templateId: 'TPL-query',
});
const answer = cmd('order.process', 'client', 5, {
  parameters: [{ id: 'PAR-domain', value: 'contoso.net' }],
});
const complete = cmd('order.complete', 'vendor', 6, { templateId: 'TPL-done' });
const fail = (role: MarketplaceRole) =>
  cmd('order.fail', role, 6, { statusNotes: 'The vendor cannot serve this region' });
const remove = cmd('order.delete', 'client', 4);

const arrows: Arrow<typeof machine>[] = [
  {
    arrow: 'New → Draft: order validated',
    input,
    before: [],
    command: validate,
    from: 'New',
    to: 'Draft',
  },
  {
    arrow: 'New → Quoted: saved without validation',
    input,
    before: [],
    command: quote,
    from: 'New',
    to: 'Quoted',
  },
  {
    arrow: 'New → placed → Processing: placed without validation',
    input,
    before: [],
    command: place,
    from: 'New',
    to: 'Processing',
  },
  {
    arrow: 'New → placed → Querying: straight to querying',
    input: withError,
    before: [],
    command: place,
    from: 'New',
    to: 'Querying',
  },
  {
    arrow: 'Draft → Quoted: client saves draft order',
    input,
    before: [validate],
    command: quote,
    from: 'Draft',
    to: 'Quoted',
  },
  {
    arrow: 'Draft → placed → Processing',
    input,
    before: [validate],
    command: place,
    from: 'Draft',
    to: 'Processing',
  },
  {
    arrow: 'Draft → placed → Querying: validation left an error',
    input,
    before: [
      cmd('order.validate', 'system', 1, {
        parameters: [{ id: 'PAR-domain', value: 'contoso.com', error: domainTaken }],
      }),
    ],
    command: place,
    from: 'Draft',
    to: 'Querying',
  },
  {
    arrow: 'Draft → Deleted',
    input,
    before: [validate],
    command: remove,
    from: 'Draft',
    to: 'Deleted',
  },
  {
    arrow: 'Quoted → placed → Processing',
    input,
    before: [quote],
    command: place,
    from: 'Quoted',
    to: 'Processing',
  },
  {
    arrow: 'Quoted → placed → Querying',
    input: withError,
    before: [quote],
    command: place,
    from: 'Quoted',
    to: 'Querying',
  },
  {
    arrow: 'Quoted → Deleted',
    input,
    before: [quote],
    command: remove,
    from: 'Quoted',
    to: 'Deleted',
  },
  {
    arrow: 'Processing → Querying: moved to querying',
    input,
    before: [place],
    command: query,
    from: 'Processing',
    to: 'Querying',
  },
  {
    arrow: 'Querying → Processing: returned to processing',
    input,
    before: [place, query],
    command: answer,
    from: 'Querying',
    to: 'Processing',
  },
  {
    arrow: 'Processing → Completed',
    input,
    before: [place],
    command: complete,
    from: 'Processing',
    to: 'Completed',
  },
  {
    arrow: 'Processing → Failed',
    input,
    before: [place],
    command: fail('vendor'),
    from: 'Processing',
    to: 'Failed',
  },
  {
    arrow: 'Querying → Failed',
    input,
    before: [place, query],
    command: fail('operations'),
    from: 'Querying',
    to: 'Failed',
  },
];

describe('marketplaceOrderMachine: every arrow of the diagram, pure and actor alike', () => {
  it('starts New: the order exists, unsaved', () => {
    const snapshot = start(machine, input);
    expect(snapshot.value).toBe('New');
    expect(snapshot.context.audit).toEqual([
      { at: T0, by: { role: 'client' }, command: 'create', from: null, to: 'New' },
    ]);
  });

  it.each(arrows.map((row) => [row.arrow, row] as const))('%s', (_, row) => {
    expectArrow(machine, row);
  });

  it('records what the arrows carry: parameters, templates and statusNotes', () => {
    const queried = runPure(machine, input, [place, query]);
    expect(queried.context.parameters).toEqual([
      { id: 'PAR-domain', value: 'contoso.com', error: domainTaken },
    ]);
    expect(queried.context.templateId).toBe('TPL-query');
    const answered = runPure(machine, input, [place, query, answer]);
    expect(answered.context.parameters).toEqual([{ id: 'PAR-domain', value: 'contoso.net' }]);
    expect(runPure(machine, input, [place, complete]).context.templateId).toBe('TPL-done');
    expect(runPure(machine, input, [place, fail('vendor')]).context.statusNotes).toBe(
      'The vendor cannot serve this region',
    );
  });

  it('lets a validation clear the error it wrote, and add a parameter it did not know', () => {
    const fixed = runPure(machine, withError, [
      cmd('order.validate', 'operations', 1, {
        parameters: [{ id: 'PAR-domain' }, { id: 'PAR-seats', value: '5' }],
      }),
    ]);
    expect(fixed.context.parameters).toEqual([
      { id: 'PAR-domain', value: 'contoso.com' },
      { id: 'PAR-seats', value: '5' },
    ]);
    const placed = execute(machine, fixed, place);
    expect(placed.ok && placed.snapshot.value).toBe('Processing');
  });

  it('lists what each role may send, from the same rules', () => {
    const querying = runPure(machine, input, [place, query]);
    expect(availableCommands(machine, querying, 'client')).toEqual(['order.process']);
    expect(availableCommands(machine, querying, 'vendor')).toEqual(['order.fail']);
    expect(availableCommands(machine, querying, 'operations')).toEqual([
      'order.process',
      'order.fail',
    ]);
    expect(availableCommands(machine, start(machine, input), 'operations')).toEqual([
      'order.validate',
      'order.quote',
      'order.place',
    ]);
  });
});

describe('marketplaceOrderMachine: refusals', () => {
  const fresh = () => start(machine, input);
  const processing = () => runPure(machine, input, [place]);

  it.each([
    ['an unknown command type', { ...place, type: 'order.approve' }],
    ['an unknown role', { ...place, by: { role: 'buyer' } }],
    ['a timestamp without a zone', { ...place, at: '2026-01-05T09:03:00' }],
    ['a payload field it does not have', { ...place, reason: 'x' }],
  ])('INVALID_COMMAND: %s', (_, command) => {
    expectRefusal(machine, fresh(), command, 'INVALID_COMMAND');
  });

  it('INVALID_COMMAND: a missing or malformed payload field', () => {
    const { templateId: _, ...noTemplate } = complete as { templateId: string };
    expectRefusal(machine, processing(), noTemplate, 'INVALID_COMMAND');
    const badError = { ...query, parameters: [{ id: 'PAR-domain', error: { id: 'E' } }] };
    const rejection = expectRefusal(machine, processing(), badError, 'INVALID_COMMAND');
    expect(rejection).toMatchObject({ details: { field: 'parameters[0].error.message' } });
  });

  it('STALE_VERSION and OUT_OF_ORDER', () => {
    expectRefusal(machine, fresh(), { ...place, expectedVersion: 7 }, 'STALE_VERSION');
    expectRefusal(machine, processing(), { ...complete, at: at(0) }, 'OUT_OF_ORDER');
  });

  it.each([
    ['validate', { ...validate, by: { role: 'client' } }],
    ['place', { ...place, by: { role: 'vendor' } }],
    ['delete', { ...remove, by: { role: 'system' } }],
  ])('FORBIDDEN_ROLE: a known role that may not %s', (_, command) => {
    expectRefusal(machine, fresh(), command, 'FORBIDDEN_ROLE');
  });

  it('FORBIDDEN_ROLE: only the vendor completes, and neither client nor system fails', () => {
    expectRefusal(
      machine,
      processing(),
      { ...complete, by: { role: 'operations' } },
      'FORBIDDEN_ROLE',
    );
    expectRefusal(machine, processing(), { ...fail('client') }, 'FORBIDDEN_ROLE');
  });

  it('INVALID_STATE: not in this status, or in a final one', () => {
    expectRefusal(machine, fresh(), remove, 'INVALID_STATE');
    expectRefusal(machine, fresh(), complete, 'INVALID_STATE');
    expectRefusal(machine, processing(), place, 'INVALID_STATE');
    const completed = runPure(machine, input, [place, complete]);
    expectRefusal(machine, completed, fail('vendor'), 'INVALID_STATE');
  });

  it('REASON_REQUIRED: failing without statusNotes, or blank ones', () => {
    expectRefusal(machine, processing(), cmd('order.fail', 'vendor', 6), 'REASON_REQUIRED');
    expectRefusal(
      machine,
      processing(),
      cmd('order.fail', 'vendor', 6, { statusNotes: ' \t' }),
      'REASON_REQUIRED',
    );
  });

  it('NO_PARAMETER_ERRORS: a query with no parameter error to show', () => {
    expectRefusal(machine, processing(), { ...query, parameters: [] }, 'NO_PARAMETER_ERRORS');
  });

  it('REQUIRED_PARAMETERS_MISSING: processing again while a queried parameter has no value', () => {
    const querying = runPure(machine, input, [place, query]);
    const rejection = expectRefusal(
      machine,
      querying,
      { ...answer, parameters: [] },
      'REQUIRED_PARAMETERS_MISSING',
    );
    expect(rejection).toMatchObject({ details: { parameters: ['PAR-domain'] } });
  });

  it('a repeated commandId is a successful no-op; clock.tick changes nothing', () => {
    const placed = runPure(machine, input, [{ ...place, commandId: 'c-1' }]);
    const again = execute(machine, placed, { ...place, commandId: 'c-1', at: at(9) });
    expect(again).toMatchObject({ ok: true, duplicate: true, snapshot: placed });
    const tick = execute(machine, placed, cmd('clock.tick', 'system', 9));
    expect(tick).toMatchObject({ ok: true, duplicate: false, snapshot: placed, emitted: [] });
  });
});
