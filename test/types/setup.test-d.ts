import * as root from 'subscription-machines';
import { expectTypeOf, test } from 'vitest';

// Type tests live in test/types/*.test-d.ts and run with `npm test` (vitest typecheck).
test('the root entry point is a module namespace', () => {
  expectTypeOf(root).toBeObject();
});
