/**
 * `npm run demo -- opencell` (examples/opencell-story.ts) tells its story to the end: renewals that
 * drift as Opencell's do, a new version's products, and a termination dated today that the clock
 * applies once its day is over.
 */
import { expect, it } from 'vitest';
import { tellOpencellStory } from '../../examples/opencell-story';

it('tells the Opencell story to its end', () => {
  const lines: string[] = [];
  const actor = tellOpencellStory({ log: (line) => lines.push(line) });
  const { value, context } = actor.getSnapshot();
  expect(value).toBe('RESILIATED');
  expect(context.terminationDate).toBe('2026-06-10T12:00:00Z');
  expect(lines.some((line) => line.includes('REFUSED'))).toBe(false);
  expect(lines.join('\n')).toContain('2026-02-28, 2026-03-28, 2026-04-28, 2026-05-28');
  expect(lines.join('\n')).toContain('2026-02-28, 2026-03-31, 2026-04-30, 2026-05-31');
});
