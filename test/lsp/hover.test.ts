/** The hover card of a finding, as VS Code's client asks for it (command links) and as other editors do. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { methods, type ReasoningReply } from '../../server/src/present/protocol.js';
import { editsOf, startTestServer, type TestServer } from './lsp-client.js';

// Made up: three articles on one minister, one of them with a slip in her surname.
const article = (date: string, name: string): string =>
  `Ferry talks resume\n\nTALLINN, May ${date}, 2024 — Estonian Transport Minister ${name} met port officials on Monday.\n\n` +
  `${name} said the ferry timetable would be published before the summer.\n`;
const articles = {
  'a.txt': article('2', 'Liis Kaasik'),
  'b.txt': article('3', 'Liis Kaasik'),
  'c.txt': article('9', 'Liis Kaask'),
};

describe('hover card of a finding', function () {
  this.timeout(20_000);
  let folder: string;
  const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
  const servers: TestServer[] = [];

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-hover-'));
    for (const [name, text] of Object.entries(articles)) writeFileSync(join(folder, name), text);
  });

  after(async () => {
    for (const server of servers) await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** A server on the folder, once the slip is published; the position is on the misspelt surname. */
  async function serverWith(initializationOptions?: object): Promise<{ server: TestServer; hover: string }> {
    const server = await startTestServer(pathToFileURL(folder).toString(), {}, { initializationOptions });
    servers.push(server);
    const [slip] = await server.waitForDiagnostics(uriOf('c.txt'), (d) =>
      d.some((x) => x.code === 'name-variant'),
    );
    const reply = await server.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: uriOf('c.txt') },
      position: slip!.range.start,
    });
    return { server, hover: (reply.contents as { value: string }).value };
  }

  it('with command links: one line and the fix first, the evidence in short, the reasoning behind a link', async () => {
    const { server, hover } = await serverWith({ commandLinks: true });
    const paragraphs = hover.split('\n\n');
    assert.equal(
      paragraphs[0],
      '**Probably “Kaasik”**: “Kaask” is spelled “Kaasik” in 2 other articles (Estonian Transport Minister Liis Kaasik)',
    );
    assert.equal(
      paragraphs[1],
      '**Fix:** Replace with “Kaasik” (Quick Fix, Ctrl+.; also in the whole file or folder)',
    );
    assert.match(
      paragraphs[2]!,
      /^Evidence: \[a\.txt:3\]\(file:[^)]*a\.txt#L3\), \[b\.txt:3\]\([^)]*\) and 2 more · \[Show reasoning\]\(command:dateline\.showReasoning\?/,
    );
    assert.match(paragraphs[2]!, / · \[name-variant\]\(file:[^)]*\/docs\/rules\/name-variant\.md\)$/);
    // The reasoning is not in the card; the entity is one line, its every mention behind a link.
    assert.doesNotMatch(hover, /^1\. /m);
    assert.match(
      hover,
      /\*\*Liis Kaasik\*\* · person · Transport Minister of Estonia · \[6 mentions in 3 articles\]\(command:dateline\.showMentions\?/,
    );
    assert.ok(hover.split('\n').filter((line) => line.trim() !== '').length <= 6, hover);

    // The link's arguments are what `dateline/reasoning` takes: the document and the position.
    const args = JSON.parse(decodeURIComponent(/showReasoning\?([^)]*)\)/.exec(hover)![1]!)) as [
      string,
      { line: number; character: number },
    ];
    const reasoning = await server.connection.sendRequest<ReasoningReply>(methods.reasoning, {
      textDocument: { uri: args[0] },
      position: args[1],
    });
    assert.ok(reasoning);
    assert.match(reasoning.markdown, /^# Why Dateline says so: “Kaask” in \[c\.txt:3\]/);
    assert.match(
      reasoning.markdown,
      /^1\. “Liis Kaask” and “Liis Kaasik” differ in spelling \(“Kaask” against “Kaasik”\): a likely typo\.$/m,
    );
    assert.match(reasoning.markdown, /^- \[b\.txt:5\]\([^)]*\): spelled “Liis Kaasik” here$/m);
    assert.match(reasoning.markdown, /`Liis Kaask`: \[c\.txt:3\]/);
  });

  it('offers to ignore the finding in this file, written to the knowledge file', async () => {
    const server = servers[0]!;
    const [slip] = server.diagnostics.get(uriOf('c.txt'))!.filter((d) => d.code === 'name-variant');
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf('c.txt') },
      range: slip!.range,
      context: { diagnostics: [slip] },
    });
    const ignore = actions.find(
      (a) => a.title === 'Ignore “Kaask” (name-variant) in this file (dateline.yaml)',
    );
    assert.ok(ignore?.edit, JSON.stringify(actions.map((a) => a.title)));
    const inserted = editsOf(ignore.edit, uriOf('dateline.yaml'))!.edits[0]!.newText;
    assert.match(inserted, /ignore:\n {2}- file: c\.txt\n {4}rule: name-variant\n {4}text: Kaask\n/);
  });

  it('where the client shows the diagnostic above the card (VS Code): the card does not repeat its message', async () => {
    const { server, hover } = await serverWith({ commandLinks: true, diagnosticsInHover: true });
    const [slip] = server.diagnostics.get(uriOf('c.txt'))!.filter((d) => d.code === 'name-variant');
    assert.equal(
      slip!.message,
      '“Kaask” is spelled “Kaasik” in 2 other articles (Estonian Transport Minister Liis Kaasik)',
    );
    const paragraphs = hover.split('\n\n');
    // What is probably right, then the fix: the message is the diagnostic's, shown above by the editor.
    assert.equal(paragraphs[0], '**Probably “Kaasik”**');
    assert.equal(
      paragraphs[1],
      '**Fix:** Replace with “Kaasik” (Quick Fix, Ctrl+.; also in the whole file or folder)',
    );
    assert.match(paragraphs[2]!, /^Evidence: \[a\.txt:3\]/);
    assert.ok(!hover.includes(slip!.message), hover);
    assert.doesNotMatch(hover, /is spelled/);
    // The reasoning page, which no diagnostic stands above, still says it.
    const reasoning = await server.connection.sendRequest<ReasoningReply>(methods.reasoning, {
      textDocument: { uri: uriOf('c.txt') },
      position: slip!.range.start,
    });
    assert.ok(reasoning?.markdown.includes(slip!.message), reasoning?.markdown);
    // Just past the last character VS Code shows no diagnostic above the card: the card says it.
    const past = await server.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri: uriOf('c.txt') },
      position: slip!.range.end,
    });
    assert.match((past.contents as { value: string }).value, /^\*\*Probably “Kaasik”\*\*: “Kaask” is spelled/);
  });

  it('without command links (Neovim, Helix): the same first line and fix, then the reasoning in the card', async () => {
    const { hover } = await serverWith();
    const paragraphs = hover.split('\n\n');
    assert.match(paragraphs[0]!, /^\*\*Probably “Kaasik”\*\*: “Kaask” is spelled “Kaasik”/);
    assert.match(paragraphs[1]!, /^\*\*Fix:\*\* Replace with “Kaasik”/);
    assert.doesNotMatch(hover, /command:/);
    assert.match(
      hover,
      /^1\. “Liis Kaask” and “Liis Kaasik” differ in spelling \(“Kaask” against “Kaasik”\): a likely typo\.$/m,
    );
  });
});
