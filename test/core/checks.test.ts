/**
 * The fixed order of checks (docs/connect.md, Rejection codes): when a command breaks several rules
 * at once, the earliest check decides its code. Also duplicates, no-op ticks and bad snapshots.
 */

import {
  AUDIT_WINDOW,
  availableCommands,
  can,
  execute,
  explain,
  fulfillmentRequestMachine as machine,
  persist,
  start,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { requestCommands, requestInput } from '../support/connect';

const c = requestCommands();
const PR = requestInput().id;
const fresh = () => start(machine, requestInput());
const code = (command: unknown, snapshot = fresh()) =>
  explain(machine, snapshot, command as never)?.code ?? null;

describe('the fixed order of checks', () => {
  const stale = { expectedVersion: 9 };
  const early = { at: '2025-01-01T00:00:00Z' };
  it('INVALID_COMMAND before everything', () => {
    expect(
      code({
        ...c('request.fail', {
          requestId: PR,
          reason: 'x',
          ...stale,
          ...early,
          by: { role: 'buyer' },
        }),
        reason: 3,
      }),
    ).toBe('INVALID_COMMAND');
  });
  it('a duplicate before STALE_VERSION: the retry succeeds although the version moved on', () => {
    const first = c('request.inquire', {
      requestId: PR,
      commandId: 'retry-me',
      expectedVersion: 1,
      params: [{ id: 'email', valueError: 'x' }],
    });
    const done = execute(machine, fresh(), first);
    if (!done.ok) throw new Error(done.rejection.message);
    const retry = execute(machine, done.snapshot, { ...first, at: c.clock.next() });
    expect(retry).toEqual({ ok: true, snapshot: done.snapshot, emitted: [], duplicate: true });
    expect(explain(machine, done.snapshot, first)).toBeNull();
  });
  it('STALE_VERSION before OUT_OF_ORDER', () => {
    expect(code(c('request.pend', { requestId: PR, ...stale, ...early }))).toBe('STALE_VERSION');
  });
  it('OUT_OF_ORDER before FORBIDDEN_ROLE', () => {
    expect(
      code(
        c('request.approve', { requestId: PR, templateId: 'T', ...early, by: { role: 'buyer' } }),
      ),
    ).toBe('OUT_OF_ORDER');
  });
  it('FORBIDDEN_ROLE before INVALID_STATE', () => {
    expect(code(c('request.pend', { requestId: PR, by: { role: 'buyer' } }))).toBe(
      'FORBIDDEN_ROLE',
    );
  });
  it("INVALID_STATE before the command's own rules", () => {
    expect(code(c('request.pend', { requestId: 'PR-OTHER' }))).toBe('INVALID_STATE');
  });
  it('within the rules: capability, then the open request, then dates', () => {
    expect(
      code(c('request.schedule', { requestId: 'PR-OTHER', plannedDate: '2020-01-01T00:00:00Z' })),
    ).toBe('CAPABILITY_DISABLED');
    const scheduling = start(
      machine,
      requestInput({ capabilities: { scheduling: { purchase: true } } }),
    );
    expect(
      code(
        c('request.schedule', { requestId: 'PR-OTHER', plannedDate: '2020-01-01T00:00:00Z' }),
        scheduling,
      ),
    ).toBe('UNKNOWN_REQUEST');
    expect(
      code(
        c('request.schedule', { requestId: PR, plannedDate: '2020-01-01T00:00:00Z' }),
        scheduling,
      ),
    ).toBe('INVALID_DATE');
  });
});

describe('successful no-ops', () => {
  it('a clock.tick with nothing due changes nothing: no version, no audit, nothing emitted', () => {
    const snapshot = fresh();
    const result = execute(machine, snapshot, c('clock.tick'));
    expect(result).toEqual({ ok: true, snapshot, emitted: [], duplicate: false });
  });

  it('a clock.tick in a final status is a no-op too; anything else is INVALID_STATE there', () => {
    const failed = execute(machine, fresh(), c('request.fail', { requestId: PR, reason: 'x' }));
    if (!failed.ok) throw new Error('setup');
    expect(execute(machine, failed.snapshot, c('clock.tick'))).toMatchObject({
      ok: true,
      duplicate: false,
      emitted: [],
    });
    expect(code(c('request.fail', { requestId: PR, reason: 'x' }), failed.snapshot)).toBe(
      'INVALID_STATE',
    );
    expect(availableCommands(machine, failed.snapshot, 'vendor')).toEqual([]);
    expect(availableCommands(machine, failed.snapshot, 'system')).toEqual(['clock.tick']);
  });

  it('remembers the last AUDIT_WINDOW accepted command ids in the snapshot, across persistence', () => {
    let snapshot = fresh();
    for (let i = 0; i < 150; i++) {
      const command =
        i % 2
          ? c('request.pend', { requestId: PR, commandId: `id-${i}` })
          : c('request.inquire', {
              requestId: PR,
              commandId: `id-${i}`,
              params: [{ id: 'email', valueError: 'x' }],
            });
      const r = execute(machine, snapshot, command);
      if (!r.ok) throw new Error(r.rejection.message);
      snapshot = r.snapshot;
    }
    // 151 entries were recorded (creation included): the window holds the last 100 commands.
    for (const i of [50, 99, 149]) {
      expect(
        execute(machine, snapshot, c('request.pend', { requestId: PR, commandId: `id-${i}` })),
      ).toMatchObject({ ok: true, duplicate: true });
    }
    const json = JSON.stringify(persist(snapshot));
    expect(json).toContain('"commandId":"id-50"');
    expect(json).not.toContain('"commandId":"id-49"');
    expect(snapshot.context.audit).toHaveLength(AUDIT_WINDOW);
  });
});

describe('the pure API never throws', () => {
  it.each([
    ['null', null],
    ['a string', 'pending'],
    ['an empty object', {}],
    ['a snapshot of an unknown status', { value: 'nowhere', context: {} }],
    ['a snapshot without bookkeeping', { value: 'pending', context: { version: 'one' } }],
  ])('execute with %s as the snapshot gives INVALID_STATE', (_, snapshot) => {
    const result = execute(machine, snapshot as never, c('request.pend', { requestId: PR }));
    expect(result).toMatchObject({ ok: false, rejection: { code: 'INVALID_STATE' } });
    expect(result.snapshot).toBe(snapshot);
    expect(can(machine, snapshot as never, c('request.pend', { requestId: PR }))).toBe(false);
  });
});
