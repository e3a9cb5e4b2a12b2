/**
 * Products (Opencell's service instances): their schemas, and the pure functions that change them.
 * Every product move of the subscription goes through here, so their dates stay consistent.
 */
import {
  array,
  describe,
  instant,
  integer,
  isPlainObject,
  literal,
  nonEmptyString,
  object,
  optional,
  record,
  refine,
  type Schema,
} from '../core/schema';
import { latest } from './dates';
import {
  type AttributeValue,
  type Interval,
  PRODUCT_STATUSES,
  type Product,
  type ProductChange,
  type ProductOrder,
} from './subscription.types';
import { type TerminationReason, terminationReasonSchema } from './termination';
import { HISTORY_WINDOW, withLast } from './window';

const attributeValue: Schema<AttributeValue> = (value, path) =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value))
    ? null
    : `${path}: expected a string, a finite number or a boolean, got ${describe(value)}`;

const attributeUpdate: Schema<AttributeValue | null> = (value, path) =>
  value === null ? null : attributeValue(value, path);

export const productOrderSchema: Schema<ProductOrder> = object({
  code: nonEmptyString,
  quantity: integer(1),
  attributes: optional(record(attributeValue)),
});

const changeSchemas = {
  add: object({ op: literal('add'), product: productOrderSchema }),
  remove: object({ op: literal('remove'), productCode: nonEmptyString }),
  update: refine(
    object({
      op: literal('update'),
      productCode: nonEmptyString,
      quantity: optional(integer(1)),
      attributes: optional(record(attributeUpdate)),
    }),
    (u, path) =>
      u.quantity === undefined && u.attributes === undefined
        ? `${path}: an update needs a quantity or attributes`
        : null,
  ),
} as const;

/** One change of an amendment, checked by its `op`. */
export const changeSchema: Schema<ProductChange> = (value, path) => {
  const op = isPlainObject(value) ? value.op : undefined;
  // An own key only: an `op` named `constructor` or `toString` is no schema.
  const schema =
    typeof op === 'string' && Object.hasOwn(changeSchemas, op)
      ? changeSchemas[op as keyof typeof changeSchemas]
      : null;
  if (!schema) return `${path}.op: expected one of "add", "remove", "update", got ${describe(op)}`;
  return schema(value, path);
};

/** The changes of an amendment: at least one. */
export const changesSchema = refine(array(changeSchema), (list, path) =>
  list.length === 0 ? `${path}: expected at least one change` : null,
);

const intervalSchema: Schema<Interval> = object({ from: instant, to: optional(instant) });

export const productSchema: Schema<Product> = object({
  code: nonEmptyString,
  quantity: integer(1),
  attributes: optional(record(attributeValue)),
  status: literal(...PRODUCT_STATUSES),
  activatedAt: optional(instant),
  terminatedAt: optional(instant),
  terminationReason: optional(terminationReasonSchema),
  suspendedIntervals: optional(array(intervalSchema, { maxLength: HISTORY_WINDOW })),
  knownFrom: optional(instant),
});

/**
 * The products with only the last {@link HISTORY_WINDOW} TERMINATED ones: the oldest terminated
 * products leave first; live products always stay.
 */
export function keepTerminated(products: readonly Product[]): readonly Product[] {
  let over = -HISTORY_WINDOW;
  for (const p of products) if (p.status === 'TERMINATED') over += 1;
  if (over <= 0) return products;
  return products.filter((p) => p.status !== 'TERMINATED' || over-- <= 0);
}

/** The status a product added now starts in, and since when it is suspended if it is. */
export type NewProducts =
  | { readonly status: 'INACTIVE' | 'ACTIVE' }
  | { readonly status: 'SUSPENDED'; readonly since: string };

/** The index of the product with this code that is not TERMINATED, or -1. */
export function liveIndex(products: readonly Product[], code: string): number {
  return products.findIndex((p) => p.code === code && p.status !== 'TERMINATED');
}

/** Why `change` cannot apply to `products`, or `null` when it can. */
export function changeProblem(products: readonly Product[], change: ProductChange): string | null {
  if (change.op === 'add') {
    return liveIndex(products, change.product.code) === -1
      ? null
      : `product ${change.product.code} is already on the subscription`;
  }
  return liveIndex(products, change.productCode) === -1
    ? `product ${change.productCode} is not on the subscription`
    : null;
}

/** Closes the running interval, the last one, at `at` (never before it began). */
function closeAt(
  intervals: readonly Interval[] | undefined,
  at: string,
): readonly Interval[] | undefined {
  const last = intervals?.[intervals.length - 1];
  if (intervals === undefined || last === undefined || last.to !== undefined) return intervals;
  return withLast(intervals, (i) => ({ from: i.from, to: latest(i.from, at) }));
}

/** A product without the given optional fields, so that none is ever left `undefined`. */
function without(product: Product, ...keys: readonly (keyof Product)[]): Product {
  const out: Record<string, unknown> = { ...product };
  for (const key of keys) delete out[key];
  return out as unknown as Product;
}

/**
 * Ends a product on `date`: TERMINATED, with any running suspension closed, and the reason when the
 * subscription's end terminated it (opencell-core `ServiceInstanceService.terminateService`).
 */
export function terminated(product: Product, date: string, reason?: TerminationReason): Product {
  if (product.status === 'TERMINATED') return product;
  const intervals = closeAt(product.suspendedIntervals, date);
  const end = product.activatedAt === undefined ? date : latest(date, product.activatedAt);
  return {
    ...without(product, 'suspendedIntervals'),
    status: 'TERMINATED',
    terminatedAt: end,
    ...(reason === undefined ? {} : { terminationReason: reason }),
    ...(intervals ? { suspendedIntervals: intervals } : {}),
  };
}

function merged(
  attributes: Product['attributes'],
  updates: Readonly<Record<string, AttributeValue | null>>,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = { ...attributes };
  for (const [key, value] of Object.entries(updates)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

/** A product added on `date`, in the status products start in now. */
function added(order: ProductOrder, date: string, mode: NewProducts): Product {
  const product: Product = { ...order, status: mode.status };
  if (mode.status === 'SUSPENDED') {
    const suspendedIntervals = [{ from: latest(date, mode.since) }];
    return { ...product, activatedAt: date, suspendedIntervals };
  }
  return mode.status === 'ACTIVE' ? { ...product, activatedAt: date } : product;
}

/**
 * Applies one change on `date`. A change that does not fit (see {@link changeProblem}) leaves the
 * products as they are; the rules never let one through.
 */
export function applyChange(
  products: readonly Product[],
  change: ProductChange,
  date: string,
  mode: NewProducts,
): readonly Product[] {
  if (changeProblem(products, change) !== null) return products;
  if (change.op === 'add') return [...products, added(change.product, date, mode)];
  const index = liveIndex(products, change.productCode);
  return products.map((p, i) => {
    if (i !== index) return p;
    if (change.op === 'remove') return terminated(p, date);
    return {
      ...p,
      ...(change.quantity === undefined ? {} : { quantity: change.quantity }),
      ...(change.attributes === undefined
        ? {}
        : { attributes: merged(p.attributes, change.attributes) }),
    };
  });
}

/** The subscription's activation: every INACTIVE product becomes ACTIVE on `at`. */
export function activateAll(products: readonly Product[], at: string): readonly Product[] {
  return products.map((p) =>
    p.status === 'INACTIVE' ? { ...p, status: 'ACTIVE', activatedAt: at } : p,
  );
}

/**
 * A product suspended from `at`: one more suspended interval, of which it keeps the last
 * {@link HISTORY_WINDOW}; once older ones leave, `knownFrom` says where its intervals begin.
 */
function suspended(p: Product, at: string): Product {
  const all = [...(p.suspendedIntervals ?? []), { from: at }];
  if (all.length <= HISTORY_WINDOW) return { ...p, status: 'SUSPENDED', suspendedIntervals: all };
  const dropped = all[all.length - HISTORY_WINDOW - 1] as Interval;
  return {
    ...p,
    status: 'SUSPENDED',
    suspendedIntervals: all.slice(all.length - HISTORY_WINDOW),
    knownFrom: dropped.to ?? dropped.from,
  };
}

/**
 * Suspension suspends every ACTIVE product from `at` (opencell-core
 * SubscriptionService.subscriptionSuspension).
 */
export function suspendAll(products: readonly Product[], at: string): readonly Product[] {
  return products.map((p) => (p.status === 'ACTIVE' ? suspended(p, at) : p));
}

/** Reactivation re-activates the SUSPENDED products only, as Opencell's does. */
export function reactivateAll(products: readonly Product[], at: string): readonly Product[] {
  return products.map((p) =>
    p.status === 'SUSPENDED'
      ? { ...p, status: 'ACTIVE', suspendedIntervals: closeAt(p.suspendedIntervals, at) ?? [] }
      : p,
  );
}

/**
 * The end of the subscription ends every product that is not TERMINATED yet, on `date`, for
 * `reason`; the TERMINATED ones keep a window.
 */
export function terminateAll(
  products: readonly Product[],
  date: string,
  reason?: TerminationReason,
): readonly Product[] {
  return keepTerminated(products.map((p) => terminated(p, date, reason)));
}
