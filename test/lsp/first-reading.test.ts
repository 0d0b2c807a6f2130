/** Articles opened while the server reads the workspace for the first time get their diagnostics, and the right ones. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startTestServer, type TestServer } from './lsp-client.js';

/** Enough articles that the reading runs on workers and reports progress several times. */
const fillers = 200;
/**
 * Articles that each carry a name variant and a wrong weekday; all but the first are opened. Named to
 * sort first: the reading publishes them in its first slice, before any message that came meanwhile is read.
 */
const targets = 30;

const filler = (i: number): string =>
  `Harbour works resume at pier ${i}\n\nPORTVILLE, March 3, 2025 — Mayor Hollis Marbeck said on Monday, March 3, 2025 that work at pier ${i} would resume. The council agreed.\n`;
const target = (i: number): string =>
  `Ferry timetable changes\n\nPORTVILLE, March 5, 2025 — Mayor Hollis Marbek said on Tuesday, March 5, 2025 that ferry ${i} sails later. The council agreed.\n`;

/** A list as compact lines, the URI left out: `2:40-2:46 name-variant information: …`. */
function compact(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map(
      ({ range: { start, end }, code, severity, message }) =>
        `${start.line}:${start.character}-${end.line}:${end.character} ${String(code)} ${String(severity)}: ${message}`,
    )
    .sort();
}

describe('language server: articles opened during the first reading', function () {
  this.timeout(20_000);
  let folder: string;
  let server: TestServer | undefined;
  const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-first-reading-'));
    // A knowledge file makes every text file below it an article (Workspace.claims).
    writeFileSync(join(folder, 'dateline.yaml'), 'entities: []\n');
    for (let i = 0; i < fillers; i++) writeFileSync(join(folder, `b-pier-${i}.txt`), filler(i));
    for (let i = 0; i < targets; i++) writeFileSync(join(folder, `a-ferry-${i}.txt`), target(i));
  });
  after(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes for each what it publishes for the same article never opened', async () => {
    server = await startTestServer(pathToFileURL(folder).toString());
    const { connection } = server;
    const opened: string[] = [];
    // Opened as Neovim opens a .txt file, as plain text: one at once, then one at each status the
    // server sends while it reads. Each analysis of an opened article sends one too, so they keep
    // coming until the reading is published, some while the server publishes the whole corpus.
    const open = (): void => {
      if (opened.length === targets - 1) return;
      const uri = uriOf(`a-ferry-${opened.length + 1}.txt`);
      opened.push(uri);
      void connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'text', version: 1, text: target(opened.length) },
      });
    };
    open();
    type Status = { indexing?: { done: number; total: number }; articles: number };
    for (;;) {
      const status = await server.waitForNotification<Status>('dateline/status');
      if (!status.indexing && status.articles === fillers + targets) break;
      if (status.indexing) open();
    }
    assert.ok(opened.length >= 3, `opened ${opened.length} while reading`);

    const expected = compact(
      await server.waitForDiagnostics(uriOf('a-ferry-0.txt'), (list) => list.length > 0),
    );
    assert.deepEqual(
      expected.map((line) => line.replace(/^\S+ (\S+) .*/, '$1')),
      ['name-variant', 'weekday-mismatch'],
    );
    for (const uri of opened) {
      // Each article's text differs only after its variant and weekday, so its list reads the same.
      const list = await server.waitForDiagnostics(
        uri,
        (diagnostics) => diagnostics.length === expected.length,
      );
      assert.deepEqual(compact(list), expected, uri);
    }
  });
});
