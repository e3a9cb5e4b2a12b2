/**
 * `npm run diagrams -- --measure`: each generated diagram's size in px as Mermaid draws it in
 * headless Chromium, and any label that leaves its frame. Needs Debian's chromium.
 */
import { openChromium } from '../test/support/chromium';
import { loadMermaid, measureDiagrams, mermaidBlocks } from './diagram-render';

/** Prints one line per diagram of `docs` (path → Markdown); resolves to the exit code. */
export async function measure(docs: ReadonlyMap<string, string>): Promise<number> {
  const diagrams = [...docs].flatMap(([path, markdown]) =>
    mermaidBlocks(markdown).map((text) => ({ path, text })),
  );
  const browser = await openChromium();
  try {
    const page = await browser.context.newPage();
    await loadMermaid(page);
    const results = await measureDiagrams(
      page,
      diagrams.map((d) => d.text),
    );
    let failed = 0;
    for (const [i, { path }] of diagrams.entries()) {
      const { width, height, error, problems } = results[i] ?? {
        width: 0,
        height: 0,
        problems: [],
      };
      const size = `${Math.round(width)} × ${Math.round(height)} px`;
      const note =
        error ?? (problems.length > 0 ? problems.join('; ') : 'every label in its frame');
      if (error || problems.length > 0) failed += 1;
      console.log(`${path.padEnd(46)} ${size.padStart(16)}  ${note}`);
    }
    return failed > 0 ? 1 : 0;
  } finally {
    await browser.close();
  }
}
