/**
 * The order, arrow by arrow of the Marketplace docs' order state diagram (docs/marketplace.md).
 */
import { describe, expect, it } from 'vitest';
import { availableCommands, execute, start } from '../../src/index';
import { marketplaceOrderMachine as machine } from '../../src/marketplace';
import { type Arrow, expectArrow, runPure } from './drive';
import {
  answer,
  cmd,
  complete,
  domainTaken,
  fail,
  input,
  place,
  query,
  quote,
  regionNotes,
  remove,
  T0,
  validate,
  withError,
} from './order.fixtures';

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
        parameters: {
          ordering: [{ externalId: 'domain', value: 'contoso.com', error: domainTaken }],
        },
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
      { version: 1, at: T0, by: { role: 'client' }, command: 'create', from: null, to: 'New' },
    ]);
  });

  it.each(arrows.map((row) => [row.arrow, row] as const))('%s', (_, row) => {
    expectArrow(machine, row);
  });

  it('records what the arrows carry: parameters, templates and statusNotes', () => {
    const queried = runPure(machine, input, [place, query]);
    // mpt-extension-sdk models/parameter.py, ParameterBag._with_error: shown and required.
    expect(queried.context.parameters.ordering).toEqual([
      {
        externalId: 'domain',
        id: 'PRM-1234-1234-1234-0001',
        value: 'contoso.com',
        error: domainTaken,
        constraints: { hidden: false, required: true },
      },
    ]);
    expect(queried.context.templateId).toBe('TPL-query');
    const answered = runPure(machine, input, [place, query, answer]);
    expect(answered.context.parameters.ordering).toEqual([
      {
        externalId: 'domain',
        id: 'PRM-1234-1234-1234-0001',
        value: 'contoso.net',
        constraints: { hidden: false, required: true },
      },
    ]);
    const done = runPure(machine, input, [place, complete]);
    expect(done.context.templateId).toBe('TPL-done');
    expect(done.context.parameters.fulfillment).toEqual([
      { externalId: 'tenantId', value: 'a1b2-c3d4', constraints: { required: true } },
    ]);
    expect(runPure(machine, input, [place, fail('vendor')]).context.statusNotes).toEqual(
      regionNotes,
    );
  });

  it('lets a validation clear the error it wrote, and add a parameter it did not know', () => {
    const fixed = runPure(machine, withError, [
      cmd('order.validate', 'operations', 1, {
        parameters: { ordering: [{ externalId: 'domain' }, { externalId: 'seats', value: 5 }] },
      }),
    ]);
    expect(fixed.context.parameters.ordering).toEqual([
      { externalId: 'domain', value: 'contoso.com' },
      { externalId: 'seats', value: 5 },
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
