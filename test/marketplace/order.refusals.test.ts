/**
 * Every refusal of the order, with explain agreeing with execute and an actor.
 */
import { describe, expect, it } from 'vitest';
import { execute, start } from '../../src/index';
import { marketplaceOrderMachine as machine } from '../../src/marketplace';
import { expectRefusal, runPure } from './drive';
import {
  answer,
  at,
  cmd,
  complete,
  fail,
  input,
  place,
  query,
  remove,
  validate,
} from './order.fixtures';

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
    const badError = {
      ...query,
      parameters: { ordering: [{ externalId: 'domain', error: { id: 'E' } }] },
    };
    const rejection = expectRefusal(machine, processing(), badError, 'INVALID_COMMAND');
    expect(rejection).toMatchObject({ details: { field: 'parameters.ordering[0].error.message' } });
    // Parameters are grouped (mpt-extension-sdk models/parameter.py, ParameterBag): a flat list
    // of the old shape is malformed.
    const flat = { ...query, parameters: [{ id: 'PAR-domain', error: { id: 'E', message: 'm' } }] };
    expectRefusal(machine, processing(), flat, 'INVALID_COMMAND');
    // A query is on ordering parameters, the ones the client can fix.
    const onFulfillment = {
      ...query,
      parameters: { fulfillment: [{ externalId: 'tenantId', error: { id: 'E', message: 'm' } }] },
    };
    expectRefusal(machine, processing(), onFulfillment, 'INVALID_COMMAND');
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
    for (const statusNotes of [' \t', { message: '' }, { id: 'ERR-1', message: '  ' }])
      expectRefusal(
        machine,
        processing(),
        cmd('order.fail', 'vendor', 6, { statusNotes }),
        'REASON_REQUIRED',
      );
    // A message without its text is malformed, not a missing reason.
    expectRefusal(
      machine,
      processing(),
      cmd('order.fail', 'vendor', 6, { statusNotes: { id: 'ERR-1' } }),
      'INVALID_COMMAND',
    );
  });

  it('NO_PARAMETER_ERRORS: a query with no parameter error to show', () => {
    expectRefusal(
      machine,
      processing(),
      { ...query, parameters: { ordering: [] } },
      'NO_PARAMETER_ERRORS',
    );
  });

  it('REQUIRED_PARAMETERS_MISSING: processing again while a queried parameter has no value', () => {
    const querying = runPure(machine, input, [place, query]);
    const rejection = expectRefusal(
      machine,
      querying,
      { ...answer, parameters: { ordering: [] } },
      'REQUIRED_PARAMETERS_MISSING',
    );
    expect(rejection).toMatchObject({ details: { parameters: ['domain'] } });
  });

  it('a repeated commandId is a successful no-op', () => {
    const placed = runPure(machine, input, [{ ...place, commandId: 'c-1' }]);
    const again = execute(machine, placed, { ...place, commandId: 'c-1', at: at(9) });
    expect(again).toMatchObject({ ok: true, duplicate: true, snapshot: placed });
  });

  it('INVALID_STATE naming the guard: a host policy added with machine.provide', () => {
    const strict = machine.provide({ guards: { canComplete: () => false } });
    const processing = runPure(strict, input, [place]);
    const rejection = expectRefusal(strict, processing, complete, 'INVALID_STATE');
    expect(rejection).toMatchObject({ details: { guard: 'canComplete' } });
  });
});
