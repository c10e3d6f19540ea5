import { defineConfig } from 'tsup';

// One build, two formats: esbuild bundles each entry (so extensionless source imports
// work under Node's ESM loader), shared code goes to common chunks (so the main entry
// and subpaths share one HttpError class), and declarations come as .d.ts/.d.mts pairs
// so each resolution mode gets types matching its format.
export default defineConfig({
  entry: ['src/index.ts', 'src/client.ts', 'src/zod.ts'],
  format: ['esm', 'cjs'],
  target: 'node20',
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  tsconfig: 'tsconfig.build.json',
  // The ES module build resolves optional peers (OpenTelemetry) from its own URL.
  esbuildOptions(options, { format }) {
    if (format === 'esm') options.define = { ...options.define, IMPORT_META_URL: 'import.meta.url' };
  },
});
