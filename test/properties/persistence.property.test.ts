/**
 * `persist ∘ restore` is the identity on valid snapshots, for every machine: random walks of
 * accepted commands, and at every step the persisted JSON restores to a snapshot that persists to
 * the same text, and that goes on exactly as the original does.
 */
import fc from 'fast-check';
import { execute, persist, restore, start } from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { intent, materialise } from '../support/properties';
import { runs } from '../support/runs';
import { SUBJECTS } from '../support/subjects';

const text = (snapshot: unknown) => JSON.stringify(persist(snapshot as never));

describe.each(SUBJECTS.map((s) => [s.name, s] as const))('%s', (_, { machine, inputs }) => {
  it('persist ∘ restore is the identity, and the restored snapshot goes on as the original', () => {
    fc.assert(
      fc.property(
        fc.nat(inputs.length - 1),
        fc.array(
          intent.map((i) => ({ ...i, mutation: 'none' as const })),
          { minLength: 1, maxLength: 25 },
        ),
        (which, intents) => {
          let snapshot = start(machine, inputs[which] as never);
          intents.forEach((i, n) => {
            const json = text(snapshot);
            const restored = restore(machine, json);
            expect(text(restored)).toBe(json);
            expect(text(restore(machine, JSON.parse(json)))).toBe(json);
            const command = materialise(machine, snapshot, i, [], n);
            const original = execute(machine, snapshot, command as never);
            const again = execute(machine, restored, command as never);
            expect(again.ok).toBe(original.ok);
            expect(text(again.snapshot)).toBe(text(original.snapshot));
            if (original.ok && again.ok) expect(again.emitted).toEqual(original.emitted);
            snapshot = original.snapshot;
          });
        },
      ),
      { numRuns: runs(60) },
    );
  });
});
