import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { minify } from 'terser';
import type { Plugin } from 'vite';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Identifies a deployment: the page and the worker compare it to detect a stale tab. */
function buildId(): string {
  if (process.env.SATCHEL_BUILD_ID) return process.env.SATCHEL_BUILD_ID;
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'dev';
  }
}

/**
 * A second minification pass: terser's compressor (3 passes) over each chunk as Vite's own
 * minifier (oxc) wrote it, source maps carried through. Measured on the worker (issue 16, gzip
 * -9): oxc alone 90.7 KB, terser alone (3 passes) 90.1, oxc then terser 89.1. Terser alone keeps
 * `const` where oxc writes `let` everywhere; both together compress best. Names stay as oxc
 * mangled them.
 */
function compressAgain(): Plugin {
  return {
    name: 'satchel:compress-again',
    apply: 'build',
    async generateBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.code, {
          compress: { passes: 3 },
          mangle: false,
          // ES chunks (the page's) are modules; the worker is a classic script.
          module: options.format === 'es',
          ecma: 2020,
          sourceMap: chunk.map ? { content: JSON.stringify(chunk.map), asObject: true } : false,
        });
        chunk.code = result.code ?? chunk.code;
        // `npm run size -- --by-module` reads the maps (hidden: none is linked from the code).
        const map = bundle[`${chunk.fileName}.map`];
        if (map?.type === 'asset' && result.map) map.source = JSON.stringify(result.map);
      }
    },
  };
}

// `npm run size -- --by-module` builds with SATCHEL_SOURCEMAP=1: maps beside the files, no map
// comment in them, so the code is byte for byte the one shipped.
const sourcemap = process.env.SATCHEL_SOURCEMAP === '1' ? 'hidden' : false;

export default defineConfig({
  define: { __SATCHEL_BUILD__: JSON.stringify(buildId()) },
  build: {
    outDir: process.env.SATCHEL_OUT_DIR ?? 'dist',
    target: 'es2022',
    sourcemap,
  },
  resolve: {
    // Dexie's ES2018 build instead of the ES5 one its import-wrapper loads (a guard against
    // two copies when CommonJS and ESM code both import it; here only src/db imports Dexie,
    // as ESM): same version and code, 1.7 KB less gzip in the worker. Tests in Node keep the
    // package's default entry.
    alias: [
      { find: /^dexie$/u, replacement: 'dexie/dist/modern/dexie.mjs' },
      // ltx's parse() for src/cache: ours (src/cache/parseXml.ts), the same tree on the SAX
      // parser already in the worker, instead of ltx's second tree builder.
      {
        find: /^ltx\/lib\/parse\.js$/u,
        replacement: fileURLToPath(new URL('src/cache/parseXml.ts', import.meta.url)),
      },
      // ltx's ES modules instead of its CommonJS build (@xmpp/xml and src/cache import
      // `ltx/lib/*`): the same code, without the CommonJS wrappers.
      { find: /^ltx\/lib\/(.*)$/u, replacement: 'ltx/src/$1' },
      // Node's `events` for xmpp.js and ltx: ours, the part they use, instead of the npm
      // polyfill (1.6 KB gzip less in the worker; src/xmpp/EventEmitter.ts).
      {
        find: /^events$/u,
        replacement: fileURLToPath(new URL('src/xmpp/EventEmitter.ts', import.meta.url)),
      },
      // koa-compose for @xmpp/middleware: ours, as an ES module (src/xmpp/composeMiddleware.ts):
      // the worker's last CommonJS module and the bundler's interop helpers go.
      {
        find: /^koa-compose$/u,
        replacement: fileURLToPath(new URL('src/xmpp/composeMiddleware.ts', import.meta.url)),
      },
    ],
  },
  plugins: [
    preact(),
    compressAgain(),
    VitePWA({
      // inject-manifest: our own worker (src/sw/sw.ts) with the build's precache list injected
      // (`self.__WB_MANIFEST`, read by src/sw/createPrecache.ts; no Workbox code in the worker).
      // Registration is ours too (src/ui/update/registerEngine.ts), so no injected script.
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // A classic (non-module) script: Firefox loads module service workers only recently.
        rollupFormat: 'iife',
        sourcemap,
        buildPlugins: { vite: [compressAgain()] },
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,ico}'],
      },
      devOptions: { enabled: false },
    }),
  ],
});
