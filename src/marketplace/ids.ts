/**
 * SoftwareOne Marketplace ids (Marketplace docs, subscription object): `SUB-2119-4550-8674-5962`,
 * and orders and agreements in the same four-group form.
 */
import { describe, type Schema } from '../core/schema';

/** The id prefixes the machines check. Products, items and lines are not checked beyond non-empty. */
export type MarketplaceIdKind = 'SUB' | 'ORD' | 'AGR';

const patterns: Readonly<Record<MarketplaceIdKind, RegExp>> = {
  SUB: /^SUB-\d{4}-\d{4}-\d{4}-\d{4}$/,
  ORD: /^ORD-\d{4}-\d{4}-\d{4}-\d{4}$/,
  AGR: /^AGR-\d{4}-\d{4}-\d{4}-\d{4}$/,
};

/**
 * True when `value` is a Marketplace id of that kind: the prefix, then four groups of four digits.
 *
 * @example
 * ```ts
 * import { isMarketplaceId } from 'subscription-machines/marketplace';
 *
 * isMarketplaceId('SUB', 'SUB-2119-4550-8674-5962'); // true
 * isMarketplaceId('ORD', 'ORD-1'); // false
 * ```
 */
export function isMarketplaceId(kind: MarketplaceIdKind, value: unknown): value is string {
  return typeof value === 'string' && patterns[kind].test(value);
}

function idSchema(kind: MarketplaceIdKind): Schema<string> {
  return (value, path) =>
    isMarketplaceId(kind, value)
      ? null
      : `${path === '' ? 'value' : path}: expected ${kind}-dddd-dddd-dddd-dddd, got ${describe(value)}`;
}

/** Schemas of each id, with the message `path: expected SUB-dddd-dddd-dddd-dddd, got "SUB-1"`. */
export const subscriptionIdSchema = idSchema('SUB');
export const orderIdSchema = idSchema('ORD');
export const agreementIdSchema = idSchema('AGR');
