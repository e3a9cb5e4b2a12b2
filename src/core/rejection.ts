/**
 * Rejections: why a command was refused, as data.
 *
 * Rules are pure functions `(context, command) → Refusal | null`. The command runner turns a refusal
 * into a {@link Rejection} by adding the command and the status it was refused in.
 */

/** Every rejection code, in the order the checks run (docs/connect.md, "Rejection codes"). */
export const REJECTION_CODES = [
  'INVALID_COMMAND',
  'STALE_VERSION',
  'OUT_OF_ORDER',
  'FORBIDDEN_ROLE',
  'INVALID_STATE',
  'CAPABILITY_DISABLED',
  'REQUEST_IN_PROGRESS',
  'UNKNOWN_REQUEST',
  'DUPLICATE_REQUEST',
  'REASON_REQUIRED',
  'REQUIRED_PARAMETERS_MISSING',
  'NO_PARAMETER_ERRORS',
  'INVALID_DATE',
] as const;

/** Why a command was refused: one of {@link REJECTION_CODES}; docs/connect.md has the table. */
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** Extra facts a rejection carries; which keys appear depends on the code. */
export interface RejectionDetails {
  /** `CAPABILITY_DISABLED`: the capability, e.g. `administrativeHold` or `scheduling.change`. */
  readonly capability?: string;
  /** `REQUIRED_PARAMETERS_MISSING`, `NO_PARAMETER_ERRORS`: the parameter ids concerned. */
  readonly parameters?: readonly string[];
  /** `INVALID_STATE` from a guard that refused without a rule to explain it (host policy). */
  readonly guard?: string;
  /** `INVALID_STATE` when a guard threw: its message. */
  readonly error?: string;
  /** `STALE_VERSION`: the version the snapshot is at. */
  readonly version?: number;
  /** `OUT_OF_ORDER`: the snapshot's `updatedAt`. */
  readonly updatedAt?: string;
  /** `INVALID_COMMAND`: the path of the offending field, e.g. `params[0].id`. */
  readonly field?: string;
  /** Anything else a platform adds, such as the open request's id. */
  readonly [key: string]: unknown;
}

/** What a rule returns when it refuses: the runner adds `command` and `status`. */
export interface Refusal {
  readonly code: RejectionCode;
  readonly message: string;
  readonly details?: RejectionDetails;
}

/**
 * A refused command: `{ code, message, command, status, details? }`. `Code` narrows the codes a
 * machine can give (each machine's own list, e.g. no `REQUEST_IN_PROGRESS` for an order).
 */
export interface Rejection<
  Command = unknown,
  Status extends string = string,
  Code extends RejectionCode = RejectionCode,
> extends Refusal {
  readonly code: Code;
  /** The command exactly as it was received. */
  readonly command: Command;
  /** The status the subject was in when the command was refused. */
  readonly status: Status;
}

/** A pure rule: `null` lets the command through, a refusal says why not. */
export type Rule<Context, Command> = (context: Context, command: Command) => Refusal | null;

/** Builds a refusal; `details` is omitted when empty so rejections stay minimal JSON. */
export function refuse(code: RejectionCode, message: string, details?: RejectionDetails): Refusal {
  return details === undefined ? { code, message } : { code, message, details };
}

/** What an actor emits for a refused command; the pure API returns the same `rejection`. */
export interface CommandRejected<
  Command = unknown,
  Status extends string = string,
  Code extends RejectionCode = RejectionCode,
> {
  readonly type: 'command.rejected';
  readonly rejection: Rejection<Command, Status, Code>;
}
