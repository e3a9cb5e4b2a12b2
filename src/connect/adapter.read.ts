/**
 * From Connect's request JSON to a subscription snapshot: the subscription as the JSON shows it,
 * with the request open in its status (or closed in its final one). A purchase starts the
 * subscription; any other request is opened on an existing subscription taken over in its status.
 */
import { start } from '../core/api';
import { planCommands } from './adapter.commands';
import { type ReadRequest, readRequest } from './adapter.objects';
import { type Capabilities, type CapabilitiesInput, defineCapabilities } from './capabilities';
import type { Parameter } from './request.types';
import { type SubscriptionSnapshot, subscriptionMachine } from './subscription.machine';
import type { SubscriptionInput } from './subscription.types';

/** Options of {@link fromConnectRequest}. */
export interface FromConnectOptions {
  /**
   * The product's capabilities (e.g. `capabilitiesFromConnect(product.capabilities)`). Without
   * them, the ones the JSON shows in use are turned on, and only those.
   */
  readonly capabilities?: CapabilitiesInput;
}

const SCHEDULED = ['purchase', 'change', 'suspend', 'resume', 'cancel', 'renew'];
const DRAFT_VALIDATION: ReadonlyMap<string, string> = new Map([
  ['purchase', 'draftValidation'],
  ['change', 'changeDraftValidation'],
  ['renew', 'renewDraftValidation'],
  ['transfer', 'transferDraftValidation'],
]);

/** The capabilities the JSON shows in use, each with the field that shows it. */
function needed(json: ReadRequest, suspended: boolean): [string, CapabilitiesInput, string][] {
  const out: [string, CapabilitiesInput, string][] = [];
  const { type, status } = json;
  if (status === 'draft' || status === 'deleted') {
    const key = DRAFT_VALIDATION.get(type);
    if (key === undefined)
      throw new TypeError(`fromConnectRequest: status: a ${type} request is never a draft`);
    out.push([key, { [key]: true }, 'status']);
  }
  if (status === 'tiers_setup')
    out.push(['resellerAuthorizationLevel', { resellerAuthorizationLevel: 1 }, 'status']);
  if (status === 'scheduled' || status === 'revoking' || status === 'revoked') {
    if (!SCHEDULED.includes(type))
      throw new TypeError(`fromConnectRequest: status: a ${type} request is never scheduled`);
    out.push([`scheduling.${type}`, { scheduling: { [type]: true } }, 'status']);
  }
  if (type === 'suspend' || type === 'resume' || suspended)
    out.push(['administrativeHold', { administrativeHold: true }, 'type']);
  if (type === 'renew' || type === 'transfer') out.push([type, { [type]: true }, 'type']);
  return out;
}

function isOn(capabilities: Capabilities, key: string): boolean {
  if (key.startsWith('scheduling.'))
    return capabilities.scheduling[key.slice(11) as keyof Capabilities['scheduling']];
  if (key === 'resellerAuthorizationLevel') return capabilities.resellerAuthorizationLevel > 0;
  return (capabilities as unknown as Record<string, unknown>)[key] === true;
}

function capabilitiesFor(
  json: ReadRequest,
  suspended: boolean,
  given: CapabilitiesInput | undefined,
): Capabilities {
  const uses = needed(json, suspended);
  if (given === undefined) {
    const merged: Record<string, unknown> = {};
    for (const [, part] of uses) {
      const { scheduling, ...rest } = part;
      Object.assign(merged, rest);
      if (scheduling) merged.scheduling = { ...(merged.scheduling as object), ...scheduling };
    }
    return defineCapabilities(merged as CapabilitiesInput);
  }
  let capabilities: Capabilities;
  try {
    capabilities = defineCapabilities(given);
  } catch (error) {
    throw new TypeError(`fromConnectRequest: options.${(error as Error).message}`);
  }
  for (const [key, , field] of uses)
    if (!isOn(capabilities, key))
      throw new TypeError(
        `fromConnectRequest: ${field}: a ${json.status} ${json.type} request needs options.capabilities.${key}`,
      );
  return capabilities;
}

const withoutErrors = (params: readonly Parameter[]) =>
  params.map(({ valueError: _error, ...p }) => p);

/** The status an existing subscription had when a request other than a purchase opened on it. */
function takenOverIn(json: ReadRequest): 'active' | 'suspended' {
  if (json.type === 'resume') return 'suspended';
  if (json.type === 'cancel' || json.type === 'adjustment')
    return json.asset.status === 'suspended' ? 'suspended' : 'active';
  return 'active';
}

/**
 * The subscription as Connect's request JSON shows it: the asset's status, items and parameters,
 * with the request open in its status (or closed in its final one). A purchase request starts the
 * subscription with its purchase; any other request is opened on the existing subscription, taken
 * over as active (or suspended). The steps in between are the commands {@link connectCommands}
 * gives, so the snapshot's audit says how it got there. Malformed JSON, or JSON the capabilities do
 * not allow, is a `TypeError` naming the field.
 *
 * @example
 * ```ts
 * const snapshot = fromConnectRequest(await connect.get(`/requests/${id}`), {
 *   capabilities: capabilitiesFromConnect(product.capabilities),
 * });
 * statusOf(snapshot); // 'processing'
 * snapshot.context.pendingRequest; // { id: 'PR-…-001', requestType: 'purchase', status: 'inquiring', … }
 * ```
 */
export function fromConnectRequest(
  requestJson: unknown,
  options: FromConnectOptions = {},
): SubscriptionSnapshot {
  const json = readRequest(requestJson, 'fromConnectRequest');
  const suspended = json.type !== 'purchase' && takenOverIn(json) === 'suspended';
  const capabilities = capabilitiesFor(json, suspended, options.capabilities);
  const { asset } = json;
  const base = {
    id: asset.id,
    at: json.created,
    capabilities,
    connection: asset.connection,
    ...(asset.productId === undefined ? {} : { productId: asset.productId }),
  };
  const input: SubscriptionInput =
    json.type === 'purchase'
      ? {
          ...base,
          by: { role: 'buyer' },
          purchaseRequestId: json.id,
          items: asset.items,
          // The buyer's values; the vendor's errors come after, at `updated`.
          params: withoutErrors(asset.params),
          ...(json.status === 'draft' || json.status === 'deleted' ? { draft: true } : {}),
          ...(json.status === 'tiers_setup' ? { tierConfigRequired: true } : {}),
        }
      : {
          ...base,
          by: { role: 'system' },
          status: takenOverIn(json),
          items: asset.before,
          // The subscription's own values; the request's errors come after, at `updated`.
          params: withoutErrors(asset.params),
        };
  let snapshot: SubscriptionSnapshot;
  try {
    snapshot = start(subscriptionMachine, input);
  } catch (error) {
    throw new TypeError(
      `fromConnectRequest: ${(error as Error).message.replace(/^subscriptionMachine input\./, '')}`,
    );
  }
  return planCommands(snapshot, json, 'fromConnectRequest').snapshot;
}
