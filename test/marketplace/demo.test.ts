/**
 * `npm run demo -- marketplace` (examples/marketplace-story.ts) tells its story to the end: the
 * subscription Terminated on the date its Termination order set ahead, one refusal on the way.
 */
import { expect, it } from 'vitest';
import { tellMarketplaceStory } from '../../examples/marketplace-story';

it('tells the Marketplace story to its end', () => {
  const lines: string[] = [];
  const actor = tellMarketplaceStory({ log: (line) => lines.push(line) });
  expect(actor.getSnapshot().value).toBe('Terminated');
  expect(actor.getSnapshot().context.terminationDate).toBe('2026-04-30T00:00:00Z');
  expect(lines.filter((line) => line.includes('REFUSED'))).toEqual([
    expect.stringContaining('REQUEST_IN_PROGRESS'),
  ]);
  expect(lines.at(-1)).toMatch(/^\nFinal: Terminated on 2026-04-30/);
});
