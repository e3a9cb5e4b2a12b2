/**
 * The library as a user runs it: the built package (`npm run bench` builds it first), typed as its
 * source. Benchmarks measure `dist/`, as bare XState is measured from its own build.
 */
import type * as Root from '../src/index';
import type * as Marketplace from '../src/marketplace/index';
import type * as Opencell from '../src/opencell/index';

const load = <T>(path: string): Promise<T> => import(path) as Promise<T>;

export const lib = await load<typeof Root>('../dist/index.js');
export const marketplace = await load<typeof Marketplace>('../dist/marketplace/index.js');
export const opencell = await load<typeof Opencell>('../dist/opencell/index.js');
