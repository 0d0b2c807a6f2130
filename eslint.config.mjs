// Lint: typed rules for the async handlers, and the fences that keep each layer to its own imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.e2e-cache/**', 'bench/corpora/**', '**/*.cjs', '**/*.mjs', '!test/e2e/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Every LSP handler is async; a dropped promise is a lost error.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The editor tests are plain Node scripts.
    files: ['test/e2e/*.mjs'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
      },
    },
  },
  ...fences(),
);

/**
 * The import fences (ARCHITECTURE.md, "Layers"): which of server/src's folders each may not import,
 * matched at every depth: "../../lsp/settings.js" from analysis/annotators/ is caught like "../lsp/settings.js".
 * test/lint/fence.test.ts lints probe files against these and proves that each one bites.
 */
function fences() {
  /** An import of a server/src folder (or of the top-level cli.ts/main.ts) from any depth. */
  const folder = (name) => [`**/${name}/**`, `**/${name}`, `**/${name}.js`];
  const folders = (...names) => names.flatMap(folder);
  const nodeBuiltIns = [
    'node:*',
    'fs',
    'fs/*',
    'path',
    'os',
    'child_process',
    'url',
    'util',
    'worker_threads',
  ];
  const fence = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });
  const front = ['lsp', 'cli', 'main'];
  return [
    // Invariant 1: the analysis core knows no editor, no protocol, no Node built-ins, nothing outside it.
    fence(
      ['server/src/analysis/**/*.ts'],
      [
        { group: ['vscode', 'vscode-*'], message: 'analysis/ is pure: no editor or LSP imports.' },
        { group: nodeBuiltIns, message: 'analysis/ is pure: no Node built-ins.' },
        {
          group: folders(...front, 'knowledge', 'io', 'workers', 'present', 'cache'),
          message: 'analysis/ depends on nothing outside it.',
        },
      ],
    ),
    // Invariant 3: present/ turns analysis output into positions and diagnostics for both front ends.
    fence(
      ['server/src/present/**/*.ts'],
      [
        {
          group: ['vscode', 'vscode-*', '!vscode-languageserver-types'],
          message:
            'present/ knows LSP data types only (vscode-languageserver-types), no connection or editor.',
        },
        { group: nodeBuiltIns, message: 'present/ is pure: no Node built-ins.' },
        {
          group: folders(...front, 'knowledge', 'io', 'workers', 'cache'),
          message: 'present/ depends on analysis/ only; the front ends depend on it.',
        },
      ],
    ),
    fence(
      ['server/src/lsp/**/*.ts'],
      [
        {
          group: folders('cli', 'main'),
          message: 'lsp/ and cli/ are two front ends: neither imports the other (share through present/).',
        },
      ],
    ),
    fence(
      ['server/src/cli.ts', 'server/src/cli/**/*.ts'],
      [
        {
          group: folders('lsp', 'main'),
          message: 'lsp/ and cli/ are two front ends: neither imports the other (share through present/).',
        },
        {
          group: ['vscode', 'vscode-*'],
          message: 'cli/ takes LSP shapes from present/, never from an LSP package.',
        },
      ],
    ),
    fence(
      ['server/src/knowledge/**/*.ts'],
      [
        { group: ['vscode', 'vscode-*'], message: 'knowledge/ knows no editor or LSP.' },
        {
          group: folders(...front, 'io', 'workers', 'present', 'cache'),
          message: 'knowledge/ depends on analysis/ only.',
        },
      ],
    ),
    fence(
      ['server/src/io/**/*.ts'],
      [
        { group: ['vscode', 'vscode-*'], message: 'io/ knows no editor or LSP.' },
        {
          group: folders(...front, 'knowledge', 'workers', 'cache'),
          message: 'io/ reads files; it depends on present/ for positions only.',
        },
      ],
    ),
    fence(
      ['server/src/workers/**/*.ts'],
      [
        { group: ['vscode', 'vscode-*'], message: 'workers/ knows no editor or LSP.' },
        {
          group: folders(...front, 'knowledge', 'io', 'present', 'cache'),
          message: 'workers/ runs the analysis, nothing else.',
        },
      ],
    ),
    // The analysis cache stores analyses as data; the front ends open it and decide what to keep.
    fence(
      ['server/src/cache/**/*.ts'],
      [
        { group: ['vscode', 'vscode-*'], message: 'cache/ knows no editor or LSP.' },
        {
          group: folders(...front, 'knowledge', 'io', 'workers', 'present'),
          message: 'cache/ stores analyses: it depends on analysis/ only.',
        },
      ],
    ),
    // The VS Code client shares only the protocol's names and payloads with the server.
    fence(
      ['client/src/**/*.ts'],
      [
        {
          regex: '/server/src/(?!present/protocol\\.js$)',
          message:
            'client/ imports only server/src/present/protocol.js of the server; the rest is plain LSP.',
        },
      ],
    ),
  ];
}
