/**
 * The tests `npm run mutation:terms` runs against each mutant of `src/terms/**`: the terms' own
 * tests, and the other test files that import the terms module (its property tests, and the
 * Marketplace and Opencell tests that count renewals with `addPeriods`). The machines' other tests
 * reach the terms too, but a terms mutant should be caught by a test about the terms.
 */
import base from './vitest.mutation.config';

export default {
  ...base,
  test: {
    ...base.test,
    projects: [
      {
        extends: true,
        test: {
          name: 'mutation:terms',
          // One process per run, as in vitest.mutation.config.ts.
          isolate: false,
          include: [
            'test/terms/**/*.test.ts',
            'test/properties/terms.property.test.ts',
            'test/properties/terms-differential.property.test.ts',
            'test/marketplace/subscription.renewal.test.ts',
            'test/opencell/fidelity.test.ts',
          ],
        },
      },
    ],
  },
};
