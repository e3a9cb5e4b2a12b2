/**
 * Amendment orders and their queue (the Opencell docs' amendment use cases), as pure functions.
 *
 * The queue is kept in application order: by `effectiveDate`, then by submission. An amendment
 * dated at or before its `at` applies at once, together with every pending one dated at or before
 * it, so amendments always apply in date order. A submission or cancellation that would leave a
 * pending amendment unable to apply is refused, so a scheduled change never fails when it fires.
 */
import { atOrBefore } from './dates';
import { applyChange, changeProblem, keepTerminated, type NewProducts } from './products';
import type {
  ClosedAmendment,
  PendingAmendment,
  Product,
  ProductChange,
  Suspension,
} from './subscription.types';
import { appendKept } from './window';

/** An amendment as a command asks for it; direct product actions have no `amendmentId`. */
export interface AmendmentDraft {
  readonly amendmentId?: string;
  readonly effectiveDate: string;
  readonly changes: readonly ProductChange[];
}

/** The amendment fields of a subscription's context. */
export interface AmendmentState {
  readonly products: readonly Product[];
  readonly pendingAmendments: readonly PendingAmendment[];
  readonly amendments: readonly ClosedAmendment[];
}

/** The status products added now start in, from the subscription's status. */
export type AmendedStatus = 'CREATED' | 'ACTIVE' | 'SUSPENDED';

/** A state after amendments applied, and the amendments that applied, in order. */
export interface Applied<S> {
  readonly state: S;
  readonly applied: readonly PendingAmendment[];
}

/** Where a queue would fail: the amendment (absent for a direct action) and the change. */
export interface QueueProblem {
  readonly amendmentId?: string;
  readonly change: number;
  readonly message: string;
}

/** Inserts `amendment` after every pending one dated at or before it (stable by submission). */
export function enqueue<T extends { readonly effectiveDate: string }>(
  queue: readonly T[],
  amendment: T,
): readonly T[] {
  const index = queue.findIndex((p) => !atOrBefore(p.effectiveDate, amendment.effectiveDate));
  return index === -1
    ? [...queue, amendment]
    : [...queue.slice(0, index), amendment, ...queue.slice(index)];
}

/** Products as added now: INACTIVE before activation, SUSPENDED since the running suspension. */
export function newProducts(
  status: AmendedStatus,
  suspensions: readonly Suspension[],
): NewProducts {
  if (status === 'CREATED') return { status: 'INACTIVE' };
  const since = suspensions[suspensions.length - 1]?.from;
  return status === 'SUSPENDED' && since !== undefined
    ? { status: 'SUSPENDED', since }
    : { status: 'ACTIVE' };
}

/** Applies the changes in order, each on `date`. */
export function applyChanges(
  products: readonly Product[],
  changes: readonly ProductChange[],
  date: string,
  mode: NewProducts,
): readonly Product[] {
  return changes.reduce((out, change) => applyChange(out, change, date, mode), products);
}

/**
 * The first change that would not apply if the amendments ran in order from `products`, or `null`.
 * Only whether each product is on the subscription matters, so the dates and statuses do not.
 */
export function queueProblem(
  products: readonly Product[],
  queue: readonly AmendmentDraft[],
): QueueProblem | null {
  let current = products;
  for (const { amendmentId, effectiveDate, changes } of queue) {
    for (const [change, item] of changes.entries()) {
      const message = changeProblem(current, item);
      if (message !== null)
        return amendmentId === undefined ? { change, message } : { amendmentId, change, message };
      current = applyChange(current, item, effectiveDate, { status: 'ACTIVE' });
    }
  }
  return null;
}

/** Why `draft` would leave some change unable to apply, once in its place in the queue, or `null`. */
export function draftProblem(state: AmendmentState, draft: AmendmentDraft): QueueProblem | null {
  const queue: readonly AmendmentDraft[] = state.pendingAmendments;
  return queueProblem(state.products, enqueue(queue, draft));
}

/**
 * Applies, on their own dates, the pending amendments dated at or before `cutoff`, and records
 * them as applied at `at` (the closed amendments keep a window). Each leaves the queue as it
 * applies, so none applies twice.
 */
export function applyDue<S extends AmendmentState>(
  state: S,
  cutoff: string,
  at: string,
  mode: NewProducts,
): Applied<S> {
  const queue = state.pendingAmendments;
  const end = queue.findIndex((p) => !atOrBefore(p.effectiveDate, cutoff));
  const due = end === -1 ? queue : queue.slice(0, end);
  if (due.length === 0) return { state, applied: [] };
  const products = due.reduce(
    (out, p) => applyChanges(out, p.changes, p.effectiveDate, mode),
    state.products,
  );
  return {
    state: {
      ...state,
      products: keepTerminated(products),
      pendingAmendments: queue.slice(due.length),
      amendments: appendKept(
        state.amendments,
        ...due.map((p): ClosedAmendment => ({ ...p, outcome: 'applied', closedAt: at })),
      ),
    },
    applied: due,
  };
}

/**
 * Submits `draft` at `at`: an amendment joins the queue, and applies now with everything before it
 * when it is dated at or before `at`; a direct action applies now, after the pending ones due by
 * its date.
 */
export function submitAmendment<S extends AmendmentState>(
  state: S,
  draft: AmendmentDraft,
  at: string,
  mode: NewProducts,
): Applied<S> {
  if (draft.amendmentId === undefined) {
    const caughtUp = applyDue(state, draft.effectiveDate, at, mode);
    const products = applyChanges(
      caughtUp.state.products,
      draft.changes,
      draft.effectiveDate,
      mode,
    );
    return { ...caughtUp, state: { ...caughtUp.state, products: keepTerminated(products) } };
  }
  const pending: PendingAmendment = {
    amendmentId: draft.amendmentId,
    effectiveDate: draft.effectiveDate,
    changes: draft.changes,
    submittedAt: at,
  };
  const queued = { ...state, pendingAmendments: enqueue(state.pendingAmendments, pending) };
  return atOrBefore(draft.effectiveDate, at)
    ? applyDue(queued, draft.effectiveDate, at, mode)
    : { state: queued, applied: [] };
}

/** Takes pending amendments out of the queue unapplied, recorded with `outcome` at `at`. */
export function closePending<S extends AmendmentState>(
  state: S,
  outcome: 'canceled' | 'discarded',
  at: string,
  which: (amendment: PendingAmendment) => boolean = () => true,
): S {
  const closed = state.pendingAmendments.filter(which);
  if (closed.length === 0) return state;
  return {
    ...state,
    pendingAmendments: state.pendingAmendments.filter((p) => !which(p)),
    amendments: appendKept(
      state.amendments,
      ...closed.map((p): ClosedAmendment => ({ ...p, outcome, closedAt: at })),
    ),
  };
}

/**
 * True when an amendment with this id was submitted: pending, or closed within the window (an
 * older reuse is for the host's history to catch).
 */
export function amendmentIdUsed(state: AmendmentState, amendmentId: string): boolean {
  return (
    state.pendingAmendments.some((p) => p.amendmentId === amendmentId) ||
    state.amendments.some((a) => a.amendmentId === amendmentId)
  );
}
