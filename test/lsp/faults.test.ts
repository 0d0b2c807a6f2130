/**
 * The language server under faults and odd requests (issue 6): broken JSON-RPC, unknown documents,
 * positions out of range, cancellation, 1,000 rapid edits, CRLF and a BOM, workspace trust, settings
 * of the wrong type, and no network. After each, the server must still answer. On the small made-up
 * articles of `articles.ts`; a test that changes what the server holds starts a server of its own.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node.js';
import type { CodeAction, Diagnostic, Hover, SemanticTokens } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Corpus } from '../../server/src/analysis/index.js';
import { findingToDiagnostic, LineIndex } from '../../server/src/present/index.js';
import { harbour, liveFolder, positionOf, startOnFiles, writeFolder } from './articles.js';
import { editsOf, startTestServer, type TestServer } from './lsp-client.js';

const c = harbour['c.txt']!;

/** A diagnostic as one compact string, for comparing lists. */
const show = (d: Diagnostic): string =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)}: ${d.message}`;

const isVariant = (d: Diagnostic): boolean => d.code === 'name-variant' && d.message.includes('Fredriksen');

/** The code actions a server offers on a diagnostic of `uri`. */
function actionsOn(server: TestServer, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
}

describe('language server under faults', function () {
  this.timeout(30_000);
  const live = liveFolder(harbour);
  const uriOf = (name: string): string => live.uriOf(name);
  const fredriksen = positionOf(c, 'Fredriksen', 0, 2);

  /** True when the server still answers a request with the right result. */
  async function stillServes(): Promise<void> {
    const hover = await live.server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: uriOf('c.txt') },
      position: fredriksen,
    });
    assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /Ana Frederiksen/);
  }

  it('survives malformed JSON-RPC: bytes that are not JSON, and JSON that is not a message', async () => {
    for (const body of [
      '{not json at all',
      '[1, 2, 3]',
      '{"jsonrpc":"2.0","method":42}',
      '\u00ff\u00fe garbage',
    ]) {
      const bytes = Buffer.from(body, 'utf8');
      live.server.process.stdin!.write(
        Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]),
      );
    }
    await stillServes();
  });

  it('answers an unknown method with an error, and keeps serving', async () => {
    await assert.rejects(
      live.server.connection.sendRequest('dateline/no-such-request', {}),
      /Unhandled method|not found/i,
    );
    await stillServes();
  });

  it('answers requests for documents it has never seen with nothing', async () => {
    const uri = uriOf('never-opened.txt');
    const position = { line: 0, character: 0 };
    const hover = await live.server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position,
    });
    assert.equal(hover, null);
    const tokens = await live.server.connection.sendRequest<SemanticTokens>(
      'textDocument/semanticTokens/full',
      {
        textDocument: { uri },
      },
    );
    assert.deepEqual(tokens.data, []);
    const actions = await live.server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    for (const method of ['textDocument/references', 'textDocument/documentHighlight']) {
      const result = await live.server.connection.sendRequest<unknown[]>(method, {
        textDocument: { uri },
        position,
        context: { includeDeclaration: true },
      });
      assert.deepEqual(result, [], method);
    }
    await stillServes();
  });

  it('clamps positions out of range instead of failing', async () => {
    const textDocument = { uri: uriOf('c.txt') };
    for (const position of [
      { line: 99_999, character: 0 },
      { line: fredriksen.line, character: 99_999 },
      { line: -1, character: -5 },
    ]) {
      await live.server.connection.sendRequest('textDocument/hover', { textDocument, position });
      await live.server.connection.sendRequest('textDocument/references', {
        textDocument,
        position,
        context: { includeDeclaration: true },
      });
    }
    const far = { line: 99_999, character: 99_999 };
    await live.server.connection.sendRequest('textDocument/inlayHint', {
      textDocument,
      range: { start: { line: 0, character: 0 }, end: far },
    });
    await stillServes();
  });

  it('ignores a diagnostic whose data is not Dateline’s', async () => {
    const position = fredriksen;
    const bogus = {
      range: { start: position, end: position },
      message: 'x',
      source: 'dateline',
      data: { fixes: 'nope', ruleId: 7 },
    };
    const actions = await live.server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf('c.txt') },
      range: bogus.range,
      context: { diagnostics: [bogus] },
    });
    assert.deepEqual(actions, []);
    await stillServes();
  });

  it('takes a cancelled request in its stride', async () => {
    const source = new CancellationTokenSource();
    const pending = live.server.connection.sendRequest(
      'textDocument/references',
      {
        textDocument: { uri: uriOf('c.txt') },
        position: fredriksen,
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
    const own = await startOnFiles(harbour);
    const { server } = own;
    try {
      const uri = own.uriOf('c.txt');
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'article', version: 1, text: c },
      });
      // 300 edits queue ahead of the hover (the server handles one message a turn); the cancel
      // arrives while the hover still waits, so it is answered at once.
      for (let version = 2; version <= 301; version++)
        void server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ text: version % 2 === 0 ? `${c} ` : c }],
        });
      const source = new CancellationTokenSource();
      const pending = server.connection.sendRequest(
        'textDocument/hover',
        { textDocument: { uri }, position: fredriksen },
        source.token,
      );
      source.cancel();
      await assert.rejects(pending, (error: { code?: number }) => error.code === -32800);
    } finally {
      await own.stop();
    }
  });

  it('after 1,000 rapid edits, publishes what a fresh analysis of the final texts finds', async () => {
    const own = await startOnFiles(harbour);
    const { server } = own;
    try {
      const uri = own.uriOf('c.txt');
      let document = TextDocument.create(uri, 'article', 1, c);
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'article', version: 1, text: c },
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
                text: ['e', ' ', 'Frederiksen ', '\n', 'HRP ', 'Monday '][random(6)]!,
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
      // The analysis as a fresh corpus would give it: the other articles as written, the edited one as typed.
      const texts = new Map(Object.entries(harbour).map(([name, text]) => [own.uriOf(name), text]));
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
    } finally {
      await own.stop();
    }
  });
});

describe('language server on CRLF and a byte-order mark', function () {
  this.timeout(20_000);
  const live = liveFolder(
    Object.fromEntries(
      Object.entries(harbour).map(([name, text]) => [name, `\uFEFF${text.replaceAll('\n', '\r\n')}`]),
    ),
  );

  it('puts a fix on exactly the right characters', async () => {
    const uri = live.uriOf('c.txt');
    const diagnostics = await live.server.waitForDiagnostics(uri, (d) => d.some(isVariant));
    const variant = diagnostics.find(isVariant)!;
    // The same place as in the LF text: the BOM is not a character of the document, CR ends the line.
    assert.deepEqual(variant.range.start, positionOf(c, 'Fredriksen'));
    // What an editor shows: the file without its BOM, CRLF kept.
    const text = c.replaceAll('\n', '\r\n');
    await live.server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'article', version: 1, text },
    });
    const actions = await actionsOn(live.server, uri, variant);
    const edits = editsOf(actions.find((a) => a.isPreferred)?.edit, uri)?.edits;
    assert.ok(edits, JSON.stringify(actions.map((a) => a.title)));
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'article', 1, text), edits);
    assert.equal(fixed, text.replace('Mayor Ana Fredriksen opened', 'Mayor Ana Frederiksen opened'));
  });
});

describe('language server and workspace trust', function () {
  this.timeout(20_000);

  /** The titles of the actions offered on the name variant of c.txt. */
  async function titles(server: TestServer, uri: string): Promise<string[]> {
    const diagnostics = await server.waitForDiagnostics(uri, (d) => d.some(isVariant));
    return (await actionsOn(server, uri, diagnostics.find(isVariant)!)).map((a) => a.title);
  }

  it('offers text fixes but no knowledge-file edit while untrusted, and both once trusted', async () => {
    const live = await startOnFiles(harbour, {}, { initializationOptions: { trusted: false } });
    try {
      const untrusted = await titles(live.server, live.uriOf('c.txt'));
      assert.ok(
        untrusted.some((t) => /Frederiksen/.test(t)),
        untrusted.join(' | '),
      );
      assert.ok(!untrusted.some((t) => /dateline\.yaml/.test(t)), untrusted.join(' | '));
      await live.server.connection.sendNotification('dateline/trust', { trusted: true });
      const trusted = await titles(live.server, live.uriOf('c.txt'));
      assert.ok(
        trusted.some((t) => /Accept “Ana Fredriksen”.*dateline\.yaml/.test(t)),
        trusted.join(' | '),
      );
    } finally {
      await live.stop();
    }
  });

  it('is trusted when the client says nothing of trust (Neovim, Helix)', async () => {
    const live = await startOnFiles(harbour);
    try {
      const offered = await titles(live.server, live.uriOf('c.txt'));
      assert.ok(
        offered.some((t) => /dateline\.yaml/.test(t)),
        offered.join(' | '),
      );
    } finally {
      await live.stop();
    }
  });
});

describe('language server settings', function () {
  this.timeout(20_000);

  it('ignores unknown and ill-typed settings and a knowledge file outside the folder, warning of each', async () => {
    const { server, uriOf, stop } = await startOnFiles(
      harbour,
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
      // The defaults hold: every article is read, and the name variant is published.
      await server.waitForDiagnostics(uriOf('c.txt'), (d) => d.some(isVariant));
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
      await stop();
    }
  });
});

describe('language server and the network', function () {
  this.timeout(20_000);

  it('opens no socket, server or DNS lookup during a whole session', async () => {
    const folder = writeFolder(harbour);
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
      const uri = pathToFileURL(join(folder, 'c.txt')).toString();
      const diagnostics = await server.waitForDiagnostics(uri, (d) => d.some(isVariant));
      const variant = diagnostics.find(isVariant)!;
      await server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: variant.range.start,
      });
      await actionsOn(server, uri, variant);
      await server.connection.sendRequest('dateline/reindex');
    } finally {
      await server.stop();
    }
    assert.ok(existsSync(loaded), 'the preload ran in the server');
    assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '');
    rmSync(folder, { recursive: true, force: true });
  });
});
