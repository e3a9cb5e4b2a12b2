/**
 * The page `npm run inspect` serves, in headless Chromium, fed the demo's story through the relay:
 *
 * - offline (the inspector's address fails), it says so and shows the story as a local timeline,
 *   one table per actor; a screenshot is kept in test-artifacts/inspector-offline.png;
 * - when the inspector never says it is ready, it gives up after its timeout, the same way;
 * - online (a stand-in for the inspector that speaks its protocol), the inspector gets every event,
 *   each context's audit whole, and the timeline stays out of the way.
 *
 * Needs Debian's chromium (test/support/chromium.ts says how to install it).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createWebSocketInspector } from '@statelyai/inspect';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tellStory } from '../../examples/story';
import {
  INSPECTOR_UI,
  type InspectorServer,
  RELAYED_EVENTS,
  SERIALIZATION_DEPTH_LIMIT,
  startInspectorServer,
} from '../../scripts/inspect-server';
import { type Chromium, openChromium } from '../support/chromium';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');
const PURCHASE = 'PR-3071-1051-2166-001';

/** What the Stately inspector does on load (`createBrowserReceiver`): says it is ready, listens. */
const STAND_IN = `<!doctype html><script>
  window.received = [];
  addEventListener('message', (e) => { if (e.data && e.data._version) window.received.push(e.data); });
  parent.postMessage({ type: '@statelyai.connected' }, '*');
</script>`;

/** Relays the demo's story into a new relay, as `npm run inspect` does. */
async function relayStory(options: { inspectorTimeoutMs?: number } = {}) {
  const server = await startInspectorServer({ port: 0, ...options });
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
  const deadline = performance.now() + 30_000;
  while (server.received < sent && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  inspector.stop();
  return server;
}

/** Every status the timeline shows for an actor, in order. */
function statuses(page: Page, actor: string): Promise<string[]> {
  return page
    .locator('section.actor', { has: page.getByRole('heading', { name: actor, exact: true }) })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => (row as unknown as { dataset: { status?: string } }).dataset.status ?? ''),
    );
}

describe('the inspector page, in headless Chromium', () => {
  let browser: Chromium | undefined;
  let server: InspectorServer | undefined;
  let slowServer: InspectorServer | undefined;

  beforeAll(async () => {
    [browser, server, slowServer] = await Promise.all([
      openChromium(),
      relayStory(),
      relayStory({ inspectorTimeoutMs: 1_000 }),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await slowServer?.close();
  }, 60_000);

  async function open(url: string, inspector: 'unreachable' | 'silent' | 'stand-in') {
    const page = await (browser as Chromium).context.newPage();
    await page.setViewportSize({ width: 1280, height: 960 });
    await page.route(`${INSPECTOR_UI}**`, (route) =>
      inspector === 'unreachable'
        ? route.abort('internetdisconnected')
        : route.fulfill({
            contentType: 'text/html',
            body: inspector === 'stand-in' ? STAND_IN : '<!doctype html><p>loading…</p>',
          }),
    );
    await page.goto(url);
    return page;
  }

  it('offline: says the inspector cannot be loaded, and shows the story as a local timeline', async () => {
    const page = await open((server as InspectorServer).url, 'unreachable');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await alert.textContent()).toContain(
      `The Stately inspector (${INSPECTOR_UI}) cannot be loaded: its address could not be reached.`,
    );
    expect(await page.locator('#inspector').isHidden()).toBe(true);
    const received = (server as InspectorServer).received;
    await expect
      .poll(() => page.locator('#summary').textContent(), { timeout: 30_000 })
      .toBe(`${received} inspection events from 7 actors.`);

    // One table per actor: the subscription, then each request it opened, as its child.
    const headings = await page.locator('section.actor h2').allTextContents();
    expect(headings).toEqual([
      'subscription',
      ...['001', '002', '003', '004', '005', '006'].map((n) => `PR-3071-1051-2166-${n}`),
    ]);
    const about = await page.locator('section.actor .about').allTextContents();
    expect(about[0]).toMatch(
      /^machine subscription, root actor: \d+ events, now terminated \(done\)$/,
    );
    for (const line of about.slice(1))
      expect(line).toMatch(/^machine fulfillmentRequest, child of subscription: \d+ events/);

    expect(await statuses(page, PURCHASE)).toEqual([
      'pending',
      'inquiring',
      'pending',
      'approved (done)',
    ]);
    // Its statuses, each repeat dropped (and the events after it stopped, which have none).
    const subscription = (await statuses(page, 'subscription'))
      .filter(Boolean)
      .filter((status, i, all) => status !== all[i - 1]);
    expect(subscription).toEqual([
      'processing',
      'active',
      'suspended',
      'active',
      'terminating',
      'active',
      'terminating',
      'terminated (done)',
    ]);
    expect(await page.locator('tr.changed').count()).toBeGreaterThan(8);

    // The context is collapsed, and opens with the whole audit.
    const last = page.locator('section.actor').first().locator('td.context details').last();
    expect(await last.getAttribute('open')).toBeNull();
    await last.locator('summary').click();
    const context = JSON.parse((await last.locator('pre').textContent()) ?? '{}');
    expect(context.audit).toHaveLength(16);
    expect(context.audit.at(-1)).toMatchObject({ to: 'terminated' });
    await last.locator('summary').click();

    await page.locator('#timeline').evaluate((timeline) => timeline.scrollTo(0, 0));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'inspector-offline.png') });
    await page.close();
  }, 120_000);

  it('shows the timeline too when the inspector loads but never says it is ready', async () => {
    const page = await open((slowServer as InspectorServer).url, 'silent');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await alert.textContent()).toContain('cannot be loaded: it did not answer within 1 s.');
    expect(await page.locator('section.actor').count()).toBe(7);
    await page.close();
  }, 120_000);

  it('online: the inspector gets every event, each audit whole, and the timeline stays hidden', async () => {
    const page = await open((server as InspectorServer).url, 'stand-in');
    const inspector = page.frameLocator('#inspector');
    const received = (server as InspectorServer).received;
    const count = () =>
      inspector
        .locator('html')
        .evaluate(() => (globalThis as unknown as { received: [] }).received.length);
    await expect.poll(count, { timeout: 30_000 }).toBe(received);
    expect(await page.locator('#status').textContent()).toBe(
      `Stately inspector connected (${INSPECTOR_UI}).`,
    );
    expect(await page.locator('#timeline').isHidden()).toBe(true);
    expect(await page.getByRole('alert').isHidden()).toBe(true);

    const events = (await inspector
      .locator('html')
      .evaluate(() => (globalThis as unknown as { received: unknown[] }).received)) as {
      type: string;
      snapshot?: { context?: { version?: number; audit?: unknown } };
    }[];
    expect(JSON.stringify(events)).not.toMatch(/"\[(\.\.\.|Object|Array)\]"/);
    const withContext = events.filter((e) => e.snapshot?.context?.version !== undefined);
    expect(withContext.filter((e) => e.type === '@xstate.actor')).toHaveLength(7);
    for (const e of withContext) {
      const { audit, version } = e.snapshot?.context ?? {};
      expect(Array.isArray(audit) && audit.length === version, JSON.stringify(audit)).toBe(true);
    }

    // The button shows the timeline on request.
    await page.getByRole('button', { name: 'Show the local timeline' }).click();
    expect(await page.locator('#timeline').isVisible()).toBe(true);
    await page.close();
  }, 120_000);
});
