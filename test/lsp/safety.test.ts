/**
 * Edits and the workspace boundary (issue 20): every edit is versioned, a stale fix is recomputed,
 * knowledge-file changes are small edits of the file as it is now, two servers adding entries leave
 * valid YAML holding both, nothing outside the workspace's real paths is edited, and the corpus
 * follows the disk through watchers the server registers itself.
 */
import assert from 'node:assert/strict';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { editsOf, startTestServer, type StartOptions, type TestServer } from './lsp-client.js';

const seeds = fileURLToPath(new URL('../../../seeds', import.meta.url));
const variantFile = '004_98b365b3b95cd083.txt';
const otherFile = '003_c34c0cd0b9e4393c.txt';
const isVariant = (d: Diagnostic): boolean => d.code === 'name-variant' && d.message.includes('Hepkins');
/** What VS Code says it can do: resolve a code action's edit, and watch files for the server. */
const capabilities = {
  textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } },
  workspace: {
    configuration: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  },
};

function seedFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'dateline-safety-'));
  cpSync(seeds, folder, { recursive: true });
  rmSync(join(folder, 'dateline.yaml'), { force: true });
  return folder;
}

/** A live server on a fresh copy of the sample articles for the enclosing block's tests, stopped after them. */
function liveSeeds(set: (folder: string, server: TestServer) => void): void {
  let folder = '';
  let server: TestServer | undefined;
  before(async () => {
    folder = seedFolder();
    server = await start(folder);
    set(folder, server);
  });
  after(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });
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
  let folder: string;
  let server: TestServer;
  const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
  liveSeeds((f, s) => ([folder, server] = [f, s]));

  it('recomputes a fix whose diagnostic is older than the text, at the version it is for', async () => {
    const uri = uriOf(variantFile);
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
    assert.equal(fixed, now.getText().replace('Minister Chris Hepkins will', 'Minister Chris Hipkins will'));
  });

  it('writes the knowledge file with a small edit of the text on disk, resolved when chosen', async () => {
    const yaml = join(folder, 'dateline.yaml');
    const before = '# kept as written\ndistinct:\n  - Some Other Name # a comment\n';
    writeFileSync(yaml, before);
    const uri = uriOf(variantFile);
    const diagnostic = (server.diagnostics.get(uri) ?? []).find(isVariant)!;
    const accept = (await actionsOn(server, uri, diagnostic)).find((a) => a.title.startsWith('Accept'));
    assert.ok(accept && accept.edit === undefined, 'the edit waits for resolve');
    const resolved = await server.connection.sendRequest<CodeAction>('codeAction/resolve', accept);
    const change = editsOf(resolved.edit, uriOf('dateline.yaml'));
    assert.ok(change, JSON.stringify(resolved.edit));
    assert.equal(change.version, null, 'not open: computed against the disk');
    assert.equal(change.edits.length, 1);
    assert.ok(change.edits[0]!.range.start.line >= 3, JSON.stringify(change.edits[0]));
    applyToDisk(resolved.edit!);
    const after = readFileSync(yaml, 'utf8');
    assert.ok(after.startsWith(before), after);
    assert.deepEqual(parse(after), {
      distinct: ['Some Other Name'],
      entities: [{ name: 'Chris Hipkins', type: 'person', aliases: ['Chris Hepkins'] }],
    });
    rmSync(yaml);
  });
});

describe('two servers adding to one knowledge file', function () {
  this.timeout(30_000);
  let folder: string;
  let one: TestServer;
  let two: TestServer;

  before(async () => {
    folder = seedFolder();
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
      entities: [{ name: 'Chris Hipkins', type: 'person', aliases: ['Chris Hepkins'] }],
      distinct: ['Chris Hepkins'],
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
    folder = seedFolder();
    outside = mkdtempSync(join(tmpdir(), 'dateline-outside-'));
    cpSync(join(folder, otherFile), join(outside, 'elsewhere.txt'));
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
      position: { line: 8, character: 125 },
      context: { includeDeclaration: true },
    });
    assert.ok(mentions.some((m) => m.uri === uriOf('zz-linked.txt')));
    // … but never edited.
    const edit = await server.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uriOf(otherFile) },
      position: { line: 8, character: 125 },
      newName: 'Christopher Hipkins',
    });
    const uris = (edit.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.uri : ''));
    assert.ok(uris.includes(uriOf(otherFile)), uris.join(' '));
    assert.ok(!uris.includes(uriOf('zz-linked.txt')), uris.join(' '));
  });

  it('takes no dateline.yaml opened from another folder as the knowledge file', async () => {
    const foreign = pathToFileURL(join(outside, 'dateline.yaml')).toString();
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: foreign, languageId: 'yaml', version: 1, text: 'distinct: [Chris Hepkins]\n' },
    });
    const uri = uriOf(variantFile);
    const diagnostic = (server.diagnostics.get(uri) ?? []).find(isVariant)!;
    const accept = (await actionsOn(server, uri, diagnostic)).find((a) => a.title.startsWith('Accept'))!;
    const resolved = await server.connection.sendRequest<CodeAction>('codeAction/resolve', accept);
    const targets = (resolved.edit?.documentChanges ?? []).map((c) =>
      'textDocument' in c ? c.textDocument.uri : c.kind === 'rename' ? c.newUri : c.uri,
    );
    assert.deepEqual([...new Set(targets)], [uriOf('dateline.yaml')]);
    assert.ok(!server.diagnostics.has(foreign));
  });

  it('offers no knowledge-file edit when dateline.knowledgeFile leads outside through a link', async () => {
    const other = await start(folder, { configuration: { knowledgeFile: 'kb/dateline.yaml' } });
    try {
      const uri = uriOf(variantFile);
      const diagnostic = (other.diagnostics.get(uri) ?? []).find(isVariant)!;
      const titles = (await actionsOn(other, uri, diagnostic)).map((a) => a.title);
      assert.ok(
        titles.some((t) => /Hipkins/.test(t)),
        titles.join(' | '),
      );
      assert.deepEqual(
        titles.filter((t) => t.includes('dateline.yaml')),
        [],
      );
    } finally {
      await other.stop();
    }
  });

  it('edits nothing but the document itself while untrusted', async () => {
    const other = await start(folder, { initializationOptions: { trusted: false } });
    try {
      const edit = await other.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
        textDocument: { uri: uriOf(otherFile) },
        position: { line: 8, character: 125 },
        newName: 'Christopher Hipkins',
      });
      const uris = (edit.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.uri : ''));
      assert.deepEqual(uris, [uriOf(otherFile)]);
    } finally {
      await other.stop();
    }
  });
});

describe('the corpus follows the disk', function () {
  this.timeout(30_000);
  let folder: string;
  let server: TestServer;
  const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
  liveSeeds((f, s) => ([folder, server] = [f, s]));

  it('registers file watchers through the protocol, for any client that can take them', () => {
    const watch = server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watch?.registerOptions, {
      watchers: [{ globPattern: '**/*.{txt,yaml,yml}' }, { globPattern: '**/*.txt' }],
    });
  });

  it('clears the diagnostics of a file that vanished', async () => {
    const uri = uriOf(variantFile);
    unlinkSync(join(folder, variantFile));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri, type: 3 }],
    });
    assert.deepEqual(await server.waitForDiagnostics(uri, (d) => d.length === 0), []);
  });
});

describe('a client that takes no versioned edits', function () {
  this.timeout(30_000);
  let folder: string;
  let server: TestServer;

  before(async () => {
    folder = seedFolder();
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
      ['Hipkins'],
    );
    assert.deepEqual(
      actions.filter((a) => a.title.includes('dateline.yaml')).map((a) => a.title),
      [],
    );
  });
});
