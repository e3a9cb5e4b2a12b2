/**
 * The command step against bare XState: `execute`, an actor, a JSON round trip and `can`, each next
 * to its contender, over a busy year of a Connect subscription (bench/busy-year.ts).
 */
import { createActor, transition } from 'xstate';
import type { SubscriptionCommand } from '../src/index';

import { bareActorYear, bareMachine, commands, input, reduce, reducerStart } from './busy-year';
import { type Contender, measure, table } from './harness';
import { lib } from './library';

const { can, execute, initial, persist, restore, subscriptionMachine } = lib;

const N = commands.length;
const first = initial(subscriptionMachine, input).snapshot;
/** The snapshot before each command, and its JSON. */
const before = (() => {
  const out = [first];
  let s = first;
  for (const c of commands) {
    const r = execute(subscriptionMachine, s, c);
    if (!r.ok) throw new Error(`the year is refused at ${c.type}: ${r.rejection.message}`);
    s = r.snapshot;
    out.push(s);
  }
  return out;
})();
const texts = before.map((s) => JSON.stringify(persist(s)));
const bareStart = createActor(bareMachine).getSnapshot();

export async function stepBench(): Promise<string> {
  // Every contender walks the same year to the same end.
  let r = reducerStart();
  for (const c of commands) r = reduce(r, c);
  let b = bareStart;
  for (const c of commands) [b] = transition(bareMachine, b, c as never);
  const end = before[N] as (typeof before)[number];
  if (r.context.version !== end.context.version || b.context.version !== end.context.version)
    throw new Error(
      `contenders disagree: ${r.context.version}, ${b.context.version}, ${end.context.version}`,
    );

  const contenders: Contender[] = [
    {
      name: 'hand-written reducer',
      ops: N,
      run: () => {
        let s = reducerStart();
        for (const c of commands) s = reduce(s, c);
      },
    },
    {
      name: 'bare XState transition()',
      ops: N,
      run: () => {
        let s = bareStart;
        for (const c of commands) [s] = transition(bareMachine, s, c as never);
      },
    },
    {
      name: 'execute()',
      ops: N,
      run: () => {
        let s = first;
        for (const c of commands) {
          const x = execute(subscriptionMachine, s, c);
          if (x.ok) s = x.snapshot;
        }
      },
    },
    { name: 'bare XState actor, a child actor per request', ops: N, run: bareActorYear },
    {
      name: 'actor.send',
      ops: N,
      run: () => {
        const a = createActor(subscriptionMachine, { input }).start();
        for (const c of commands) a.send(c);
        a.stop();
      },
    },
    {
      name: 'JSON → restore → execute → persist → JSON',
      ops: N,
      run: () => {
        for (let i = 0; i < N; i++) {
          const x = execute(
            subscriptionMachine,
            restore(subscriptionMachine, texts[i] as string),
            commands[i] as SubscriptionCommand,
          );
          if (x.ok) JSON.stringify(persist(x.snapshot));
        }
      },
    },
    {
      // What any JSON round trip costs before the library does anything: the floor of the row above.
      name: 'JSON.parse + JSON.stringify of the snapshot alone',
      ops: N,
      run: () => {
        for (let i = 0; i < N; i++) JSON.stringify(JSON.parse(texts[i] as string));
      },
    },
    {
      name: 'can()',
      ops: N,
      run: () => {
        for (let i = 0; i < N; i++)
          can(subscriptionMachine, before[i] as never, commands[i] as SubscriptionCommand);
      },
    },
  ];
  const us = await measure(contenders);
  const t = (name: string) => us.get(name) as number;
  const bare = t('bare XState transition()');
  const bareActor = t('bare XState actor, a child actor per request');
  return [
    `The command step: ${N} commands of a busy year of a Connect subscription (ratio: contender time ÷ ours, higher is faster).`,
    '',
    table([
      { name: 'hand-written reducer', us: t('hand-written reducer'), against: bare },
      { name: 'bare XState transition()', us: bare, label: '1.00×' },
      { name: 'execute() vs bare transition()   (target ≥ 3×)', us: t('execute()'), against: bare },
      { name: 'bare XState actor, a child actor per request', us: bareActor, label: '1.00×' },
      {
        name: 'actor.send vs the bare actor     (target ≥ 0.7×)',
        us: t('actor.send'),
        against: bareActor,
      },
      {
        name: 'JSON round trip vs bare transition() (target ≥ 0.5×)',
        us: t('JSON → restore → execute → persist → JSON'),
        against: bare,
      },
      {
        name: '  of which JSON.parse + JSON.stringify alone',
        us: t('JSON.parse + JSON.stringify of the snapshot alone'),
        against: bare,
      },
      { name: 'can() vs bare transition()       (target ≥ 10×)', us: t('can()'), against: bare },
    ]),
  ].join('\n');
}
