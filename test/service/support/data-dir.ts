/**
 * Fresh PGlite data directories. Initialising a cluster (PGlite's initdb) takes seconds, so it is
 * done once per machine and PGlite version, into a template that every test copies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { ROOT } from './paths';

const version = (
  JSON.parse(
    readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string }
).version;
const TEMPLATE = join(tmpdir(), `subscription-machines-pglite-template-${version}`);

async function ensureTemplate(): Promise<void> {
  if (existsSync(join(TEMPLATE, 'PG_VERSION'))) return;
  const building = await mkdtemp(`${TEMPLATE}-building-`);
  const db = await PGlite.create(building);
  await db.close();
  // The rename is atomic: a template that exists is complete. Another worker may have won.
  await rename(building, TEMPLATE).catch(() => rm(building, { recursive: true, force: true }));
}

/** A new temporary folder, and in it `data/`, a copy of an initialised, empty PGlite cluster. */
export async function freshDataDir(): Promise<{ dir: string; dataDir: string }> {
  await ensureTemplate();
  const dir = await mkdtemp(join(tmpdir(), 'service-test-'));
  const dataDir = join(dir, 'data');
  await cp(TEMPLATE, dataDir, { recursive: true });
  return { dir, dataDir };
}
