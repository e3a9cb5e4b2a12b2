/**
 * Every committed diagram (each ```mermaid block of docs/diagrams/*.md and README.md) and the
 * edge-case chart, rendered by the `mermaid` package in headless Chromium: none may fail to parse or
 * draw, and no label may leave its box, its background, the picture, or a composite's frame.
 * Needs Debian's chromium (test/support/chromium.ts says how to install it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toMermaid } from 'subscription-machines/diagram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIAGRAMS, ROOT } from '../../scripts/diagram-docs';
import {
  loadMermaid,
  type Measured,
  measureDiagrams,
  mermaidBlocks,
} from '../../scripts/diagram-render';
import { type Chromium, openChromium } from '../support/chromium';
import { MACHINES } from '../support/machines';
import { edgeCaseMachine } from './edge-cases';

const files = [
  ...readdirSync(join(ROOT, DIAGRAMS))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `${DIAGRAMS}/${file}`),
  'README.md',
];
const diagrams = files.flatMap((path) =>
  mermaidBlocks(readFileSync(join(ROOT, path), 'utf8')).map((text) => ({ name: path, text })),
);
diagrams.push({ name: 'edge cases', text: toMermaid(edgeCaseMachine) });
const BROKEN = 'stateDiagram-v2\n  a --> : oops\n';

describe('the diagrams, rendered by Mermaid in headless Chromium', () => {
  let browser: Chromium | undefined;
  let measured: Measured[] = [];

  beforeAll(async () => {
    browser = await openChromium();
    const page = await browser.context.newPage();
    await loadMermaid(page);
    measured = await measureDiagrams(page, [...diagrams.map((d) => d.text), BROKEN]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  }, 60_000);

  it('finds every diagram: one per machine page, the README one, and the edge cases', () => {
    expect(diagrams.filter((d) => d.name.startsWith(DIAGRAMS))).toHaveLength(MACHINES.length);
    expect(diagrams.filter((d) => d.name === 'README.md')).toHaveLength(1);
  });

  it('fails on a diagram Mermaid cannot parse', () => {
    expect(measured.at(-1)?.error).toMatch(/parse error/i);
  });

  it.each(diagrams.map((d, i) => [d.name, i] as const))(
    'draws %s, every label inside its frame',
    (_, i) => {
      const result = measured[i] as Measured;
      expect(result.error).toBeUndefined();
      expect(result.height).toBeGreaterThan(100);
      expect(result.boxes.length).toBeGreaterThan(1);
      expect(result.problems).toEqual([]);
    },
  );

  it("keeps the README's machine-wide box to a small part of its diagram", () => {
    const readme = measured[diagrams.findIndex((d) => d.name === 'README.md')] as Measured;
    const box = readme.boxes.find((b) => b.name === 'In every state');
    expect(box?.height).toBeGreaterThan(0);
    // It was a 31-line note, 45% of a 2,247 px picture.
    expect((box?.height ?? 0) / readme.height).toBeLessThan(0.2);
  });
});
