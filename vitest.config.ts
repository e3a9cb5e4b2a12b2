import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^subscription-machines$/, replacement: src('index.ts') },
      { find: /^subscription-machines\/(.*)$/, replacement: src('$1/index.ts') },
    ],
  },
  test: {
    // Property and tamper tests walk thousands of states; CI machines have two shared cores.
    testTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'html'],
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'library',
          include: ['test/**/*.test.ts'],
          exclude: ['test/service/**'],
          typecheck: {
            enabled: true,
            include: ['test/types/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        // The reference host's tests start databases and processes and load them: they run after
        // the library's tests, so that they never slow those down.
        extends: true,
        test: {
          name: 'service',
          include: ['test/service/**/*.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
