import { defineConfig } from 'tsup';
import { pureAnnotations } from './scripts/pure-annotations';

/** One entry per subpath export of package.json. */
export const entries = {
  index: 'src/index.ts',
  'marketplace/index': 'src/marketplace/index.ts',
  'opencell/index': 'src/opencell/index.ts',
  'terms/index': 'src/terms/index.ts',
  'testing/index': 'src/testing/index.ts',
  'diagram/index': 'src/diagram/index.ts',
};

export default defineConfig({
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
  tsconfig: 'tsconfig.build.json',
  outDir: 'dist',
  // Module-level calls build values only: a user's bundler may drop what the user does not import.
  esbuildPlugins: [pureAnnotations()],
});
