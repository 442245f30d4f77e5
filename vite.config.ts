import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The client is one SPA with a route per role. In development, vite proxies the socket and
// the HTTP API to the server on :3000; in production the server serves client/dist itself.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
