/**
 * The bad-input corpus the edge test sends as HTTP bodies. A larger corpus of the same shape
 * (`BadCommand`, `BadInput`) plugs in by being added to these two lists.
 */

import { BAD_INPUT } from '../../corpus/bad-input';
import { connectCommands, connectInputs } from './connect';
import { marketplaceCommands, marketplaceInputs } from './marketplace';
import { opencellCommands, opencellInputs } from './opencell';
import type { BadCommand, BadInput, MachineName } from './types';

const SERVED: ReadonlySet<string> = new Set<MachineName>([
  'connect',
  'marketplace-subscription',
  'marketplace-order',
  'opencell',
]);

/** The library's own bad-input corpus, where its command is JSON and its machine is served. */
const library: BadCommand[] = BAD_INPUT.filter((c) => c.json && SERVED.has(c.machine)).map((c) => ({
  machine: c.machine as MachineName,
  name: `library corpus: ${c.name}`,
  input: c.input,
  setup: c.setup,
  command: c.command,
  code: c.code,
}));

export type { BadCommand, BadInput, MachineName } from './types';

export const badCommands: readonly BadCommand[] = [
  ...library,
  ...connectCommands,
  ...marketplaceCommands,
  ...opencellCommands,
];

export const badInputs: readonly BadInput[] = [
  ...connectInputs,
  ...marketplaceInputs,
  ...opencellInputs,
];
