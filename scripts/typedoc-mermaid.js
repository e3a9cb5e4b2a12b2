// `npm run docs` (typedoc.json `customJs`): draws the reference's Mermaid blocks (each machine's
// diagram) as diagrams. Mermaid is loaded from jsDelivr, pinned, and only on a page that has one;
// when it cannot be loaded (offline, say), the diagram's Mermaid source stays on the page.
(() => {
  const MERMAID = 'https://cdn.jsdelivr.net/npm/mermaid@12.3.0/dist/mermaid.esm.min.mjs';
  const blocks = [...document.querySelectorAll('pre > code.mermaid')];
  if (blocks.length === 0) return;
  const theme = document.documentElement.dataset.theme;
  const dark =
    theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  import(MERMAID)
    .then(async ({ default: mermaid }) => {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: dark ? 'dark' : 'default',
      });
      for (const [index, code] of blocks.entries()) {
        const { svg } = await mermaid.render(`machine-diagram-${index}`, code.textContent ?? '');
        const pre = code.parentElement;
        const figure = document.createElement('div');
        figure.className = 'machine-diagram';
        figure.innerHTML = svg;
        // The source stays one click away, to copy into another Mermaid renderer.
        const source = document.createElement('details');
        source.innerHTML = '<summary>Mermaid source</summary>';
        pre.replaceWith(figure, source);
        source.append(pre);
      }
    })
    .catch((error) => console.warn('Mermaid could not be loaded; showing the source.', error));
})();
