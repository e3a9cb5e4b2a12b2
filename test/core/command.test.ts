/**
 * Step 1, the command envelope (src/core/command.ts): a command that is not plain JSON, not an
 * object, of no or an unknown type, or that breaks its schema is INVALID_COMMAND, with a message
 * that says what is wrong and `details.field` naming where when there is a where.
 */
import { execute, fulfillmentRequestMachine as machine, start } from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { commandSchema } from '../../src/core/command';
import { nonEmptyString } from '../../src/core/schema';
import { requestCommands, requestInput } from '../support/connect';

const c = requestCommands();
const PR = requestInput().id;
const inquire = c('request.inquire', { requestId: PR, params: [{ id: 'x', valueError: 'bad' }] });

describe('INVALID_COMMAND names what is wrong, and where', () => {
  it.each<[string, unknown, string, string | undefined]>([
    [
      'a string',
      'request.inquire',
      'a command must be an object, got "request.inquire"',
      undefined,
    ],
    ['a number', 5, 'a command must be an object, got number 5', undefined],
    [
      'undefined',
      undefined,
      'a command must be plain JSON data; value: expected plain JSON data, got undefined',
      undefined,
    ],
    [
      'a Date in a field',
      { ...inquire, at: new Date(0) },
      'a command must be plain JSON data; at: expected a plain object, got an instance of a class',
      'at',
    ],
    [
      'a function in a field',
      { ...inquire, note: () => 1 },
      'a command must be plain JSON data; note: expected plain JSON data, got a function',
      'note',
    ],
    ['no type', { ...inquire, type: undefined }, 'type: expected a string, got undefined', 'type'],
    [
      'a type that is a number',
      { ...inquire, type: 5 },
      'type: expected a string, got number 5',
      'type',
    ],
    ['an unknown type', { ...inquire, type: 'nope' }, 'unknown command type "nope"', 'type'],
    [
      'a bad instant',
      { ...inquire, at: 'x' },
      'request.inquire: at: expected an ISO-8601 timestamp with a zone designator, got "x"',
      'at',
    ],
    [
      'a nested field',
      { ...inquire, params: [{ id: 'x', valueError: 1 }] },
      'request.inquire: params[0].valueError: expected a string, got number 1',
      'params[0].valueError',
    ],
    [
      'an empty sender id',
      { ...inquire, by: { role: 'vendor', id: '' } },
      'request.inquire: by.id: expected a non-empty string, got ""',
      'by.id',
    ],
    [
      'a field of no schema',
      { ...inquire, extra: 1 },
      'request.inquire: extra: is not a known field',
      'extra',
    ],
  ])('%s', (_, command, message, field) => {
    const snapshot = start(machine, requestInput());
    const result = execute(machine, snapshot, command as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.code).toBe('INVALID_COMMAND');
    expect(result.rejection.message).toBe(message);
    expect(result.rejection.details).toStrictEqual(field === undefined ? undefined : { field });
  });
});

describe('commandSchema', () => {
  it('refuses a payload field named like an envelope field', () => {
    expect(() => commandSchema('close', ['user'], { commandId: nonEmptyString })).toThrow(
      'payload of close redefines envelope field commandId',
    );
    expect(() => commandSchema('close', ['user'], { reason: nonEmptyString })).not.toThrow();
  });
});
