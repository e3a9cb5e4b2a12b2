/**
 * Product capabilities that gate the Connect lifecycles (Connect's product capabilities: the
 * `product.capabilities` object of the Connect OpenAPI spec). Everything is off by default, as on a
 * new Connect product.
 */
import { isPlainObject } from '../core/schema';

/** The request types that may be scheduled, one switch each. */
export interface SchedulingCapabilities {
  readonly purchase: boolean;
  readonly change: boolean;
  readonly suspend: boolean;
  readonly resume: boolean;
  readonly cancel: boolean;
  readonly renew: boolean;
}

/**
 * A product's capabilities, all resolved (see {@link defineCapabilities} and
 * {@link capabilitiesFromConnect}). Each switch names its key in Connect's `product.capabilities`.
 */
export interface Capabilities {
  /** Administrative Hold (`subscription.hold`): suspend and resume requests exist. */
  readonly administrativeHold: boolean;
  /** Dynamic Validation of the Draft Requests (`cart.validation`): purchases may start as draft. */
  readonly draftValidation: boolean;
  /** Dynamic Validation of the Inquiring Form (`inquiring.validation`). */
  readonly inquiringValidation: boolean;
  /** Validation of Draft Change Request (`subscription.change.validation`). */
  readonly changeDraftValidation: boolean;
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
}

/** A partial set of capabilities, at any depth. */
export type CapabilitiesInput = Partial<Omit<Capabilities, 'scheduling'>> & {
  readonly scheduling?: Partial<SchedulingCapabilities>;
};

const SCHEDULED = ['purchase', 'change', 'suspend', 'resume', 'cancel', 'renew'] as const;
const SWITCHES = [
  'administrativeHold',
  'draftValidation',
  'inquiringValidation',
  'changeDraftValidation',
  'renew',
  'transfer',
  'transferAutoApprove',
] as const;

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
  const known = new Set<string>([...SWITCHES, 'resellerAuthorizationLevel', 'scheduling']);
  for (const key of Object.keys(partial)) {
    if (!known.has(key)) throw new TypeError(`capabilities.${key}: is not a capability`);
  }
  const scheduling: Record<string, unknown> = partial.scheduling ?? {};
  if (!isPlainObject(scheduling))
    throw new TypeError('capabilities.scheduling: expected an object');
  for (const key of Object.keys(scheduling)) {
    if (!(SCHEDULED as readonly string[]).includes(key)) {
      throw new TypeError(
        `capabilities.scheduling.${key}: is not a request type that can be scheduled`,
      );
    }
  }
  const p = partial as Record<string, unknown>;
  return {
    administrativeHold: flag(p.administrativeHold, 'capabilities.administrativeHold'),
    draftValidation: flag(p.draftValidation, 'capabilities.draftValidation'),
    inquiringValidation: flag(p.inquiringValidation, 'capabilities.inquiringValidation'),
    changeDraftValidation: flag(p.changeDraftValidation, 'capabilities.changeDraftValidation'),
    resellerAuthorizationLevel: level(
      p.resellerAuthorizationLevel,
      'capabilities.resellerAuthorizationLevel',
    ),
    scheduling: Object.fromEntries(
      SCHEDULED.map((type) => [type, flag(scheduling[type], `capabilities.scheduling.${type}`)]),
    ) as unknown as SchedulingCapabilities,
    renew: flag(p.renew, 'capabilities.renew'),
    transfer: flag(p.transfer, 'capabilities.transfer'),
    transferAutoApprove: flag(p.transferAutoApprove, 'capabilities.transferAutoApprove'),
  };
}

function at(json: unknown, path: readonly string[]): unknown {
  let node = json;
  for (const key of path) {
    if (!isPlainObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Maps Connect's `product.capabilities` JSON (the product API object) to {@link Capabilities}.
 * Capabilities this library does not model (`ppu`, `reservation`, …) are ignored; a known one with
 * the wrong type throws a `TypeError` naming its Connect path.
 *
 * @example
 * capabilitiesFromConnect({ subscription: { hold: true }, tiers: { configs: { level: 1 } } });
 */
export function capabilitiesFromConnect(json: unknown): Capabilities {
  if (!isPlainObject(json)) throw new TypeError('product.capabilities: expected an object');
  const read = (path: string) => at(json, path.split('.'));
  const f = (path: string) => flag(read(path), `product.capabilities.${path}`);
  return {
    administrativeHold: f('subscription.hold'),
    draftValidation: f('cart.validation'),
    inquiringValidation: f('inquiring.validation'),
    changeDraftValidation: f('subscription.change.validation'),
    resellerAuthorizationLevel: level(
      read('tiers.configs.level'),
      'product.capabilities.tiers.configs.level',
    ),
    scheduling: Object.fromEntries(
      SCHEDULED.map((type) => [type, f(`subscription.${type}.scheduling`)]),
    ) as unknown as SchedulingCapabilities,
    renew: f('subscription.renew.enable_renew'),
    transfer: f('subscription.transfer.enable_transfer'),
    transferAutoApprove: f('subscription.transfer.transfer_autoapprove'),
  };
}

const bool = (v: unknown, path: string) =>
  typeof v === 'boolean' ? null : `${path}: expected a boolean`;

/** Validates a persisted {@link Capabilities} object (every field present, nothing else). */
export function checkCapabilities(value: unknown, path: string): string | null {
  if (!isPlainObject(value)) return `${path}: expected an object`;
  const expected = [...SWITCHES, 'resellerAuthorizationLevel', 'scheduling'];
  for (const key of Object.keys(value))
    if (!expected.includes(key)) return `${path}.${key}: is not a capability`;
  for (const key of SWITCHES) {
    const error = bool(value[key], `${path}.${key}`);
    if (error) return error;
  }
  const lvl = value.resellerAuthorizationLevel;
  if (lvl !== 0 && lvl !== 1 && lvl !== 2)
    return `${path}.resellerAuthorizationLevel: expected 0, 1 or 2`;
  const scheduling = value.scheduling;
  if (!isPlainObject(scheduling)) return `${path}.scheduling: expected an object`;
  for (const key of Object.keys(scheduling)) {
    if (!(SCHEDULED as readonly string[]).includes(key))
      return `${path}.scheduling.${key}: is not a request type that can be scheduled`;
  }
  for (const key of SCHEDULED) {
    const error = bool(scheduling[key], `${path}.scheduling.${key}`);
    if (error) return error;
  }
  return null;
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

/** Whether two resolved capability sets are the same, switch by switch. */
export function sameCapabilities(a: Capabilities, b: Capabilities): boolean {
  return (
    SWITCHES.every((key) => a[key] === b[key]) &&
    a.resellerAuthorizationLevel === b.resellerAuthorizationLevel &&
    SCHEDULED.every((type) => a.scheduling[type] === b.scheduling[type])
  );
}
