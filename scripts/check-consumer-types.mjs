#!/usr/bin/env node
// Compiles a consumer's file against the built package (dist/) with every TypeScript a consumer may
// use: 5.0, the project's own 5.9, 6.0 and 7; as ESM and as CommonJS under node16 resolution, and
// under bundler resolution; strict, without skipLibCheck. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const compat = join(here, 'ts-compat');
if (!existsSync(join(root, 'dist', 'index.d.ts')))
  throw new Error('dist/ is missing: run npm run build first');
execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', compat], { stdio: 'ignore' });

const compilers = [
  ['5.0', join(compat, 'node_modules', 'ts-5.0', 'bin', 'tsc')],
  ['5.9 (the project’s)', join(root, 'node_modules', 'typescript', 'bin', 'tsc')],
  ['6.0', join(compat, 'node_modules', 'ts-6.0', 'bin', 'tsc')],
  ['7', join(compat, 'node_modules', 'ts-7', 'bin', 'tsc')],
];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const setups = [
  ['ESM, node16', { type: 'module' }, { module: 'node16', moduleResolution: 'node16' }],
  ['CommonJS, node16', {}, { module: 'node16', moduleResolution: 'node16' }],
  ['bundler', { type: 'module' }, { module: 'esnext', moduleResolution: 'bundler' }],
];

const work = mkdtempSync(join(tmpdir(), 'subscription-machines-ts-'));
let failed = false;
try {
  const modules = join(work, 'node_modules');
  mkdirSync(join(modules, 'subscription-machines'), { recursive: true });
  cpSync(join(root, 'dist'), join(modules, 'subscription-machines', 'dist'), { recursive: true });
  writeFileSync(join(modules, 'subscription-machines', 'package.json'), JSON.stringify(pkg));
  for (const dep of [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
  ]) {
    mkdirSync(dirname(join(modules, dep)), { recursive: true });
    symlinkSync(join(root, 'node_modules', dep), join(modules, dep), 'dir');
  }
  cpSync(join(compat, 'consumer.ts'), join(work, 'consumer.ts'));
  for (const [name, packageJson, options] of setups) {
    writeFileSync(
      join(work, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, ...packageJson }),
    );
    const compilerOptions = {
      strict: true,
      noEmit: true,
      target: 'es2022',
      skipLibCheck: false,
      types: [],
      ...options,
    };
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, files: ['consumer.ts'] }),
    );
    for (const [version, tsc] of compilers) {
      try {
        execFileSync(process.execPath, [tsc, '-p', join(work, 'tsconfig.json')], {
          cwd: work,
          encoding: 'utf8',
        });
        console.log(`ok   TypeScript ${version}, ${name}`);
      } catch (error) {
        failed = true;
        console.log(`FAIL TypeScript ${version}, ${name}\n${error.stdout ?? error.message}`);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) process.exit(1);
