/**
 * The capability switches, each with its path in Connect's `product.capabilities`, and the readers
 * that check one field of a partial set.
 */
import { isPlainObject } from '../core/schema';
import type { PayAsYouGo } from './capabilities.types';
import { type JsonValue, jsonValue } from './json';

/** The on/off switches and their paths in `product.capabilities`. */
export const FLAGS = {
  administrativeHold: 'subscription.hold',
  draftValidation: 'cart.validation',
  changeDraftValidation: 'subscription.change.validation',
  renewDraftValidation: 'subscription.renew.validation',
  transferDraftValidation: 'subscription.transfer.validation',
  inquiringValidation: 'inquiring.validation',
  changeInquiringValidation: 'subscription.change.inquiring_validation',
  renewInquiringValidation: 'subscription.renew.inquiring_validation',
  transferInquiringValidation: 'subscription.transfer.inquiring_validation',
  renew: 'subscription.renew.enable_renew',
  transfer: 'subscription.transfer.enable_transfer',
  transferAutoApprove: 'subscription.transfer.transfer_autoapprove',
  simultaneousAdjustment: 'subscription.change.simultaneous_adjustment',
  parameterVersions: 'subscription.parameter.versions',
  reservationConsumption: 'reservation.consumption',
  tierConfigUpdates: 'tiers.updates',
  tierConfigDraftValidation: 'tiers.validation',
  tierConfigSetupInquiringValidation: 'tiers.configs.setup.inquiring_validation',
  tierConfigUpdateDraftValidation: 'tiers.configs.update.validation',
  tierConfigUpdateInquiringValidation: 'tiers.configs.update.inquiring_validation',
} as const;
export type Flag = keyof typeof FLAGS;

export const SCHEDULED = ['purchase', 'change', 'suspend', 'resume', 'cancel', 'renew'] as const;
export const EDITABLE = ['change', 'renew', 'transfer'] as const;

/** Switches grouped by request type, and the path of each type's switch. */
export const GROUPS = {
  scheduling: { types: SCHEDULED, key: 'scheduling' },
  editableOrderingParameters: { types: EDITABLE, key: 'editable_ordering_parameters' },
  editableFulfillmentParameters: { types: EDITABLE, key: 'editable_fulfillment_parameters' },
} as const;
export type Group = keyof typeof GROUPS;

export const OFFLINE = ['no', 'auto', 'allowed'] as const;
export const CHOICES = {
  cancelOffline: 'subscription.cancel.offline',
  suspendOffline: 'subscription.suspend.offline',
} as const;

export const PPU_FLAGS = ['dynamic', 'predictive', 'future', 'late'] as const;
/** The fields of `payAsYouGo`. */
export const PPU_KEYS: readonly string[] = [
  'enabled',
  'schema',
  ...PPU_FLAGS,
  'requiredCustomFields',
];
export const PPU_SCHEMAS = ['TR', 'CR', 'PR', 'QT'] as const;
export const SCHEMAS = ['explicit', 'evergreen'] as const;

export const TOP_KEYS = new Set<string>([
  ...Object.keys(FLAGS),
  ...Object.keys(GROUPS),
  ...Object.keys(CHOICES),
  'resellerAuthorizationLevel',
  'subscriptionSchema',
  'payAsYouGo',
  'unknown',
]);

export function flag(value: unknown, path: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean')
    throw new TypeError(`${path}: expected a boolean, got ${JSON.stringify(value)}`);
  return value;
}

export function level(value: unknown, path: string): 0 | 1 | 2 {
  if (value === undefined || value === null) return 0;
  const n = typeof value === 'string' && /^[012]$/.test(value) ? Number(value) : value;
  if (n !== 0 && n !== 1 && n !== 2)
    throw new TypeError(`${path}: expected 0, 1 or 2, got ${JSON.stringify(value)}`);
  return n;
}

export function choice<const T extends string>(
  value: unknown,
  values: readonly T[],
  path: string,
): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (!(values as readonly unknown[]).includes(value))
    throw new TypeError(
      `${path}: expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`,
    );
  return value as T;
}

export function object(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) throw new TypeError(`${path}: expected an object`);
  return value;
}

export function onlyKeys(
  value: Record<string, unknown>,
  keys: readonly string[],
  path: string,
): void {
  for (const key of Object.keys(value))
    if (!keys.includes(key)) throw new TypeError(`${path}.${key}: is not a capability`);
}

export function payAsYouGo(value: unknown, path: string): PayAsYouGo {
  const p = object(value, path);
  onlyKeys(p, PPU_KEYS, path);
  const fields = p.requiredCustomFields ?? [];
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string'))
    throw new TypeError(`${path}.requiredCustomFields: expected an array of strings`);
  const schema = choice(p.schema, PPU_SCHEMAS, `${path}.schema`);
  return {
    enabled: flag(p.enabled, `${path}.enabled`),
    ...(schema === undefined ? {} : { schema }),
    dynamic: flag(p.dynamic, `${path}.dynamic`),
    predictive: flag(p.predictive, `${path}.predictive`),
    future: flag(p.future, `${path}.future`),
    late: flag(p.late, `${path}.late`),
    requiredCustomFields: [...fields] as string[],
  };
}

export function unknownKeys(value: unknown, path: string): Record<string, JsonValue> | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw new TypeError(`${path}: expected an object`);
  const problem = jsonValue(value, path);
  if (problem) throw new TypeError(problem);
  return { ...(value as Record<string, JsonValue>) };
}
