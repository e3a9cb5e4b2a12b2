/**
 * `npm run demo`: the life of a CloudBlue Connect subscription (examples/story.ts), printed.
 * `npm run demo -- marketplace` and `npm run demo -- opencell` tell the other platforms' stories.
 */
import { tellMarketplaceStory } from './marketplace-story';
import { tellOpencellStory } from './opencell-story';
import { tellStory } from './story';

const STORIES: Readonly<Record<string, () => unknown>> = {
  connect: () => tellStory(),
  marketplace: () => tellMarketplaceStory(),
  opencell: () => tellOpencellStory(),
};

const name = process.argv[2] ?? 'connect';
const story = Object.hasOwn(STORIES, name) ? STORIES[name] : undefined;
if (story === undefined) {
  console.error(
    `npm run demo -- <${Object.keys(STORIES).join(' | ')}>: no story named ${JSON.stringify(name)}`,
  );
  process.exitCode = 1;
} else story();
