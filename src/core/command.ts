/**
 * The command envelope shared by every machine: `{ type, at, by, commandId?, expectedVersion?, ...payload }`.
 */
import { plainCopy } from './plain';
import {
  describe,
  instant,
  integer,
  isPlainObject,
  literal,
  nonEmptyString,
  type ObjectOf,
  type ObjectSchema,
  object,
  optional,
  type Schema,
} from './schema';

/** Who sends a command: a role of the platform, and optionally the sender's own id. */
export type By<Role extends string = string> = {
  readonly role: Role;
  readonly id?: string;
};

/** The fields every command carries. */
export type Envelope<Type extends string = string, Role extends string = string> = {
  readonly type: Type;
  /** When the command happened: ISO-8601 with a zone designator. The library's only clock. */
  readonly at: string;
  readonly by: By<Role>;
  /** Makes retries idempotent: a command whose id was accepted before is a successful no-op. */
  readonly commandId?: string;
  /** Optimistic concurrency: refused with `STALE_VERSION` unless it equals `context.version`. */
  readonly expectedVersion?: number;
};

/** `clock.tick`: moves time forward for anything due. A tick with nothing due changes nothing. */
export type ClockTick<Role extends string = 'system'> = Envelope<'clock.tick', Role>;

/** Payload fields of one command type, as schemas. */
export type PayloadShape = Parameters<typeof object>[0];

/** The full type of a command: its envelope plus its payload. */
export type CommandShape<
  Type extends string,
  Role extends string,
  P extends PayloadShape,
> = Envelope<Type, Role> & Readonly<ObjectOf<P>>;

/** The envelope fields: `type` and `by.role` are checked against the machine's own lists. */
function envelopeShape(type: string, roles: readonly string[]) {
  return {
    type: literal(type),
    at: instant,
    by: object({ role: literal(...roles), id: optional(nonEmptyString) }),
    commandId: optional(nonEmptyString),
    expectedVersion: optional(integer(0)),
  };
}

/** The strict schema of one command type: envelope and payload, and no other field. */
export function commandSchema(
  type: string,
  roles: readonly string[],
  payload: PayloadShape,
): ObjectSchema<PayloadShape> {
  const envelope = envelopeShape(type, roles);
  for (const key of Object.keys(payload)) {
    if (Object.hasOwn(envelope, key))
      throw new Error(`payload of ${type} redefines envelope field ${key}`);
  }
  return object({ ...envelope, ...payload });
}

/** A command that passed step 1, or why it did not. */
export type Admitted =
  | { readonly ok: true; readonly command: Readonly<Record<string, unknown>> & Envelope }
  | { readonly ok: false; readonly message: string; readonly field?: string };

/**
 * Step 1: copies a value as plain data and checks the copy against the command schemas of a
 * machine. The copy is what the step keeps, so nothing it stores is shared with the caller.
 */
export function admitCommand(
  value: unknown,
  schemas: ReadonlyMap<string, Schema<unknown>>,
): Admitted {
  const copied = plainCopy(value);
  if (!copied.ok) {
    const message = `a command must be plain JSON data; ${copied.message}`;
    return copied.field === ''
      ? { ok: false, message }
      : { ok: false, message, field: copied.field };
  }
  const command = copied.value;
  if (!isPlainObject(command))
    return { ok: false, message: `a command must be an object, got ${describe(command)}` };
  const type = command.type;
  if (typeof type !== 'string')
    return { ok: false, message: `type: expected a string, got ${describe(type)}`, field: 'type' };
  const schema = schemas.get(type);
  if (!schema)
    return { ok: false, message: `unknown command type ${JSON.stringify(type)}`, field: 'type' };
  const error = schema(command, '');
  if (error === null) return { ok: true, command: command as Record<string, unknown> & Envelope };
  return { ok: false, message: `${type}: ${error}`, field: error.slice(0, error.indexOf(':')) };
}

/** The command spec of `clock.tick`: sent by the system; with nothing due it is a no-op. */
export const tickSpec = { payload: {}, roles: ['system'], tick: true } as const;
