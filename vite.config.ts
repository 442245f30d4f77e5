import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { phoneTextAsset, precompress } from './scripts/vite/phone-build.js';

/**
 * The phones deputies bring (README, "Browsers"): WeChat's in-app browser on Android (XWeb /
 * X5, Chromium-based) and iOS (the system WKWebView), iOS 13 Safari, Android 8's Chrome 61
 * WebView. Syntax newer than this is lowered by the bundler; `npm run check:es` checks the
 * deputy page's files against ES2017 (scripts/check-es.ts).
 */
export const PHONE_TARGET = ['es2017', 'chrome64', 'safari13', 'ios13', 'edge79', 'firefox67'];

// The client is one SPA with a route per role. In development, vite proxies the socket and
// the HTTP API to the server on :3000; in production the server serves client/dist itself.
export default defineConfig({
  root: 'client',
  plugins: [react(), phoneTextAsset('client/src/i18n'), precompress('dist/client')],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: PHONE_TARGET,
    // Which files each page loads (scripts/check-es.ts and the phone budget read it).
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // zod with the switch that turns its `new Function` probe off (client/src/zod-jitless.ts)
        // in one chunk of their own: every chunk that builds a schema imports it, so the switch
        // is set before the first schema exists, however the rest is split (the server's CSP has
        // no 'unsafe-eval'; with zod in a shared chunk the probe ran before the entry's code).
        // The polyfills (client/src/polyfills.ts) go with them: zod calls BigInt at load.
        codeSplitting: { groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|zod-jitless|polyfills/ }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
