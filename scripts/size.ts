/**
 * `npm run size`: what each entry costs a bundler, minified and gzipped, with xstate and date-fns
 * external, the way an application's bundler would tree-shake `dist/`. It reports; it does not
 * fail, since budgets are goals to measure against, not a test (run `npm run build` first).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const dist = resolve(import.meta.dirname, '../dist');
const from = (entry: string) => JSON.stringify(`${dist}/${entry}`);

/** What an application imports, and the budget (kB, min+gz) where there is one. */
const cases: readonly { name: string; code: string; budget?: number }[] = [
  { name: 'root, everything', code: `export * from ${from('index.js')};`, budget: 10 },
  {
    name: 'root, SUBSCRIPTION_STATUSES only',
    code: `export { SUBSCRIPTION_STATUSES } from ${from('index.js')};`,
  },
  {
    name: 'root, the command API (no machine)',
    code: `export { execute, explain, can, restore, persist } from ${from('index.js')};`,
  },
  {
    name: 'root, execute + subscriptionMachine',
    code: `export { execute, subscriptionMachine } from ${from('index.js')};`,
  },
  {
    name: 'root, fromConnectRequest + connectCommands',
    code: `export { fromConnectRequest, connectCommands } from ${from('index.js')};`,
  },
  {
    name: 'marketplace, everything',
    code: `export * from ${from('marketplace/index.js')};`,
    budget: 8,
  },
  {
    name: 'marketplace, the order machine only',
    code: `export { marketplaceOrderMachine } from ${from('marketplace/index.js')};`,
  },
  { name: 'opencell, everything', code: `export * from ${from('opencell/index.js')};`, budget: 8 },
  { name: 'terms, everything', code: `export * from ${from('terms/index.js')};` },
  { name: 'testing, everything', code: `export * from ${from('testing/index.js')};` },
];

if (!existsSync(`${dist}/index.js`)) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}

const rows: string[][] = [['entry', 'min kB', 'min+gz kB', 'budget']];
for (const { name, code, budget } of cases) {
  const result = await build({
    stdin: { contents: code, resolveDir: dist, loader: 'js' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    external: ['xstate', 'xstate/*', 'date-fns', 'date-fns/*', '@date-fns/*'],
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text ?? '';
  const gz = gzipSync(text).length / 1024;
  const verdict = budget === undefined ? '' : `${budget} ${gz <= budget ? '(within)' : '(over)'}`;
  rows.push([name, (text.length / 1024).toFixed(1), gz.toFixed(1), verdict]);
}
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
for (const row of rows)
  console.log(
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  '),
  );
