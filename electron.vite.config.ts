import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = dirname(fileURLToPath(import.meta.url));

// electron-vite forces base './' for production renderer builds (for file:// pages). We serve
// the renderer from app://desk/ and from http://127.0.0.1:5199/, where a screen path such as
// /slips/12 falls back to index.html, so asset URLs must be absolute ('/assets/…').
const absoluteBase: Plugin = { name: 'desk:absolute-base', config: () => ({ base: '/' }) };

// `electron-vite build` needs only node_modules/electron/package.json (for the version), never
// the Electron binary, so it works on machines where that binary cannot be downloaded.
export default defineConfig({
  // out/main/main.js (package.json "main"), ES module; better-sqlite3 and the other runtime
  // dependencies stay external and load from node_modules.
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: {
        input: { main: resolve(root, 'electron/main.ts') },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  // Sandboxed preloads must be CommonJS: out/preload/preload.cjs.
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: resolve(root, 'out/preload'),
      rolldownOptions: {
        input: { preload: resolve(root, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // A plain React app: the same out/renderer runs in Electron and in any browser (browser mode).
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), absoluteBase],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
