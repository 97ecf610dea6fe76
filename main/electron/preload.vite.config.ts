import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Bundles the preload into one CommonJS file with zod and shared/ inlined: a sandboxed
 * preload may require only `electron` and a few Node built-ins, never a local file.
 */
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('../../out/preload', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    minify: false,
    sourcemap: false,
    lib: {
      entry: fileURLToPath(new URL('./preload.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rollupOptions: { external: ['electron'] },
  },
});
