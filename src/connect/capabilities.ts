/**
 * Product capabilities that gate the Connect lifecycles (Connect's product capabilities: the
 * `product.capabilities` object of the Connect OpenAPI spec, `dp.VirtualCapabilities` in
 * cloudblue/connect-python-openapi-client `tests/data/specs.yml`). Everything is off by default, as
 * on a new Connect product.
 */
import { isForbiddenKey } from '../core/plain';
import { isPlainObject } from '../core/schema';
import { type JsonValue, jsonValue } from './json';

/** The request types that may be scheduled, one switch each. */
export interface SchedulingCapabilities {
  readonly purchase: boolean;
  readonly change: boolean;
  readonly suspend: boolean;
  readonly resume: boolean;
  readonly cancel: boolean;
  readonly renew: boolean;
}

/** A switch per request type whose parameters the buyer (or vendor) may edit. */
export interface EditableParameters {
  readonly change: boolean;
  readonly renew: boolean;
  readonly transfer: boolean;
}

/** Offline cancel or suspend: `no`, `auto` or `allowed`, as Connect writes it. */
export type OfflineMode = 'no' | 'auto' | 'allowed';

/** Pay-as-you-go (`ppu`): kept as Connect states it; the machines do not read it. */
export interface PayAsYouGo {
  readonly enabled: boolean;
  /** `TR`, `CR`, `PR` or `QT`. */
  readonly schema?: 'TR' | 'CR' | 'PR' | 'QT';
  readonly dynamic: boolean;
  readonly predictive: boolean;
  readonly future: boolean;
  readonly late: boolean;
  readonly requiredCustomFields: readonly string[];
}

/**
 * A product's capabilities, all resolved (see {@link defineCapabilities} and
 * {@link capabilitiesFromConnect}). Each field names its key in Connect's `product.capabilities`.
 * The ones marked "kept" are carried as Connect states them; the machines do not act on them.
 */
export interface Capabilities {
  /** Administrative Hold (`subscription.hold`): suspend and resume requests exist. */
  readonly administrativeHold: boolean;
  /** Dynamic Validation of the Draft Requests (`cart.validation`): purchases may start as draft. */
  readonly draftValidation: boolean;
  /** Validation of Draft Change Request (`subscription.change.validation`). */
  readonly changeDraftValidation: boolean;
  /** Draft validation of renew requests (`subscription.renew.validation`). */
  readonly renewDraftValidation: boolean;
  /** Draft validation of transfer requests (`subscription.transfer.validation`). */
  readonly transferDraftValidation: boolean;
  /**
   * Dynamic Validation of the Inquiring Form (`inquiring.validation`): purchases, and the request
   * types without a switch of their own.
   */
  readonly inquiringValidation: boolean;
  /** `subscription.change.inquiring_validation`. */
  readonly changeInquiringValidation: boolean;
  /** `subscription.renew.inquiring_validation`. */
  readonly renewInquiringValidation: boolean;
  /** `subscription.transfer.inquiring_validation`. */
  readonly transferInquiringValidation: boolean;
  /** Reseller Authorization Level (`tiers.configs.level`): 0 is off; 1 or 2 turn on tiers_setup. */
  readonly resellerAuthorizationLevel: 0 | 1 | 2;
  /** `subscription.<type>.scheduling`: the vendor may schedule that request type. */
  readonly scheduling: SchedulingCapabilities;
  /** `subscription.renew.enable_renew`: renew requests exist. */
  readonly renew: boolean;
  /** `subscription.transfer.enable_transfer`: transfer requests exist. */
  readonly transfer: boolean;
  /** `subscription.transfer.transfer_autoapprove`: transfers are approved at creation. */
  readonly transferAutoApprove: boolean;
  /** Kept: `subscription.cancel.offline`. */
  readonly cancelOffline: OfflineMode;
  /** Kept: `subscription.suspend.offline`. */
  readonly suspendOffline: OfflineMode;
  /** Kept: `subscription.change.simultaneous_adjustment`. */
  readonly simultaneousAdjustment: boolean;
  /** Kept: `subscription.<type>.editable_ordering_parameters`. */
  readonly editableOrderingParameters: EditableParameters;
  /** Kept: `subscription.<type>.editable_fulfillment_parameters`. */
  readonly editableFulfillmentParameters: EditableParameters;
  /** Kept: `subscription.parameter.versions`. */
  readonly parameterVersions: boolean;
  /** Kept: `subscription.schema`, when Connect states one. */
  readonly subscriptionSchema?: 'explicit' | 'evergreen';
  /** Kept: `reservation.consumption`. */
  readonly reservationConsumption: boolean;
  /** Kept: `ppu`. */
  readonly payAsYouGo: PayAsYouGo;
  /** Tier configuration update requests (`tiers.updates`). */
  readonly tierConfigUpdates: boolean;
  /** Dynamic Validation – Tier Config Request – Draft (`tiers.validation`): setup drafts. */
  readonly tierConfigDraftValidation: boolean;
  /** `tiers.configs.setup.inquiring_validation`. */
  readonly tierConfigSetupInquiringValidation: boolean;
  /** `tiers.configs.update.validation`: update requests may start as drafts. */
  readonly tierConfigUpdateDraftValidation: boolean;
  /** `tiers.configs.update.inquiring_validation`. */
  readonly tierConfigUpdateInquiringValidation: boolean;
  /**
   * Keys of `product.capabilities` this library does not know, by dotted path, with their values:
   * {@link capabilitiesFromConnect} drops nothing silently.
   */
  readonly unknown?: Readonly<Record<string, JsonValue>>;
}

/** A partial set of capabilities, at any depth. */
export type CapabilitiesInput = Partial<
  Omit<
    Capabilities,
    'scheduling' | 'editableOrderingParameters' | 'editableFulfillmentParameters' | 'payAsYouGo'
  >
> & {
  readonly scheduling?: Partial<SchedulingCapabilities>;
  readonly editableOrderingParameters?: Partial<EditableParameters>;
  readonly editableFulfillmentParameters?: Partial<EditableParameters>;
  readonly payAsYouGo?: Partial<PayAsYouGo>;
};

/** The on/off switches and their paths in `product.capabilities`. */
const FLAGS = {
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
type Flag = keyof typeof FLAGS;

const SCHEDULED = ['purchase', 'change', 'suspend', 'resume', 'cancel', 'renew'] as const;
const EDITABLE = ['change', 'renew', 'transfer'] as const;

/** Switches grouped by request type, and the path of each type's switch. */
const GROUPS = {
  scheduling: { types: SCHEDULED, key: 'scheduling' },
  editableOrderingParameters: { types: EDITABLE, key: 'editable_ordering_parameters' },
  editableFulfillmentParameters: { types: EDITABLE, key: 'editable_fulfillment_parameters' },
} as const;
type Group = keyof typeof GROUPS;

const OFFLINE = ['no', 'auto', 'allowed'] as const;
const CHOICES = {
  cancelOffline: 'subscription.cancel.offline',
  suspendOffline: 'subscription.suspend.offline',
} as const;

const PPU_FLAGS = ['dynamic', 'predictive', 'future', 'late'] as const;
const PPU_SCHEMAS = ['TR', 'CR', 'PR', 'QT'] as const;
const SCHEMAS = ['explicit', 'evergreen'] as const;

const TOP_KEYS = new Set<string>([
  ...Object.keys(FLAGS),
  ...Object.keys(GROUPS),
  ...Object.keys(CHOICES),
  'resellerAuthorizationLevel',
  'subscriptionSchema',
  'payAsYouGo',
  'unknown',
]);

function flag(value: unknown, path: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean')
    throw new TypeError(`${path}: expected a boolean, got ${JSON.stringify(value)}`);
  return value;
}

function level(value: unknown, path: string): 0 | 1 | 2 {
  if (value === undefined || value === null) return 0;
  const n = typeof value === 'string' && /^[012]$/.test(value) ? Number(value) : value;
  if (n !== 0 && n !== 1 && n !== 2)
    throw new TypeError(`${path}: expected 0, 1 or 2, got ${JSON.stringify(value)}`);
  return n;
}

function choice<const T extends string>(
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

function object(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) throw new TypeError(`${path}: expected an object`);
  return value;
}

function onlyKeys(value: Record<string, unknown>, keys: readonly string[], path: string): void {
  for (const key of Object.keys(value))
    if (!keys.includes(key)) throw new TypeError(`${path}.${key}: is not a capability`);
}

function payAsYouGo(value: unknown, path: string): PayAsYouGo {
  const p = object(value, path);
  onlyKeys(p, ['enabled', 'schema', ...PPU_FLAGS, 'requiredCustomFields'], path);
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

function unknownKeys(value: unknown, path: string): Record<string, JsonValue> | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw new TypeError(`${path}: expected an object`);
  const problem = jsonValue(value, path);
  if (problem) throw new TypeError(problem);
  return { ...(value as Record<string, JsonValue>) };
}

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

/** Every path of `product.capabilities` this library reads, as dotted paths. */
const KNOWN_PATHS: ReadonlySet<string> = new Set([
  ...Object.values(FLAGS),
  ...Object.values(GROUPS).flatMap(({ types, key }) =>
    types.map((type) => `subscription.${type}.${key}`),
  ),
  ...Object.values(CHOICES),
  'tiers.configs.level',
  // Write-only switches: `level` and the `ppu` object itself carry what they say.
  'tiers.configs.configs',
  'ppu.ppu',
  'subscription.schema',
  'ppu.schema',
  ...PPU_FLAGS.map((f) => `ppu.${f}`),
  'ppu.required_custom_fields',
]);

/** Leaves of `json` (values that are not plain objects), by dotted path. */
function* leaves(json: Record<string, unknown>, prefix = ''): Generator<[string, unknown]> {
  for (const key of Object.keys(json)) {
    const value = json[key];
    const path = `${prefix}${key}`;
    if (isForbiddenKey(key)) throw new TypeError(`product.capabilities.${path}: is not allowed`);
    if (isPlainObject(value) && !KNOWN_PATHS.has(path)) yield* leaves(value, `${path}.`);
    else yield [path, value];
  }
}

function at(json: unknown, path: string): unknown {
  let node = json;
  for (const key of path.split('.')) {
    if (!isPlainObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Maps Connect's `product.capabilities` JSON (the product API object) to {@link Capabilities}.
 * Every key Connect documents has its field; a key this library does not know is kept under
 * `unknown` (by dotted path), never dropped. A known key with the wrong type throws a `TypeError`
 * naming its Connect path.
 *
 * @example
 * capabilitiesFromConnect({ subscription: { hold: true }, tiers: { configs: { level: 1 } } });
 */
export function capabilitiesFromConnect(json: unknown): Capabilities {
  if (!isPlainObject(json)) throw new TypeError('product.capabilities: expected an object');
  const where = (path: string) => `product.capabilities.${path}`;
  const f = (path: string) => flag(at(json, path), where(path));
  const out: Record<string, unknown> = {};
  for (const [key, path] of Object.entries(FLAGS)) out[key] = f(path);
  out.resellerAuthorizationLevel = level(
    at(json, 'tiers.configs.level'),
    where('tiers.configs.level'),
  );
  for (const [group, { types, key }] of Object.entries(GROUPS) as [Group, (typeof GROUPS)[Group]][])
    out[group] = Object.fromEntries(types.map((type) => [type, f(`subscription.${type}.${key}`)]));
  for (const [key, path] of Object.entries(CHOICES))
    out[key] = choice(at(json, path), OFFLINE, where(path)) ?? 'no';
  const schema = choice(at(json, 'subscription.schema'), SCHEMAS, where('subscription.schema'));
  if (schema !== undefined) out.subscriptionSchema = schema;
  const ppu = at(json, 'ppu');
  const fields = at(json, 'ppu.required_custom_fields') ?? [];
  if (!Array.isArray(fields) || !fields.every((x) => typeof x === 'string'))
    throw new TypeError(`${where('ppu.required_custom_fields')}: expected an array of strings`);
  const ppuSchema = choice(at(json, 'ppu.schema'), PPU_SCHEMAS, where('ppu.schema'));
  out.payAsYouGo = {
    enabled: isPlainObject(ppu) && ppu.ppu !== false,
    ...(ppuSchema === undefined ? {} : { schema: ppuSchema }),
    ...Object.fromEntries(PPU_FLAGS.map((k) => [k, f(`ppu.${k}`)])),
    requiredCustomFields: [...fields],
  };
  const unknown: Record<string, JsonValue> = {};
  for (const [path, value] of leaves(json)) {
    if (KNOWN_PATHS.has(path)) continue;
    const problem = jsonValue(value, where(path));
    if (problem) throw new TypeError(problem);
    unknown[path] = value as JsonValue;
  }
  if (Object.keys(unknown).length > 0) out.unknown = unknown;
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
    if (![...PPU_KEYS].includes(key)) return `${path}.payAsYouGo.${key}: is not a capability`;
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

const PPU_KEYS = new Set(['enabled', 'schema', ...PPU_FLAGS, 'requiredCustomFields']);

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
