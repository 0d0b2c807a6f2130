// Lint: typed rules for the async handlers, and the fence that keeps the analysis core pure.
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
  {
    // Architecture invariant 1: the analysis core knows no editor, no protocol and no Node built-ins.
    files: ['server/src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode', 'vscode-*'], message: 'analysis/ is pure: no editor or LSP imports.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'url'], message: 'analysis/ is pure: no Node built-ins.' },
            { group: ['../lsp/*', '../cli*', '../knowledge/*'], message: 'analysis/ depends on nothing outside it.' },
          ],
        },
      ],
    },
  },
);
