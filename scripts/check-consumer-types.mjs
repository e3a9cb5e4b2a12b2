#!/usr/bin/env node
// Compiles a consumer's file against the built package (dist/) with every TypeScript a consumer may
// use: 5.0, the project's own 5.9, 6.0 and 7; as ESM and as CommonJS under node16 and nodenext
// resolution, and under bundler resolution; strict, without skipLibCheck. It also checks what the
// README says of node10 (`moduleResolution: "node"`): the subpath imports fail there with TS2307.
// Run after `npm run build`.
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
  ['ESM, nodenext', { type: 'module' }, { module: 'nodenext', moduleResolution: 'nodenext' }],
  ['CommonJS, nodenext', {}, { module: 'nodenext', moduleResolution: 'nodenext' }],
  ['bundler', { type: 'module' }, { module: 'esnext', moduleResolution: 'bundler' }],
];
// node10 ignores `exports`, so only the root entry point resolves (through `types`). TypeScript 6
// deprecates node10 and 7 removes it: the compilers that still have it are enough.
const node10 = ['CommonJS, node10', {}, { module: 'commonjs', moduleResolution: 'node10' }];
const node10Compilers = compilers.slice(0, 2);

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
  /** Writes the consumer's package.json and tsconfig.json; returns a compile with one tsc. */
  const setUp = ([, packageJson, options]) => {
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
    return (tsc) =>
      execFileSync(process.execPath, [tsc, '-p', join(work, 'tsconfig.json')], {
        cwd: work,
        encoding: 'utf8',
      });
  };
  for (const setup of setups) {
    const compile = setUp(setup);
    for (const [version, tsc] of compilers) {
      try {
        compile(tsc);
        console.log(`ok   TypeScript ${version}, ${setup[0]}`);
      } catch (error) {
        failed = true;
        console.log(`FAIL TypeScript ${version}, ${setup[0]}\n${error.stdout ?? error.message}`);
      }
    }
  }
  const compile = setUp(node10);
  for (const [version, tsc] of node10Compilers) {
    let output = '';
    try {
      compile(tsc);
    } catch (error) {
      output = error.stdout ?? '';
    }
    const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
    const subpaths = errors.filter((line) =>
      /error TS2307: Cannot find module 'subscription-machines\/\w+'/.test(line),
    );
    if (subpaths.length > 0 && subpaths.length === errors.length) {
      console.log(
        `ok   TypeScript ${version}, ${node10[0]}: the subpaths fail with TS2307, as documented`,
      );
    } else {
      failed = true;
      console.log(
        `FAIL TypeScript ${version}, ${node10[0]}: expected TS2307 on the subpaths only\n${output}`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) process.exit(1);
