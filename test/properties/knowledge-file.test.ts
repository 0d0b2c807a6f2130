/**
 * The knowledge file can never take the server down: fast-check writes nested, aliased, huge and
 * malformed YAML into an open `dateline.yaml`, and a live server loads it, answers a hover and code
 * actions after each, and is still running at the end.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { harbour, liveFolder, positionOf } from '../lsp/articles.js';
import { aliased, huge, indented, malformed, nested } from './yaml-arbitraries.js';

/** The made-up article with a name variant (“Fredriksen”), and where that variant is. */
const variantFile = 'c.txt';
const variantAt = {
  start: positionOf(harbour[variantFile]!, 'Fredriksen'),
  end: positionOf(harbour[variantFile]!, 'Fredriksen', 0, 'Fredriksen'.length),
};

describe('a live server and a hostile knowledge file', function () {
  this.timeout(120_000);
  let version = 0;
  const live = liveFolder(harbour);
  const uriOf = (name: string): string => live.uriOf(name);
  const isVariant = (d: Diagnostic): boolean => d.code === 'name-variant' && d.data !== undefined;

  /**
   * Opens (or changes) the knowledge file to `text`. The server takes notifications and requests in
   * order, so the next request sees this text; its diagnostics are published afterwards.
   */
  async function writeKnowledge(text: string): Promise<void> {
    const uri = uriOf('dateline.yaml');
    version++;
    if (version === 1)
      await live.server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version, text },
      });
    else
      await live.server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
  }

  /** A hover and code actions on the variant, as a lightbulb asks for them. */
  async function ask(): Promise<{ hover: Hover | null; actions: CodeAction[] }> {
    const uri = uriOf(variantFile);
    const variant = (live.server.diagnostics.get(uri) ?? []).find(isVariant);
    const range = variant?.range ?? variantAt;
    const hover = await live.server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: range.start,
    });
    const actions = await live.server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: variant ? [variant] : [] },
    });
    return { hover, actions };
  }

  it('gives a file over the limits one diagnostic and no action that rewrites it', async () => {
    await writeKnowledge(`distinct: ${'['.repeat(1_000)}${']'.repeat(1_000)}\n`);
    const diagnostics = await live.server.waitForDiagnostics(uriOf('dateline.yaml'), (d) => d.length > 0);
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
          assert.equal(live.server.process.exitCode, null, 'the server is running');
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
