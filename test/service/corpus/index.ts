/**
 * The bad-input corpus the edge test sends as HTTP bodies. A larger corpus of the same shape
 * (`BadCommand`, `BadInput`) plugs in by being added to these two lists.
 */
import { connectCommands, connectInputs } from './connect';
import { marketplaceCommands, marketplaceInputs } from './marketplace';
import { opencellCommands, opencellInputs } from './opencell';
import type { BadCommand, BadInput } from './types';

export type { BadCommand, BadInput, MachineName } from './types';

export const badCommands: readonly BadCommand[] = [
  ...connectCommands,
  ...marketplaceCommands,
  ...opencellCommands,
];

export const badInputs: readonly BadInput[] = [
  ...connectInputs,
  ...marketplaceInputs,
  ...opencellInputs,
];
