/**
 * What every SoftwareOne Marketplace machine shares: the platform's roles, its order types, the
 * `command.rejected` event and `clock.tick` (DOMAIN.md §2).
 */
import type { Rejection } from '../core/rejection';

/** The platform's roles: the buyer's `client` account, the `vendor`, `operations` and `system`. */
export const MARKETPLACE_ROLES = ['client', 'vendor', 'operations', 'system'] as const;
/** One of {@link MARKETPLACE_ROLES}; any other role is an `INVALID_COMMAND`. */
export type MarketplaceRole = (typeof MARKETPLACE_ROLES)[number];

/** Order types (DOMAIN.md §2). A Configuration order only turns auto-renewal on or off. */
export const ORDER_TYPES = ['Purchase', 'Change', 'Termination', 'Configuration'] as const;
/** One of {@link ORDER_TYPES}. */
export type OrderType = (typeof ORDER_TYPES)[number];

/** What an actor emits for a refused command; the pure API returns the same `rejection`. */
export interface CommandRejected<C = unknown, S extends string = string> {
  readonly type: 'command.rejected';
  readonly rejection: Rejection<C, S>;
}

/** `clock.tick`: sent by the system; with nothing due it is a no-op. */
export const tickSpec = { payload: {}, roles: ['system'], tick: true } as const;
