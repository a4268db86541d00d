// Builds the renderer into dist/renderer, served by the Electron shell (app://) and by `vetted serve`.
// Run from the repository root: `npm run build:renderer`.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** This folder, from the config file's own URL (the renderer may not import Node built-ins). */
function here(): string {
  const path = decodeURIComponent(new URL('.', import.meta.url).pathname);
  // file:///C:/x/ → /C:/x/ on Windows; drop the leading slash there.
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

export default defineConfig({
  root: here(),
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // Served under a strict CSP: no inline scripts, and no data: fonts or scripts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  server: { port: 5173, strictPort: false },
});
