/**
 * Connect's `product.capabilities` JSON (the product API object; `dp.VirtualCapabilities` in
 * cloudblue/connect-python-openapi-client `tests/data/specs.yml`), read into {@link Capabilities}.
 */
import { isForbiddenKey } from '../core/plain';
import { isPlainObject } from '../core/schema';
import {
  CHOICES,
  choice,
  FLAGS,
  flag,
  GROUPS,
  type Group,
  level,
  OFFLINE,
  PPU_FLAGS,
  PPU_SCHEMAS,
  SCHEMAS,
} from './capabilities.fields';
import type { Capabilities } from './capabilities.types';
import { type JsonValue, jsonValue } from './json';

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
