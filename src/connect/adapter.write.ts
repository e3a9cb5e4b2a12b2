/**
 * From a subscription snapshot to Connect's own JSON: the Request object (the open request, or a
 * closed one) and the Asset object, with field names as Connect spells them (the Connect OpenAPI
 * spec, cloudblue/connect-python-openapi-client `tests/data/specs.yml`).
 */
import type {
  ConnectAssetJson,
  ConnectAssetStatus,
  ConnectItemJson,
  ConnectParamJson,
  ConnectRequestJson,
} from './adapter.objects';
import type { Item, Parameter, Quantity } from './request.types';
import type { SubscriptionContext, SubscriptionStatus } from './subscription.types';

/** What these functions read of a subscription snapshot. */
export interface SubscriptionLike {
  readonly value: unknown;
  readonly context: SubscriptionContext;
}

/** A deleted draft is gone on Connect: its asset is written as Connect's final status. */
const assetStatus = (status: SubscriptionStatus): ConnectAssetStatus =>
  status === 'deleted' ? 'terminated' : status;

const quantityText = (q: Quantity): string => (q === 'unlimited' ? q : String(q));

/** A parameter as Connect writes it: `""` for no value and no error. */
export function paramJson(p: Parameter): ConnectParamJson {
  const constraints =
    p.constraints === undefined && p.required === undefined
      ? undefined
      : { ...p.constraints, ...(p.required === undefined ? {} : { required: p.required }) };
  return {
    id: p.id,
    phase: p.phase,
    ...(p.type === undefined ? {} : { type: p.type }),
    ...(p.scope === undefined ? {} : { scope: p.scope }),
    value: p.value ?? '',
    value_error: p.valueError ?? '',
    ...(p.structuredValue === undefined ? {} : { structured_value: p.structuredValue }),
    ...(constraints === undefined ? {} : { constraints }),
  };
}

const itemJson = (item: Item, old?: Quantity): ConnectItemJson => ({
  id: item.id,
  ...(item.mpn === undefined ? {} : { mpn: item.mpn }),
  quantity: quantityText(item.quantity),
  ...(old === undefined ? {} : { old_quantity: quantityText(old) }),
});

function assetJson(
  context: SubscriptionContext,
  status: SubscriptionStatus,
  items: readonly ConnectItemJson[],
  params: readonly Parameter[],
): ConnectAssetJson {
  return {
    id: context.id,
    status: assetStatus(status),
    ...(context.productId === undefined ? {} : { product: { id: context.productId } }),
    connection: { type: context.connection },
    items,
    params: params.filter((p) => p.phase !== 'configuration').map(paramJson),
    configuration: {
      params: params.filter((p) => p.phase === 'configuration').map(paramJson),
    },
  };
}

/**
 * The open request's items as Connect shows them: each with its target `quantity` and its
 * `old_quantity` (`"0"` for a purchase), the request's own first, then the subscription's others.
 */
function openItems(context: SubscriptionContext): ConnectItemJson[] {
  const request = context.request;
  if (request === null) return [];
  if (request.requestType === 'purchase') return request.items.map((i) => itemJson(i, 0));
  const current = new Map(context.items.map((i) => [i.id, i]));
  const out = request.items.map((i) => {
    const before = current.get(i.id);
    return itemJson({ ...before, ...i }, before?.quantity ?? 0);
  });
  const listed = new Set(request.items.map((i) => i.id));
  for (const i of context.items) if (!listed.has(i.id)) out.push(itemJson(i, i.quantity));
  return out;
}

/**
 * The subscription's open request as Connect's Request object, or the closed request `requestId`
 * (its items are then the subscription's, without `old_quantity`). Throws a `TypeError` when there
 * is no such request.
 *
 * @example
 * ```ts
 * const json = toConnectRequest(snapshot);
 * json.status; // 'inquiring'
 * json.asset.params[0]; // { id: 'tenant_domain', phase: 'ordering', value: 'contoso', value_error: 'Domain taken', … }
 * ```
 */
export function toConnectRequest(
  snapshot: SubscriptionLike,
  requestId?: string,
): ConnectRequestJson {
  const context = snapshot.context;
  const status = snapshot.value as SubscriptionStatus;
  const open = context.pendingRequest;
  const request = context.request;
  if (open !== null && request !== null && (requestId === undefined || requestId === open.id)) {
    return {
      id: open.id,
      type: open.requestType,
      status: open.status,
      created: request.createdAt,
      updated: request.updatedAt,
      reason: request.reason ?? '',
      effective_date: request.effectiveDate ?? '',
      planned_date: request.plannedDate ?? '',
      activation_key: request.activationTile ?? '',
      ...(request.templateId === undefined ? {} : { template: { id: request.templateId } }),
      asset: assetJson(context, status, openItems(context), request.params),
    };
  }
  const closed =
    requestId === undefined
      ? context.requests.at(-1)
      : context.requests.find((r) => r.id === requestId);
  if (closed === undefined)
    throw new TypeError(
      `toConnectRequest: ${requestId === undefined ? 'the subscription has no request' : `${requestId} is neither open nor among the closed requests kept`}`,
    );
  return {
    id: closed.id,
    type: closed.requestType,
    status: closed.status,
    created: closed.createdAt,
    updated: closed.closedAt,
    reason: closed.reason ?? '',
    effective_date: closed.effectiveDate ?? '',
    planned_date: '',
    activation_key: closed.activationTile ?? '',
    ...(closed.templateId === undefined ? {} : { template: { id: closed.templateId } }),
    asset: assetJson(
      context,
      status,
      context.items.map((i) => itemJson(i)),
      context.params,
    ),
  };
}

/**
 * The subscription as Connect's Asset object, with its open request as `pending_request`.
 *
 * @example
 * ```ts
 * toConnectAsset(snapshot).pending_request; // { id: 'PR-…-002', type: 'change', status: 'scheduled' }
 * ```
 */
export function toConnectAsset(snapshot: SubscriptionLike): ConnectAssetJson {
  const context = snapshot.context;
  const open = context.pendingRequest;
  return {
    ...assetJson(
      context,
      snapshot.value as SubscriptionStatus,
      context.items.map((i) => itemJson(i)),
      context.params,
    ),
    pending_request:
      open === null ? null : { id: open.id, type: open.requestType, status: open.status },
  };
}
