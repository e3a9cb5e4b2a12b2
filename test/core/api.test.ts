/**
 * The pure API (src/core/api.ts) on snapshots and machines it cannot use: a snapshot that is not
 * one of the machine's gives a rejection that says what is wrong with it, never an exception; a
 * value that is not a machine of the package is a TypeError.
 */
import {
  availableCommands,
  can,
  execute,
  explain,
  fulfillmentRequestMachine as machine,
  start,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { requestCommands, requestInput } from '../support/connect';

const c = requestCommands();
const PR = requestInput().id;
const fresh = () => start(machine, requestInput());
const inquire = () =>
  c('request.inquire', { requestId: PR, params: [{ id: 'x', valueError: 'bad' }] });
/** Calls an API function with loosely typed arguments, as JavaScript callers may. */
const loose = (fn: unknown) => fn as (...args: unknown[]) => unknown;
const BOOKKEEPING = "the snapshot's context lacks its bookkeeping (version, updatedAt, audit)";

/** A fresh snapshot whose context has `changes` applied. */
const withContext = (changes: Record<string, unknown>) => {
  const snapshot = fresh();
  return { ...snapshot, context: { ...snapshot.context, ...changes } };
};

describe('a snapshot the machine cannot use is INVALID_STATE, saying why', () => {
  it.each<[string, () => unknown, string]>([
    ['null', () => null, 'the snapshot is not an object'],
    ['a string', () => 'processing', 'the snapshot is not an object'],
    [
      'an unknown status',
      () => ({ ...fresh(), value: 'nowhere' }),
      `the snapshot's status "nowhere" is not a status of this machine`,
    ],
    [
      'a status that is not a string',
      () => ({ ...fresh(), value: { processing: {} } }),
      `the snapshot's status {"processing":{}} is not a status of this machine`,
    ],
    ['no context', () => ({ ...fresh(), context: null }), BOOKKEEPING],
    ['a context that is a string', () => ({ ...fresh(), context: 'ctx' }), BOOKKEEPING],
    ['a version that is not an integer', () => withContext({ version: 1.5 }), BOOKKEEPING],
    ['an updatedAt that is no instant', () => withContext({ updatedAt: 'yesterday' }), BOOKKEEPING],
    ['an audit that is not a list', () => withContext({ audit: {} }), BOOKKEEPING],
    [
      'a status getter that throws',
      () =>
        Object.defineProperty({ ...fresh() }, 'value', {
          get: () => {
            throw new TypeError('revoked');
          },
        }),
      'the snapshot could not be read: revoked',
    ],
  ])('%s', (_, snapshot, message) => {
    const value = snapshot();
    const result = execute(machine, value as never, inquire());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.snapshot).toBe(value);
    expect(result.rejection).toMatchObject({ code: 'INVALID_STATE', message });
    expect(explain(machine, value as never, inquire())).toMatchObject({ message });
    expect(can(machine, value as never, inquire())).toBe(false);
    expect(availableCommands(machine, value as never, 'vendor')).toEqual([]);
  });

  it('carries the command as sent and the status it read, and no details', () => {
    const command = inquire();
    const snapshot = { ...fresh(), value: 'nowhere' };
    const result = execute(machine, snapshot as never, command);
    expect(result.ok || result.rejection).toStrictEqual({
      code: 'INVALID_STATE',
      message: `the snapshot's status "nowhere" is not a status of this machine`,
      command,
      status: 'nowhere',
    });
  });
});

describe('a value that is not a machine of the package', () => {
  const other = { id: 'not-a-machine' };
  const TYPE_ERROR = 'expected a machine of subscription-machines';

  it('is a TypeError from every function, whatever the snapshot', () => {
    const snapshot = fresh();
    expect(() => loose(execute)(other, snapshot, inquire())).toThrow(TypeError);
    expect(() => loose(execute)(other, snapshot, inquire())).toThrow(TYPE_ERROR);
    expect(() => loose(explain)(other, null, inquire())).toThrow(TYPE_ERROR);
    expect(() => loose(can)(null, snapshot, inquire())).toThrow(TYPE_ERROR);
    expect(() => loose(availableCommands)(other, snapshot, 'vendor')).toThrow(TYPE_ERROR);
    expect(() => loose(start)(other, requestInput())).toThrow(TYPE_ERROR);
  });
});

describe('availableCommands', () => {
  it('lists nothing for a role the machine does not have', () => {
    expect(availableCommands(machine, fresh(), 'vendor')).not.toEqual([]);
    expect(availableCommands(machine, fresh(), 'auditor' as never)).toEqual([]);
  });
});
