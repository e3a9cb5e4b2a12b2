/**
 * `npm run inspect`: the relay listens on 127.0.0.1 only, and a browser-side receiver sees the
 * demo's story through `@statelyai/inspect`, with the subscription and each of its requests as
 * separate actors (the requests' parent being the subscription).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createWebSocketInspector,
  createWebSocketReceiver,
  type StatelyInspectionEvent,
} from '@statelyai/inspect';
import { afterEach, describe, expect, it } from 'vitest';
import { tellStory } from '../../examples/story';
import {
  type InspectorServer,
  RELAYED_EVENTS,
  startInspectorServer,
} from '../../scripts/inspect-server';

const ROOT = resolve(import.meta.dirname, '../..');

async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the inspector relay (scripts/inspect-server.ts)', () => {
  let server: InspectorServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('listens on 127.0.0.1 only, and serves the page that embeds the inspector', async () => {
    server = await startInspectorServer({ port: 0 });
    expect(server.address.address).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.address.port}/`);
    const page = await (await fetch(server.url)).text();
    expect(page).toContain(
      '<iframe id="inspector" title="Stately inspector" src="https://stately.ai/inspect">',
    );
    expect(page).toContain(`data-ws="ws://127.0.0.1:${server.address.port}"`);
    expect(page).toContain('<script src="/inspect-timeline.js"></script>');
    const script = await fetch(`${server.url}inspect-timeline.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('new WebSocket(settings.ws)');
    expect((await fetch(`${server.url}other`)).status).toBe(404);
  });

  it('relays the story to a receiver: the subscription and its requests as separate actors', async () => {
    server = await startInspectorServer({ port: 0 });
    const inspector = createWebSocketInspector({ url: server.ws, maxDeferredEvents: 100_000 });
    await server.connected();
    let sent = 0;
    tellStory({
      inspect: (e) => {
        if (RELAYED_EVENTS.has(e.type)) sent += 1;
        inspector.inspect.next?.(e);
      },
      log: () => {},
    });

    // A browser that connects after the story still gets all of it.
    await until(() => server?.received === sent);
    const received: StatelyInspectionEvent[] = [];
    createWebSocketReceiver({ server: server.ws }).subscribe((e) => received.push(e));
    await until(() => received.length === server?.received);
    inspector.stop();

    const actors = received.filter((e) => e.type === '@xstate.actor');
    const subscription = actors.find((a) => a.name === 'subscription');
    expect(subscription?.parentId).toBeUndefined();
    const requests = actors.filter((a) => a.name.startsWith('PR-'));
    expect(requests.map((a) => a.name)).toEqual(
      ['001', '002', '003', '004', '005', '006'].map((n) => `PR-3071-1051-2166-${n}`),
    );
    for (const request of requests) {
      expect(request.parentId).toBe(subscription?.sessionId);
      expect(JSON.parse(request.definition ?? '{}').id).toBe('fulfillmentRequest');
    }
    expect(JSON.parse(subscription?.definition ?? '{}').id).toBe('subscription');
    const purchase = requests[0]?.sessionId;
    const purchaseStatuses = received
      .filter((e) => e.type === '@xstate.snapshot' && e.sessionId === purchase)
      .map((e) => (e as { snapshot: { value?: unknown } }).snapshot.value);
    expect(purchaseStatuses).toEqual(['pending', 'inquiring', 'pending', 'approved']);
  });
});

describe('npm run inspect -- --exit', () => {
  it('tells the story, says where to open the inspector, and stops', async () => {
    const tsx = resolve(ROOT, 'node_modules/.bin/tsx');
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((done) => {
      const child = execFile(tsx, ['scripts/inspect.ts', '--exit', '--port', '0'], { cwd: ROOT });
      let out = '';
      child.stdout?.on('data', (chunk) => {
        out += chunk;
      });
      child.on('exit', (exitCode) => done({ code: exitCode, stdout: out }));
    });
    expect(code).toBe(0);
    expect(stdout).toContain('Final: terminated, version 16');
    expect(stdout).toMatch(/\d+ inspection events from 7 actors/);
    expect(stdout).toMatch(/Open http:\/\/127\.0\.0\.1:\d+\/ in a browser/);
    expect(stdout).toContain('offline, it shows the story as a local timeline instead');
  }, 30_000);
});

describe('the package at run time', () => {
  it('never imports the inspector: src/ names neither @statelyai/inspect nor scripts/', () => {
    const files = readdirSync(resolve(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(resolve(ROOT, 'src', file), 'utf8');
      expect(text, file).not.toMatch(/from ['"](@statelyai\/|.*scripts\/)/);
    }
  });
});
