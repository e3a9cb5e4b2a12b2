/**
 * Persistence in the library's own format, `{ schema, schemaVersion, status, context }`, which
 * does not depend on XState's internal snapshot layout and so survives XState upgrades.
 */
import { type Actor, type ActorOptions, type AnyStateMachine, createActor } from 'xstate';
import type { SnapshotOf, StatusOf } from './api';
import { specOf } from './compiled';
import { isPlainObject } from './schema';
import type { AnyContext } from './spec';

/**
 * A snapshot could not be persisted or restored; the message says exactly what is wrong.
 *
 * @example
 * ```ts
 * try {
 *   snapshot = restore(subscriptionMachine, row.json);
 * } catch (error) {
 *   if (error instanceof SnapshotError) quarantine(row, error.message);
 *   else throw error;
 * }
 * ```
 */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

/** The persisted form of a snapshot: plain JSON. Platforms may add top-level fields (`request`). */
export interface PersistedSnapshot<Status extends string = string> {
  /** Which machine wrote it, e.g. `subscription-machines/connect.subscription`. */
  readonly schema: string;
  readonly schemaVersion: number;
  readonly status: Status;
  readonly context: unknown;
  readonly [extra: string]: unknown;
}

/**
 * A canonical deep copy: object keys sorted, `undefined` properties dropped. The same snapshot
 * always gives the same JSON text, however its context was built.
 */
function canonical(value: unknown, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new SnapshotError(`${path}: ${value} cannot be persisted as JSON`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => canonical(item, `${path}[${i}]`));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (value[key] !== undefined) out[key] = canonical(value[key], `${path}.${key}`);
    }
    return out;
  }
  throw new SnapshotError(`${path}: a ${typeof value} cannot be persisted as JSON`);
}

/**
 * The snapshot in the library's persisted format: plain, canonical JSON data,
 * `{ schema, schemaVersion, status, context }` (and `request` for the Connect subscription).
 *
 * @example
 * ```ts
 * await db.put(subscriptionId, JSON.stringify(persist(snapshot)));
 * ```
 */
export function persist<
  S extends {
    readonly value: unknown;
    readonly context: unknown;
    readonly machine: AnyStateMachine;
  },
>(snapshot: S): PersistedSnapshot<StatusOf<S['machine']>> {
  const spec = specOf(snapshot.machine);
  const status = snapshot.value;
  if (typeof status !== 'string' || !spec.statuses.includes(status)) {
    throw new SnapshotError(
      `cannot persist a snapshot in ${JSON.stringify(status)}: not a status of ${spec.schema}`,
    );
  }
  const context = snapshot.context as AnyContext;
  const split = spec.persisted?.split(context) ?? { context, extra: {} };
  const extra = canonical(split.extra, 'snapshot') as Record<string, unknown>;
  return {
    schema: spec.schema,
    schemaVersion: spec.schemaVersion,
    status: status as StatusOf<S['machine']>,
    context: canonical(split.context, 'context'),
    ...extra,
  };
}

function parse(json: unknown): Record<string, unknown> {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new SnapshotError(`not valid JSON: ${(error as Error).message}`);
    }
  }
  if (!isPlainObject(data)) throw new SnapshotError('a persisted snapshot must be a JSON object');
  return data;
}

/**
 * Rebuilds a snapshot from {@link persist}'s output (an object or its JSON text). Throws a
 * {@link SnapshotError} naming the problem for another machine's snapshot, another schema version,
 * an unknown status, or a context that fails validation; never returns a half-valid snapshot.
 *
 * @example
 * ```ts
 * const snapshot = restore(subscriptionMachine, await db.get(subscriptionId));
 * const result = execute(subscriptionMachine, snapshot, command);
 * ```
 */
export function restore<M extends AnyStateMachine>(machine: M, json: unknown): SnapshotOf<M> {
  const spec = specOf(machine);
  const data = parse(json);
  if (data.schema !== spec.schema) {
    throw new SnapshotError(
      `schema: this is a ${JSON.stringify(data.schema)} snapshot, not ${JSON.stringify(spec.schema)}`,
    );
  }
  if (data.schemaVersion !== spec.schemaVersion) {
    throw new SnapshotError(
      `schemaVersion: ${JSON.stringify(data.schemaVersion)} is not supported by ${spec.schema} (expected ${spec.schemaVersion})`,
    );
  }
  const status = data.status;
  if (typeof status !== 'string' || !spec.statuses.includes(status)) {
    throw new SnapshotError(
      `status: ${JSON.stringify(status)} is not a status of ${spec.schema} (${spec.statuses.join(', ')})`,
    );
  }
  const known = ['schema', 'schemaVersion', 'status', 'context', ...(spec.persisted?.keys ?? [])];
  for (const key of Object.keys(data)) {
    if (!known.includes(key))
      throw new SnapshotError(`${key}: is not a field of a ${spec.schema} snapshot`);
  }
  const joined = spec.persisted ? spec.persisted.join(data) : { context: data.context };
  if ('error' in joined) throw new SnapshotError(joined.error);
  const problem = spec.context(joined.context, 'context');
  if (problem) throw new SnapshotError(problem);
  // Validated plain JSON data: a JSON round trip is an exact copy that never aliases the caller's.
  const context = JSON.parse(JSON.stringify(joined.context)) as AnyContext;
  const invariant = spec.invariants?.({ status, context });
  if (invariant) throw new SnapshotError(invariant);
  const final = spec.finalStatuses.includes(status);
  const resolved = machine.resolveState({
    value: status,
    context,
    ...(final && spec.output ? { output: spec.output({ status, context }) } : {}),
  });
  const children = spec.children?.({ status, context }) ?? {};
  return { ...resolved, children } as SnapshotOf<M>;
}

/**
 * An actor resumed from a persisted snapshot: `createActor(machine, { snapshot: restore(machine, json) })`
 * without XState's typing demanding an `input` the snapshot already settled. A live child (the
 * Connect subscription's open request) comes back with it. Call `.start()` as usual.
 *
 * @example
 * const actor = restoreActor(subscriptionMachine, await db.load(id)).start();
 */
export function restoreActor<M extends AnyStateMachine>(
  machine: M,
  json: unknown,
  options: Omit<ActorOptions<M>, 'snapshot' | 'input'> = {},
): Actor<M> {
  return createActor(machine, {
    ...options,
    snapshot: restore(machine, json),
  } as never) as Actor<M>;
}
