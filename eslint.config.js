// ESLint for Branch Desk: the import zones that keep the arrows pointing down
// (doors → core → domains → ledger → store; shared/ and the renderer import nothing from electron/),
// plus a deliberately small set of rules the current code passes. Boundaries, not style: prettier
// owns formatting.
//
// The zones are import-x's no-restricted-paths over *resolved* paths (the TypeScript resolver), so a
// zone is a folder exactly as docs/design says it, whatever the relative depth of the import, and
// `export … from`, `import()` and `import type` count too. An import that does not resolve is not
// judged here; tsc fails on it anyway.
//
// deskConfig(root) builds the config for a tree rooted at `root`; tests/lint/zones.test.ts runs it on
// a stub tree to prove every zone, including folders that do not exist yet.
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';

/** The doors: every way into the core from outside (the Electron shell and its IPC, browser mode, the CLI) and the rpc envelope they share. */
export const DOORS = ['electron/main.ts', 'electron/shell', 'electron/preload.ts', 'electron/rpc', 'electron/web', 'electron/cli', 'electron/cli.ts'];

/**
 * The zones, arrows pointing down. `target` is the importing folder, `from` what it may not import.
 * Folders that do not exist yet (ledger/, domains/) are listed all the same.
 */
export const ZONES = [
  {
    target: 'electron/ledger',
    from: ['electron/domains', 'electron/core', 'electron/printing', ...DOORS],
    message: 'ledger/ is the kernel: it imports no domain, no core, no printing and no door.',
  },
  { target: 'electron/domains', from: DOORS, message: 'domains/ import no door (main, shell/, preload, web/, cli/): the doors call the core.' },
  { target: 'electron/core', from: DOORS, message: 'core/ imports no door (main, shell/, preload, web/, cli/): the doors call the core.' },
  {
    target: 'electron/printing',
    from: ['electron/domains', 'electron/core', ...DOORS],
    message: 'printing/ lays out data handed to it: it imports no domain, no core and no door.',
  },
  { target: 'electron/store', from: 'electron', except: ['./store'], message: 'store/ imports nothing else from electron/.' },
  { target: 'renderer', from: 'electron', message: 'The renderer imports nothing from electron/: it calls window.desk.call(method, input).' },
  { target: 'shared', from: ['electron', 'renderer'], message: 'shared/ imports neither side (electron/ nor renderer/).' },
];

const restrictedPaths = (root) => ['error', { basePath: root, zones: ZONES }];

export function deskConfig(root) {
  return [
    { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tmp/**', 'docs/**', 'test-results/**', '.electron-native/**'] },
    {
      files: ['**/*.{ts,tsx,mts,cts}'],
      languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { '@typescript-eslint': tseslint.plugin },
      rules: {
        '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      },
    },
    {
      // the code already carries react-hooks/exhaustive-deps directives; only the two classic rules
      files: ['renderer/**/*.{ts,tsx}'],
      plugins: { 'react-hooks': reactHooks },
      rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
    },
    {
      files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { 'import-x': importX },
      settings: {
        'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json') })],
      },
      rules: { 'import-x/no-restricted-paths': restrictedPaths(root) },
    },
  ];
}

export default deskConfig(import.meta.dirname);
