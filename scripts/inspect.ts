/**
 * `npm run inspect`: tells the demo's story (examples/story.ts) with the XState inspector attached,
 * through `@statelyai/inspect`'s WebSocket inspector and a relay bound to 127.0.0.1
 * (scripts/inspect-server.ts). A development tool: nothing in src/ imports it.
 *
 *   npm run inspect                   serves http://127.0.0.1:8080 until Ctrl-C
 *   npm run inspect -- --port 9000    another port (0: any free one); or INSPECT_PORT=9000
 *   npm run inspect -- --exit         tells the story, checks that every event arrived, and stops
 *                                     (for tests and CI); or INSPECT_EXIT=1
 */
import { createWebSocketInspector } from '@statelyai/inspect';
import type { InspectionEvent } from 'xstate';
import { tellStory } from '../examples/story';
import {
  INSPECTOR_UI,
  RELAYED_EVENTS,
  SERIALIZATION_DEPTH_LIMIT,
  startInspectorServer,
} from './inspect-server';

const args = process.argv.slice(2);
const exit = args.includes('--exit') || process.env.INSPECT_EXIT === '1';
const portText = args.includes('--port')
  ? args[args.indexOf('--port') + 1]
  : (process.env.INSPECT_PORT ?? '8080');
const port = Number(portText);
if (!/^\d+$/.test(portText ?? '') || port > 65_535) {
  console.error(`npm run inspect: --port ${portText} is not a port number (0 to 65535)`);
  process.exit(2);
}

async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return done();
}

const server = await startInspectorServer({ port }).catch((error: NodeJS.ErrnoException) => {
  const hint = error.code === 'EADDRINUSE' ? ': in use, try npm run inspect -- --port 0' : '';
  console.error(`npm run inspect: cannot listen on 127.0.0.1:${port}${hint} (${error.message})`);
  return process.exit(1);
});
const inspector = createWebSocketInspector({
  url: server.ws,
  maxDeferredEvents: 100_000,
  // The default (10) can cut a context's audit to "[...]": see SERIALIZATION_DEPTH_LIMIT.
  serializationDepthLimit: SERIALIZATION_DEPTH_LIMIT,
});
await server.connected();

let sent = 0;
const actors = new Set<string>();
tellStory({
  inspect: (event: InspectionEvent) => {
    if (RELAYED_EVENTS.has(event.type)) sent += 1;
    if (event.type === '@xstate.actor') actors.add(event.actorRef.sessionId);
    inspector.inspect.next?.(event);
  },
});
const arrived = await until(() => server.received >= sent, 15_000);

console.log(`
XState inspector: ${sent} inspection events from ${actors.size} actors, the subscription and each request it opened.
  Open ${server.url} in a browser: the page embeds the Stately inspector (${INSPECTOR_UI})
  and replays the whole story into it; offline, it shows the story as a local timeline instead.
  Listening on ${server.address.address}:${server.address.port} only${exit ? ' (--exit: stopping now)' : ''}.`);

async function stop(code: number): Promise<never> {
  inspector.stop();
  await server.close();
  process.exit(code);
}

if (!arrived) {
  console.error(`Only ${server.received} of ${sent} inspection events reached the relay.`);
  await stop(1);
}
if (exit) await stop(0);
console.log('  Press Ctrl-C to stop.');
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));
