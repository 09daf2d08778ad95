import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './common/csp';

/** Writes the one CSP string into the console's <meta> tag, so the file and the servers never disagree. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'switchboard-csp',
    transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', CONTENT_SECURITY_POLICY),
  };
}

export default defineConfig({
  main: {
    build: {
      // zod is 95 files: loaded one by one they were a sixth of the `switchboard` command's start
      // (0.203 s → 0.167 s of CPU for `--help`, farm-bench medians). Bundled, they are read as one.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          // The Electron shell, and the Node-only `switchboard` command (CLI and browser mode).
          index: resolve(__dirname, 'main/electron/index.ts'),
          cli: resolve(__dirname, 'main/cli-entry.ts'),
          // Fetch and parse run in this worker thread, off the process that serves the console.
          'ingest-worker': resolve(__dirname, 'main/workers/ingest-worker.ts'),
          // The full integrity check (PRAGMA quick_check) of the database, off the console's thread.
          'check-worker': resolve(__dirname, 'main/workers/check-worker.ts'),
          // The console's long reads (searches), on a connection of their own, off the thread that answers keys.
          'read-worker': resolve(__dirname, 'main/workers/read-worker.ts'),
        },
        // Shared chunks sit beside the entries, so __dirname is out/main in every bundled file
        // (the worker and the built renderer are found relative to it).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload may only require('electron'): bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        external: ['electron'],
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), contentSecurityPolicy()],
    // Components' styles are CSS modules beside them (QueueList.module.css): `styles.queueRow`.
    css: { modules: { localsConvention: 'camelCaseOnly' } },
    build: {
      // The console loads from disk (or loopback) on every start: ship it minified.
      minify: true,
      // One stylesheet, linked from index.html: the lazily loaded dashboard's module CSS goes in it
      // too, so no <link> is added at run time and the cascade's order is the same everywhere.
      cssCodeSplit: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
});
