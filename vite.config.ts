import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The client is one SPA with a route per role. In development, vite proxies the socket and
// the HTTP API to the server on :3000; in production the server serves client/dist itself.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // zod with the switch that turns its `new Function` probe off (client/src/zod-jitless.ts)
        // in one chunk of their own: every chunk that builds a schema imports it, so the switch
        // is set before the first schema exists, however the rest is split (the server's CSP has
        // no 'unsafe-eval'; with zod in a shared chunk the probe ran before the entry's code).
        codeSplitting: { groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|zod-jitless/ }] },
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
