/**
 * What a user's bundler takes from the package: a fresh build, bundled by esbuild the way an app
 * would (minified, xstate and date-fns external). Importing one constant pulls in no machine, and
 * one Marketplace machine none of its siblings. The sizes of whole entries are measured and
 * printed; they are not asserted here (see the closing notes for the budget).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTimeInitializers } from '../../scripts/pure-annotations';

const root = resolve(import.meta.dirname, '../..');
let dist = '';

beforeAll(() => {
  dist = join(mkdtempSync(join(tmpdir(), 'subscription-machines-bundle-')), 'dist');
  execFileSync(
    join(root, 'node_modules', '.bin', 'tsup'),
    ['--out-dir', dist, '--silent', '--no-dts'],
    {
      cwd: root,
      stdio: 'pipe',
    },
  );
}, 120_000);
afterAll(() => rmSync(join(dist, '..'), { recursive: true, force: true }));

async function bundle(contents: string): Promise<{ code: string; gzip: number }> {
  const result = await build({
    stdin: { contents: contents.replaceAll('DIST', dist), resolveDir: dist, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    external: ['xstate', 'date-fns', '@date-fns/*'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { code, gzip: gzipSync(code).length };
}

describe('tree-shaking', () => {
  it('one constant pulls in no machine', async () => {
    const { code } = await bundle(
      "import { SUBSCRIPTION_STATUSES } from 'DIST/index.js'; console.log(SUBSCRIPTION_STATUSES);",
    );
    expect(code).not.toContain('fulfillmentRequest');
    expect(code).not.toContain('createMachine');
    expect(code.length).toBeLessThan(1_000);
  });

  it('one Marketplace machine bundles neither of its siblings', async () => {
    const { code } = await bundle(
      "import { marketplaceOrderMachine } from 'DIST/marketplace/index.js'; console.log(marketplaceOrderMachine);",
    );
    expect(code).toContain('marketplaceOrder');
    expect(code).not.toContain('marketplaceSubscription');
    expect(code).not.toContain('marketplaceAgreement');
  });

  it('the build step marks every module-level initializer that runs code', () => {
    const text = readFileSync(join(root, 'src/connect/subscription.machine.ts'), 'utf8');
    expect(loadTimeInitializers('subscription.machine.ts', text).length).toBeGreaterThan(2);
  });

  it('reports the size of each whole entry, minified and gzipped', async () => {
    const sizes: string[] = [];
    for (const entry of ['index', 'marketplace/index', 'opencell/index', 'terms/index']) {
      const { gzip } = await bundle(`export * from 'DIST/${entry}.js';`);
      sizes.push(`${entry}: ${(gzip / 1024).toFixed(1)} kB`);
      expect(gzip).toBeGreaterThan(0);
    }
    console.info(
      `bundle sizes (minified, gzipped, xstate and date-fns external): ${sizes.join(', ')}`,
    );
  });
});
