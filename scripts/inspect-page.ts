/**
 * The page `npm run inspect` serves: the Stately inspector in an iframe, fed the relayed inspection
 * events, and a local timeline of the same events, shown when the inspector cannot be loaded (no
 * internet) or on request. The behaviour is in scripts/inspect-timeline.js, served beside it.
 */

/** Where the page loads its script from. */
export const TIMELINE_SCRIPT = '/inspect-timeline.js';

export interface PageOptions {
  /** The relay's WebSocket, where the inspection events come from. */
  readonly ws: string;
  /** The inspector to embed. */
  readonly inspector: string;
  /** How long to wait for the inspector to say it is ready before showing the timeline. */
  readonly timeoutMs: number;
}

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const STYLE = `
  html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; color: #1f2328; }
  body { display: flex; flex-direction: column; }
  header { display: flex; gap: 1em; align-items: center; padding: 6px 12px; background: #f6f8fa;
    border-bottom: 1px solid #d0d7de; }
  header h1 { font-size: 15px; margin: 0; }
  #status { flex: 1; color: #57606a; }
  #inspector { flex: 1; width: 100%; border: 0; }
  #timeline { flex: 1; overflow: auto; padding: 12px 16px; }
  [hidden] { display: none !important; }
  #offline { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px; }
  nav ul { margin: 0; padding-left: 1.2em; }
  .actor { margin-top: 1.5em; }
  .actor h2 { font-size: 16px; margin: 0 0 4px; }
  .actor .about { color: #57606a; margin: 0 0 6px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 3px 8px; border-bottom: 1px solid #d8dee4; }
  th { background: #f6f8fa; }
  td.seq { color: #57606a; width: 3em; }
  td.at { white-space: nowrap; }
  td.status { font-weight: 600; white-space: nowrap; }
  tr.changed td.status { color: #0969da; }
  td.status:empty::before { content: '(no snapshot)'; font-weight: normal; color: #57606a; }
  summary { cursor: pointer; }
  pre { margin: 4px 0; max-height: 24em; overflow: auto; background: #f6f8fa; padding: 6px; }
`;

/** The page's HTML. Its script reads the settings from the body's data attributes. */
export function bridgePage({ ws, inspector, timeoutMs }: PageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>subscription-machines: XState inspector</title>
  <style>${STYLE}</style>
</head>
<body data-ws="${attribute(ws)}" data-inspector="${attribute(inspector)}" data-timeout="${timeoutMs}">
  <header>
    <h1>subscription-machines: XState inspector</h1>
    <span id="status" role="status">Loading the Stately inspector from ${attribute(inspector)}…</span>
    <button id="toggle" type="button">Show the local timeline</button>
  </header>
  <iframe id="inspector" title="Stately inspector" src="${attribute(inspector)}"></iframe>
  <section id="timeline" hidden>
    <p id="offline" role="alert" hidden></p>
    <p id="summary">No inspection events yet.</p>
    <nav><ul id="actors"></ul></nav>
    <div id="tables"></div>
  </section>
  <script src="${TIMELINE_SCRIPT}"></script>
</body>
</html>
`;
}
