/**
 * The language server under faults and odd requests (issue 6): broken JSON-RPC, unknown documents,
 * positions out of range, cancellation, 1,000 rapid edits, CRLF and a BOM, workspace trust, settings
 * of the wrong type, and no network. After each, the server must still answer.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node.js';
import type { CodeAction, Diagnostic, Hover, SemanticTokens } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Corpus } from '../../server/src/analysis/index.js';
import { findingToDiagnostic, LineIndex } from '../../server/src/present/index.js';
import { editsOf, startTestServer, type TestServer } from './lsp-client.js';

const seeds = fileURLToPath(new URL('../../../seeds', import.meta.url));
const hepkinsFile = '004_98b365b3b95cd083.txt';

/** A copy of the seeds in a fresh folder, each text passed through `transform`. */
function seedFolder(transform: (text: string) => string = (t) => t): string {
  const folder = mkdtempSync(join(tmpdir(), 'dateline-faults-'));
  cpSync(seeds, folder, { recursive: true });
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.txt')))
    writeFileSync(join(folder, name), transform(readFileSync(join(folder, name), 'utf8')));
  return folder;
}

/** A diagnostic as one compact string, for comparing lists. */
const show = (d: Diagnostic): string =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)}: ${d.message}`;

const isHepkins = (d: Diagnostic): boolean => d.code === 'name-variant' && d.message.includes('Hepkins');

describe('language server under faults', function () {
  this.timeout(30_000);
  let folder: string;
  let server: TestServer;
  const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();

  before(async () => {
    folder = seedFolder();
    server = await startTestServer(pathToFileURL(folder).toString());
    await server.waitForDiagnostics(uriOf(hepkinsFile), (d) => d.some(isHepkins));
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** True when the server still answers a request with the right result. */
  async function stillServes(): Promise<void> {
    const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: uriOf(hepkinsFile) },
      position: { line: 10, character: 430 },
    });
    assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /Chris Hipkins/);
  }

  it('survives malformed JSON-RPC: bytes that are not JSON, and JSON that is not a message', async () => {
    for (const body of [
      '{not json at all',
      '[1, 2, 3]',
      '{"jsonrpc":"2.0","method":42}',
      '\u00ff\u00fe garbage',
    ]) {
      const bytes = Buffer.from(body, 'utf8');
      server.process.stdin!.write(
        Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]),
      );
    }
    await stillServes();
  });

  it('answers an unknown method with an error, and keeps serving', async () => {
    await assert.rejects(
      server.connection.sendRequest('dateline/no-such-request', {}),
      /Unhandled method|not found/i,
    );
    await stillServes();
  });

  it('answers requests for documents it has never seen with nothing', async () => {
    const uri = uriOf('never-opened.txt');
    const position = { line: 0, character: 0 };
    const hover = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position,
    });
    assert.equal(hover, null);
    const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', {
      textDocument: { uri },
    });
    assert.deepEqual(tokens.data, []);
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    for (const method of ['textDocument/references', 'textDocument/documentHighlight']) {
      const result = await server.connection.sendRequest<unknown[]>(method, {
        textDocument: { uri },
        position,
        context: { includeDeclaration: true },
      });
      assert.deepEqual(result, [], method);
    }
    await stillServes();
  });

  it('clamps positions out of range instead of failing', async () => {
    const textDocument = { uri: uriOf(hepkinsFile) };
    for (const position of [
      { line: 99_999, character: 0 },
      { line: 10, character: 99_999 },
      { line: -1, character: -5 },
    ]) {
      await server.connection.sendRequest('textDocument/hover', { textDocument, position });
      await server.connection.sendRequest('textDocument/references', {
        textDocument,
        position,
        context: { includeDeclaration: true },
      });
    }
    const far = { line: 99_999, character: 99_999 };
    await server.connection.sendRequest('textDocument/inlayHint', {
      textDocument,
      range: { start: { line: 0, character: 0 }, end: far },
    });
    await stillServes();
  });

  it('ignores a diagnostic whose data is not Dateline’s', async () => {
    const position = { line: 10, character: 430 };
    const bogus = {
      range: { start: position, end: position },
      message: 'x',
      source: 'dateline',
      data: { fixes: 'nope', ruleId: 7 },
    };
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(hepkinsFile) },
      range: bogus.range,
      context: { diagnostics: [bogus] },
    });
    assert.deepEqual(actions, []);
    await stillServes();
  });

  it('takes a cancelled request in its stride', async () => {
    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest(
      'textDocument/references',
      {
        textDocument: { uri: uriOf(hepkinsFile) },
        position: { line: 10, character: 300 },
        context: { includeDeclaration: true },
      },
      source.token,
    );
    source.cancel();
    // Either the answer was on its way already or the request is reported cancelled: both are fine.
    await pending.catch((error: unknown) => assert.match(String(error), /cancel/i));
    await stillServes();
  });

  it('answers a request cancelled while it waits behind edits with RequestCancelled, and never runs it', async () => {
    const uri = uriOf(hepkinsFile);
    const text = readFileSync(join(folder, hepkinsFile), 'utf8');
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'article', version: 1, text },
    });
    // 300 edits queue ahead of the hover (the server handles one message a turn); the cancel
    // arrives while the hover still waits, so it is answered at once.
    for (let version = 2; version <= 301; version++)
      void server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text: version % 2 === 0 ? `${text} ` : text }],
      });
    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 430 } }, source.token);
    source.cancel();
    await assert.rejects(pending, (error: { code?: number }) => error.code === -32800);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await stillServes();
  });

  it('after 1,000 rapid edits, publishes what a fresh analysis of the final texts finds', async () => {
    const uri = uriOf(hepkinsFile);
    const original = readFileSync(join(folder, hepkinsFile), 'utf8');
    let document = TextDocument.create(uri, 'article', 1, original);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'article', version: 1, text: original },
    });
    // A fixed pseudo-random sequence (a linear congruential generator), so a failure can be replayed.
    let seed = 6;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const sends: Promise<void>[] = [];
    for (let version = 2; version <= 1001; version++) {
      const text = document.getText();
      const at = random(text.length);
      const start = document.positionAt(at);
      // Inserts and deletions of a character or a word, with line breaks now and then.
      const change =
        random(3) === 0
          ? {
              range: { start, end: document.positionAt(Math.min(text.length, at + 1 + random(6))) },
              text: '',
            }
          : {
              range: { start, end: start },
              text: ['e', ' ', 'Hipkins ', '\n', 'NATO ', 'Monday '][random(6)]!,
            };
      document = TextDocument.update(document, [change], version);
      sends.push(
        server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [change],
        }),
      );
    }
    await Promise.all(sends);
    // The analysis as a fresh corpus would give it: the other seeds from disk, the edited one as typed.
    const texts = new Map<string, string>();
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.txt')))
      texts.set(uriOf(name), readFileSync(join(folder, name), 'utf8'));
    texts.set(uri, document.getText());
    const fresh = new Corpus();
    for (const [id, text] of texts) fresh.upsert({ id, text });
    const lookup = {
      uri: (id: string) => id,
      lines: (id: string) => (texts.has(id) ? new LineIndex(texts.get(id)!) : undefined),
    };
    for (const id of texts.keys()) {
      const expected = fresh
        .findings(id)
        .map((f) => findingToDiagnostic(f, lookup))
        .filter((d) => d !== undefined)
        .map(show);
      const same = (published: Diagnostic[]): boolean =>
        JSON.stringify(published.map(show)) === JSON.stringify(expected);
      // Waits for the debounced publish; mocha's timeout fails the test if it never comes.
      if (!same(server.diagnostics.get(id) ?? [])) await server.waitForDiagnostics(id, same);
    }
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
});

describe('language server on CRLF and a byte-order mark', function () {
  this.timeout(20_000);
  let folder: string;
  let server: TestServer;

  before(async () => {
    folder = seedFolder((text) => `\uFEFF${text.replaceAll('\n', '\r\n')}`);
    server = await startTestServer(pathToFileURL(folder).toString());
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('puts the Hepkins fix on exactly the right characters', async () => {
    const uri = pathToFileURL(join(folder, hepkinsFile)).toString();
    const diagnostics = await server.waitForDiagnostics(uri, (d) => d.some(isHepkins));
    const hepkins = diagnostics.find(isHepkins)!;
    // The same place as in the LF seed: line 11, and the BOM is not a character of the document.
    assert.deepEqual(hepkins.range.start, { line: 10, character: 428 });
    // What an editor shows: the file without its BOM, CRLF kept.
    const text = readFileSync(join(folder, hepkinsFile), 'utf8').replace(/^\uFEFF/, '');
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'article', version: 1, text },
    });
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: hepkins.range,
      context: { diagnostics: [hepkins] },
    });
    const edits = editsOf(actions.find((a) => a.isPreferred)?.edit, uri)?.edits;
    assert.ok(edits, JSON.stringify(actions.map((a) => a.title)));
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'article', 1, text), edits);
    assert.equal(
      fixed,
      text.replace('Prime Minister Chris Hepkins will', 'Prime Minister Chris Hipkins will'),
    );
  });
});

describe('language server and workspace trust', function () {
  this.timeout(20_000);
  let folder: string;
  let server: TestServer;
  const uri = (): string => pathToFileURL(join(folder, hepkinsFile)).toString();

  before(async () => {
    folder = seedFolder();
    server = await startTestServer(
      pathToFileURL(folder).toString(),
      {},
      { initializationOptions: { trusted: false } },
    );
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function titles(): Promise<string[]> {
    const diagnostics = await server.waitForDiagnostics(uri(), (d) => d.some(isHepkins));
    const hepkins = diagnostics.find(isHepkins)!;
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: hepkins.range,
      context: { diagnostics: [hepkins] },
    });
    return actions.map((a) => a.title);
  }

  it('offers text fixes but no knowledge-file edit while untrusted, and both once trusted', async () => {
    const untrusted = await titles();
    assert.ok(
      untrusted.some((t) => /Hipkins/.test(t)),
      untrusted.join(' | '),
    );
    assert.ok(!untrusted.some((t) => /dateline\.yaml/.test(t)), untrusted.join(' | '));
    await server.connection.sendNotification('dateline/trust', { trusted: true });
    const trusted = await titles();
    assert.ok(
      trusted.some((t) => /Accept “Chris Hepkins”.*dateline\.yaml/.test(t)),
      trusted.join(' | '),
    );
  });

  it('is trusted when the client says nothing of trust (Neovim, Helix)', async () => {
    const other = await startTestServer(pathToFileURL(folder).toString());
    try {
      const diagnostics = await other.waitForDiagnostics(uri(), (d) => d.some(isHepkins));
      const hepkins = diagnostics.find(isHepkins)!;
      const actions = await other.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: uri() },
        range: hepkins.range,
        context: { diagnostics: [hepkins] },
      });
      assert.ok(actions.some((a) => /dateline\.yaml/.test(a.title)));
    } finally {
      await other.stop();
    }
  });
});

describe('language server settings', function () {
  this.timeout(20_000);

  it('ignores unknown and ill-typed settings and a knowledge file outside the folder, warning of each', async () => {
    const folder = seedFolder();
    const server = await startTestServer(
      pathToFileURL(folder).toString(),
      { workspace: { configuration: true } },
      {
        configuration: {
          frobnicate: true,
          maxFileSize: 'large',
          include: '*.txt',
          rules: { 'name-variant': 'loud', 'no-such-rule': 'off' },
          knowledgeFile: '../../etc/dateline.yaml',
        },
      },
    );
    try {
      // The defaults hold: every seed is read, and the Hepkins warning is published.
      await server.waitForDiagnostics(pathToFileURL(join(folder, hepkinsFile)).toString(), (d) =>
        d.some(isHepkins),
      );
      const warnings = server.logs.filter((m) => m.type === 2).map((m) => m.message);
      assert.deepEqual(warnings, [
        'Dateline: unknown setting dateline.frobnicate; ignored',
        'Dateline: dateline.rules.name-variant should be one of error, warning, information, hint, off, not "loud"; ignored',
        "Dateline: dateline.rules has an unknown rule 'no-such-rule'; ignored",
        "Dateline: dateline.knowledgeFile '../../etc/dateline.yaml' is outside the workspace folder; using 'dateline.yaml'",
        'Dateline: dateline.include should be a list of glob patterns, not "*.txt"; using the default',
        'Dateline: dateline.maxFileSize should be a positive number of bytes, not "large"; using the default',
      ]);
    } finally {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('language server and the network', function () {
  this.timeout(20_000);

  it('opens no socket, server or DNS lookup during a whole session', async () => {
    const folder = seedFolder();
    const log = join(folder, 'network.log');
    const loaded = join(folder, 'preload.loaded');
    const preload = join(folder, 'no-network.cjs');
    // Loaded with --require before the server: every way out to the network records itself and throws.
    writeFileSync(
      preload,
      `const fs = require('fs');
fs.writeFileSync(${JSON.stringify(loaded)}, String(process.pid));
const record = (what) => (...args) => {
  fs.appendFileSync(${JSON.stringify(log)}, what + ' ' + String(args[0]) + '\\n');
  throw new Error('network access in a test: ' + what);
};
const net = require('net');
net.Socket.prototype.connect = record('net.Socket.connect');
net.Server.prototype.listen = record('net.Server.listen');
net.createServer = record('net.createServer');
for (const name of ['http', 'https']) {
  const m = require(name);
  m.request = record(name + '.request');
  m.get = record(name + '.get');
}
const dns = require('dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns[name] = record('dns.' + name);
for (const name of ['lookup', 'resolve']) dns.promises[name] = record('dns.promises.' + name);
require('dgram').createSocket = record('dgram.createSocket');
globalThis.fetch = record('fetch');
`,
    );
    const env = {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(),
    };
    const server = await startTestServer(
      pathToFileURL(folder).toString(),
      { window: { workDoneProgress: true } },
      { env },
    );
    try {
      const uri = pathToFileURL(join(folder, hepkinsFile)).toString();
      const diagnostics = await server.waitForDiagnostics(uri, (d) => d.some(isHepkins));
      const hepkins = diagnostics.find(isHepkins)!;
      await server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: hepkins.range.start,
      });
      await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: hepkins.range,
        context: { diagnostics: [hepkins] },
      });
      await server.connection.sendRequest('dateline/reindex');
    } finally {
      await server.stop();
    }
    assert.ok(existsSync(loaded), 'the preload ran in the server');
    assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '');
    rmSync(folder, { recursive: true, force: true });
  });
});
