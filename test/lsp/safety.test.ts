/**
 * Edits and the workspace boundary (issue 20): every edit is versioned, a stale fix is recomputed,
 * knowledge-file changes are small edits of the file as it is now, two servers adding entries leave
 * valid YAML holding both, nothing outside the workspace's real paths is edited, and the corpus
 * follows the disk through watchers the server registers itself.
 */
import assert from 'node:assert/strict';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { harbour, positionOf, writeFolder } from './articles.js';
import { editsOf, startTestServer, type StartOptions, type TestServer } from './lsp-client.js';

/** The article with the name variant (“Fredriksen”), and one that writes the name as the corpus does. */
const variantFile = 'c.txt';
const otherFile = 'a.txt';
const isVariant = (d: Diagnostic): boolean => d.code === 'name-variant' && d.message.includes('Fredriksen');
/** On the name as `otherFile` writes it. */
const onName = positionOf(harbour[otherFile]!, 'Frederiksen', 0, 2);
/** What VS Code says it can do: resolve a code action's edit, and watch files for the server. */
const capabilities = {
  textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } },
  workspace: {
    configuration: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  },
};

/** Runs `test` with a live server on a fresh folder of the made-up articles, then stops it and removes the folder. */
async function withServer(test: (folder: string, server: TestServer) => Promise<void>): Promise<void> {
  const folder = writeFolder(harbour);
  const server = await start(folder);
  try {
    await test(folder, server);
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function start(folder: string, options: StartOptions = {}): Promise<TestServer> {
  const server = await startTestServer(pathToFileURL(folder).toString(), capabilities, options);
  await server.waitForDiagnostics(pathToFileURL(join(folder, variantFile)).toString(), (d) =>
    d.some(isVariant),
  );
  return server;
}

async function actionsOn(server: TestServer, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
}

/** Applies a workspace edit to the files on disk, as an editor would on saving: create, then edit. */
function applyToDisk(edit: WorkspaceEdit): void {
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create');
      const path = fileURLToPath(change.uri);
      let exists = true;
      try {
        readFileSync(path);
      } catch {
        exists = false;
      }
      if (!exists) writeFileSync(path, '');
      else assert.equal(change.options?.ignoreIfExists, true);
      continue;
    }
    const path = fileURLToPath(change.textDocument.uri);
    const text = readFileSync(path, 'utf8');
    writeFileSync(
      path,
      TextDocument.applyEdits(
        TextDocument.create(change.textDocument.uri, 'yaml', 0, text),
        change.edits as never,
      ),
    );
  }
}

describe('edits are versioned and minimal', function () {
  this.timeout(30_000);
  it('recomputes a fix whose diagnostic is older than the text, at the version it is for', () =>
    withServer(async (folder, server) => {
      const uri = pathToFileURL(join(folder, variantFile)).toString();
      const text = readFileSync(join(folder, variantFile), 'utf8');
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'article', version: 1, text },
      });
      const old = (await server.waitForDiagnostics(uri, (d) => d.some(isVariant))).find(isVariant)!;
      // Typing earlier on the same line, before the new diagnostics are out.
      const typed = { line: old.range.start.line, character: 0 };
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: typed, end: typed }, text: 'Typed. ' }],
      });
      const actions = await actionsOn(server, uri, old);
      const fix = editsOf(actions.find((a) => a.isPreferred)?.edit, uri);
      assert.ok(fix, actions.map((a) => a.title).join(' | '));
      assert.equal(fix.version, 2);
      const now = TextDocument.create(uri, 'article', 2, text);
      TextDocument.update(now, [{ range: { start: typed, end: typed }, text: 'Typed. ' }], 2);
      const fixed = TextDocument.applyEdits(now, fix.edits);
      assert.equal(
        fixed,
        now.getText().replace('Mayor Ana Fredriksen opened', 'Mayor Ana Frederiksen opened'),
      );
    }));

  it('writes the knowledge file with a small edit of the text on disk, resolved when chosen', () =>
    withServer(async (folder, server) => {
      const yaml = join(folder, 'dateline.yaml');
      const before = '# kept as written\ndistinct:\n  - Some Other Name # a comment\n';
      writeFileSync(yaml, before);
      const uri = pathToFileURL(join(folder, variantFile)).toString();
      const diagnostic = (server.diagnostics.get(uri) ?? []).find(isVariant)!;
      const accept = (await actionsOn(server, uri, diagnostic)).find((a) => a.title.startsWith('Accept'));
      assert.ok(accept && accept.edit === undefined, 'the edit waits for resolve');
      const resolved = await server.connection.sendRequest<CodeAction>('codeAction/resolve', accept);
      const change = editsOf(resolved.edit, pathToFileURL(yaml).toString());
      assert.ok(change, JSON.stringify(resolved.edit));
      assert.equal(change.version, null, 'not open: computed against the disk');
      assert.equal(change.edits.length, 1);
      assert.ok(change.edits[0]!.range.start.line >= 3, JSON.stringify(change.edits[0]));
      applyToDisk(resolved.edit!);
      const after = readFileSync(yaml, 'utf8');
      assert.ok(after.startsWith(before), after);
      assert.deepEqual(parse(after), {
        distinct: ['Some Other Name'],
        entities: [{ name: 'Ana Frederiksen', type: 'person', aliases: ['Ana Fredriksen'] }],
      });
    }));
});

describe('two servers adding to one knowledge file', function () {
  this.timeout(30_000);
  let folder: string;
  let one: TestServer;
  let two: TestServer;

  before(async () => {
    folder = writeFolder(harbour);
    [one, two] = await Promise.all([start(folder), start(folder)]);
  });
  after(async () => {
    await Promise.all([one.stop(), two.stop()]);
    rmSync(folder, { recursive: true, force: true });
  });

  it('leaves valid YAML holding both entries when both offered to create the file', async () => {
    const uri = pathToFileURL(join(folder, variantFile)).toString();
    const offered = async (server: TestServer, title: RegExp): Promise<CodeAction> => {
      const diagnostic = (server.diagnostics.get(uri) ?? []).find(isVariant)!;
      const action = (await actionsOn(server, uri, diagnostic)).find((a) => title.test(a.title));
      assert.ok(action);
      return action;
    };
    // Both lightbulbs are shown while there is no file; then each user picks one.
    const accept = await offered(one, /^Accept/);
    const distinct = await offered(two, /different person/);
    applyToDisk((await one.connection.sendRequest<CodeAction>('codeAction/resolve', accept)).edit!);
    const second = (await two.connection.sendRequest<CodeAction>('codeAction/resolve', distinct)).edit!;
    assert.ok(
      !second.documentChanges?.some((c) => 'kind' in c),
      'the file exists now: an edit, not a create',
    );
    applyToDisk(second);
    const text = readFileSync(join(folder, 'dateline.yaml'), 'utf8');
    assert.deepEqual(parse(text), {
      entities: [{ name: 'Ana Frederiksen', type: 'person', aliases: ['Ana Fredriksen'] }],
      distinct: ['Ana Fredriksen'],
    });
  });
});

describe('the workspace is the boundary', function () {
  this.timeout(30_000);
  let folder: string;
  let outside: string;
  let server: TestServer;
  const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();

  before(async () => {
    folder = writeFolder(harbour);
    outside = mkdtempSync(join(tmpdir(), 'dateline-outside-'));
    writeFileSync(join(outside, 'elsewhere.txt'), harbour[otherFile]!);
    symlinkSync(join(outside, 'elsewhere.txt'), join(folder, 'zz-linked.txt'));
    mkdirSync(join(outside, 'kb'));
    symlinkSync(join(outside, 'kb'), join(folder, 'kb'));
    server = await start(folder);
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('renames in the workspace but not in an article linked from outside it', async () => {
    // The linked article is read (it is in the corpus and writes the same spelling) …
    const mentions = await server.connection.sendRequest<{ uri: string }[]>('textDocument/references', {
      textDocument: { uri: uriOf(otherFile) },
      position: onName,
      context: { includeDeclaration: true },
    });
    assert.ok(mentions.some((m) => m.uri === uriOf('zz-linked.txt')));
    // … but never edited.
    const edit = await server.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uriOf(otherFile) },
      position: onName,
      newName: 'Ana Frederiksen-Lund',
    });
    const uris = (edit.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.uri : ''));
    assert.ok(uris.includes(uriOf(otherFile)), uris.join(' '));
    assert.ok(!uris.includes(uriOf('zz-linked.txt')), uris.join(' '));
  });

  it('takes no dateline.yaml opened from another folder as the knowledge file', async () => {
    const foreign = pathToFileURL(join(outside, 'dateline.yaml')).toString();
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: foreign, languageId: 'yaml', version: 1, text: 'distinct: [Ana Fredriksen]\n' },
    });
    try {
      const uri = uriOf(variantFile);
      const diagnostic = (server.diagnostics.get(uri) ?? []).find(isVariant)!;
      const accept = (await actionsOn(server, uri, diagnostic)).find((a) => a.title.startsWith('Accept'))!;
      const resolved = await server.connection.sendRequest<CodeAction>('codeAction/resolve', accept);
      const targets = (resolved.edit?.documentChanges ?? []).map((c) =>
        'textDocument' in c ? c.textDocument.uri : c.kind === 'rename' ? c.newUri : c.uri,
      );
      assert.deepEqual([...new Set(targets)], [uriOf('dateline.yaml')]);
      assert.ok(!server.diagnostics.has(foreign));
    } finally {
      // Closed again, so that the other tests of this block see the server as it started.
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: foreign } });
    }
  });

  it('offers no knowledge-file edit when dateline.knowledgeFile leads outside through a link', async () => {
    const other = await start(folder, { configuration: { knowledgeFile: 'kb/dateline.yaml' } });
    try {
      const uri = uriOf(variantFile);
      const diagnostic = (other.diagnostics.get(uri) ?? []).find(isVariant)!;
      const titles = (await actionsOn(other, uri, diagnostic)).map((a) => a.title);
      assertFixesWithoutKnowledgeEdits(titles);
    } finally {
      await other.stop();
    }
  });

  it('edits nothing but the document itself while untrusted', async () => {
    const other = await start(folder, { initializationOptions: { trusted: false } });
    try {
      const edit = await other.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
        textDocument: { uri: uriOf(otherFile) },
        position: onName,
        newName: 'Ana Frederiksen-Lund',
      });
      const uris = (edit.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.uri : ''));
      assert.deepEqual(uris, [uriOf(otherFile)]);
    } finally {
      await other.stop();
    }
  });
});

describe('fixing everywhere, with an article linked from outside the workspace', function () {
  this.timeout(30_000);

  it('fixes the spelling in the workspace only: the linked article, which writes it too, is left out', async () => {
    // The misspelt article twice, once inside and once through a link to a file outside; the right
    // spelling in three articles, so that it stays the one the corpus takes.
    const folder = writeFolder({ ...harbour, 'e.txt': harbour['b.txt']! });
    const outside = mkdtempSync(join(tmpdir(), 'dateline-outside-'));
    writeFileSync(join(outside, 'elsewhere.txt'), harbour[variantFile]!);
    symlinkSync(join(outside, 'elsewhere.txt'), join(folder, 'zz-linked.txt'));
    const server = await start(folder);
    try {
      const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
      // Found in the linked article too: it is read, and a fix everywhere would reach it.
      await server.waitForDiagnostics(uriOf('zz-linked.txt'), (d) => d.some(isVariant));
      const uri = uriOf(variantFile);
      const diagnostic = (server.diagnostics.get(uri) ?? []).find(isVariant)!;
      const actions = await actionsOn(server, uri, diagnostic);
      const targets = actions.flatMap((action) =>
        (action.edit?.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.uri : '')),
      );
      assert.ok(targets.includes(uri), targets.join(' '));
      assert.ok(!targets.includes(uriOf('zz-linked.txt')), targets.join(' '));
      assert.ok(!actions.some((a) => a.title.includes('in the workspace')), actions.map((a) => a.title).join(' | '));
    } finally {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('the corpus follows the disk', function () {
  this.timeout(30_000);
  it('registers file watchers through the protocol, for any client that can take them', () =>
    withServer(async (_folder, server) => {
      const watch = server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      assert.deepEqual(watch?.registerOptions, {
        watchers: [{ globPattern: '**/*.{txt,yaml,yml}' }, { globPattern: '**/*.txt' }],
      });
    }));

  it('clears the diagnostics of a file that vanished', () =>
    withServer(async (folder, server) => {
      const uri = pathToFileURL(join(folder, variantFile)).toString();
      unlinkSync(join(folder, variantFile));
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri, type: 3 }],
      });
      assert.deepEqual(await server.waitForDiagnostics(uri, (d) => d.length === 0), []);
    }));
});

describe('a client that takes no versioned edits', function () {
  this.timeout(30_000);
  let folder: string;
  let server: TestServer;

  before(async () => {
    folder = writeFolder(harbour);
    server = await startTestServer(pathToFileURL(folder).toString(), {
      workspace: { workspaceEdit: { documentChanges: false } },
    });
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('gets plain changes, and no action that would need a file created', async () => {
    const uri = pathToFileURL(join(folder, variantFile)).toString();
    const diagnostic = (await server.waitForDiagnostics(uri, (d) => d.some(isVariant))).find(isVariant)!;
    const actions = await actionsOn(server, uri, diagnostic);
    const fix = actions.find((a) => a.isPreferred);
    assert.equal(fix?.edit?.documentChanges, undefined);
    assert.deepEqual(
      fix?.edit?.changes?.[uri]?.map((e) => e.newText),
      ['Frederiksen'],
    );
    assert.deepEqual(
      actions.filter((a) => a.title.includes('dateline.yaml')).map((a) => a.title),
      [],
    );
  });
});

describe('a knowledge file that cannot be read', function () {
  this.timeout(30_000);

  it('says so on the file, uses none of it, and offers no edit of it', async () => {
    // A folder where the file should be: there, but not readable as a file, like one without permission.
    const folder = writeFolder({ ...harbour, 'dateline.yaml/notes.md': 'not a knowledge file\n' });
    const server = await start(folder);
    try {
      const knowledge = pathToFileURL(join(folder, 'dateline.yaml')).toString();
      const problems = await server.waitForDiagnostics(knowledge, (d) => d.length > 0);
      assert.deepEqual(
        problems.map(
          (d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}: ${d.message}`,
        ),
        ['0:0 knowledge-file: dateline.yaml cannot be read (it is a folder); its entries are not used'],
      );
      const uri = pathToFileURL(join(folder, variantFile)).toString();
      const diagnostic = (server.diagnostics.get(uri) ?? []).find(isVariant)!;
      const titles = (await actionsOn(server, uri, diagnostic)).map((a) => a.title);
      assertFixesWithoutKnowledgeEdits(titles);
    } finally {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** The spelling fix is offered, and no action that would write a knowledge file. */
function assertFixesWithoutKnowledgeEdits(titles: string[]): void {
  assert.ok(
    titles.some((t) => /Frederiksen/.test(t)),
    titles.join(' | '),
  );
  assert.deepEqual(
    titles.filter((t) => t.includes('dateline.yaml')),
    [],
  );
}
