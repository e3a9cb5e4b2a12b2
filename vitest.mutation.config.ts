/**
 * The tests Stryker runs against each mutant (`npm run mutation`): the library's own tests, in
 * forks. Left out: the reference host (PostgreSQL, PGlite, child processes), the package checks
 * (they build), the browser and relay tests (Chromium, sockets) and the link check (`npm pack`):
 * they read no mutated file's behaviour that the rest does not, and they are slow.
 */
import { relative } from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config';

/**
 * A mutant's run stops at its first failing test, so the files that failed last and then the
 * quickest run first: most mutants die in the first few files, not after the property tests.
 */
class QuickFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const cost = (file: TestSpecification) => {
      const key = `${file.project.name}:${relative(config.root, file.moduleId)}`;
      const results = cache.getFileTestResults(key);
      if (results?.failed) return -1;
      return results?.duration ?? cache.getFileStats(key)?.size ?? 0;
    };
    return [...files].sort((a, b) => cost(a) - cost(b));
  }
}

export default mergeConfig(
  { resolve: base.resolve },
  defineConfig({
    plugins: [
      {
        // Stryker's vitest runner asks for worker threads; two tests switch `process.env.TZ`,
        // which only a process honours, so every project runs in forks whatever the runner asks.
        name: 'mutation:forks',
        configureVitest({ project }) {
          project.config.pool = 'forks';
        },
      },
    ],
    test: {
      testTimeout: 60_000,
      sequence: { sequencer: QuickFirst },
      // Property tests read this to cap their runs (test/support/runs.ts); `npm test` never sets it.
      env: { MUTATION_NUM_RUNS: '10' },
      projects: [
        {
          extends: true,
          test: {
            name: 'mutation',
            // One process per run, not per file: a third of the time. Stryker starts a new one for
            // each mutant, so a mutant never outlives its run.
            isolate: false,
            include: ['test/**/*.test.ts'],
            exclude: [
              'test/service/**',
              'test/package/**',
              'test/diagram/render.test.ts',
              'test/inspector/page.test.ts',
              'test/inspector/server.test.ts',
              'test/docs/links.test.ts',
            ],
          },
        },
      ],
    },
  }),
);
