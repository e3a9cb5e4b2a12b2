/**
 * The committed diagrams are the machines as they are now: docs/diagrams/*.md and the diagram in
 * README.md, redrawn in memory and compared with the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  diagramDocs,
  diagramFilesOnDisk,
  ROOT,
  readme,
  withReadmeDiagram,
} from '../../scripts/diagram-docs';

const STALE = 'is out of date with the code: run npm run diagrams';

describe('the generated diagrams', () => {
  const docs = diagramDocs();

  it.each([...docs.keys()])('%s is current', (path) => {
    let onDisk = '';
    try {
      onDisk = readFileSync(join(ROOT, path), 'utf8');
    } catch {
      expect.fail(`${path} is missing: run npm run diagrams`);
    }
    expect(onDisk, `${path} ${STALE}`).toBe(docs.get(path));
  });

  it('has no diagram of a machine that is gone', () => {
    expect(diagramFilesOnDisk(), `docs/diagrams ${STALE}`).toEqual([...docs.keys()].sort());
  });

  it("README.md's diagram is current", () => {
    const text = readme();
    expect(text, `README.md ${STALE}`).toBe(withReadmeDiagram(text));
    expect(text).toContain('```mermaid\n---\ntitle: subscription\n---\nstateDiagram-v2\n');
  });
});
