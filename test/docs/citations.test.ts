/**
 * What a user reads cites only what a user can read: the platforms' own documentation, or files of
 * this repository. No guide, source comment, description, example or script may send the reader
 * to a working paper the repository does not have.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The project's working papers and their pictures, which are not in the repository. */
const PRIVATE_FILE =
  /DOMAIN\.md|SPEC\.md|STYLE\.md|XSTATE-NOTES|PLATFORM-SOURCES|reference\/[\w-]+\.png|\bseeds?\s+\d{3}\b/;

/** Files still being rewritten, whose citations are checked once they are done: none now. */
const PENDING: readonly RegExp[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return path === 'docs/api' ? [] : filesUnder(path);
    return /\.(ts|mjs|js|md)$/.test(entry.name) ? [path] : [];
  });
}

it('cites no file outside the repository', () => {
  const files = [
    'README.md',
    'CHANGELOG.md',
    ...['docs', 'src', 'examples', 'scripts', 'bench'].flatMap(filesUnder),
    ...filesUnder('test').filter((file) => file !== 'test/docs/citations.test.ts'),
  ].filter((file) => !PENDING.some((pending) => pending.test(file)));
  const found = files.flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        PRIVATE_FILE.test(line) && !line.includes('PRIVATE_FILE') ? [`${file}:${i + 1}`] : [],
      ),
  );
  expect(files.length).toBeGreaterThan(100);
  expect(found).toEqual([]);
});
