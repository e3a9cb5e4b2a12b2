/**
 * The order's rules (src/marketplace/order.rules.ts): where a placed order goes, what a query must
 * show, when the client may process it again, what failing needs, and the messages users read.
 */
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/index';
import { marketplaceOrderMachine as machine } from '../../src/marketplace';
import { expectRefusal, runPure } from './drive';
import { answer, cmd, domainTaken, input, place, query, withError } from './order.fixtures';

const message = (snapshot: Parameters<typeof expectRefusal>[1], command: unknown, code: string) => {
  const { message, details } = expectRefusal(machine, snapshot as never, command, code) as {
    message: string;
    details?: unknown;
  };
  return details === undefined ? { message } : { message, details };
};

describe('a placed order goes to Querying while validation left an error', () => {
  it('an ordering parameter error sends it to Querying; none to Processing', () => {
    expect(runPure(machine, withError, [place]).value).toBe('Querying');
    expect(runPure(machine, input, [place]).value).toBe('Processing');
  });

  it('an error on the order itself sends it to Querying', () => {
    const validated = cmd('order.validate', 'system', 1, { error: domainTaken });
    expect(runPure(machine, input, [validated, place]).value).toBe('Querying');
  });
});

describe('queries and answers', () => {
  it('a query must show the client an error', () => {
    const processing = runPure(machine, input, [place]);
    expect(
      message(processing, { ...query, parameters: { ordering: [] } }, 'NO_PARAMETER_ERRORS'),
    ).toEqual({ message: 'a query needs at least one ordering parameter with an error' });
  });

  it('the client processes again only once every queried parameter has a value', () => {
    const querying = runPure(machine, input, [place, query]);
    expect(
      message(querying, { ...answer, parameters: { ordering: [] } }, 'REQUIRED_PARAMETERS_MISSING'),
    ).toEqual({
      message: 'ordering parameters still carry an error and need a value: domain',
      details: { parameters: ['domain'] },
    });
    expect(execute(machine, querying, answer)).toMatchObject({
      ok: true,
      snapshot: { value: 'Processing' },
    });
  });
});

describe('failing an order needs statusNotes the client can read', () => {
  const processing = () => runPure(machine, input, [place]);

  it('refuses blank notes with the message naming what is needed', () => {
    const blank = cmd('order.fail', 'vendor', 6, { statusNotes: '  ' });
    expect(message(processing(), blank, 'REASON_REQUIRED')).toEqual({
      message: 'order.fail needs statusNotes with a message',
    });
  });

  it('accepts notes as plain text or as a message', () => {
    for (const statusNotes of ['Out of region', { id: 'ERR-1', message: 'Out of region' }]) {
      const failed = execute(
        machine,
        processing(),
        cmd('order.fail', 'vendor', 6, { statusNotes }),
      );
      expect(failed).toMatchObject({ ok: true, snapshot: { value: 'Failed' } });
    }
  });
});
