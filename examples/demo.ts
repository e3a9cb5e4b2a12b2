/**
 * `npm run demo`: the life of a CloudBlue Connect subscription (examples/story.ts), printed.
 */
import { tellStory } from './story';

tellStory();
