/**
 * `npm run diagrams`: redraws docs/diagrams/*.md and the diagram in README.md from the machines
 * (scripts/diagram-docs.ts), and removes the diagram of a machine that is gone.
 * `npm run diagrams -- --check` only compares, and exits 1 when something is out of date.
 * `npm run diagrams -- --measure` renders each diagram in headless Chromium (scripts/diagram-render.ts)
 * and prints its size in px, and any label that leaves its frame; it writes nothing.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DIAGRAMS,
  diagramDocs,
  diagramFilesOnDisk,
  ROOT,
  readme,
  withReadmeDiagram,
} from './diagram-docs';

const check = process.argv.includes('--check');
const wanted = diagramDocs();
wanted.set('README.md', withReadmeDiagram(readme()));

if (process.argv.includes('--measure')) {
  const { measure } = await import('./diagram-measure-cli');
  process.exit(await measure(wanted));
}

const stale = diagramFilesOnDisk().filter((path) => !wanted.has(path));
const changed = [...wanted].filter(([path, text]) => {
  try {
    return readFileSync(join(ROOT, path), 'utf8') !== text;
  } catch {
    return true;
  }
});

if (check) {
  for (const [path] of changed) console.error(`${path} is out of date`);
  for (const path of stale) console.error(`${path} draws no machine any more`);
  if (changed.length + stale.length > 0) {
    console.error('run npm run diagrams');
    process.exit(1);
  }
  console.log(`${wanted.size} diagram files are up to date.`);
} else {
  for (const [path, text] of changed) writeFileSync(join(ROOT, path), text);
  for (const path of stale) rmSync(join(ROOT, path));
  console.log(
    `${DIAGRAMS}: ${changed.length} written, ${stale.length} removed, ${wanted.size - changed.length} unchanged.`,
  );
}
