/**
 * Lines: the product items of a subscription or an order, with quantities (Marketplace docs,
 * `lines`). Prices are the platform's to compute and are not modelled.
 */
import {
  array,
  integer,
  nonEmptyString,
  object,
  optional,
  refine,
  type Schema,
} from '../core/schema';

/** A line of a subscription: `{ id: 'ALI-…', item: { id: 'ITM-…' }, quantity }`. */
export interface SubscriptionLine {
  readonly id: string;
  readonly item: { readonly id: string };
  readonly quantity: number;
}

/** A line of an order, which also carries the quantity before the order. */
export interface OrderLine extends SubscriptionLine {
  readonly oldQuantity?: number;
}

const line = {
  id: nonEmptyString,
  item: object({ id: nonEmptyString }),
  quantity: integer(0),
};

function uniqueIds(list: readonly { readonly id: string }[], path: string) {
  const seen = new Set<string>();
  for (const { id } of list) {
    if (seen.has(id)) return `${path}: line ${JSON.stringify(id)} appears twice`;
    seen.add(id);
  }
  return null;
}

export const subscriptionLinesSchema: Schema<readonly SubscriptionLine[]> = refine(
  array(object(line)),
  uniqueIds,
);
export const orderLinesSchema: Schema<readonly OrderLine[]> = refine(
  array(object({ ...line, oldQuantity: optional(integer(0)) })),
  uniqueIds,
);

/**
 * A completed Change order's lines, as absolute target quantities (as Connect's change requests
 * carry them): listed lines take the new quantity, quantity 0 removes a line, a new id adds one,
 * others stay.
 */
export function setQuantities(
  lines: readonly SubscriptionLine[],
  targets: readonly SubscriptionLine[],
): readonly SubscriptionLine[] {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const out: SubscriptionLine[] = [];
  for (const l of lines) {
    const target = byId.get(l.id);
    if (target === undefined) out.push(l);
    else if (target.quantity > 0) out.push({ ...l, quantity: target.quantity });
  }
  for (const t of targets) {
    if (t.quantity > 0 && !lines.some((l) => l.id === t.id)) out.push(t);
  }
  return out;
}
