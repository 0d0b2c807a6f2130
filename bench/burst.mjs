// A burst of edits against the language server (issue 22): 5,000 `didChange` in 8 s on one article
// of a 300-article corpus, with a hover every 40 ms meanwhile. Measures the hovers' round trips, the
// time from the last edit to the last diagnostics the server sends, and the server's RSS then against
// a fresh server given the same final text. `node bench/burst.mjs` runs it alone (after
// `npm run build`); `npm run bench` runs it too. DATELINE_SERVER=path/to/server.cjs measures another build.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, prng } from './generate.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

export const BURST = { articles: 300, edits: 5000, seconds: 8, hoverEveryMs: 40, quietMs: 3000 };

function rssMBOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Starts a server on `root`, waits until it has indexed it, and opens `uri` with `text`. */
async function startIndexed(root, uri, text) {
  const server = process.env.DATELINE_SERVER ?? join(repo, 'dist/server.cjs');
  const proc = spawn(process.env.DATELINE_NODE ?? process.execPath, [...(process.env.DATELINE_NODE_ARGS?.split(' ') ?? []), server, '--stdio'], { cwd: repo, stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(proc.stdout),
    new rpc.StreamMessageWriter(proc.stdin),
  );
  connection.onRequest(() => null);
  let lastNotice = performance.now();
  const listeners = [];
  const onNotice = (method, params) => {
    lastNotice = performance.now();
    for (const listener of listeners) listener(method, params);
  };
  connection.onNotification('textDocument/publishDiagnostics', (p) => onNotice('diagnostics', p));
  connection.onNotification('dateline/status', (p) => onNotice('status', p));
  connection.listen();
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'burst' }],
    capabilities: {},
  });
  const indexed = new Promise((resolve) =>
    listeners.push((method, params) => method === 'status' && !params.indexing && params.articles > 0 && resolve()),
  );
  await connection.sendNotification('initialized', {});
  await indexed;
  const opened = new Promise((resolve) =>
    listeners.push((method, params) => method === 'diagnostics' && params.uri === uri && resolve()),
  );
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'article', version: 1, text },
  });
  // A list is sent only when it differs: an article without findings may never get one.
  await Promise.race([opened, new Promise((resolve) => setTimeout(resolve, 2000))]);
  return {
    connection,
    proc,
    lastNotice: () => lastNotice,
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification('exit');
        await Promise.race([new Promise((r) => proc.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
      } catch {
        // killed below
      }
      connection.dispose();
      proc.kill();
    },
  };
}

/** Waits until the server has sent nothing for `quietMs` after `since`; returns when it last sent something. */
async function quiet(server, quietMs, since = 0, limitMs = 600_000) {
  const start = performance.now();
  const last = () => Math.max(since, server.lastNotice());
  while (performance.now() - last() < quietMs && performance.now() - start < limitMs)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return server.lastNotice();
}

/** The burst; returns hover round trips, final-diagnostics delay, RSS after and of a fresh server. */
export async function burst() {
  const corpus = await generate(BURST.articles);
  const file = corpus.files[1];
  const path = join(corpus.dir, file);
  const uri = pathToFileURL(path).href;
  const original = readFileSync(path, 'utf8');
  const server = await startIndexed(corpus.dir, uri, original);
  const rng = prng(22);
  const random = (n) => Math.floor(rng.next() * n);
  let document = TextDocument.create(uri, 'article', 1, original);
  // Positions of capitalised words: hovers ask there, and half the edits land inside one (a name edit).
  const words = () => [...document.getText().matchAll(/\b[A-Z][a-z]{3,}/g)].map((m) => m.index + 2);
  const hovers = [];
  const pendingHovers = [];
  const hoverTimer = setInterval(() => {
    const at = words();
    const position = document.positionAt(at[random(at.length)]);
    const t = performance.now();
    pendingHovers.push(
      server.connection
        .sendRequest('textDocument/hover', { textDocument: { uri }, position })
        .then(() => { hovers.push(performance.now() - t); if (process.env.BURST_TRACE) console.error(`hover at ${(t - start).toFixed(0)} took ${(performance.now() - t).toFixed(0)}`); }),
    );
  }, BURST.hoverEveryMs);
  const start = performance.now();
  let version = 1;
  const tickMs = 16;
  const perTick = Math.ceil(BURST.edits / ((BURST.seconds * 1000) / tickMs));
  while (version <= BURST.edits) {
    for (let k = 0; k < perTick && version <= BURST.edits; k++) {
      const text = document.getText();
      const at = random(2) === 0 ? words()[random(words().length)] : random(text.length);
      const startPos = document.positionAt(at);
      const change =
        random(3) === 0
          ? { range: { start: startPos, end: document.positionAt(Math.min(text.length, at + 1)) }, text: '' }
          : { range: { start: startPos, end: startPos }, text: 'eaio '[random(5)] };
      version++;
      document = TextDocument.update(document, [change], version);
      void server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [change],
      });
    }
    const next = start + ((version - 1) / perTick) * tickMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  const lastEdit = performance.now();
  clearInterval(hoverTimer);
  await Promise.all(pendingHovers);
  // Answered once the server has taken every edit (requests and notifications are handled in order).
  await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  const caughtUp = performance.now();
  const lastSent = Math.max(caughtUp, await quiet(server, BURST.quietMs, caughtUp));
  const rssAfter = rssMBOf(server.proc.pid);
  await server.stop();
  const fresh = await startIndexed(corpus.dir, uri, document.getText());
  await quiet(fresh, BURST.quietMs);
  const rssFresh = rssMBOf(fresh.proc.pid);
  await fresh.stop();
  return {
    hovers,
    burstMs: lastEdit - start,
    finalMs: Math.max(0, lastSent - lastEdit),
    rssAfter,
    rssFresh,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await burst();
  const q = (v, p) => [...v].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * v.length) - 1)];
  console.log(
    JSON.stringify({
      hovers: r.hovers.length,
      hoverP50: q(r.hovers, 0.5),
      hoverP95: q(r.hovers, 0.95),
      burstMs: r.burstMs,
      finalMs: r.finalMs,
      rssAfter: r.rssAfter,
      rssFresh: r.rssFresh,
    }),
  );
}
