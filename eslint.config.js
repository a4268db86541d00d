// Process boundaries are enforced here: shared/ is pure, renderer/ never reaches into electron/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url',
  'stream', 'util', 'zlib', 'worker_threads', 'events', 'buffer', 'process',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.native/**', 'renderer/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'shared/ is pure: no Electron.' }],
        patterns: [
          { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
          { group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom', 'better-sqlite3', 'pdfmake'], message: 'shared/ imports nothing from a process.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'shared/ is pure: no DOM.' },
        { name: 'document', message: 'shared/ is pure: no DOM.' },
        { name: 'navigator', message: 'shared/ is pure: no DOM.' },
        { name: 'localStorage', message: 'shared/ is pure: no DOM.' },
        { name: 'process', message: 'shared/ is pure: no Node.' },
        { name: 'Buffer', message: 'shared/ is pure: no Node.' },
        { name: 'require', message: 'shared/ is pure: no Node.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to the API client, never to Electron.' }],
        patterns: [
          { group: ['**/electron/**'], message: 'The renderer never imports from electron/: use the API client.' },
          { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node built-ins.' },
        ],
      }],
    },
  },
  {
    // Everything tests and the CLI load must run in plain Node, where require('electron') throws.
    // They may use the shell modules that take Electron's objects as arguments (type-only imports),
    // but never the three files that load Electron itself.
    files: ['electron/core/**/*.ts', 'electron/serve/**/*.ts', 'electron/cli/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only electron/app/ may import electron (types are fine).', allowTypeImports: true }],
        patterns: [
          { group: ['**/electron/app/main', '**/electron/app/window', '**/electron/app/preload'], message: 'These load Electron at run time: plain-Node code must not import them.' },
          { group: ['**/renderer/src/**'], message: 'Plain-Node code must not load the renderer.' },
        ],
      }],
    },
  },
  {
    // Shell modules other than main, window and preload take Electron's objects as arguments,
    // so that they can be tested in plain Node: they may import Electron's types only.
    files: ['electron/app/**/*.ts'],
    ignores: ['electron/app/main.ts', 'electron/app/window.ts', 'electron/app/preload.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Type-only: main.ts passes the real object in.', allowTypeImports: true }],
      }],
    },
  },
);
