/** The server's analysis cache in the client's storage folder: used at the next start, never trusted when corrupt. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
    writeFileSync(join(folder, 'articles', 'a.txt'), 'Ferry changes\n\nPORTVILLE, March 5, 2025 — The operator said on Tuesday, March 5, 2025 that sailings change.\n');
    writeFileSync(join(folder, 'articles', 'b.txt'), 'Harbour board meets\n\nPORTVILLE, March 3, 2025 — The board met on Monday, March 3, 2025.\n');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  /** A server started on the articles with the storage folder, once it has published everything. */
  async function indexed(): Promise<TestServer> {
    const server = await startTestServer(pathToFileURL(join(folder, 'articles')).toString(), {}, { initializationOptions: { cacheFolder: storage } });
    await server.waitForNotification<{ indexing?: unknown; articles: number }>('dateline/status', (s) => !s.indexing && s.articles > 0);
    return server;
  }
  const codes = (server: TestServer): string[] => (server.diagnostics.get(uriOf('a.txt')) ?? []).map((d) => String(d.code));

  it('keeps the analyses in the storage folder and takes them from there at the next start', async () => {
    const first = await indexed();
    assert.deepEqual(codes(first), ['weekday-mismatch']);
    await first.stop();
    const [name] = readdirSync(storage);
    const cacheFile = join(storage, name!);
    // The cached analysis of a.txt loses its dates, its checksum made to match: a server that
    // analysed a.txt again would still report the weekday; one that takes the cache cannot.
    const raw = readFileSync(cacheFile, 'utf8');
    const newline = raw.indexOf('\n');
    const body = JSON.parse(raw.slice(newline + 1)) as Record<string, { analysis: { dates: unknown[] } }>;
    body[uriOf('a.txt')]!.analysis.dates = [];
    const doctored = JSON.stringify(body);
    const header = JSON.parse(raw.slice(0, newline)) as { checksum: string };
    header.checksum = createHash('sha1').update(doctored).digest('base64');
    writeFileSync(cacheFile, `${JSON.stringify(header)}\n${doctored}`);
    const second = await indexed();
    assert.deepEqual(codes(second), []);
    await second.stop();

    // Corrupt: ignored with a note in the log, everything analysed afresh.
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replace('PORTVILLE', 'PORTVILLA'));
    const third = await indexed();
    assert.deepEqual(codes(third), ['weekday-mismatch']);
    assert.ok(third.logs.some((log) => /cache .* ignored: its checksum does not match/.test(log.message)), 'a note in the log');
    await third.stop();
  });
});
