/**
 * Renders Mermaid diagrams with the `mermaid` package in headless Chromium, and measures them
 * (scripts/diagram-measure.js). Used by test/diagram/render.test.ts and `npm run diagrams --
 * --measure`. The page is blank and offline: Mermaid's bundle is read from node_modules.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** What the browser says about one diagram. */
export interface Measured {
  /** The picture's size in px (its SVG's viewBox). */
  readonly width: number;
  readonly height: number;
  /** Each box: its name (the first line of its label) and its height in px. */
  readonly boxes: readonly { readonly name: string; readonly height: number }[];
  /** Mermaid's parse or render error, when it could not draw it. */
  readonly error?: string;
  /** Each label that leaves its frame (a state's box, an edge label's background, the picture). */
  readonly problems: readonly string[];
}

const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
const MEASURE = fileURLToPath(new URL('./diagram-measure.js', import.meta.url));

/** The text of each ```mermaid block of a Markdown file. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
}

/** Loads Mermaid and the measuring script into `page` (a blank page, no network needed). */
export async function loadMermaid(page: Page): Promise<void> {
  await page.setContent(
    '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
  );
  await page.addScriptTag({ path: MERMAID });
  await page.addScriptTag({ path: MEASURE });
}

/** Renders and measures each diagram, in order; the last one stays on the page. */
export function measureDiagrams(page: Page, texts: readonly string[]): Promise<Measured[]> {
  // Runs in the page, where globalThis is the window that diagram-measure.js set up.
  type Measurer = { measureDiagrams(t: readonly string[]): Promise<Measured[]> };
  return page.evaluate((all) => (globalThis as unknown as Measurer).measureDiagrams(all), texts);
}
