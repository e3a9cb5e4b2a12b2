/**
 * What every SoftwareOne Marketplace machine shares: the platform's roles, its order types, the
 * `command.rejected` event and `clock.tick` (Marketplace docs, commerce API).
 */

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

export { tickSpec } from '../core/command';
export type { CommandRejected } from '../core/rejection';
