// Builds the provider's questionnaire page script into dist/vendor: one IIFE (questionnaire.js)
// and one stylesheet (questionnaire.css), which electron/core/questionnaire-page.ts inlines into a
// single HTML file under a hash-based CSP. Preact stands in for React (≈10 KB instead of ≈60 KB)
// so that the page can reuse the app's question controls and stay small.
// Run from the repository root: `npm run build:renderer` (it builds the app first).
import { defineConfig, type Plugin } from 'vite';

/** This folder, from the config file's own URL (the renderer may not import Node built-ins). */
function here(): string {
  const path = decodeURIComponent(new URL('.', import.meta.url).pathname);
  // file:///C:/x/ → /C:/x/ on Windows; drop the leading slash there.
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

/**
 * The shared domain modules define zod schemas at their top level; the page uses only their plain
 * functions, constants and types. Marking those definitions pure (and shared/ free of module side
 * effects, below) lets the bundler drop them, and zod with them: 44 KB instead of 132 KB.
 */
function zodSchemasArePure(): Plugin {
  const definition = /^((?:export )?const [\w$]+(?:\s*:[^=\n]+)?\s*=\s*)(z\.)/gm;
  return {
    name: 'vetted:zod-schemas-are-pure',
    transform(code, id) {
      if (!/[\\/]shared[\\/].*\.ts$/.test(id) || !code.includes('zod')) return null;
      return { code: code.replace(definition, '$1/* @__PURE__ */ $2'), map: null };
    },
  };
}

export default defineConfig({
  root: here(),
  plugins: [zodSchemasArePure()],
  base: './',
  resolve: {
    alias: [
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-runtime' },
    ],
  },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: '../../dist/vendor',
    emptyOutDir: true,
    target: 'es2020',
    // Everything goes inline into one HTML file: no asset may be emitted as a separate file.
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    cssCodeSplit: false,
    sourcemap: false,
    minify: true,
    // shared/ is pure by the house rules: importing a module there does nothing by itself.
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !/[\\/]shared[\\/]/.test(id) } },
    lib: {
      entry: 'main.tsx',
      formats: ['iife'],
      name: 'VettedQuestionnaire',
      fileName: () => 'questionnaire.js',
      cssFileName: 'questionnaire',
    },
  },
});
