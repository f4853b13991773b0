import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// BUILD_DIR / KIT_OUT_DIR let several builds (e.g. parallel developers) live side by side.
const pages = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages, assets: pages, strict: true }),
    outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
    prerender: { entries: ['*'] },
    alias: {
      $workers: 'workers',
      $common: 'common',
      // The blocking build is not in the package's exports; it gives the worker the same synchronous
      // API that vitest uses in Node, so the SQL layer is one code path.
      '$duckdb-blocking': 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking'
    },
    typescript: {
      config(ts) {
        ts.include.push(
          '../workers/**/*.ts',
          '../common/**/*.ts',
          '../cli/**/*.ts',
          '../scripts/**/*.ts',
          '../bench/**/*.ts',
          '../tests/**/*.ts'
        );
      }
    },
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'worker-src': ['self', 'blob:'],
        'connect-src': ['self', 'blob:', 'data:'],
        'img-src': ['self', 'data:', 'blob:'],
        // The web app manifest and its icons (img-src) are the site's own files.
        'manifest-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    }
  }
};
