/**
 * A consumer's view of the published package: build it into a temporary package directory,
 * then `import` and `require` every entry point from plain Node, outside vitest's resolver.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
const specifiers = Object.keys(pkg.exports)
  .filter((key) => key !== './package.json')
  .map((key) => (key === '.' ? 'subscription-machines' : `subscription-machines/${key.slice(2)}`));

let work = '';

/** Runs a consumer script with node and returns `{ [specifier]: sortedExportNames }`. */
function run(file: string): Record<string, string[]> {
  const out = execFileSync(process.execPath, [file], {
    cwd: join(work, 'consumer'),
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, string[]>;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'subscription-machines-consumer-'));
  const installed = join(work, 'consumer', 'node_modules', 'subscription-machines');
  mkdirSync(installed, { recursive: true });
  execFileSync(
    join(root, 'node_modules', '.bin', 'tsup'),
    ['--out-dir', join(installed, 'dist'), '--silent'],
    {
      cwd: root,
      stdio: 'pipe',
    },
  );
  writeFileSync(join(installed, 'package.json'), JSON.stringify(pkg));
  // Peers and dependencies resolve from the project's own node_modules, as npm would hoist them.
  for (const dep of Object.keys({ ...pkg.peerDependencies, ...pkg.dependencies })) {
    const link = join(work, 'consumer', 'node_modules', dep);
    // Scoped packages (@date-fns/tz) need their scope folder first.
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(root, 'node_modules', dep), link, 'dir');
  }
  const list = JSON.stringify(specifiers);
  writeFileSync(
    join(work, 'consumer', 'esm.mjs'),
    `const out = {};
for (const s of ${list}) out[s] = Object.keys(await import(s)).filter((k) => k !== 'default').sort();
process.stdout.write(JSON.stringify(out));`,
  );
  writeFileSync(
    join(work, 'consumer', 'cjs.cjs'),
    `const out = {};
for (const s of ${list}) out[s] = Object.keys(require(s)).filter((k) => k !== '__esModule').sort();
process.stdout.write(JSON.stringify(out));`,
  );
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** README.md's quick start: its first `ts` block, and the `text` block of what it prints. */
function readmeQuickStart(): { code: string; prints: string } {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  const prints = /It prints:\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!code || !prints) throw new Error('README.md: the quick start or what it prints is missing');
  return { code, prints };
}

describe('the built package, as a Node 20 consumer sees it', () => {
  it("runs README.md's quick start as pasted, from ESM and from CommonJS, printing what it says", () => {
    const { code, prints } = readmeQuickStart();
    const esm = join(work, 'consumer', 'quickstart.mjs');
    writeFileSync(esm, code);
    // The same file as CommonJS: its one import line becomes a require.
    const cjs = join(work, 'consumer', 'quickstart.cjs');
    const required = code.replace(
      /^import \{ ([^}]+) \} from '([^']+)';$/m,
      "const { $1 } = require('$2');",
    );
    expect(required).not.toBe(code);
    writeFileSync(cjs, required);
    for (const file of [esm, cjs]) {
      const out = execFileSync(process.execPath, [file], {
        cwd: join(work, 'consumer'),
        encoding: 'utf8',
      });
      expect(out, file).toBe(prints);
    }
  });

  it('resolves every entry point through import and require, with the same exports', () => {
    const esm = run('esm.mjs');
    const cjs = run('cjs.cjs');
    expect(Object.keys(esm)).toEqual(specifiers);
    expect(cjs).toEqual(esm);
  });

  it('exports from each entry point exactly what its source module exports', async () => {
    const esm = run('esm.mjs');
    for (const specifier of specifiers) {
      const source = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
      expect(esm[specifier], specifier).toEqual(Object.keys(source).sort());
    }
  });
});
