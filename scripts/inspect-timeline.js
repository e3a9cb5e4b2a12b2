/**
 * The browser side of `npm run inspect` (served by scripts/inspect-server.ts, in the page of
 * scripts/inspect-page.ts). It does two things with the inspection events the relay sends:
 *
 * - posts each to the embedded Stately inspector, once that says it is ready;
 * - writes each into a local timeline: one table per actor, a row per event it received, with the
 *   status after it and the context, collapsed.
 *
 * When the inspector cannot be loaded (offline, or it never says it is ready), the page says so and
 * shows the timeline. Event data is untrusted: it is only ever written as text.
 */

const settings = document.body.dataset;
const timeoutMs = Number(settings.timeout) || 15_000;
const frame = document.getElementById('inspector');
const timeline = document.getElementById('timeline');
const statusLine = document.getElementById('status');
const toggle = document.getElementById('toggle');
const offline = document.getElementById('offline');
const summary = document.getElementById('summary');
const actorList = document.getElementById('actors');
const tables = document.getElementById('tables');

// ---- The inspector: events wait until it says it is ready.

const waiting = [];
let ready = false;
let failed = false;

function show(view) {
  const local = view === 'timeline';
  timeline.hidden = !local;
  frame.hidden = local;
  toggle.textContent = local ? 'Show the Stately inspector' : 'Show the local timeline';
}
toggle.addEventListener('click', () => show(timeline.hidden ? 'timeline' : 'inspector'));

function post(event) {
  frame.contentWindow?.postMessage(event, '*');
}

window.addEventListener('message', (message) => {
  if (message.source !== frame.contentWindow) return;
  if (message.data?.type !== '@statelyai.connected') return;
  ready = true;
  for (const event of waiting.splice(0)) post(event);
  statusLine.textContent = `Stately inspector connected (${settings.inspector}).`;
  if (failed) {
    failed = false;
    offline.hidden = true;
    show('inspector');
  }
});

function cannotLoad(reason) {
  if (ready || failed) return;
  failed = true;
  offline.textContent =
    `The Stately inspector (${settings.inspector}) cannot be loaded: ${reason}. It is a web app ` +
    'on the internet, and this machine may be offline. Below is the same story as a local ' +
    'timeline, from the same inspection events.';
  offline.hidden = false;
  statusLine.textContent = 'Stately inspector unavailable: showing the local timeline.';
  show('timeline');
}

if (navigator.onLine === false) cannotLoad('the browser is offline');
// An opaque request: it fails only when the inspector's host cannot be reached at all.
fetch(settings.inspector, { mode: 'no-cors', cache: 'no-store' }).catch(() =>
  cannotLoad('its address could not be reached'),
);
setTimeout(() => cannotLoad(`it did not answer within ${timeoutMs / 1000} s`), timeoutMs);

// ---- The local timeline.

const actors = new Map();
let received = 0;

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A collapsed block of JSON. */
function folded(label, value) {
  const details = element('details');
  details.append(element('summary', label), element('pre', JSON.stringify(value, null, 2)));
  return details;
}

/** `active`, or `a.b` for a nested state value. */
function statusText(value) {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1) return `${entries[0][0]}.${statusText(entries[0][1])}`;
  }
  return JSON.stringify(value);
}

function machineOf(definition) {
  try {
    return JSON.parse(definition).id;
  } catch {
    return undefined;
  }
}

function nameOf(sessionId) {
  return actors.get(sessionId)?.name ?? sessionId;
}

function actorOf(sessionId) {
  let actor = actors.get(sessionId);
  if (actor) return actor;
  const anchor = `actor-${actors.size + 1}`;
  const section = element('section', undefined, 'actor');
  section.id = anchor;
  section.dataset.sessionId = sessionId;
  const heading = element('h2', sessionId);
  const about = element('p', '', 'about');
  const table = element('table');
  const head = element('tr');
  for (const title of ['#', 'Event', 'At', 'By', 'Status after', 'Context'])
    head.append(element('th', title));
  const body = element('tbody');
  table.append(element('thead'), body);
  table.tHead.append(head);
  section.append(heading, about, table);
  tables.append(section);
  const link = element('a');
  link.href = `#${anchor}`;
  const item = element('li');
  item.append(link);
  actorList.append(item);
  actor = { sessionId, name: sessionId, heading, about, body, link, rows: [], status: undefined };
  actors.set(sessionId, actor);
  describe(actor);
  return actor;
}

function describe(actor) {
  const parent = actor.parentId ? `child of ${nameOf(actor.parentId)}` : 'root actor';
  const machine = actor.machine ? `machine ${actor.machine}, ` : '';
  const now = actor.status ? `, now ${actor.status}` : '';
  actor.heading.textContent = actor.name;
  actor.about.textContent = `${machine}${parent}: ${actor.rows.length} events${now}`;
  actor.link.textContent = actor.status ? `${actor.name}: ${actor.status}` : actor.name;
}

function addRow(actor, seq, event, sourceId) {
  const type = typeof event?.type === 'string' ? event.type : '(no type)';
  const from = sourceId && sourceId !== actor.sessionId ? ` from ${nameOf(sourceId)}` : '';
  const row = element('tr');
  const eventCell = element('td');
  eventCell.append(folded(`${type}${from}`, event));
  const by = event?.by ? [event.by.role, event.by.id].filter(Boolean).join(' ') : '';
  const status = element('td', '', 'status');
  const context = element('td', '', 'context');
  row.append(element('td', String(seq), 'seq'), eventCell, element('td', event?.at ?? '', 'at'));
  row.append(element('td', by), status, context);
  actor.body.append(row);
  const entry = { type, row, status, context, settled: false };
  actor.rows.push(entry);
  return entry;
}

/** The snapshot after an event: fills that event's row (or a row of its own). */
function settle(actor, seq, event, snapshot) {
  const type = typeof event?.type === 'string' ? event.type : '(no type)';
  const pending = actor.rows.findLast((r) => !r.settled && r.type === type);
  const entry = pending ?? addRow(actor, seq, event, undefined);
  const status = `${statusText(snapshot?.value)}${snapshot?.status === 'done' ? ' (done)' : ''}`;
  entry.settled = true;
  entry.row.dataset.status = status;
  if (actor.status !== undefined && actor.status !== status) {
    entry.row.classList.add('changed');
    entry.status.textContent = `${actor.status} → ${status}`;
  } else entry.status.textContent = status;
  const version = snapshot?.context?.version;
  entry.context.append(
    folded(version === undefined ? 'context' : `v${version}`, snapshot?.context),
  );
  actor.status = status;
}

function record(event) {
  if (!event || typeof event !== 'object' || typeof event.sessionId !== 'string') return;
  received += 1;
  const actor = actorOf(event.sessionId);
  if (event.type === '@xstate.actor') {
    actor.name = typeof event.name === 'string' ? event.name : actor.name;
    actor.machine = machineOf(event.definition);
    actor.parentId = typeof event.parentId === 'string' ? event.parentId : undefined;
  } else if (event.type === '@xstate.event') addRow(actor, received, event.event, event.sourceId);
  else if (event.type === '@xstate.snapshot') settle(actor, received, event.event, event.snapshot);
  for (const each of actors.values()) describe(each);
  summary.textContent = `${received} inspection events from ${actors.size} actors.`;
}

// ---- The relay.

const socket = new WebSocket(settings.ws);
socket.addEventListener('message', (message) => {
  let event;
  try {
    event = JSON.parse(message.data);
  } catch {
    return;
  }
  if (ready) post(event);
  else waiting.push(event);
  record(event);
});
socket.addEventListener('close', () => {
  summary.textContent += ' The relay has stopped (npm run inspect is no longer running).';
});
