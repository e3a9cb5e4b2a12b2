/**
 * A local relay between `createWebSocketInspector` in Node and the Stately inspector in a browser,
 * bound to 127.0.0.1 only. It does what `createInspectorServer` from `@statelyai/inspect/server`
 * does, which listens on every interface and cannot be told otherwise:
 *
 * - `GET /` serves a page (scripts/inspect-page.ts) that embeds https://stately.ai/inspect and
 *   posts it every event, and shows a local timeline of the same events when it cannot load it;
 * - the WebSocket server relays each inspection event to every other client, and replays the
 *   events so far to a browser that connects later (all of them, not the last 200).
 *
 * Development only: nothing in src/ imports this.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { bridgePage, TIMELINE_SCRIPT } from './inspect-page';

interface Socket {
  readonly readyState: number;
  send(data: string): void;
  terminate(): void;
  on(event: 'message', listener: (data: { toString(): string }) => void): void;
}
interface SocketServer {
  readonly clients: Set<Socket>;
  on(event: 'connection', listener: (socket: Socket) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  close(): void;
}
interface Ws {
  readonly WebSocketServer: new (options: {
    server: ReturnType<typeof createServer>;
  }) => SocketServer;
  readonly WebSocket: { readonly OPEN: number };
}

/**
 * `ws`, as `@statelyai/inspect` itself resolves it: it is that package's dependency, not ours, so
 * it is required from there rather than imported (and needs no types of its own).
 */
function loadWs(): Ws {
  const inspect = createRequire(import.meta.url).resolve('@statelyai/inspect');
  return createRequire(inspect)('ws') as Ws;
}

/** The inspection events `@statelyai/inspect` sends on; it drops XState's microsteps and the like. */
export const RELAYED_EVENTS: ReadonlySet<string> = new Set([
  '@xstate.actor',
  '@xstate.event',
  '@xstate.snapshot',
]);

/** The Stately inspector, which the page embeds. */
export const INSPECTOR_UI = 'https://stately.ai/inspect';

/**
 * `serializationDepthLimit` for `@statelyai/inspect`. Its default, 10, hides what matters here:
 * `createBrowserInspector` uses it as a depth and as a number of entries per object or array, so
 * the 11th key of a Connect subscription's context, `audit`, arrives as `"[...]"`, and so does
 * every audit entry after the 10th. The WebSocket inspector uses it as a depth only. 1,000 keeps
 * an audit of up to 1,000 commands whole, at any depth these contexts have.
 */
export const SERIALIZATION_DEPTH_LIMIT = 1_000;

const TIMELINE_JS = readFileSync(new URL('./inspect-timeline.js', import.meta.url), 'utf8');

export interface InspectorServerOptions {
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  /** The inspector page to embed (default {@link INSPECTOR_UI}). */
  readonly inspector?: string;
  /** How long the page waits for the inspector before it shows the local timeline (15 s). */
  readonly inspectorTimeoutMs?: number;
}

export interface InspectorServer {
  /** The page to open in a browser. */
  readonly url: string;
  /** Where `createWebSocketInspector({ url })` sends the events. */
  readonly ws: string;
  readonly address: AddressInfo;
  /** How many inspection events have arrived so far. */
  readonly received: number;
  /** Resolves when a client (the Node inspector) is connected. */
  connected(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the relay; resolves once it listens. */
export function startInspectorServer(
  options: InspectorServerOptions = {},
): Promise<InspectorServer> {
  const { WebSocketServer, WebSocket } = loadWs();
  const host = options.host ?? '127.0.0.1';
  let page = '';
  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'GET' && (request.url === '/' || request.url === '/index.html')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (request.method === 'GET' && request.url === TIMELINE_SCRIPT) {
      response
        .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
        .end(TIMELINE_JS);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  const sockets = new WebSocketServer({ server: http });
  const events: string[] = [];
  const waiting: (() => void)[] = [];
  sockets.on('connection', (socket) => {
    for (const event of events) socket.send(event);
    for (const resolve of waiting.splice(0)) resolve();
    socket.on('message', (data) => {
      const event = data.toString();
      events.push(event);
      for (const client of sockets.clients)
        if (client !== socket && client.readyState === WebSocket.OPEN) client.send(event);
    });
  });

  return new Promise((resolve, reject) => {
    // ws passes the HTTP server's errors (a port in use) on as its own.
    sockets.on('error', reject);
    http.listen(options.port ?? 8080, host, () => {
      const address = http.address() as AddressInfo;
      const origin = `${host}:${address.port}`;
      page = bridgePage({
        ws: `ws://${origin}`,
        inspector: options.inspector ?? INSPECTOR_UI,
        timeoutMs: options.inspectorTimeoutMs ?? 15_000,
      });
      resolve({
        url: `http://${origin}/`,
        ws: `ws://${origin}`,
        address,
        get received() {
          return events.length;
        },
        connected: () =>
          sockets.clients.size > 0
            ? Promise.resolve()
            : new Promise<void>((done) => waiting.push(done)),
        close: () =>
          new Promise<void>((done) => {
            for (const client of sockets.clients) client.terminate();
            sockets.close();
            http.closeAllConnections();
            http.close(() => done());
          }),
      });
    });
  });
}
