/** docs/testing.md shows the consumer example (test/testing/consumer-example/) as it is. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE = 'test/testing/consumer-example';

describe('docs/testing.md', () => {
  const page = readFileSync(resolve(ROOT, 'docs/testing.md'), 'utf8');

  it.each(readdirSync(resolve(ROOT, EXAMPLE)))(`shows ${EXAMPLE}/%s verbatim`, (file) => {
    const code = readFileSync(resolve(ROOT, EXAMPLE, file), 'utf8');
    expect(
      page.includes(`\`\`\`ts\n${code}\`\`\``),
      `copy ${EXAMPLE}/${file} into docs/testing.md`,
    ).toBe(true);
  });
});
