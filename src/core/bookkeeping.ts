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

/** One line of the audit: who did what, when, and which status it led from and to. */
export interface AuditEntry<Status extends string = string, Role extends string = string> {
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
 * How far back a repeated `commandId` is recognised: the audit's last this-many entries. The
 * contract promises at least the last 100 accepted commands; each accepted command adds one entry.
 */
export const COMMAND_ID_WINDOW = 1000;

/** True when a command with this id was accepted within {@link COMMAND_ID_WINDOW}. */
export function wasAccepted(audit: readonly AuditEntry[], commandId: string): boolean {
  const stop = Math.max(0, audit.length - COMMAND_ID_WINDOW);
  for (let i = audit.length - 1; i >= stop; i--) {
    if (audit[i]?.commandId === commandId) return true;
  }
  return false;
}

/** The audit entry of an accepted command. */
export function auditEntry<Status extends string, Role extends string>(
  command: Envelope<string, Role> & { readonly requestId?: unknown },
  from: Status | null,
  to: Status,
  extra?: { readonly event?: string; readonly requestId?: string },
): AuditEntry<Status, Role> {
  const requestId =
    extra?.requestId ?? (typeof command.requestId === 'string' ? command.requestId : undefined);
  return {
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
    version: context.version + 1,
    updatedAt: entry.at,
    audit: [...context.audit, entry],
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
  return { at: input.at, by: input.by, command: 'create', from: null, to: status };
}

/** Schemas of the bookkeeping fields, for validating persisted contexts. */
export function bookkeepingShape(statuses: readonly string[], roles: readonly string[]) {
  const status = literal(...statuses);
  const entry: Schema<AuditEntry> = object({
    at: instant,
    by: object({ role: literal(...roles), id: optional(nonEmptyString) }),
    command: nonEmptyString,
    from: nullable(status),
    to: status,
    requestId: optional(nonEmptyString),
    commandId: optional(nonEmptyString),
    event: optional(string),
  });
  return { version: integer(1), updatedAt: instant, audit: array(entry) };
}
