/**
 * Multi-root workspaces (issue 20): each folder is its own corpus with its own knowledge file and
 * settings; no finding compares articles of two folders, and a knowledge-file edit offered from one
 * folder's article is for that folder's file only.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { harbour, writeFolder } from './articles.js';
import { startTestServer, type TestServer } from './lsp-client.js';

/** The made-up article that misspells the mayor's name (“Fredriksen”). */
const variantFile = 'c.txt';
const isVariant = (d: Diagnostic): boolean => d.code === 'name-variant' && d.message.includes('Fredriksen');

describe('multi-root workspaces: one corpus and one knowledge file per folder', function () {
  this.timeout(30_000);
  let one: string;
  let two: string;
  let server: TestServer;
  const uri = (folder: string, name: string): string => pathToFileURL(join(folder, name)).toString();

  before(async () => {
    // Folder one: the three made-up articles, no knowledge file. Folder two: only the article with the
    // misspelt name (its evidence is in folder one), and a knowledge file that accepts the misspelling
    // and says something wrong, so that its problems are its own.
    one = writeFolder(harbour);
    two = writeFolder({
      [variantFile]: harbour[variantFile]!,
      'dateline.yaml':
        'entities:\n  - { name: Ana Frederiksen, type: person, aliases: [Ana Fredriksen] }\nrules:\n  no-such-rule: off\n',
    });
    server = await startTestServer(
      pathToFileURL(one).toString(),
      {
        textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } },
        workspace: {
          configuration: true,
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        },
      },
      {
        folders: [pathToFileURL(one).toString(), pathToFileURL(two).toString()],
        // Folder one raises a rule to an error in its own settings; folder two keeps the default.
        configuration: (scopeUri?: string) =>
          scopeUri === pathToFileURL(one).toString() ? { rules: { 'name-variant': 'error' } } : null,
      },
    );
    await server.waitForNotification<{ articles: number; indexing?: unknown }>(
      'dateline/status',
      (s) => s.indexing === undefined && s.articles === 4,
    );
  });
  after(async () => {
    await server.stop();
    rmSync(one, { recursive: true, force: true });
    rmSync(two, { recursive: true, force: true });
  });

  it('finds the misspelling in the folder that holds its evidence, with evidence from that folder only', async () => {
    const found = await server.waitForDiagnostics(uri(one, variantFile), (d) => d.some(isVariant));
    const related = found.flatMap((d) => d.relatedInformation ?? []).map((r) => r.location.uri);
    assert.ok(related.length > 0);
    for (const at of related) assert.ok(at.startsWith(pathToFileURL(one).toString()), at);
  });

  it('never compares an article with another folder’s articles', () => {
    const alone = server.diagnostics.get(uri(two, variantFile)) ?? [];
    assert.deepEqual(
      alone.filter((d) => d.code === 'name-variant').map((d) => d.message),
      [],
    );
    for (const d of alone)
      for (const r of d.relatedInformation ?? [])
        assert.ok(r.location.uri.startsWith(pathToFileURL(two).toString()), r.location.uri);
  });

  it('reads each folder’s own knowledge file: its problems are its own, its entries silence nothing elsewhere', () => {
    const problems = server.diagnostics.get(uri(two, 'dateline.yaml')) ?? [];
    assert.ok(
      problems.some((d) => d.message.includes('no-such-rule')),
      problems.map((d) => d.message).join(' | '),
    );
    // Folder two accepts the misspelling; folder one still reports it.
    assert.ok((server.diagnostics.get(uri(one, variantFile)) ?? []).some(isVariant));
  });

  it('offers from one folder’s article an edit of that folder’s knowledge file only', async () => {
    const at = uri(one, variantFile);
    const diagnostic = (server.diagnostics.get(at) ?? []).find(isVariant)!;
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: at },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const accept = actions.find((a) => a.title.startsWith('Accept'));
    assert.ok(accept, actions.map((a) => a.title).join(' | '));
    const resolved = await server.connection.sendRequest<CodeAction>('codeAction/resolve', accept);
    const touched = (resolved.edit?.documentChanges ?? []).map((c) =>
      'textDocument' in c ? c.textDocument.uri : 'uri' in c ? c.uri : c.newUri,
    );
    assert.deepEqual([...new Set(touched)], [uri(one, 'dateline.yaml')]);
    // The same action sent back naming the other folder's file is refused: no edit crosses folders.
    const forged = { ...accept, data: { ...(accept.data as object), knowledge: uri(two, 'dateline.yaml') } };
    const refused = await server.connection.sendRequest<CodeAction>('codeAction/resolve', forged);
    assert.equal(refused.edit, undefined);
  });

  it('applies each folder’s own settings', () => {
    const logs = server.logs.map((l) => l.message).join('\n');
    assert.match(logs, new RegExp(`Read 3 articles in ${one.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.match(logs, new RegExp(`Read 1 article in ${two.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const variant = (server.diagnostics.get(uri(one, variantFile)) ?? []).find(isVariant);
    assert.equal(variant?.severity, 1, 'an error, as folder one’s settings say');
  });
});
