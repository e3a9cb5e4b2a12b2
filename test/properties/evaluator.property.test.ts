/**
 * The evaluator against XState: for at least 10,000 random commands per machine, the chart's part
 * of the step (src/core/evaluate.ts) must do exactly what XState's own `StateMachine.transition`
 * does with the same chart, from the same status and context, for the same admitted command: the
 * same status, context, emitted events, children spawned and messaged, and output. Creation too,
 * against XState's own `getInitialSnapshot`. A chart feature outside the evaluator's subset fails
 * at load or as an `UnsupportedFeature` here.
 */
import fc from 'fast-check';
import { execute, start } from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import {
  type ActorScope,
  type AnyStateMachine,
  createEmptyActor,
  type ExecutableActionObject,
  StateMachine,
} from 'xstate';
import { chartStep, create } from '../../src/core/step';
import { intent, materialise } from '../support/properties';
import { FULL_RUNS, runs } from '../support/runs';
import { SUBJECTS } from '../support/subjects';

const COMMANDS_PER_MACHINE = 10_000;
const RUN_LENGTH = 25;
const RUNS = runs(Math.ceil(COMMANDS_PER_MACHINE / RUN_LENGTH));

function scope(actions: ExecutableActionObject[]): ActorScope<never, never> {
  const self = createEmptyActor();
  return {
    self: self as never,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: (action) => {
      actions.push(action);
    },
  };
}

/** What XState's own actions say a step emitted, spawned and sent. */
function effectsOf(actions: readonly ExecutableActionObject[]) {
  const params = (a: ExecutableActionObject) => a.params as Record<string, unknown>;
  return {
    emitted: actions.filter((a) => a.type === 'xstate.emit').map((a) => params(a).event),
    spawned: actions.filter((a) => a.type === 'xstate.spawnChild').map((a) => params(a).id),
  };
}

/** XState's own interpretation of the chart: the prototype's methods, not the command machine's. */
const xstateTransition = StateMachine.prototype.transition;
const xstateInitial = StateMachine.prototype.getInitialSnapshot;

describe.each(SUBJECTS.map((s) => [s.name, s] as const))('%s', (_, { machine, inputs }) => {
  it(`agrees with XState on creation, and on ${RUNS * RUN_LENGTH} random commands`, () => {
    for (const input of inputs) {
      const actions: ExecutableActionObject[] = [];
      const theirs = xstateInitial.call(machine, scope(actions) as never, input) as {
        value: unknown;
        context: Record<string, unknown>;
      };
      const ours = create(machine, input);
      expect(theirs.value).toBe(ours.subject.status);
      expect({ ...theirs.context, audit: [] }).toEqual({ ...ours.subject.context, audit: [] });
      expect(effectsOf(actions).emitted).toEqual(ours.emitted.slice(1));
    }

    let compared = 0;
    let commands = 0;
    fc.assert(
      fc.property(
        fc.nat(inputs.length - 1),
        // Mostly well-formed commands, so most reach the chart; some bad ones keep refusals mixed in.
        fc.array(
          fc
            .tuple(intent, fc.nat(99))
            .map(([i, p]) => (p < 85 ? { ...i, mutation: 'none' as const } : i)),
          { minLength: RUN_LENGTH, maxLength: RUN_LENGTH },
        ),
        (which, intents) => {
          let snapshot = start(machine, inputs[which] as never);
          intents.forEach((i, n) => {
            const command = materialise(machine, snapshot, i, [], n);
            commands += 1;
            const subject = {
              status: snapshot.value as string,
              context: snapshot.context as never,
            };
            const step = chartStep(machine as AnyStateMachine, subject, command);
            if (step !== null) {
              compared += 1;
              const actions: ExecutableActionObject[] = [];
              const resolved = machine.resolveState({
                value: step.input.status,
                context: step.input.context as never,
              });
              const next = xstateTransition.call(
                machine,
                resolved,
                step.event as never,
                scope(actions) as never,
              ) as {
                value: unknown;
                status: string;
                output?: unknown;
                context: unknown;
              };
              const theirs = effectsOf(actions);
              expect(next.value).toBe(step.output.status);
              expect(next.context).toEqual(step.output.context);
              expect(theirs.emitted).toEqual(step.output.emitted);
              expect(theirs.spawned).toEqual(
                step.output.effects.filter((e) => e.kind === 'spawn').map((e) => e.id),
              );
              expect(next.status === 'done').toBe(step.output.done);
              if (step.output.done) expect(next.output).toEqual(step.output.output);
            }
            snapshot = execute(machine, snapshot, command as never).snapshot;
          });
        },
      ),
      { numRuns: RUNS },
    );
    expect(commands).toBeGreaterThanOrEqual(RUNS * RUN_LENGTH);
    // Many random commands are accepted, so the comparison covers the chart, not only refusals.
    if (FULL_RUNS) expect(compared).toBeGreaterThan(commands / 5);
    console.info(
      `${machine.id}: ${compared} accepted commands compared with XState, of ${commands}`,
    );
  });
});
