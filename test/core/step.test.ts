/**
 * One step, seen from inside: what `create`, `step`, `judge` and `chartStep` return for a small
 * chart. A refused step changes nothing and carries no events or effects; judging never runs the
 * chart; creating copies the input, runs the context factory (a function, an object or none) and
 * the entry actions on `xstate.init`, and records the creation. A delegated command runs the
 * parent's chart on the context its child's step advanced, after the host's policy guard judged it
 * once, on the context before.
 */
import { execute, start, subscriptionMachine } from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, assign, setup } from 'xstate';
import { bookkeepingShape, created } from '../../src/core/bookkeeping';
import { tickSpec } from '../../src/core/command';
import { UnsupportedFeature } from '../../src/core/evaluate';
import { commandMachine } from '../../src/core/machine';
import { literal, object } from '../../src/core/schema';
import type { MachineSpec } from '../../src/core/spec';
import { chartStep, create, judge, step } from '../../src/core/step';
import { ALL_ON, subscriptionCommands, subscriptionInput } from '../support/connect';
import { reachFrom } from '../support/rules';

const STATUSES = ['open', 'closed'] as const;
const ROLES = ['user', 'system'] as const;
const spec: MachineSpec = {
  schema: 'test/lid',
  schemaVersion: 1,
  statuses: STATUSES,
  finalStatuses: ['closed'],
  roles: ROLES,
  commands: {
    'lid.close': { payload: {}, roles: ['user'] },
    'lid.break': { payload: {}, roles: ['user'] },
    'clock.tick': tickSpec,
  },
  guards: {},
  context: object({ kind: literal('lid'), ...bookkeepingShape(STATUSES, ROLES) }),
  subjectIds: () => ({}),
};

const AT = '2026-03-01T10:00:00Z';
const by = { role: 'user' } as const;
const input = { at: AT, by };

type Config = Parameters<ReturnType<typeof setup>['createMachine']>[0];
/** A lid that opens and closes; `lid.break` runs an action that throws. */
function lid(config: Partial<Config> = {}, initial = 'open'): AnyStateMachine {
  const chart = setup({
    actions: {
      seen: assign(({ event }) => ({ seen: event.type })),
      snap: assign(() => {
        throw new Error('hinge');
      }),
    },
  }).createMachine({
    id: 'lid',
    description: 'A lid.',
    context: ({ input: i }: { input: unknown }) => ({ kind: 'lid', ...created(i as never) }),
    initial,
    output: ({ event }: { event: { output?: unknown } }) => event.output,
    states: {
      open: {
        description: 'Open.',
        on: {
          'lid.close': { target: 'closed' },
          'lid.break': { actions: 'snap' },
          'clock.tick': {},
        },
      },
      closed: {
        type: 'final',
        description: 'Closed.',
        output: () => ({ sealed: true }),
      },
    },
    ...config,
  } as never);
  return commandMachine(chart as unknown as AnyStateMachine, spec);
}

const machine = lid();
const opened = () => create(machine, input).subject;
const close = { type: 'lid.close', at: '2026-03-01T11:00:00Z', by };

describe('create', () => {
  it('records the creation: one audit entry, one audit.recorded event, no effects', () => {
    const out = create(machine, input);
    const entry = { version: 1, at: AT, by, command: 'create', from: null, to: 'open' };
    expect(out.verdict).toEqual({ kind: 'accepted' });
    expect(out.subject).toEqual({
      status: 'open',
      context: { kind: 'lid', version: 1, updatedAt: AT, audit: [entry] },
    });
    expect(out.emitted).toEqual([{ type: 'audit.recorded', entry }]);
    expect(out.effects).toEqual([]);
    expect(out.done).toBe(false);
    expect(out).not.toHaveProperty('output');
  });

  it('copies the input: the subject shares nothing with it', () => {
    const by2 = { role: 'user', id: 'u1' };
    const out = create(machine, { at: AT, by: by2 });
    const audit = (out.subject.context as { audit: readonly { by: unknown }[] }).audit;
    expect(audit[0]?.by).toEqual(by2);
    expect(audit[0]?.by).not.toBe(by2);
  });

  it('refuses an input that is not JSON data with a TypeError naming the machine and the field', () => {
    expect(() => create(machine, { at: AT, by, f: () => 1 })).toThrow(
      new TypeError('lid input.f: expected plain JSON data, got a function'),
    );
  });

  it('trusts an input the library built itself, without copying it', () => {
    const inner = { at: AT, by };
    const out = create(machine, inner, undefined, { trusted: true });
    expect((out.subject.context as { audit: readonly { by: unknown }[] }).audit[0]?.by).toBe(by);
  });

  it('runs entry actions on xstate.init', () => {
    const seeing = lid({ entry: 'seen' } as never);
    expect(create(seeing, input).subject.context).toMatchObject({ seen: 'xstate.init' });
  });

  it('takes a context given as an object, or none at all', () => {
    const fixed = lid({ context: { kind: 'lid', fixed: true } } as never);
    expect(create(fixed, input).subject.context).toMatchObject({ kind: 'lid', fixed: true });
    const bare = lid({ context: undefined } as never);
    expect(Object.keys(create(bare, input).subject.context)).toEqual(['audit']);
  });

  it('refuses a context factory that spawns', () => {
    const spawning = lid({
      context: ({ spawn }: { spawn: () => unknown }) => ({ child: spawn() }),
    } as never);
    expect(() => create(spawning, input)).toThrow(
      new UnsupportedFeature('spawn in a context factory is not supported'),
    );
  });

  it("is done at once, with the machine's output, when the first status is final", () => {
    const out = create(lid({}, 'closed'), input);
    expect(out.subject.status).toBe('closed');
    expect(out.done).toBe(true);
    expect(out.output).toEqual({ sealed: true });
  });
});

describe('step', () => {
  it('moves, records and emits for an accepted command, and carries no effects', () => {
    const out = step(machine, opened(), close);
    const entry = {
      version: 2,
      at: close.at,
      by,
      command: 'lid.close',
      from: 'open',
      to: 'closed',
    };
    expect(out.subject.status).toBe('closed');
    expect(out.emitted).toEqual([
      { type: 'audit.recorded', entry },
      { type: 'status.changed', from: 'open', to: 'closed', at: close.at },
    ]);
    expect(out.effects).toEqual([]);
    expect(out.done).toBe(true);
    expect(out.output).toEqual({ sealed: true });
  });

  it('changes nothing for a refused command: the same subject, no events, no effects, not done', () => {
    const subject = opened();
    const out = step(machine, subject, { ...close, by: { role: 'nobody' } });
    expect(out.verdict.kind).toBe('rejected');
    expect(out.subject).toBe(subject);
    expect(out.emitted).toEqual([]);
    expect(out.effects).toEqual([]);
    expect(out.done).toBe(false);
    expect(out).not.toHaveProperty('output');
  });

  it('throws when the chart fails while it runs (callers make that a refusal)', () => {
    expect(() => step(machine, opened(), { ...close, type: 'lid.break' })).toThrow('hinge');
  });
});

describe('judge', () => {
  it('answers admission only: it never runs the chart', () => {
    expect(judge(machine, opened(), { ...close, type: 'lid.break' })).toEqual({ kind: 'accepted' });
    expect(judge(machine, opened(), { ...close, by: { role: 'nobody' } }).kind).toBe('rejected');
  });
});

describe('chartStep (for the differential test)', () => {
  it("gives the chart's input and the evaluator's result for an accepted command", () => {
    const subject = opened();
    const out = chartStep(machine, subject, { ...close, extra: undefined });
    expect(out?.input).toEqual({ status: 'open', context: subject.context });
    expect(out?.event).toEqual(close);
    expect(out?.output).toMatchObject({ status: 'closed', done: true, emitted: [], effects: [] });
  });

  it('is null when admission refuses the command', () => {
    expect(chartStep(machine, opened(), { ...close, by: { role: 'nobody' } })).toBeNull();
  });
});

describe('a delegated command (the Connect subscription and its open request)', () => {
  const c = subscriptionCommands();
  const PR = subscriptionInput().purchaseRequestId;
  const approve = (requestId: string, params: { id: string; value: string }[] = []) =>
    c('request.approve', { requestId, templateId: 'TL-1', params });
  const active = () =>
    reachFrom(
      subscriptionMachine,
      start(subscriptionMachine, subscriptionInput({ capabilities: ALL_ON })),
      [approve(PR, [{ id: 'subscription_id', value: 'E1' }])],
    );
  const withOpen = (requestType: 'suspend' | 'change') =>
    reachFrom(subscriptionMachine, active(), [
      c('request.create', { requestId: 'PR-2', requestType } as never),
    ]);
  const subjectOf = (snapshot: { value: unknown; context: unknown }) =>
    ({ status: snapshot.value, context: snapshot.context }) as Parameters<typeof chartStep>[1];

  it("runs the chart on the context the child's step advanced: approving a suspend request suspends", () => {
    const out = chartStep(subscriptionMachine, subjectOf(withOpen('suspend')), approve('PR-2'));
    expect(out?.output.status).toBe('suspended');
    expect(out?.input.context).toMatchObject({ pendingRequest: { status: 'approved' } });
  });

  it("asks a host's policy guard once, on the subscription before the request moved", () => {
    const seen: unknown[] = [];
    const fickle = subscriptionMachine.provide({
      guards: {
        canApprove: ({ context }: { context: { pendingRequest?: { status: string } | null } }) => {
          seen.push(context.pendingRequest?.status);
          return context.pendingRequest?.status !== 'approved';
        },
      } as never,
    });
    const result = execute(fickle, withOpen('change') as never, approve('PR-2') as never);
    expect(result.ok).toBe(true);
    expect(seen).toEqual(['pending']);
    expect((result.snapshot as { value: unknown }).value).toBe('active');
  });
});
