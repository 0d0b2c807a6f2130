/**
 * The knowledge file can never take the server down: fast-check writes nested, aliased, huge and
 * malformed YAML into an open `dateline.yaml`, and a live server loads it, answers a hover and code
 * actions after each, and is still running at the end.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { startTestServer, type TestServer } from '../lsp/lsp-client.js';

const seeds = fileURLToPath(new URL('../../../seeds', import.meta.url));
const variantFile = '004_98b365b3b95cd083.txt';

/** Flow lists and maps nested `depth` deep: "[[[…]]]", "{a: {a: …}}". */
const nested = fc
  .record({ depth: fc.integer({ min: 1, max: 60_000 }), map: fc.boolean() })
  .map(({ depth, map }) =>
    map
      ? `distinct: ${'{a: '.repeat(depth)}x${'}'.repeat(depth)}\n`
      : `distinct: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
  );

/** Block mappings indented one level per line. */
const indented = fc
  .integer({ min: 1, max: 3_000 })
  .map((depth) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n');

/** A billion laughs: each anchor a list of aliases of the one before. */
const aliased = fc
  .record({ levels: fc.integer({ min: 1, max: 12 }), width: fc.integer({ min: 1, max: 12 }) })
  .map(({ levels, width }) => {
    const lines = ['a0: &a0 [lol]'];
    for (let i = 1; i <= levels; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
    return `${lines.join('\n')}\ndistinct: *a${levels}\n`;
  });

/** Long files: many entries, or one long line, up to 5 MB. */
const huge = fc
  .record({ size: fc.integer({ min: 1_000, max: 5_000_000 }), line: fc.boolean() })
  .map(({ size, line }) =>
    line
      ? `distinct: [${'x'.repeat(size)}]\n`
      : `distinct:\n${'  - Some Name\n'.repeat(Math.ceil(size / 14))}`,
  );

/** Text made of YAML's own punctuation, quotes, tabs and Unicode, in any order. */
const malformed = fc
  .array(
    fc.constantFrom(
      '[',
      ']',
      '{',
      '}',
      '&a ',
      '*a',
      '- ',
      ': ',
      '? ',
      '"',
      "'",
      '#',
      '\n',
      '\t',
      '  ',
      '!!',
      '|',
      '>',
      '%YAML 1.2\n',
      '---\n',
      '\uFEFF',
      '😀',
      'entities:',
      'distinct:',
      'name: ',
      '\r',
    ),
    { maxLength: 400 },
  )
  .map((parts) => parts.join(''));

describe('a live server and a hostile knowledge file', function () {
  this.timeout(120_000);
  let folder: string;
  let server: TestServer;
  let version = 0;
  const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
  const isVariant = (d: Diagnostic): boolean => d.code === 'name-variant' && d.data !== undefined;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-knowledge-fuzz-'));
    cpSync(seeds, folder, { recursive: true });
    rmSync(join(folder, 'dateline.yaml'), { force: true });
    server = await startTestServer(pathToFileURL(folder).toString());
    await server.waitForDiagnostics(uriOf(variantFile), (d) => d.some(isVariant));
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /**
   * Opens (or changes) the knowledge file to `text`. The server takes notifications and requests in
   * order, so the next request sees this text; its diagnostics are published afterwards.
   */
  async function writeKnowledge(text: string): Promise<void> {
    const uri = uriOf('dateline.yaml');
    version++;
    if (version === 1)
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version, text },
      });
    else
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
  }

  /** A hover and code actions on the variant, as a lightbulb asks for them. */
  async function ask(): Promise<{ hover: Hover | null; actions: CodeAction[] }> {
    const uri = uriOf(variantFile);
    const variant = (server.diagnostics.get(uri) ?? []).find(isVariant);
    const range = variant?.range ?? {
      start: { line: 10, character: 428 },
      end: { line: 10, character: 435 },
    };
    const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: range.start,
    });
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: variant ? [variant] : [] },
    });
    return { hover, actions };
  }

  it('gives a file over the limits one diagnostic and no action that rewrites it', async () => {
    await writeKnowledge(`distinct: ${'['.repeat(1_000)}${']'.repeat(1_000)}\n`);
    const diagnostics = await server.waitForDiagnostics(uriOf('dateline.yaml'), (d) => d.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`),
      ['0:0 dateline.yaml nests 1001 levels deep, over the limit of 64; not read'],
    );
    const { actions } = await ask();
    assert.ok(actions.length > 0, 'the article fixes are still offered');
    assert.deepEqual(
      actions.filter((a) => a.title.includes('dateline.yaml')).map((a) => a.title),
      [],
    );
  });

  it('survives nested, aliased, huge and malformed YAML through load, hover and code actions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { arbitrary: nested, weight: 3 },
          { arbitrary: indented, weight: 2 },
          { arbitrary: aliased, weight: 3 },
          { arbitrary: huge, weight: 1 },
          { arbitrary: malformed, weight: 4 },
        ),
        async (text) => {
          await writeKnowledge(text);
          const { hover, actions } = await ask();
          assert.ok(hover === null || typeof hover.contents === 'object');
          assert.ok(Array.isArray(actions));
          assert.equal(server.process.exitCode, null, 'the server is running');
        },
      ),
      { numRuns: 40, seed: 20 },
    );
    // Valid again: the knowledge is read and its actions are back.
    await writeKnowledge('distinct: [Some Other Name]\n');
    const { actions } = await ask();
    assert.ok(
      actions.some((a) => a.title.includes('dateline.yaml')),
      actions.map((a) => a.title).join(' | '),
    );
  });
});
