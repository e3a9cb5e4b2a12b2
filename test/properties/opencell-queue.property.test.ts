/**
 * The Opencell amendment queue under random interleavings of submit, tick, suspend and
 * reactivate (docs/opencell.md): an amendment applies exactly once, at or after its date, in date
 * order; applying amendments never changes the status; nothing throws; a rejected command leaves
 * the persisted snapshot byte-identical; version and audit grow together; an actor agrees.
 */
import fc from 'fast-check';
import { execute, persist, start } from 'subscription-machines';
import {
  opencellSubscriptionMachine as machine,
  type OpencellCommand,
  type ProductChange,
} from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { formatInstant, parseInstant } from '../../src/core/time';
import { runs } from '../support/runs';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const operator = { role: 'operator' } as const;
const system = { role: 'system' } as const;
const input = {
  code: 'SUB-P',
  offerCode: 'OF',
  consumerId: 'C',
  at: formatInstant(T0),
  by: operator,
  products: [
    { code: 'P1', quantity: 1 },
    { code: 'P2', quantity: 1 },
  ],
};

const code = fc.constantFrom('P1', 'P2', 'P3', 'P4');
const change: fc.Arbitrary<ProductChange> = fc.oneof(
  code.map((c) => ({ op: 'add' as const, product: { code: c, quantity: 1 } })),
  code.map((c) => ({ op: 'remove' as const, productCode: c })),
  fc
    .tuple(code, fc.integer({ min: 1, max: 9 }))
    .map(([c, quantity]) => ({ op: 'update' as const, productCode: c, quantity })),
);

type Step =
  | { kind: 'submit'; reuse: number | null; inDays: number; changes: ProductChange[] }
  | { kind: 'tick' | 'suspend' | 'reactivate' };
const step: fc.Arbitrary<{ hours: number; step: Step }> = fc.record({
  hours: fc.integer({ min: 0, max: 96 }),
  step: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('submit' as const),
        // Now and then an id used before, which must be refused.
        reuse: fc.oneof(
          { weight: 9, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.nat(30) },
        ),
        // Mostly future-dated, sometimes immediate.
        inDays: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
        changes: fc.array(change, { minLength: 1, maxLength: 3 }),
      }),
    },
    { weight: 3, arbitrary: fc.constant({ kind: 'tick' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'suspend' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'reactivate' as const }) },
  ),
});

function commandOf(s: Step, now: number, i: number): OpencellCommand {
  const at = formatInstant(now);
  if (s.kind === 'submit') {
    return {
      type: 'amendment.submit',
      at,
      by: operator,
      amendmentId: `AMD-${s.reuse ?? i}`,
      effectiveDate: formatInstant(now + s.inDays * 24 * HOUR),
      changes: s.changes,
    };
  }
  if (s.kind === 'tick') return { type: 'clock.tick', at, by: system };
  return { type: `subscription.${s.kind}`, at, by: operator };
}

const ms = (text: string) => parseInstant(text) ?? Number.NaN;

describe('the Opencell amendment queue (property)', () => {
  it('applies each accepted amendment exactly once, on or after its date, in date order', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40, size: 'max' }), (steps) => {
        let now = T0;
        let s = start(machine, input);
        s = execute(machine, s, {
          type: 'subscription.activate',
          at: input.at,
          by: operator,
        }).snapshot;
        const actor = createActor(machine, { snapshot: s, input }).start();
        const submitted = new Set<string>();
        const run = (command: OpencellCommand) => {
          const before = JSON.stringify(persist(s));
          const result = execute(machine, s, command);
          actor.send(command);
          const after = result.snapshot;
          if (!result.ok) expect(JSON.stringify(persist(after))).toBe(before);
          else if (command.type === 'amendment.submit') submitted.add(command.amendmentId);
          if (command.type === 'amendment.submit' || command.type === 'clock.tick')
            expect(after.value).toBe(s.value);
          expect(after.context.version).toBe(after.context.audit.length);
          const grew = after.context.version - s.context.version;
          expect(grew).toBe(after === s ? 0 : 1);
          for (const a of after.context.amendments.slice(s.context.amendments.length)) {
            expect(a.closedAt).toBe(command.at);
            expect(ms(a.effectiveDate)).toBeLessThanOrEqual(ms(command.at));
          }
          s = after;
        };
        for (const [i, { hours, step: next }] of steps.entries()) {
          now += hours * HOUR;
          run(commandOf(next, now, i));
        }
        run({ type: 'clock.tick', at: formatInstant(now + 60 * 24 * HOUR), by: system });

        const { pendingAmendments, amendments } = s.context;
        expect(pendingAmendments).toEqual([]);
        expect(amendments.map((a) => a.amendmentId).sort()).toEqual([...submitted].sort());
        expect(amendments.every((a) => a.outcome === 'applied')).toBe(true);
        const dates = amendments.map((a) => ms(a.effectiveDate));
        expect(dates).toEqual([...dates].sort((a, b) => a - b));
        expect(persist(actor.getSnapshot())).toEqual(persist(s));
        actor.stop();
      }),
      { numRuns: runs(200) },
    );
  });
});
