/**
 * docs/README.md (also the index page of the API reference) lists every entry point, and each name
 * it gives is a real export of that entry point.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(resolve(ROOT, file), 'utf8');

it("docs/README.md's entry point table names every entry point and only real exports", async () => {
  const pkg = JSON.parse(read('package.json')) as { exports: Record<string, unknown> };
  const entries = Object.keys(pkg.exports)
    .filter((key) => key !== './package.json')
    .map((key) =>
      key === '.' ? 'subscription-machines' : `subscription-machines/${key.slice(2)}`,
    );
  const rows = read('docs/README.md')
    .split('\n')
    .filter((line) => line.startsWith('| `subscription-machines'));
  const listed = rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1]);
  expect(listed).toEqual(entries);

  for (const row of rows) {
    const [, entry = '', holds = ''] = row.split('|').map((cell) => cell.trim().replace(/`/g, '"'));
    const names = [...holds.matchAll(/"([A-Za-z_]\w*)"/g)].map((m) => m[1] as string);
    expect(names.length, entry).toBeGreaterThan(0);
    const module = (await import(/* @vite-ignore */ entry.replace(/"/g, ''))) as object;
    for (const name of names) expect(Object.keys(module), `${entry} ${name}`).toContain(name);
  }
});
