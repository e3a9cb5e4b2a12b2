/** `npm run docs` documents every entry point of package.json, and fails on any warning. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8'));

describe('typedoc.json', () => {
  const config = read('typedoc.json') as {
    entryPoints: string[];
    treatWarningsAsErrors: boolean;
    readme: string;
    projectDocuments: string[];
  };
  const pkg = read('package.json') as { exports: Record<string, unknown> };

  it('has one entry point per subpath export', () => {
    const sources = Object.keys(pkg.exports)
      .filter((key) => key !== './package.json')
      .map((key) => (key === '.' ? 'src/index.ts' : `src/${key.slice(2)}/index.ts`));
    expect([...config.entryPoints].sort()).toEqual(sources.sort());
  });

  it('treats warnings (an undocumented export among them) as errors', () => {
    expect(config.treatWarningsAsErrors).toBe(true);
  });

  it('opens on docs/README.md, with every guide as a page of the reference', () => {
    expect(config.readme).toBe('docs/README.md');
    const guides = readdirSync(resolve(ROOT, 'docs'))
      .filter((file) => file.endsWith('.md') && file !== 'README.md')
      .map((file) => `docs/${file}`);
    expect([...config.projectDocuments].sort()).toEqual([...guides, 'docs/diagrams/*.md'].sort());
  });
});
