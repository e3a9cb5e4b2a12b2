/**
 * Tampered snapshots: every field of persisted snapshots of every machine, changed one at a time.
 *
 * `restore` either refuses the change with a `SnapshotError` whose message starts with a path, or
 * accepts a snapshot that persists back to exactly the JSON it was given (never half-valid). Changes
 * to the bookkeeping and to the facts that tie fields together must be refused.
 */
import { persist, restore, SnapshotError } from 'subscription-machines';
import { reachablePaths } from 'subscription-machines/testing';
import { describe, expect, it } from 'vitest';
import { SUBJECTS } from '../support/subjects';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** Every path to a value in `json`, containers included. */
function* paths(json: Json, path: Path = []): Generator<Path> {
  if (path.length > 0) yield path;
  if (Array.isArray(json)) for (const [i, v] of json.entries()) yield* paths(v, [...path, i]);
  else if (json !== null && typeof json === 'object')
    for (const [k, v] of Object.entries(json)) yield* paths(v, [...path, k]);
}

const get = (json: Json, path: Path): Json =>
  path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, json);

function set(json: Json, path: Path, value: Json | undefined): Json {
  const copy = structuredClone(json);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1] as string | number;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = value;
  return copy;
}

const INSTANT = /^\d{4}-\d\d-\d\dT/;
const dayLater = (at: string) => new Date(Date.parse(at) + 86_400_000).toISOString();

/** The changes tried at one path: other values of the same kind, and the value removed. */
function mutations(
  value: Json,
  statuses: readonly string[],
): { readonly name: string; readonly value: Json | undefined }[] {
  const out: { name: string; value: Json | undefined }[] = [{ name: 'removed', value: undefined }];
  if (typeof value === 'string') {
    out.push({ name: 'blank', value: '' }, { name: 'renamed', value: `${value}-x` });
    if (INSTANT.test(value)) out.push({ name: 'a day later', value: dayLater(value) });
    const other = statuses.find((s) => s !== value);
    if (statuses.includes(value) && other) out.push({ name: `status ${other}`, value: other });
  } else if (typeof value === 'number') {
    out.push({ name: '+1', value: value + 1 }, { name: '-1', value: value - 1 });
  } else if (typeof value === 'boolean') out.push({ name: 'flipped', value: !value });
  else if (Array.isArray(value) && value.length > 0) {
    out.push({ name: 'first repeated', value: [...value, value[0] as Json] });
    if (value.length > 1) out.push({ name: 'reversed', value: [...value].reverse() });
    out.push({ name: 'emptied', value: [] });
  } else if (value === null) out.push({ name: 'an object', value: {} });
  else out.push({ name: 'an extra key', value: { ...(value as object), extra: 1 } });
  return out;
}

const STRICT_AUDIT = String.raw`context\.audit(\[\d+\](\.(version|from|to))?)?|context\.(version|updatedAt)|status`;
const guarded = (...more: string[]) => new RegExp(`^(${[STRICT_AUDIT, ...more].join('|')})$`);
const REQUEST_STRICT = String.raw`request\.(status|context\.(id|subscriptionId|requestType|version|updatedAt|createdAt|audit(\[\d+\](\.(version|from|to))?)?|capabilities.*))`;

/** Paths (as `a.b[0].c`) whose every change must be refused, by machine. */
const GUARDED: Readonly<Record<string, RegExp>> = {
  subscriptionMachine: guarded(
    String.raw`context\.pendingRequest(\.(id|requestType|status|openedIn))?`,
    REQUEST_STRICT,
    String.raw`context\.requests`,
  ),
  fulfillmentRequestMachine: guarded(String.raw`context\.createdAt`),
  tierConfigRequestMachine: guarded(String.raw`context\.createdAt`),
  marketplaceOrderMachine: guarded(),
  marketplaceSubscriptionMachine: guarded(String.raw`context\.openOrder(\.orderType)?`),
  marketplaceAgreementMachine: guarded(String.raw`context\.openOrder(\.orderType)?`),
  // The versions are a window, so its first version may be any one (an imported DTO's, say); the
  // ones after it follow it.
  opencellSubscriptionMachine: guarded(
    String.raw`context\.(suspensions|versions\[[1-9]\d*\]\.version)`,
  ),
};

const label = (path: Path) =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

describe.each(SUBJECTS.map((t) => [t.name, t] as const))('%s: tampered snapshots', (_, target) => {
  const guardedPaths = GUARDED[target.name] as RegExp;
  const originals = target.inputs.flatMap((input) =>
    reachablePaths(target.machine, { input: input as never }).map(
      (p) => JSON.parse(JSON.stringify(persist(p.snapshot as never))) as Json,
    ),
  );
  const statuses = [...new Set(originals.map((o) => (o as { status: string }).status))];

  it('refuses or round-trips every change of every field; refuses every change of the bookkeeping', () => {
    let mutants = 0;
    let refused = 0;
    const leaks: string[] = [];
    for (const original of originals) {
      for (const path of paths(original)) {
        if (path[0] === 'schema' || path[0] === 'schemaVersion') continue;
        for (const mutation of mutations(get(original, path), statuses)) {
          const mutant = set(original, path, mutation.value);
          mutants += 1;
          let restored: unknown;
          try {
            restored = restore(target.machine, mutant);
          } catch (error) {
            expect(error).toBeInstanceOf(SnapshotError);
            expect((error as Error).message).toMatch(/^[\w$.[\]]+: |^request\./);
            refused += 1;
            continue;
          }
          expect(JSON.parse(JSON.stringify(persist(restored as never)))).toEqual(mutant);
          if (guardedPaths.test(label(path)))
            leaks.push(
              `${(original as { status: string }).status} ${label(path)} ${mutation.name}`,
            );
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(mutants).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(mutants / 3);
    console.info(
      `tamper ${target.name}: ${originals.length} snapshots, ${mutants} changes, ${refused} refused`,
    );
  });
});
