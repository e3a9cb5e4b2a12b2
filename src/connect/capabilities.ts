/**
 * Product capabilities that gate the Connect lifecycles (Connect's product capabilities: the
 * `product.capabilities` object of the Connect OpenAPI spec, `dp.VirtualCapabilities` in
 * cloudblue/connect-python-openapi-client `tests/data/specs.yml`). Everything is off by default, as
 * on a new Connect product.
 */
import { isPlainObject } from '../core/schema';
import {
  CHOICES,
  choice,
  FLAGS,
  type Flag,
  flag,
  GROUPS,
  level,
  OFFLINE,
  object,
  PPU_FLAGS,
  PPU_KEYS,
  PPU_SCHEMAS,
  payAsYouGo,
  SCHEMAS,
  TOP_KEYS,
  unknownKeys,
} from './capabilities.fields';
import type { Capabilities, CapabilitiesInput } from './capabilities.types';
import { jsonValue } from './json';

export { capabilitiesFromConnect } from './capabilities.connect';
export type {
  Capabilities,
  CapabilitiesInput,
  EditableParameters,
  OfflineMode,
  PayAsYouGo,
  SchedulingCapabilities,
} from './capabilities.types';

/**
 * Capabilities with every unspecified switch off. Throws a `TypeError` naming an unknown or
 * ill-typed field.
 *
 * @example
 * const caps = defineCapabilities({ administrativeHold: true, scheduling: { change: true } });
 * caps.scheduling.purchase; // false
 */
export function defineCapabilities(partial: CapabilitiesInput = {}): Capabilities {
  if (!isPlainObject(partial)) throw new TypeError('capabilities: expected an object');
  // Already complete (a subscription handing its own to a request): nothing to resolve.
  if (checkCapabilities(partial, 'capabilities') === null) return partial as Capabilities;
  const p = partial as Record<string, unknown>;
  for (const key of Object.keys(p))
    if (!TOP_KEYS.has(key)) throw new TypeError(`capabilities.${key}: is not a capability`);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(FLAGS) as Flag[]) out[key] = flag(p[key], `capabilities.${key}`);
  out.resellerAuthorizationLevel = level(
    p.resellerAuthorizationLevel,
    'capabilities.resellerAuthorizationLevel',
  );
  for (const [key, { types }] of Object.entries(GROUPS)) {
    const group = object(p[key], `capabilities.${key}`);
    for (const type of Object.keys(group)) {
      if (!(types as readonly string[]).includes(type))
        throw new TypeError(
          `capabilities.${key}.${type}: is not a request type this capability has`,
        );
    }
    out[key] = Object.fromEntries(
      types.map((type) => [type, flag(group[type], `capabilities.${key}.${type}`)]),
    );
  }
  for (const key of Object.keys(CHOICES))
    out[key] = choice(p[key], OFFLINE, `capabilities.${key}`) ?? 'no';
  const schema = choice(p.subscriptionSchema, SCHEMAS, 'capabilities.subscriptionSchema');
  if (schema !== undefined) out.subscriptionSchema = schema;
  out.payAsYouGo = payAsYouGo(p.payAsYouGo, 'capabilities.payAsYouGo');
  const unknown = unknownKeys(p.unknown, 'capabilities.unknown');
  if (unknown !== undefined) out.unknown = unknown;
  return out as unknown as Capabilities;
}

const isBool = (v: unknown) => typeof v === 'boolean';

/** Why a complete {@link Capabilities} object is not valid, or `null`: every field, nothing else. */
function completeProblem(value: Record<string, unknown>, path: string): string | null {
  for (const key of Object.keys(value))
    if (!TOP_KEYS.has(key)) return `${path}.${key}: is not a capability`;
  for (const key of Object.keys(FLAGS))
    if (!isBool(value[key])) return `${path}.${key}: expected a boolean`;
  const lvl = value.resellerAuthorizationLevel;
  if (lvl !== 0 && lvl !== 1 && lvl !== 2)
    return `${path}.resellerAuthorizationLevel: expected 0, 1 or 2`;
  for (const [key, { types }] of Object.entries(GROUPS)) {
    const group = value[key];
    if (!isPlainObject(group)) return `${path}.${key}: expected an object`;
    for (const type of Object.keys(group))
      if (!(types as readonly string[]).includes(type))
        return `${path}.${key}.${type}: is not a request type this capability has`;
    for (const type of types)
      if (!isBool(group[type])) return `${path}.${key}.${type}: expected a boolean`;
  }
  for (const key of Object.keys(CHOICES))
    if (!(OFFLINE as readonly unknown[]).includes(value[key]))
      return `${path}.${key}: expected one of "no", "auto", "allowed"`;
  if (
    value.subscriptionSchema !== undefined &&
    !(SCHEMAS as readonly unknown[]).includes(value.subscriptionSchema)
  )
    return `${path}.subscriptionSchema: expected "explicit" or "evergreen"`;
  const ppu = value.payAsYouGo;
  if (!isPlainObject(ppu)) return `${path}.payAsYouGo: expected an object`;
  for (const key of Object.keys(ppu))
    if (!PPU_KEYS.includes(key)) return `${path}.payAsYouGo.${key}: is not a capability`;
  for (const key of ['enabled', ...PPU_FLAGS])
    if (!isBool(ppu[key])) return `${path}.payAsYouGo.${key}: expected a boolean`;
  if (ppu.schema !== undefined && !(PPU_SCHEMAS as readonly unknown[]).includes(ppu.schema))
    return `${path}.payAsYouGo.schema: expected one of ${PPU_SCHEMAS.join(', ')}`;
  const fields = ppu.requiredCustomFields;
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string'))
    return `${path}.payAsYouGo.requiredCustomFields: expected an array of strings`;
  if (value.unknown !== undefined) {
    if (!isPlainObject(value.unknown)) return `${path}.unknown: expected an object`;
    return jsonValue(value.unknown, `${path}.unknown`);
  }
  return null;
}

/** Validates a persisted {@link Capabilities} object (every field present, nothing else). */
export function checkCapabilities(value: unknown, path: string): string | null {
  return isPlainObject(value) ? completeProblem(value, path) : `${path}: expected an object`;
}

/**
 * A machine input's capabilities, resolved; a `TypeError` names the machine and the bad field, as
 * input errors do (`subscriptionMachine input.capabilities.renew: expected a boolean, …`).
 */
export function resolveCapabilities(value: unknown, machine: string): Capabilities {
  try {
    return defineCapabilities(value as CapabilitiesInput | undefined);
  } catch (error) {
    throw new TypeError(`${machine} input.${(error as Error).message}`);
  }
}

/** Whether two resolved capability sets are the same, field by field. */
export function sameCapabilities(a: Capabilities, b: Capabilities): boolean {
  if (a === b) return true;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  return (
    Object.keys(FLAGS).every((key) => x[key] === y[key]) &&
    a.resellerAuthorizationLevel === b.resellerAuthorizationLevel &&
    Object.entries(GROUPS).every(([key, { types }]) =>
      types.every(
        (type) =>
          (x[key] as Record<string, boolean>)[type] === (y[key] as Record<string, boolean>)[type],
      ),
    ) &&
    a.cancelOffline === b.cancelOffline &&
    a.suspendOffline === b.suspendOffline &&
    a.subscriptionSchema === b.subscriptionSchema &&
    JSON.stringify(a.payAsYouGo) === JSON.stringify(b.payAsYouGo) &&
    JSON.stringify(a.unknown) === JSON.stringify(b.unknown)
  );
}

/** The draft validation switch of a fulfillment request type, if it has one. */
export function draftValidationOf(capabilities: Capabilities, type: string): boolean {
  switch (type) {
    case 'purchase':
      return capabilities.draftValidation;
    case 'change':
      return capabilities.changeDraftValidation;
    case 'renew':
      return capabilities.renewDraftValidation;
    case 'transfer':
      return capabilities.transferDraftValidation;
    default:
      return false;
  }
}

/** The inquiring validation switch of a request type: its own, else `inquiringValidation`. */
export function inquiringValidationOf(
  capabilities: Capabilities,
  type: string,
): { readonly on: boolean; readonly capability: string } {
  switch (type) {
    case 'change':
      return {
        on: capabilities.changeInquiringValidation,
        capability: 'changeInquiringValidation',
      };
    case 'renew':
      return { on: capabilities.renewInquiringValidation, capability: 'renewInquiringValidation' };
    case 'transfer':
      return {
        on: capabilities.transferInquiringValidation,
        capability: 'transferInquiringValidation',
      };
    default:
      return { on: capabilities.inquiringValidation, capability: 'inquiringValidation' };
  }
}
