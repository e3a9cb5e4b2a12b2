/**
 * The edges that hostile and unusual input found, one repro each: keys named after
 * `Object.prototype` members, prototypes made by persist, actors and odd values, restore's
 * bookkeeping, revived terminated subscriptions, contradictions, and objects shared with the caller.
 */
import {
  execute,
  initial,
  persist,
  restore,
  restoreActor,
  SnapshotError,
  start,
  subscriptionMachine,
} from 'subscription-machines';
import { opencellSubscriptionMachine } from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { subscriptionInput } from '../support/connect';
import { retarget } from '../support/tamper';

const PR = 'PR-3071-1051-2166-001';
const approve = {
  type: 'request.approve' as const,
  requestId: PR,
  templateId: 'TL-1',
  params: [{ id: 'subscription_id', value: 'S-1' }],
  at: '2026-01-06T08:00:00Z',
  by: { role: 'vendor' as const },
};
const opencell = {
  code: 'SUB-42',
  offerCode: 'OF_BASIC',
  consumerId: 'CUST-1',
  at: '2026-01-05T09:00:00Z',
  by: { role: 'operator' },
  products: [{ code: 'PR_DATA', quantity: 1, attributes: { speed: '100M' } }],
} as const;
const activate = {
  type: 'subscription.activate',
  at: '2026-01-05T10:00:00Z',
  by: { role: 'operator' },
} as const;

function active() {
  const result = execute(
    subscriptionMachine,
    start(subscriptionMachine, subscriptionInput()),
    approve,
  );
  if (!result.ok) throw new Error(result.rejection.message);
  return result.snapshot;
}

describe('1. a payload key named after an Object.prototype member', () => {
  const ops = [
    'constructor',
    'hasOwnProperty',
    'valueOf',
    '__proto__',
    'isPrototypeOf',
    'toLocaleString',
  ];
  it.each(ops)(
    'an Opencell change { op: %s } is INVALID_COMMAND, and the actor keeps running',
    (op) => {
      const s = execute(
        opencellSubscriptionMachine,
        start(opencellSubscriptionMachine, opencell),
        activate,
      );
      if (!s.ok) throw new Error('setup');
      const bad = JSON.parse(
        `{"type":"amendment.submit","amendmentId":"AMD-1","effectiveDate":"2026-01-06T00:00:00Z","changes":[{"op":${JSON.stringify(op)}}],"at":"2026-01-06T00:00:00Z","by":{"role":"operator"}}`,
      );
      const result = execute(opencellSubscriptionMachine, s.snapshot, bad);
      expect(result.ok || result.rejection.code).toBe('INVALID_COMMAND');
      const actor = restoreActor(opencellSubscriptionMachine, persist(s.snapshot));
      const codes: string[] = [];
      actor.on('command.rejected', (e) => codes.push(e.rejection.code));
      actor.start();
      actor.send(bad);
      expect(codes).toEqual(['INVALID_COMMAND']);
      expect(actor.getSnapshot().status).toBe('active');
    },
  );
});

describe('2. strict schemas refuse own keys named constructor, toString, __proto__, __defineGetter__', () => {
  it.each(['constructor', 'toString', '__proto__', '__defineGetter__'])(
    '%s, in the envelope, by and params',
    (key) => {
      const snapshot = start(subscriptionMachine, subscriptionInput());
      const own = (json: string) =>
        JSON.parse(json.replace('}', `,${JSON.stringify(key)}:{"id":"x"}}`));
      const inEnvelope = JSON.parse(
        JSON.stringify(approve).replace(/}$/, `,${JSON.stringify(key)}:1}`),
      );
      const inBy = { ...approve, by: own('{"role":"vendor"}') };
      const inParams = { ...approve, params: [own('{"id":"subscription_id","value":"S-1"}')] };
      for (const command of [inEnvelope, inBy, inParams]) {
        const result = execute(subscriptionMachine, snapshot, command);
        expect(result.ok || result.rejection.code).toBe('INVALID_COMMAND');
      }
    },
  );
});

describe('3. persist never turns an own __proto__ key into a prototype', () => {
  it('a by with an own __proto__ is refused, so no audit entry can carry one', () => {
    const snapshot = start(subscriptionMachine, subscriptionInput());
    const spoof = { ...approve, by: JSON.parse('{"role":"vendor","__proto__":{"id":"spoofed"}}') };
    const result = execute(subscriptionMachine, snapshot, spoof);
    expect(result.ok || result.rejection.code).toBe('INVALID_COMMAND');
  });

  it('restore refuses an own __proto__ key anywhere, with its path', () => {
    const json = JSON.stringify(persist(active()));
    const tampered = json.replace(
      '"by":{"role":"vendor"}',
      '"by":{"role":"vendor","__proto__":{"id":"spoofed"}}',
    );
    expect(tampered).not.toBe(json);
    expect(() => restore(subscriptionMachine, tampered)).toThrow(SnapshotError);
    expect(() => restore(subscriptionMachine, tampered)).toThrow(
      /^context\.audit\[1\]\.by\.__proto__: /,
    );
  });
});

describe('4. odd values: the pure API refuses, an actor emits command.rejected and keeps running', () => {
  const values: [string, () => unknown][] = [
    ['an array', () => [approve]],
    ['a Date', () => new Date(0)],
    [
      'a Proxy whose ownKeys trap throws',
      () =>
        new Proxy(
          { ...approve },
          {
            ownKeys: () => {
              throw new Error('x');
            },
          },
        ),
    ],
    [
      'a getter that throws',
      () =>
        Object.defineProperty({ ...approve }, 'at', {
          enumerable: true,
          get: () => {
            throw new Error('x');
          },
        }),
    ],
  ];
  it.each(values)('%s', (_, value) => {
    const snapshot = start(subscriptionMachine, subscriptionInput());
    const result = execute(subscriptionMachine, snapshot, value() as never);
    expect(result.ok || result.rejection.code).toBe('INVALID_COMMAND');
    const actor = createActor(subscriptionMachine, { input: subscriptionInput() });
    const codes: string[] = [];
    actor.on('command.rejected', (e) => codes.push(e.rejection.code));
    actor.start();
    actor.send(value() as never);
    expect(codes).toEqual(['INVALID_COMMAND']);
    actor.send(approve);
    expect(actor.getSnapshot().value).toBe('active');
  });

  it('null and undefined are INVALID_COMMAND from execute', () => {
    const snapshot = start(subscriptionMachine, subscriptionInput());
    for (const value of [null, undefined])
      expect(execute(subscriptionMachine, snapshot, value as never)).toMatchObject({
        ok: false,
        rejection: { code: 'INVALID_COMMAND' },
      });
  });
});

describe('5. restore checks the bookkeeping', () => {
  const json = () => JSON.parse(JSON.stringify(persist(active())));
  const cases: [string, (j: ReturnType<typeof json>) => unknown, RegExp][] = [
    [
      'a version that does not match the audit',
      (j) => ({ ...j, context: { ...j.context, version: 3 } }),
      /^context\.audit: a subject at version 3/,
    ],
    [
      'an emptied audit',
      (j) => ({ ...j, context: { ...j.context, audit: [] } }),
      /^context\.audit: /,
    ],
    [
      'a reordered audit',
      (j) => ({ ...j, context: { ...j.context, audit: [...j.context.audit].reverse() } }),
      /^context\.audit\[0\]\.version: /,
    ],
    [
      'an entry going back in time',
      (j) => {
        const audit = j.context.audit.map((e: { at: string }, i: number) =>
          i === 1 ? { ...e, at: '2026-01-01T00:00:00Z' } : e,
        );
        return { ...j, context: { ...j.context, audit, updatedAt: '2026-01-01T00:00:00Z' } };
      },
      /^context\.audit\[1\]\.at: /,
    ],
    [
      "an updatedAt that is not the last entry's",
      (j) => ({ ...j, context: { ...j.context, updatedAt: '2026-01-07T00:00:00Z' } }),
      /^context\.updatedAt: /,
    ],
    [
      'a repeated commandId',
      (j) => {
        const audit = j.context.audit.map((e: object) => ({ ...e, commandId: 'c-1' }));
        return { ...j, context: { ...j.context, audit } };
      },
      /^context\.audit\[1\]\.commandId: "c-1" was accepted twice/,
    ],
  ];
  it.each(cases)('%s', (_, tamper, message) => {
    expect(() => restore(subscriptionMachine, tamper(json()))).toThrow(message);
  });

  it('a retried command is never applied twice: its id stays in the audit, which cannot be emptied', () => {
    const first = execute(subscriptionMachine, start(subscriptionMachine, subscriptionInput()), {
      ...approve,
      commandId: 'c-1',
    });
    if (!first.ok) throw new Error('setup');
    const again = execute(
      subscriptionMachine,
      restore(subscriptionMachine, persist(first.snapshot)),
      { ...approve, commandId: 'c-1' },
    );
    expect(again).toMatchObject({ ok: true, duplicate: true, emitted: [] });
  });
});

describe('6. a terminated Connect subscription does not come back to life', () => {
  it('editing only its status to active is refused; so is moving its last entry with it', () => {
    const cancel = {
      type: 'request.create',
      requestId: 'PR-2',
      requestType: 'cancel',
      at: '2026-01-07T00:00:00Z',
      by: { role: 'buyer' },
    } as const;
    const cancelled = execute(subscriptionMachine, active(), cancel);
    if (!cancelled.ok) throw new Error('setup');
    const done = execute(subscriptionMachine, cancelled.snapshot, {
      type: 'request.approve',
      requestId: 'PR-2',
      templateId: 'T',
      at: '2026-01-08T00:00:00Z',
      by: { role: 'vendor' },
    });
    if (!done.ok) throw new Error('setup');
    expect(done.snapshot.value).toBe('terminated');
    const json = persist(done.snapshot);
    expect(() => restore(subscriptionMachine, { ...json, status: 'active' })).toThrow(
      /^context\.audit: the last entry leads to terminated, not active/,
    );
    expect(() => restore(subscriptionMachine, retarget(json, 'active'))).toThrow(
      /^context\.audit\[\d+\]\.from|^context\.requests|^context\.audit/,
    );
  });
});

describe('7. facts that contradict each other', () => {
  const json = () => JSON.parse(JSON.stringify(persist(active())));
  it('a closed request id that repeats', () => {
    const j = json();
    j.context.requests = [j.context.requests[0], j.context.requests[0]];
    expect(() => restore(subscriptionMachine, j)).toThrow(
      /^context\.requests\[1\]\.id: .* closed twice/,
    );
  });
  it('an open request whose capabilities differ from the subscription’s', () => {
    const j = JSON.parse(JSON.stringify(persist(start(subscriptionMachine, subscriptionInput()))));
    j.request.context.capabilities.administrativeHold =
      !j.request.context.capabilities.administrativeHold;
    expect(() => restore(subscriptionMachine, j)).toThrow(
      /^request\.context\.capabilities: differ/,
    );
  });
  it('a pendingRequest that is also closed', () => {
    const j = JSON.parse(JSON.stringify(persist(start(subscriptionMachine, subscriptionInput()))));
    j.context.requests = [
      {
        id: PR,
        requestType: 'purchase',
        status: 'approved',
        createdAt: j.context.updatedAt,
        closedAt: j.context.updatedAt,
      },
    ];
    expect(() => restore(subscriptionMachine, j)).toThrow(/also the open request/);
  });
});

describe('8. snapshots share nothing with the caller', () => {
  it('changing a command or an input after the fact changes no stored state', () => {
    const input = subscriptionInput();
    const { snapshot } = initial(subscriptionMachine, input);
    const before = JSON.stringify(persist(snapshot));
    (input.items as unknown as { quantity: number }[])[0] = { id: 'SKU-A', quantity: 99 } as never;
    (input.by as { role: string }).role = 'vendor';
    expect(JSON.stringify(persist(snapshot))).toBe(before);

    const command = structuredClone(approve) as {
      by: { role: string; id?: string };
      params: { value: string }[];
    };
    const result = execute(subscriptionMachine, snapshot, command as never);
    if (!result.ok) throw new Error('setup');
    const after = JSON.stringify(persist(result.snapshot));
    command.by.id = 'mallory';
    (command.params[0] as { value: string }).value = 'changed';
    expect(JSON.stringify(persist(result.snapshot))).toBe(after);
  });

  it('Opencell attributes are copied', () => {
    const attributes = { speed: '1G' };
    const s = execute(
      opencellSubscriptionMachine,
      start(opencellSubscriptionMachine, opencell),
      activate,
    );
    if (!s.ok) throw new Error('setup');
    const change = {
      type: 'amendment.submit',
      amendmentId: 'AMD-1',
      effectiveDate: '2026-01-05T11:00:00Z',
      changes: [{ op: 'update', productCode: 'PR_DATA', attributes }],
      at: '2026-01-05T11:00:00Z',
      by: { role: 'operator' },
    } as const;
    const r = execute(opencellSubscriptionMachine, s.snapshot, change);
    if (!r.ok) throw new Error(r.rejection.message);
    const text = JSON.stringify(persist(r.snapshot));
    attributes.speed = '10G';
    expect(JSON.stringify(persist(r.snapshot))).toBe(text);
  });
});
