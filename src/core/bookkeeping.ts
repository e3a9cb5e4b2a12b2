/**
 * The shared bookkeeping of accepted commands: version, updatedAt and the append-only audit.
 */
import type { By, Envelope } from './command';
import {
  array,
  instant,
  integer,
  literal,
  nonEmptyString,
  nullable,
  object,
  optional,
  type Schema,
  string,
} from './schema';
import { compareInstants } from './time';

/** One line of the audit: who did what, when, and which status it led from and to. */
export interface AuditEntry<Status extends string = string, Role extends string = string> {
  /** The subject's version after this entry: 1 for the creation, then one more per entry. */
  readonly version: number;
  readonly at: string;
  readonly by: By<Role>;
  /** The command type, or `create` for the creation of the subject. */
  readonly command: string;
  /** `null` for the creation entry. */
  readonly from: Status | null;
  readonly to: Status;
  readonly requestId?: string;
  readonly commandId?: string;
  /** What a command caused beyond its own name, e.g. `renewed` for a tick that renewed. */
  readonly event?: string;
}

/** The context fields every machine keeps for its accepted commands. */
export interface Bookkeeping<Status extends string = string, Role extends string = string> {
  /** 1 at creation, plus 1 for every accepted command. */
  readonly version: number;
  /** The `at` of the last accepted command (or of the creation). */
  readonly updatedAt: string;
  readonly audit: readonly AuditEntry<Status, Role>[];
}

/**
 * How many audit entries a snapshot keeps: the most recent ones. The full history is the host's: it
 * appends each `audit.recorded` entry to its own log. A repeated `commandId` is recognised within
 * this window, so retries are idempotent for at least the last 100 accepted commands.
 */
export const AUDIT_WINDOW = 100;

/** `{ type: 'audit.recorded', entry }`: emitted for every accepted command, and for the creation. */
export interface AuditRecorded<Status extends string = string, Role extends string = string> {
  readonly type: 'audit.recorded';
  readonly entry: AuditEntry<Status, Role>;
}

/** True when a command with this id is in the audit window (the last {@link AUDIT_WINDOW} entries). */
export function wasAccepted(audit: readonly AuditEntry[], commandId: string): boolean {
  for (let i = audit.length - 1; i >= 0; i--) {
    if (audit[i]?.commandId === commandId) return true;
  }
  return false;
}

/** The audit with `entry` appended, keeping the last {@link AUDIT_WINDOW} entries. */
export function appendAudit<E>(audit: readonly E[], entry: E): E[] {
  const start = audit.length >= AUDIT_WINDOW ? audit.length - AUDIT_WINDOW + 1 : 0;
  const out = audit.slice(start);
  out.push(entry);
  return out;
}

/** The audit entry of an accepted command. */
export function auditEntry<Status extends string, Role extends string>(
  version: number,
  command: Envelope<string, Role> & { readonly requestId?: unknown },
  from: Status | null,
  to: Status,
  extra?: { readonly event?: string; readonly requestId?: string },
): AuditEntry<Status, Role> {
  const requestId =
    extra?.requestId ?? (typeof command.requestId === 'string' ? command.requestId : undefined);
  return {
    version,
    at: command.at,
    by: command.by,
    command: command.type,
    from,
    to,
    ...(requestId === undefined ? {} : { requestId }),
    ...(command.commandId === undefined ? {} : { commandId: command.commandId }),
    ...(extra?.event === undefined ? {} : { event: extra.event }),
  };
}

/** Records an accepted command: version + 1, `updatedAt = at`, one audit entry appended. */
export function record<
  C extends Bookkeeping<Status, Role>,
  Status extends string,
  Role extends string,
>(context: C, entry: AuditEntry<Status, Role>): C {
  return {
    ...context,
    version: entry.version,
    updatedAt: entry.at,
    audit: appendAudit(context.audit, entry),
  };
}

/**
 * The bookkeeping a new subject starts with: version 1. Its creation entry is appended once the
 * machine has settled in its starting status (see {@link creationEntry}).
 */
export function created<Status extends string, Role extends string>(input: {
  readonly at: string;
  readonly by: By<Role>;
}): Bookkeeping<Status, Role> {
  return { version: 1, updatedAt: input.at, audit: [] };
}

/** The first audit entry: `{ command: 'create', from: null, to: <starting status> }`. */
export function creationEntry<Status extends string, Role extends string>(
  input: { readonly at: string; readonly by: By<Role> },
  status: Status,
): AuditEntry<Status, Role> {
  return { version: 1, at: input.at, by: input.by, command: 'create', from: null, to: status };
}

/** Schemas of the bookkeeping fields, for validating persisted contexts. */
export function bookkeepingShape(statuses: readonly string[], roles: readonly string[]) {
  const status = literal(...statuses);
  const entry: Schema<AuditEntry> = object({
    version: integer(1),
    at: instant,
    by: object({ role: literal(...roles), id: optional(nonEmptyString) }),
    command: nonEmptyString,
    from: nullable(status),
    to: status,
    requestId: optional(nonEmptyString),
    commandId: optional(nonEmptyString),
    event: optional(string),
  });
  return {
    version: integer(1),
    updatedAt: instant,
    audit: array(entry, { maxLength: AUDIT_WINDOW }),
  };
}

/**
 * Why an audit does not add up for a subject at `version`, last changed at `updatedAt`, in
 * `status`; `null` when it does. The audit holds the last `min(version, AUDIT_WINDOW)` entries,
 * numbered consecutively up to `version`, in time order, each leading on from the one before, the
 * creation first when it is still in the window, and the last one leading to `status`.
 */
export function auditProblem(
  status: string,
  context: Bookkeeping,
  path = 'context',
): string | null {
  const { audit, version, updatedAt } = context;
  const expected = Math.min(version, AUDIT_WINDOW);
  if (audit.length !== expected)
    return `${path}.audit: a subject at version ${version} keeps its last ${expected} entries, not ${audit.length}`;
  const first = version - audit.length + 1;
  const ids = new Set<string>();
  for (let i = 0; i < audit.length; i++) {
    const entry = audit[i] as AuditEntry;
    const where = `${path}.audit[${i}]`;
    if (entry.version !== first + i)
      return `${where}.version: expected ${first + i}, got ${entry.version}`;
    const creation = entry.version === 1;
    if (creation !== (entry.command === 'create') || creation !== (entry.from === null))
      return `${where}: only the creation (version 1) is a create, from null`;
    const previous = audit[i - 1];
    if (previous !== undefined) {
      if (entry.from !== previous.to)
        return `${where}.from: ${entry.from} does not follow on from ${previous.to}`;
      if (compareInstants(entry.at, previous.at) < 0)
        return `${where}.at: ${entry.at} is earlier than the entry before (${previous.at})`;
    }
    if (entry.commandId !== undefined) {
      if (ids.has(entry.commandId))
        return `${where}.commandId: ${JSON.stringify(entry.commandId)} was accepted twice`;
      ids.add(entry.commandId);
    }
  }
  const last = audit[audit.length - 1] as AuditEntry;
  if (last.to !== status) return `${path}.audit: the last entry leads to ${last.to}, not ${status}`;
  if (updatedAt !== last.at)
    return `${path}.updatedAt: ${updatedAt} is not the last entry's at (${last.at})`;
  return null;
}
