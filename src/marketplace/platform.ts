/**
 * What every SoftwareOne Marketplace machine shares: the platform's roles, its order types, its
 * message and external-ids objects, the `command.rejected` event and `clock.tick` (Marketplace
 * docs, commerce API and common API objects).
 */
import {
  describe,
  isPlainObject,
  nonEmptyString,
  object,
  optional,
  type Schema,
  string,
} from '../core/schema';

/** The platform's roles: the buyer's `client` account, the `vendor`, `operations` and `system`. */
export const MARKETPLACE_ROLES = ['client', 'vendor', 'operations', 'system'] as const;
/** One of {@link MARKETPLACE_ROLES}; any other role is an `INVALID_COMMAND`. */
export type MarketplaceRole = (typeof MARKETPLACE_ROLES)[number];

/**
 * Order types (Marketplace docs, orders). A Configuration order only turns auto-renewal on or off.
 */
export const ORDER_TYPES = ['Purchase', 'Change', 'Termination', 'Configuration'] as const;
/** One of {@link ORDER_TYPES}. */
export type OrderType = (typeof ORDER_TYPES)[number];

/**
 * The platform's message object (Marketplace docs, common API objects: message): an order's
 * `statusNotes` (why it failed) and its `error` (what validation found).
 */
export interface Message {
  /** The message's id, for localisation. */
  readonly id?: string;
  readonly message: string;
}

export const messageSchema: Schema<Message> = object({
  id: optional(nonEmptyString),
  message: string,
});

/**
 * A message, or a plain string (the text alone, as older callers send `statusNotes`). A blank text
 * is the rule's to refuse (`REASON_REQUIRED`), so only the shape is checked here.
 */
export const messageOrText: Schema<Message | string> = (value, path) =>
  typeof value === 'string'
    ? null
    : isPlainObject(value)
      ? messageSchema(value, path)
      : `${path}: expected a string or a message { id?, message }, got ${describe(value)}`;

/** The message of a `Message | string`: a string is its text. */
export const messageOf = (value: Message | string): Message =>
  typeof value === 'string' ? { message: value } : value;

/** The subject's ids in the client's, the vendor's and operations' own systems. */
export interface ExternalIds {
  readonly client?: string;
  readonly vendor?: string;
  readonly operations?: string;
}

export const externalIdsSchema: Schema<ExternalIds> = object({
  client: optional(string),
  vendor: optional(string),
  operations: optional(string),
});

/**
 * A command type with some payload fields required in its TypeScript type while the run-time
 * schema lets them be absent, so that a missing reason is `REASON_REQUIRED` (a rule), not
 * `INVALID_COMMAND`.
 */
export type Requiring<C, K extends keyof C> = Omit<C, K> & {
  readonly [P in K]-?: Exclude<C[P], undefined>;
};

export { tickSpec } from '../core/command';
export type { CommandRejected } from '../core/rejection';
