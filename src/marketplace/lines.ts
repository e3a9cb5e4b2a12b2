/**
 * Lines: the product items of a subscription or an order, with quantities (Marketplace docs,
 * commerce API `line.md` and the order object's `lines`). Prices are the platform's to compute and
 * are not modelled.
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

/** A line of an order, which also carries the quantity before the order (0 for a new line). */
export interface OrderLine extends SubscriptionLine {
  readonly oldQuantity?: number;
}

/**
 * A line of a completed Change order: the absolute target quantity of an existing line by its id,
 * or a new line, which names its `item`.
 */
export interface ChangedLine {
  readonly id: string;
  readonly quantity: number;
  readonly item?: { readonly id: string };
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
export const changedLinesSchema: Schema<readonly ChangedLine[]> = refine(
  array(object({ ...line, item: optional(line.item) })),
  uniqueIds,
);

/** The index of the first changed line that is new to `lines` and names no item, or -1. */
export function newLineWithoutItem(
  lines: readonly SubscriptionLine[],
  changed: readonly ChangedLine[],
): number {
  const known = new Set(lines.map((l) => l.id));
  return changed.findIndex((c) => c.item === undefined && !known.has(c.id));
}

/**
 * A completed Change order's lines, as absolute target quantities (as Connect's change requests
 * carry them): listed lines take the new quantity, quantity 0 removes a line, a new id with its item
 * adds one, others stay.
 */
export function setQuantities(
  lines: readonly SubscriptionLine[],
  targets: readonly ChangedLine[],
): readonly SubscriptionLine[] {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const out: SubscriptionLine[] = [];
  for (const l of lines) {
    const target = byId.get(l.id);
    if (target === undefined) out.push(l);
    else if (target.quantity > 0) out.push({ ...l, quantity: target.quantity });
  }
  const known = new Set(lines.map((l) => l.id));
  for (const { id, item, quantity } of targets) {
    if (quantity > 0 && item !== undefined && !known.has(id)) out.push({ id, item, quantity });
  }
  return out;
}
