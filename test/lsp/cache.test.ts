/** The server's analysis cache in the client's storage folder: used at the next start, never trusted when corrupt. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeLists, encodeLists, type ReplayLists } from '../../server/src/lsp/diagnostics.js';
import { replayKey } from '../../server/src/lsp/first-reading.js';
import { Workspace } from '../../server/src/lsp/workspace.js';
import { ferry } from './articles.js';
import { startTestServer, type TestServer } from './lsp-client.js';

describe('language server analysis cache', function () {
  this.timeout(30_000);
  let folder: string;
  let storage: string;
  const uriOf = (name: string): string => pathToFileURL(join(folder, 'articles', name)).toString();

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-lsp-cache-'));
    storage = join(folder, 'storage');
    mkdirSync(join(folder, 'articles'));
    // A knowledge file makes every text file below it an article, however short (Workspace.claims).
    writeFileSync(join(folder, 'articles', 'dateline.yaml'), 'entities: []\n');
    // A weekday that does not match its date: a finding that comes from the analysis of a.txt's dates.
    for (const [name, text] of Object.entries(ferry)) writeFileSync(join(folder, 'articles', name), text);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  /** A server started on the articles with the storage folder, once it has published everything. */
  async function indexed(): Promise<TestServer> {
    const server = await startTestServer(
      pathToFileURL(join(folder, 'articles')).toString(),
      {},
      { initializationOptions: { cacheFolder: storage } },
    );
    await server.waitForNotification<{ indexing?: unknown; articles: number }>(
      'dateline/status',
      (s) => !s.indexing && s.articles > 0,
    );
    return server;
  }
  const codes = (server: TestServer): string[] =>
    (server.diagnostics.get(uriOf('a.txt')) ?? []).map((d) => String(d.code));

  it('keeps the analyses in the storage folder and takes them from there at the next start', async () => {
    const first = await indexed();
    assert.deepEqual(codes(first), ['weekday-mismatch']);
    await first.stop();
    const [name] = readdirSync(storage);
    const cacheFile = join(storage, name!);
    // The cached analysis of a.txt loses its dates, its checksum made to match: a server that
    // analysed a.txt again would still report the weekday; one that takes the cache cannot. (The
    // lists kept for a replay are dropped: a server that replayed them would not need the analyses.)
    const { header, body } = readCache(cacheFile);
    const analyses = JSON.parse(body.toString('utf8')) as Record<string, { analysis: { dates: unknown[] } }>;
    analyses[uriOf('a.txt')]!.analysis.dates = [];
    const doctored = JSON.stringify(analyses);
    header.checksum = sha1(doctored);
    delete header.result;
    writeFileSync(cacheFile, `${JSON.stringify(header)}\n${doctored}`);
    const second = await indexed();
    assert.deepEqual(codes(second), []);
    await second.stop();

    // Corrupt: ignored with a note in the log, everything analysed afresh (the lists replayed, kept by
    // the second server, are those of the doctored analysis: checked once the index is built, and sent again).
    const raw = readFileSync(cacheFile, 'utf8');
    const at = raw.lastIndexOf('PORTVILLE');
    writeFileSync(cacheFile, `${raw.slice(0, at)}PORTVILLA${raw.slice(at + 'PORTVILLE'.length)}`);
    const third = await indexed();
    await third.waitForDiagnostics(uriOf('a.txt'), (list) => list.some((d) => d.code === 'weekday-mismatch'));
    assert.ok(
      third.logs.some((log) => /cache .* ignored: its checksum does not match/.test(log.message)),
      'a note in the log',
    );
    await third.stop();
  });

  it('publishes the lists kept at the last start before it analyses anything, and checks them once the index is built', async () => {
    const kept = join(folder, 'storage-replay');
    const start = (): Promise<TestServer> =>
      startTestServer(
        pathToFileURL(join(folder, 'articles')).toString(),
        {},
        { initializationOptions: { cacheFolder: kept } },
      );
    const first = await start();
    await first.waitForNotification<{ indexing?: unknown }>('dateline/status', (s) => !s.indexing);
    await first.stop();
    const cacheFile = join(kept, readdirSync(kept)[0]!);
    // The list kept for a.txt rewritten, with its digest: only a server that replays it can publish its code.
    const { header, lists, body } = readCache(cacheFile);
    assert.match(lists, /weekday-mismatch/);
    const doctored = Buffer.from(
      lists
        .split('\n')
        .map((line) => {
          const [uri, , json] = line.split('\t');
          if (uri !== uriOf('a.txt')) return line;
          const other = json!.replace(/"code":"weekday-mismatch"/, '"code":"kept-list"');
          return `${uri}\t${sha1(other)}\t${other}`;
        })
        .join('\n'),
    );
    header.result = { ...header.result!, bytes: doctored.length, digest: sha1(doctored) };
    writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), doctored, body]));

    const second = await start();
    // Registered before any message is read: the replay cannot come first.
    const replayed = second.waitForDiagnostics(uriOf('a.txt'), (list) =>
      list.some((d) => d.code === 'kept-list'),
    );
    await replayed;
    // Checked against the index once built: the list that differs is sent again, right; then the
    // status, once every list is checked (and the cache written).
    await second.waitForDiagnostics(uriOf('a.txt'), (list) =>
      list.some((d) => d.code === 'weekday-mismatch'),
    );
    await second.waitForNotification<{ indexing?: unknown }>('dateline/status', (s) => !s.indexing);
    await second.stop();
    // Kept again, right this time.
    assert.doesNotMatch(readCache(cacheFile).lists, /kept-list/);
    assert.match(readCache(cacheFile).lists, /weekday-mismatch/);
  });
});

interface CacheHeader {
  checksum: string;
  result?: { bytes: number; digest: string };
}

/** A cache file's header, the lists kept after it (as text) and the body of analyses after those. */
function readCache(file: string): { header: CacheHeader; lists: string; body: Buffer } {
  const raw = readFileSync(file);
  const newline = raw.indexOf(0x0a);
  const header = JSON.parse(raw.toString('utf8', 0, newline)) as CacheHeader;
  const end = newline + 1 + (header.result?.bytes ?? 0);
  return { header, lists: raw.toString('utf8', newline + 1, end), body: raw.subarray(end) };
}

function sha1(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('base64');
}

describe('replayKey', () => {
  it('is the same for the same articles in any order: a reading plans open articles first, the corpus saved is sorted', () => {
    const workspace = new Workspace();
    const a = { id: 'file:///w/a.txt', hash: 'ha' };
    const b = { id: 'file:///w/b.txt', hash: 'hb' };
    assert.equal(replayKey(workspace, [b, a]), replayKey(workspace, [a, b]));
    assert.notEqual(replayKey(workspace, [a, { ...b, hash: 'other' }]), replayKey(workspace, [a, b]));
  });
});

describe('encodeLists and decodeLists', () => {
  it('give back every list as it was kept, whatever its messages and URIs hold', () => {
    const list = (message: string): { json: string; digest: string } => {
      const json = JSON.stringify([{ range: { start: { line: 0, character: 1 } }, message }]);
      return { json, digest: createHash('sha1').update(json).digest('base64') };
    };
    const lists: ReplayLists = new Map([
      ['file:///corpus/a.txt', list('“Anna Kowalczik” is spelled “Anna Kowalczyk” in 2 other articles')],
      ['file:///corpus/caf%C3%A9%20b.txt', list('a tab\there, a line break\nthere, and 😀')],
      ['file:///corpus/c.txt', list('')],
    ]);
    const bytes = encodeLists(lists);
    assert.deepEqual(decodeLists(bytes), lists);
    assert.deepEqual(decodeLists(bytes.toString('utf8')), lists);
    // Bytes at an offset in a larger buffer, as they are read from the cache file.
    const inFile = Buffer.concat([Buffer.from('header\n'), bytes, Buffer.from('body')]);
    assert.deepEqual(decodeLists(inFile.subarray(7, 7 + bytes.length)), lists);
    // A line that is not a list (no tabs) is skipped, as is a missing final line break.
    assert.deepEqual(
      decodeLists(Buffer.concat([Buffer.from('stray line\n'), bytes.subarray(0, bytes.length - 1)])),
      lists,
    );
  });
});
