/**
 * `serializationDepthLimit`: `@statelyai/inspect`'s default (10) cuts a Connect subscription's audit
 * to "[...]" in the browser inspector; SERIALIZATION_DEPTH_LIMIT, which `npm run inspect` sets and
 * docs/inspector.md recommends, keeps every entry, in the browser inspector and through the relay.
 */
import {
  createBrowserInspector,
  createWebSocketInspector,
  createWebSocketReceiver,
  type StatelyInspectionEvent,
} from '@statelyai/inspect';
import { afterEach, describe, expect, it } from 'vitest';
import type { InspectionEvent } from 'xstate';
import { tellStory } from '../../examples/story';
import {
  type InspectorServer,
  RELAYED_EVENTS,
  SERIALIZATION_DEPTH_LIMIT,
  startInspectorServer,
} from '../../scripts/inspect-server';

type BrowserWindow = NonNullable<
  NonNullable<Parameters<typeof createBrowserInspector>[0]>['window']
>;

interface Carried {
  readonly type: string;
  readonly snapshot?: {
    readonly context?: { readonly version?: number; readonly audit?: unknown };
  };
}

async function until(done: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The events that carry a machine's context (actors and snapshots). */
const withContext = (events: readonly Carried[]) =>
  events.filter((e) => e.snapshot?.context?.version !== undefined);

/**
 * What `createBrowserInspector` posts to the inspector's window for the demo's story, with a window
 * that stands in for the browser's: the inspector opens it, and it says it is ready.
 */
async function browserInspectorEvents(serializationDepthLimit?: number): Promise<Carried[]> {
  const posted: Carried[] = [];
  const listeners: ((message: { data: unknown }) => void)[] = [];
  const target = { postMessage: (event: Carried) => posted.push(event) };
  const window = {
    open: () => target,
    addEventListener: (_: string, listener: (message: { data: unknown }) => void) =>
      listeners.push(listener),
  };
  const inspector = createBrowserInspector({
    window: window as unknown as BrowserWindow,
    ...(serializationDepthLimit === undefined ? {} : { serializationDepthLimit }),
  });
  let sent = 0;
  tellStory({
    inspect: (e: InspectionEvent) => {
      if (RELAYED_EVENTS.has(e.type)) sent += 1;
      inspector.inspect.next?.(e);
    },
    log: () => {},
  });
  for (const listener of listeners) listener({ data: { type: '@statelyai.connected' } });
  await until(() => posted.length >= sent);
  return posted;
}

describe('serializationDepthLimit', () => {
  it("is needed: the browser inspector's default cuts the subscription's audit, its 11th key", async () => {
    const subscription = withContext(await browserInspectorEvents()).find(
      (e) => e.snapshot?.context?.version === 16,
    );
    expect(subscription?.snapshot?.context?.audit).toBe('[...]');
  });

  it('keeps every audit entry in the browser inspector', async () => {
    const events = withContext(await browserInspectorEvents(SERIALIZATION_DEPTH_LIMIT));
    expect(events.length).toBeGreaterThan(30);
    for (const e of events) {
      const { audit, version } = e.snapshot?.context ?? {};
      expect(Array.isArray(audit) ? audit.length : audit).toBe(version);
    }
    expect(JSON.stringify(events)).not.toContain('"[...]"');
  });

  describe('through the relay of npm run inspect', () => {
    let server: InspectorServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    it('keeps every audit entry of every actor and snapshot event', async () => {
      server = await startInspectorServer({ port: 0 });
      const inspector = createWebSocketInspector({
        url: server.ws,
        maxDeferredEvents: 100_000,
        serializationDepthLimit: SERIALIZATION_DEPTH_LIMIT,
      });
      await server.connected();
      let sent = 0;
      tellStory({
        inspect: (e) => {
          if (RELAYED_EVENTS.has(e.type)) sent += 1;
          inspector.inspect.next?.(e);
        },
        log: () => {},
      });
      await until(() => server?.received === sent);
      const received: StatelyInspectionEvent[] = [];
      createWebSocketReceiver({ server: server.ws }).subscribe((e) => received.push(e));
      await until(() => received.length === server?.received);
      inspector.stop();

      const events = withContext(received as Carried[]);
      expect(events.filter((e) => e.type === '@xstate.actor')).toHaveLength(7);
      for (const e of events) {
        const { audit, version } = e.snapshot?.context ?? {};
        expect(Array.isArray(audit) ? audit.length : audit).toBe(version);
        for (const entry of audit as unknown[])
          expect(entry).toMatchObject({ at: expect.any(String) });
      }
      expect(JSON.stringify(received)).not.toMatch(/"\[(\.\.\.|Object|Array)\]"/);
    }, 30_000);
  });
});
