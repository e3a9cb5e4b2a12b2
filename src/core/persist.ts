/**
 * Persistence in the library's own format, `{ schema, schemaVersion, status, context }`, which
 * does not depend on XState's internal snapshot layout and so survives XState upgrades.
 */
import { type Actor, type ActorOptions, type AnyStateMachine, createActor } from 'xstate';
import type { SnapshotOf, StatusOf } from './api';
import { auditProblem } from './bookkeeping';
import { chartAllows } from './chart';
import { type Compiled, compiledOf, isStatus, specOf } from './compiled';
import { snapshotOf } from './machine';
import { kindOf, plainCopy } from './plain';
import { isPlainObject } from './schema';
import type { AnyContext, MachineSpec, Subject } from './spec';

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

/** `true` when the keys are in ascending order already (the usual case: restored data). */
function sorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++)
    if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
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
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = canonical(value[i], `${path}[${i}]`);
    return out;
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (!sorted(keys)) keys.sort();
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const field = value[key];
      // An own `__proto__` key would become a prototype if assigned: never persist one.
      if (key === '__proto__') throw new SnapshotError(`${path}.${key}: cannot be persisted`);
      if (field !== undefined) out[key] = canonical(field, `${path}.${key}`);
    }
    return out;
  }
  throw new SnapshotError(`${path}: ${kindOf(value)} cannot be persisted as JSON`);
}

/** The persisted form of a subject of `spec`: `{ schema, schemaVersion, status, context, ... }`. */
export function persistSubject(spec: MachineSpec, subject: Subject): PersistedSnapshot {
  const { status } = subject;
  if (!isStatus(spec, status)) {
    throw new SnapshotError(
      `cannot persist a snapshot in ${JSON.stringify(status)}: not a status of ${spec.schema}`,
    );
  }
  const split = spec.persisted?.split(subject) ?? { context: subject.context, extra: {} };
  const extra = canonical(split.extra, 'snapshot') as Record<string, unknown>;
  return {
    schema: spec.schema,
    schemaVersion: spec.schemaVersion,
    status,
    context: canonical(split.context, 'context'),
    ...extra,
  };
}

/**
 * The snapshot in the library's persisted format: plain, canonical JSON data,
 * `{ schema, schemaVersion, status, context }` (and `request` for the Connect subscription). It is
 * a copy: changing it changes nothing in the snapshot.
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
  const subject = { status: snapshot.value as string, context: snapshot.context as AnyContext };
  return persistSubject(specOf(snapshot.machine), subject) as PersistedSnapshot<
    StatusOf<S['machine']>
  >;
}

/**
 * Why a persisted subject of `spec` is not valid, or `null`: its context's shape, its bookkeeping,
 * then the machine's own facts. Every message starts with the path of the problem, after `prefix`
 * (`request.` for the Connect subscription's open request).
 */
export function subjectProblem(
  compiled: Compiled,
  subject: Subject<unknown>,
  prefix: string,
): string | null {
  const { spec, chart } = compiled;
  const path = `${prefix}context`;
  const problem = spec.context(subject.context, path);
  if (problem) return problem;
  const context = subject.context as AnyContext;
  const audit = auditProblem(subject.status, context, path);
  if (audit) return audit;
  for (const [i, entry] of context.audit.entries()) {
    if (!chartAllows(chart, entry.from, entry.command, entry.to))
      return `${path}.audit[${i}]: ${entry.command} cannot lead from ${entry.from ?? 'creation'} to ${entry.to}`;
  }
  for (const invariant of spec.invariants ?? []) {
    const broken = invariant({ status: subject.status, context });
    if (broken) return `${prefix}${broken}`;
  }
  return null;
}

/**
 * Reads the persisted form of a subject of `spec` from untrusted JSON data (already a private
 * copy): the envelope, the status, then {@link subjectProblem}. Throws a {@link SnapshotError}
 * whose message starts with the path of the problem, prefixed with `prefix` (e.g. `request.`).
 */
export function readSubject(compiled: Compiled, data: unknown, prefix = ''): Subject {
  const { spec } = compiled;
  if (!isPlainObject(data))
    throw new SnapshotError(
      `${prefix ? prefix.slice(0, -1) : 'snapshot'}: a persisted snapshot must be a JSON object`,
    );
  if (data.schema !== spec.schema) {
    throw new SnapshotError(
      `${prefix}schema: this is a ${JSON.stringify(data.schema)} snapshot, not ${JSON.stringify(spec.schema)}`,
    );
  }
  if (data.schemaVersion !== spec.schemaVersion) {
    throw new SnapshotError(
      `${prefix}schemaVersion: ${JSON.stringify(data.schemaVersion)} is not supported by ${spec.schema} (expected ${spec.schemaVersion})`,
    );
  }
  const status = data.status;
  if (!isStatus(spec, status)) {
    throw new SnapshotError(
      `${prefix}status: ${JSON.stringify(status)} is not a status of ${spec.schema} (${spec.statuses.join(', ')})`,
    );
  }
  const known = ['schema', 'schemaVersion', 'status', 'context', ...(spec.persisted?.keys ?? [])];
  for (const key of Object.keys(data)) {
    if (!known.includes(key))
      throw new SnapshotError(`${prefix}${key}: is not a field of a ${spec.schema} snapshot`);
  }
  for (const key of known) {
    if (data[key] === undefined) throw new SnapshotError(`${prefix}${key}: is required`);
  }
  const joined = spec.persisted ? spec.persisted.join(data) : { context: data.context };
  if ('error' in joined) throw new SnapshotError(`${prefix}${joined.error}`);
  const problem = subjectProblem(compiled, { status, context: joined.context }, prefix);
  if (problem) throw new SnapshotError(problem);
  return { status, context: joined.context as AnyContext };
}

/**
 * Rebuilds a snapshot from {@link persist}'s output (an object or its JSON text). Throws a
 * {@link SnapshotError} naming the path of the problem: another machine's snapshot, another schema
 * version, an unknown status, a context that fails validation (an own `__proto__` key included),
 * bookkeeping that does not add up, or facts that contradict each other. It never returns a
 * half-valid snapshot, and the snapshot shares nothing with `json`.
 *
 * @example
 * ```ts
 * const snapshot = restore(subscriptionMachine, await db.get(subscriptionId));
 * const result = execute(subscriptionMachine, snapshot, command);
 * ```
 */
export function restore<M extends AnyStateMachine>(machine: M, json: unknown): SnapshotOf<M> {
  const compiled = compiledOf(machine);
  const { spec } = compiled;
  let data: unknown;
  if (typeof json === 'string') {
    // Parsed here, the data is already private and JSON: the schemas refuse forbidden keys.
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new SnapshotError(`not valid JSON: ${(error as Error).message}`);
    }
  } else {
    // The caller's object: copied first, so that the snapshot shares nothing with it.
    const copied = plainCopy(json, 'snapshot');
    if (!copied.ok) throw new SnapshotError(copied.message.replace(/^snapshot\./, ''));
    data = copied.value;
  }
  const subject = readSubject(compiled, data);
  const final = spec.finalStatuses.includes(subject.status);
  const children = spec.children?.(subject) ?? {};
  return snapshotOf(
    machine,
    subject,
    children,
    final ? spec.output?.(subject) : undefined,
  ) as SnapshotOf<M>;
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
