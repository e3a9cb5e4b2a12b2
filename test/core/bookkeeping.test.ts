/**
 * The bookkeeping every machine shares: the audit window, the entry of an accepted command, and
 * the check `restore` runs on a persisted audit, with the exact message of each way it fails.
 */
import { describe, expect, it } from 'vitest';
import {
  AUDIT_WINDOW,
  type AuditEntry,
  appendAudit,
  auditEntry,
  auditProblem,
  creationEntry,
  record,
  wasAccepted,
} from '../../src/core/bookkeeping';

/** `minutes` after 2026-01-01T00:00Z, as an instant. */
const at = (minutes: number) =>
  new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
const by = { role: 'buyer' } as const;

/** A consistent audit of a subject at `version`, a minute apart: created pending, then pending → active → … */
function history(version: number): AuditEntry[] {
  const out: AuditEntry[] = [creationEntry({ at: at(0), by }, 'pending')];
  for (let v = 2; v <= version; v++) {
    const from = out[out.length - 1]?.to as string;
    const to = from === 'pending' ? 'active' : 'pending';
    out.push({ version: v, at: at(v - 1), by, command: 'x.go', from, to });
  }
  return out;
}
const windowOf = (audit: AuditEntry[]) => audit.slice(-AUDIT_WINDOW);
const context = (audit: AuditEntry[]) => ({
  version: audit[audit.length - 1]?.version ?? 0,
  updatedAt: audit[audit.length - 1]?.at ?? '',
  audit,
});
const statusOf = (audit: AuditEntry[]) => audit[audit.length - 1]?.to as string;

describe('appendAudit keeps the last AUDIT_WINDOW entries', () => {
  it('appends while the window has room, and copies', () => {
    const audit = history(3);
    const entry = { ...audit[2], version: 4 } as AuditEntry;
    const out = appendAudit(audit, entry);
    expect(out).toEqual([...audit, entry]);
    expect(out).not.toBe(audit);
    expect(audit).toHaveLength(3);
  });

  it('drops the oldest once the window is full, one for one', () => {
    const full = history(AUDIT_WINDOW);
    const entry = { ...(full[AUDIT_WINDOW - 1] as AuditEntry), version: AUDIT_WINDOW + 1 };
    const out = appendAudit(full, entry);
    expect(out).toHaveLength(AUDIT_WINDOW);
    expect(out[0]).toBe(full[1]);
    expect(out[AUDIT_WINDOW - 1]).toBe(entry);
    const under = appendAudit(full.slice(1), entry);
    expect(under).toHaveLength(AUDIT_WINDOW);
    expect(under[0]).toBe(full[1]);
  });
});

describe('wasAccepted', () => {
  it('finds a commandId anywhere in the window, and only there', () => {
    const audit = history(4).map((e, i) => (i === 0 ? e : { ...e, commandId: `c-${i}` }));
    expect(wasAccepted(audit, 'c-1')).toBe(true);
    expect(wasAccepted(audit, 'c-3')).toBe(true);
    expect(wasAccepted(audit, 'c-4')).toBe(false);
    expect(wasAccepted([], 'c-1')).toBe(false);
  });
});

describe('auditEntry and record', () => {
  const command = { type: 'request.approve', at: at(5), by: { role: 'vendor' as const } };

  it('carries requestId, commandId and event only when there is one', () => {
    expect(auditEntry(2, command, 'pending', 'active')).toStrictEqual({
      version: 2,
      at: at(5),
      by: { role: 'vendor' },
      command: 'request.approve',
      from: 'pending',
      to: 'active',
    });
    expect(
      auditEntry(3, { ...command, requestId: 'PR-1', commandId: 'c-9' }, 'active', 'active', {
        event: 'renewed',
      }),
    ).toStrictEqual({
      version: 3,
      at: at(5),
      by: { role: 'vendor' },
      command: 'request.approve',
      from: 'active',
      to: 'active',
      requestId: 'PR-1',
      commandId: 'c-9',
      event: 'renewed',
    });
  });

  it('takes the requestId the machine names over the command’s, and ignores one that is not a string', () => {
    expect(
      auditEntry(2, { ...command, requestId: 'PR-1' }, 'a', 'b', { requestId: 'PR-2' }).requestId,
    ).toBe('PR-2');
    expect('requestId' in auditEntry(2, { ...command, requestId: 7 }, 'a', 'b')).toBe(false);
  });

  it('record moves version and updatedAt to the entry and appends it, leaving the rest', () => {
    const audit = history(2);
    const before = { ...context(audit), id: 'S-1' };
    const entry: AuditEntry = auditEntry<string, string>(
      3,
      { ...command, at: at(9) },
      'active',
      'pending',
    );
    const after = record(before, entry);
    expect(after).toEqual({ id: 'S-1', version: 3, updatedAt: at(9), audit: [...audit, entry] });
    expect(before.version).toBe(2);
  });
});

describe('auditProblem', () => {
  it('accepts a consistent audit, short or windowed', () => {
    for (const version of [1, 2, AUDIT_WINDOW, AUDIT_WINDOW + 1, 250]) {
      const audit = windowOf(history(version));
      expect(auditProblem(statusOf(audit), context(audit)), `version ${version}`).toBeNull();
    }
  });

  const problem = (
    audit: AuditEntry[],
    patch: Partial<ReturnType<typeof context>> = {},
    path?: string,
  ) => auditProblem(statusOf(history(audit.length)), { ...context(audit), ...patch }, path);

  it('a length other than min(version, AUDIT_WINDOW)', () => {
    const audit = history(3);
    expect(problem(audit, { version: 4 })).toBe(
      'context.audit: a subject at version 4 keeps its last 4 entries, not 3',
    );
    const long = history(AUDIT_WINDOW + 1);
    expect(auditProblem(statusOf(long), context(long))).toBe(
      `context.audit: a subject at version ${AUDIT_WINDOW + 1} keeps its last ${AUDIT_WINDOW} entries, not ${AUDIT_WINDOW + 1}`,
    );
    expect(problem(audit, { version: 4 }, 'request.context')).toBe(
      'request.context.audit: a subject at version 4 keeps its last 4 entries, not 3',
    );
  });

  it('versions that are not consecutive up to the version', () => {
    const audit = history(3);
    audit[1] = { ...(audit[1] as AuditEntry), version: 5 };
    expect(problem(audit)).toBe('context.audit[1].version: expected 2, got 5');
    const windowed = windowOf(history(AUDIT_WINDOW + 5));
    expect(
      auditProblem(statusOf(windowed), { ...context(windowed), version: AUDIT_WINDOW + 6 }),
    ).toBe(`context.audit[0].version: expected 7, got 6`);
  });

  it('a create that is not version 1, or a version 1 that is not a create from null', () => {
    const audit = history(3);
    audit[1] = { ...(audit[1] as AuditEntry), command: 'create' };
    expect(problem(audit)).toBe(
      'context.audit[1]: only the creation (version 1) is a create, from null',
    );
    const fromNull = history(3);
    fromNull[2] = { ...(fromNull[2] as AuditEntry), from: null };
    expect(problem(fromNull)).toBe(
      'context.audit[2]: only the creation (version 1) is a create, from null',
    );
    const notCreate = history(2);
    notCreate[0] = { ...(notCreate[0] as AuditEntry), command: 'x.go' };
    expect(problem(notCreate)).toBe(
      'context.audit[0]: only the creation (version 1) is a create, from null',
    );
  });

  it('an entry that does not start where the one before ended', () => {
    const audit = history(3);
    audit[2] = { ...(audit[2] as AuditEntry), from: 'pending' };
    expect(problem(audit)).toBe('context.audit[2].from: pending does not follow on from active');
  });

  it('an entry earlier than the one before; the same instant is fine', () => {
    const audit = history(3);
    const back = audit.map((e, i) => (i === 2 ? { ...e, at: audit[0]?.at as string } : e));
    expect(problem(back, { updatedAt: audit[0]?.at as string })).toBe(
      `context.audit[2].at: ${audit[0]?.at} is earlier than the entry before (${audit[1]?.at})`,
    );
    const same = audit.map((e, i) => (i === 2 ? { ...e, at: audit[1]?.at as string } : e));
    expect(problem(same, { updatedAt: audit[1]?.at as string })).toBeNull();
  });

  it('a commandId accepted twice; distinct ones are fine', () => {
    const audit = history(3).map((e, i) => (i === 0 ? e : { ...e, commandId: 'c-1' }));
    expect(problem(audit)).toBe('context.audit[2].commandId: "c-1" was accepted twice');
    const distinct = history(3).map((e, i) => ({ ...e, commandId: `c-${i}` }));
    expect(problem(distinct)).toBeNull();
  });

  it('a last entry that does not lead to the status', () => {
    const audit = history(2);
    expect(auditProblem('pending', context(audit))).toBe(
      'context.audit: the last entry leads to active, not pending',
    );
  });

  it("an updatedAt that is not the last entry's at", () => {
    const audit = history(2);
    expect(problem(audit, { updatedAt: at(30) })).toBe(
      `context.updatedAt: ${at(30)} is not the last entry's at (${audit[1]?.at})`,
    );
  });
});
