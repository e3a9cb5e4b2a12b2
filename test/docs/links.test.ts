/**
 * The documentation works where a user reads it: in a clone and in node_modules. Every relative
 * link of the shipped Markdown (README.md, CHANGELOG.md, docs/) points at a file that exists and
 * is in the packed tarball (`npm pack --dry-run --json`), and at a heading that exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The files `npm pack` would publish, relative to the root. */
function packedFiles(): Set<string> {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [pack] = JSON.parse(out) as [{ files: { path: string }[] }];
  return new Set(pack.files.map((f) => f.path));
}

/** Markdown under `dir` (relative to the root), recursively; the generated API site excluded. */
function markdownUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return path === 'docs/api' ? [] : markdownUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The text outside fenced code blocks. */
const unfenced = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '');
/** The text outside fenced code blocks and inline code, where a link is a link. */
const prose = (markdown: string) => unfenced(markdown).replace(/`[^`\n]*`/g, '');

/** `[text](target)` links, without the external ones. */
function relativeLinks(markdown: string): string[] {
  const targets = [...prose(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(
    (m) => m[1] as string,
  );
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

/** GitHub's anchors for the headings of a Markdown file. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of unfenced(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const text = (heading as string)
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*_~]/g, (c) => (c === '_' ? c : ''));
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

describe('links in the shipped documentation', () => {
  let packed = new Set<string>();
  beforeAll(() => {
    packed = packedFiles();
  }, 60_000);

  it('ships every guide, and the generated API site is left out', () => {
    const docs = ['README.md', 'CHANGELOG.md', ...markdownUnder('docs')];
    for (const file of docs) expect(packed, file).toContain(file);
    expect([...packed].filter((f) => f.startsWith('docs/api/'))).toEqual([]);
    expect(docs.length).toBeGreaterThan(10);
  });

  it('resolves every relative link to a packed file and an existing heading', () => {
    const markdown = [...packed].filter((f) => f.endsWith('.md'));
    const broken: string[] = [];
    let checked = 0;
    for (const file of markdown) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const link of relativeLinks(text)) {
        checked++;
        const [path = '', anchor] = link.split('#');
        const target = path
          ? normalize(relative(ROOT, resolve(ROOT, dirname(file), decodeURI(path))))
          : file;
        // A link to a folder means its README.md, as GitHub and npm show it.
        const page = existsSync(join(ROOT, target, 'README.md'))
          ? join(target, 'README.md')
          : target;
        if (!existsSync(join(ROOT, page))) broken.push(`${file}: ${link} (no such file)`);
        else if (!packed.has(page)) broken.push(`${file}: ${link} (${page} is not in the package)`);
        else if (anchor && !anchors(readFileSync(join(ROOT, page), 'utf8')).has(anchor))
          broken.push(`${file}: ${link} (no heading #${anchor} in ${page})`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  it('finds the anchors GitHub makes', () => {
    const page =
      '# Raw `xstate/graph`\n## Ending: cancellation and resiliation\n## Ending\n## Ending\n';
    expect([...anchors(page)]).toEqual([
      'raw-xstategraph',
      'ending-cancellation-and-resiliation',
      'ending',
      'ending-1',
    ]);
  });
});
