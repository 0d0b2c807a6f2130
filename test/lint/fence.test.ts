/**
 * The import fences of eslint.config.mjs bite: probe files that exist only in memory, at several
 * depths of each folder, are linted with the project's own configuration.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

// out/test/lint/ → the repository, where eslint.config.mjs is
const root = fileURLToPath(new URL('../../../', import.meta.url));

// The probes are not in any tsconfig, so the typed rules are off for them; the fence needs no types.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    files: ['**/probe.ts'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

/** The no-restricted-imports messages for a probe at `path` importing `source`, or "ok". */
async function lintProbe(path: string, source: string): Promise<string> {
  const [result] = await eslint.lintText(`import '${source}';\n`, { filePath: `${root}${path}` });
  const messages = result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
  return messages.length === 0 ? 'ok' : messages.join('\n');
}

const fenced: [path: string, source: string, says: RegExp][] = [
  ['server/src/analysis/probe.ts', '../lsp/settings.js', /analysis\/ depends on nothing outside it/],
  ['server/src/analysis/annotators/probe.ts', '../../lsp/settings.js', /analysis\/ depends on nothing/],
  ['server/src/analysis/corpus/deep/probe.ts', '../../../cli/args.js', /analysis\/ depends on nothing/],
  ['server/src/analysis/rules/probe.ts', '../../cli.js', /analysis\/ depends on nothing/],
  ['server/src/analysis/annotators/probe.ts', '../../present/index.js', /analysis\/ depends on nothing/],
  ['server/src/analysis/annotators/probe.ts', '../../knowledge/schema.js', /analysis\/ depends on nothing/],
  ['server/src/analysis/annotators/probe.ts', '../../io/read-article.js', /analysis\/ depends on nothing/],
  ['server/src/analysis/annotators/probe.ts', '../../workers/analysis-pool.js', /analysis\/ depends/],
  ['server/src/analysis/annotators/probe.ts', 'node:fs', /no Node built-ins/],
  ['server/src/analysis/annotators/probe.ts', 'vscode-languageserver', /no editor or LSP imports/],
  ['server/src/present/probe.ts', '../lsp/settings.js', /present\/ depends on analysis\/ only/],
  ['server/src/present/deep/probe.ts', '../../cli/args.js', /present\/ depends on analysis\/ only/],
  ['server/src/present/probe.ts', 'vscode-languageserver', /LSP data types only/],
  ['server/src/present/probe.ts', 'node:path', /no Node built-ins/],
  ['server/src/lsp/probe.ts', '../cli/format.js', /neither imports the other/],
  ['server/src/lsp/deep/probe.ts', '../../cli.js', /neither imports the other/],
  ['server/src/cli/probe.ts', '../lsp/settings.js', /neither imports the other/],
  ['server/src/cli/deep/probe.ts', '../../lsp/to-lsp.js', /neither imports the other/],
  ['server/src/cli/probe.ts', 'vscode-languageserver', /takes LSP shapes from present/],
  ['server/src/knowledge/probe.ts', '../io/read-article.js', /knowledge\/ depends on analysis\/ only/],
  ['server/src/knowledge/deep/probe.ts', '../../lsp/settings.js', /knowledge\/ depends on analysis/],
  ['server/src/io/probe.ts', '../workers/analysis-pool.js', /io\/ reads files/],
  ['server/src/io/deep/probe.ts', '../../knowledge/schema.js', /io\/ reads files/],
  ['server/src/workers/probe.ts', '../io/read-article.js', /workers\/ runs the analysis/],
  ['server/src/workers/deep/probe.ts', '../../lsp/settings.js', /workers\/ runs the analysis/],
  ['server/src/analysis/annotators/probe.ts', '../../cache/analysis-cache.js', /analysis\/ depends/],
  ['server/src/workers/probe.ts', '../cache/analysis-cache.js', /workers\/ runs the analysis/],
  ['server/src/cache/probe.ts', '../lsp/settings.js', /cache\/ stores analyses/],
  ['server/src/cache/deep/probe.ts', '../../cli/args.js', /cache\/ stores analyses/],
  ['server/src/cache/probe.ts', '../io/read-article.js', /cache\/ stores analyses/],
  ['server/src/cache/probe.ts', 'vscode-languageserver', /cache\/ knows no editor or LSP/],
  ['client/src/probe.ts', '../../server/src/lsp/settings.js', /client\/ imports only/],
  ['client/src/probe.ts', '../../server/src/present/index.js', /client\/ imports only/],
];

const allowed: [path: string, source: string][] = [
  ['server/src/analysis/annotators/probe.ts', '../types.js'],
  ['server/src/analysis/annotators/probe.ts', '../../../data/gazetteer.json'],
  ['server/src/present/probe.ts', '../analysis/index.js'],
  ['server/src/present/probe.ts', 'vscode-languageserver-types'],
  ['server/src/lsp/probe.ts', '../present/index.js'],
  ['server/src/lsp/probe.ts', 'vscode-languageserver'],
  ['server/src/cli/probe.ts', '../present/index.js'],
  ['server/src/cli/probe.ts', '../io/read-article.js'],
  ['server/src/io/probe.ts', '../present/line-index.js'],
  ['server/src/workers/probe.ts', '../analysis/index.js'],
  ['server/src/cache/probe.ts', '../analysis/index.js'],
  ['server/src/cache/probe.ts', 'node:fs'],
  ['server/src/lsp/probe.ts', '../cache/analysis-cache.js'],
  ['server/src/cli/probe.ts', '../cache/analysis-cache.js'],
  ['client/src/probe.ts', '../../server/src/present/protocol.js'],
];

describe('the import fences (eslint.config.mjs)', () => {
  for (const [path, source, says] of fenced) {
    it(`refuses ${source} in ${path}`, async () => {
      const output = await lintProbe(path, source);
      assert.match(output, /^no-restricted-imports: /);
      assert.match(output, says);
    });
  }
  for (const [path, source] of allowed) {
    it(`allows ${source} in ${path}`, async () => {
      assert.equal(await lintProbe(path, source), 'ok');
    });
  }
});
