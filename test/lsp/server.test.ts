/** The language server over stdio on a copy of the sample corpus: diagnostics, hover, fixes, tokens, bad files. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  CodeAction,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  SemanticTokens,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import type { EntitiesReply, TimelineReply } from '../../server/src/present/protocol.js';
import { editsOf, startTestServer, type TestServer } from './lsp-client.js';

const seeds = fileURLToPath(new URL('../../../seeds', import.meta.url));

describe('language server', function () {
  this.timeout(20_000);
  let folder: string;
  let server: TestServer;
  const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();
  const textOf = (name: string): string => readFileSync(join(folder, name), 'utf8');
  const hepkinsFile = '004_98b365b3b95cd083.txt';

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-lsp-'));
    cpSync(seeds, folder, { recursive: true });
    writeFileSync(join(folder, 'zz-binary.txt'), Buffer.from([0x4e, 0x41, 0x00, 0x01, 0x02]));
    // Made up, in Latin-1: a short article, so that it is taken into the corpus (present/looks-like-article.ts).
    const latin1 =
      'Caf\xe9 owners brace for higher rents\n\n' +
      'Owners of cafes in the old town said on Monday, March 3, 2025, that their rents would rise again this spring.\n\n' +
      'The council said it would publish its own figures before the end of the month, and decide after that.\n';
    writeFileSync(join(folder, 'zz-latin1.txt'), Buffer.from(latin1, 'latin1'));
    writeFileSync(join(folder, 'requirements.txt'), 'numpy==1.26.4\nrequests>=2.31\n');
    writeFileSync(join(folder, 'LICENSE.txt'), readFileSync(join(seeds, '..', 'LICENSE'), 'utf8'));
    server = await startTestServer(pathToFileURL(folder).toString(), { window: { workDoneProgress: true } });
  });

  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes the cross-article findings for files it was never asked to open', async () => {
    const diagnostics = await server.waitForDiagnostics(uriOf(hepkinsFile), (d) =>
      d.some((x) => x.code === 'name-variant'),
    );
    const hepkins = diagnostics.find((d) => d.code === 'name-variant' && d.message.includes('Hepkins'));
    assert.ok(hepkins, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.equal(hepkins.source, 'dateline');
    assert.deepEqual(hepkins.range.start, { line: 10, character: 428 });
    assert.ok(
      hepkins.relatedInformation?.some(
        (r) => r.location.uri === uriOf('003_c34c0cd0b9e4393c.txt') && r.location.range.start.line === 8,
      ),
    );
  });

  it('reports a binary file and notes a Windows-1252 file, and carries on', async () => {
    const binary = await server.waitForDiagnostics(uriOf('zz-binary.txt'), (d) => d.length > 0);
    assert.match(binary[0]!.message, /binary/);
    const latin1 = await server.waitForDiagnostics(uriOf('zz-latin1.txt'), (d) => d.length > 0);
    // A Windows-1252 file is read in that code page, noted once, as information.
    assert.deepEqual(
      latin1.map(
        (d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code} ${d.message}`,
      ),
      [
        '0:0 3 encoding Dateline: not UTF-8 (byte 3 is 0xE9); read as windows-1252, detected with 95% confidence',
      ],
    );
    const symbols = await server.connection.sendRequest<unknown[] | null>('textDocument/documentSymbol', {
      textDocument: { uri: uriOf('zz-latin1.txt') },
    });
    assert.ok(symbols && symbols.length > 0, 'the article is in the corpus: its headline is a symbol');
  });

  it('takes the articles into the corpus and leaves a requirements file and a licence out', async () => {
    await server.waitForDiagnostics(uriOf(hepkinsFile), (d) => d.some((x) => x.code === 'name-variant'));
    const isArticle = async (name: string): Promise<boolean> =>
      (await server.connection.sendRequest<{ article: boolean }>('dateline/isArticle', { uri: uriOf(name) }))
        .article;
    assert.deepEqual(
      await Promise.all([hepkinsFile, 'zz-latin1.txt', 'requirements.txt', 'LICENSE.txt'].map(isArticle)),
      [true, true, false, false],
    );
    // Opened in the editor as plain text, a requirements file stays out, and gets no diagnostics.
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: uriOf('requirements.txt'),
        languageId: 'plaintext',
        version: 1,
        text: textOf('requirements.txt'),
      },
    });
    assert.equal(await isArticle('requirements.txt'), false);
    const symbols = await server.connection.sendRequest<unknown[] | null>('textDocument/documentSymbol', {
      textDocument: { uri: uriOf('requirements.txt') },
    });
    assert.deepEqual(symbols, []);
  });

  it('links every finding to its rule documentation, shipped with the package', async () => {
    const diagnostics = await server.waitForDiagnostics(uriOf(hepkinsFile), (d) => d.length > 0);
    for (const diagnostic of diagnostics.filter((d) => d.source === 'dateline' && d.codeDescription)) {
      const href = diagnostic.codeDescription!.href;
      assert.match(href, new RegExp(`^file:.*/docs/rules/${String(diagnostic.code)}\\.md$`));
      assert.match(readFileSync(fileURLToPath(href), 'utf8'), new RegExp(`^# ${String(diagnostic.code)}\n`));
    }
  });

  it('outlines an article as headline, dateline and one entry per entity under its kind', async () => {
    await server.waitForDiagnostics(uriOf(hepkinsFile), (d) => d.some((x) => x.code === 'name-variant'));
    const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: uriOf(hepkinsFile) },
    });
    const groups = symbols.filter((s) => s.children);
    // Headline first, then the dateline when the article has one, then the groups.
    const top = symbols.filter((s) => !s.children).map((s) => s.detail?.replace(/ .*/, ''));
    assert.deepEqual(top, ['headline', 'dateline'].slice(0, top.length));
    assert.equal(top[0], 'headline');
    assert.deepEqual(
      symbols.slice(0, top.length).map((s) => s.children),
      top.map(() => undefined),
    );
    assert.ok(groups.length >= 2);
    assert.deepEqual(
      groups.map((g) => g.name),
      ['People', 'Organisations', 'Places', 'Events', 'Programmes'].filter((n) =>
        groups.some((g) => g.name === n),
      ),
    );
    for (const group of groups) {
      const names = group.children!.map((c) => c.name);
      assert.equal(new Set(names).size, names.length, `${group.name}: one entry per entity`);
      for (const child of group.children!) {
        assert.equal(child.children, undefined, 'mentions are not listed one by one');
        assert.match(child.detail!, /^\d+ mentions?(, \d+ spelled differently)?$/);
      }
    }
    // The misspelt name is one entity with a variant spelling here, not a separate entry.
    assert.ok(groups.flatMap((g) => g.children!).some((c) => c.detail!.includes('spelled differently')));
  });

  it('serves the timeline: events by date with the articles that date them', async () => {
    await server.waitForDiagnostics(uriOf(hepkinsFile), (d) => d.some((x) => x.code === 'name-variant'));
    const { events } = await server.connection.sendRequest<TimelineReply>('dateline/timeline');
    const dated = events.filter((e) => e.date !== undefined);
    assert.ok(dated.length > 0, JSON.stringify(events.map((e) => e.name)));
    assert.deepEqual(
      dated.map((e) => e.date),
      [...dated.map((e) => e.date)].sort(),
      'in date order',
    );
    // The undated come last.
    assert.ok(events.findIndex((e) => e.date === undefined) === -1 || events.at(-1)!.date === undefined);
    for (const event of dated) {
      assert.ok(event.mentions.length > 0, event.name);
      for (const at of [...event.mentions, ...event.datedBy]) {
        assert.ok(at.uri.startsWith('file:') && /\.txt:\d+$/.test(at.label), at.label);
        const line = textOf(at.label.replace(/:\d+$/, '')).split('\n')[at.range.start.line]!;
        assert.equal(line.slice(at.range.start.character, at.range.end.character), at.text);
      }
    }
    assert.ok(dated.some((e) => e.datedBy.length > 0));
    // The seeds have one dateline conflict; it hangs under the event it is about.
    assert.equal(
      events.flatMap((e) => e.conflicts).filter((c) => c.rule === 'dateline-conflict').length > 0,
      true,
    );
  });

  it('serves the entities: people, organisations and places with spellings, counts and variants under review', async () => {
    await server.waitForDiagnostics(uriOf(hepkinsFile), (d) => d.some((x) => x.code === 'name-variant'));
    const { entities } = await server.connection.sendRequest<EntitiesReply>('dateline/entities');
    const types = [...new Set(entities.map((e) => e.type))];
    assert.deepEqual(types, ['person', 'organization', 'place']);
    for (const entity of entities) {
      const counted = entity.spellings.reduce((n, s) => n + s.mentions.length, 0);
      assert.equal(counted, entity.mentions, entity.name);
    }
    const underReview = entities.filter((e) => e.review.length > 0);
    assert.ok(underReview.length > 0);
    for (const entity of underReview) {
      assert.ok(
        entity.spellings.some((s) => s.variant),
        `${entity.name} has a variant spelling`,
      );
      assert.ok(entity.review.every((r) => r.rule === 'name-variant'));
    }
    assert.ok(
      entities.some((e) => e.type === 'person' && e.offices.length > 0),
      'someone holds an office',
    );
  });

  it('hovers a misspelt name with who it probably is and where each spelling comes from', async () => {
    const uri = uriOf(hepkinsFile);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'article', version: 1, text: textOf(hepkinsFile) },
    });
    const hover = await server.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 10, character: 430 },
    });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*Chris Hipkins\*\* · person/);
    assert.match(value, /`Chris Hepkins`: \[004_98b365b3b95cd083\.txt:11\]/);
    assert.match(value, /`Chris Hipkins`: \[003_c34c0cd0b9e4393c\.txt:9\]/);
    assert.match(value, /New Zealand Prime Minister/);
    // The finding's reasoning, worked out when the hover asks for it.
    assert.match(value, /1\. “Chris Hepkins” and “Chris Hipkins” differ in /);
    assert.match(value, /3\. “Chris Hipkins” is taken as right: /);
  });

  it('offers the fix, and the warning goes away once it is applied', async () => {
    const uri = uriOf(hepkinsFile);
    const diagnostics = server.diagnostics.get(uri)!;
    const hepkins = diagnostics.find((d) => d.message.includes('Hepkins'))!;
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: hepkins.range,
      context: { diagnostics: [hepkins] },
    });
    const fix = actions.find((a) => a.isPreferred);
    const own = editsOf(fix?.edit, uri);
    assert.ok(own, JSON.stringify(actions.map((a) => a.title)));
    // Computed against the version the client opened: a client holding a newer text refuses it.
    assert.equal(own.version, 1);
    assert.ok(
      actions.some((a) => /Accept “Chris Hepkins”/.test(a.title) && a.edit?.documentChanges),
      'offers to record the spelling in a new dateline.yaml',
    );
    const text = applyEdits(textOf(hepkinsFile), own.edits);
    assert.match(text, /Prime Minister Chris Hipkins will attend/);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text }],
    });
    const after = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.message.includes('Hepkins')));
    assert.ok(
      after.some((d) => d.message.includes('Sok Yul')),
      'the other variant is still reported',
    );
  });

  it('gives semantic tokens for people, places and acronyms', async () => {
    const uri = uriOf(hepkinsFile);
    const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', {
      textDocument: { uri },
    });
    const legend = server.initialize.capabilities.semanticTokensProvider!.legend.tokenTypes;
    const decoded = decode(tokens.data, legend);
    assert.ok(decoded.includes('10:296 person'), decoded.join(', '));
    assert.ok(decoded.includes('2:358 place'), decoded.join(', '));
  });

  it('shows the resolved value of a relative date as an inlay hint, and folds page furniture', async () => {
    const uri = uriOf('000_90aec226ec90995e.txt');
    const hints = await server.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } },
    });
    assert.ok(
      hints.some((h) => h.label === '→ 2024-07-11' && h.position.line === 5),
      JSON.stringify(hints),
    );
    const folds = await server.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', {
      textDocument: { uri },
    });
    assert.ok(
      folds.some((f) => f.startLine === 8 && f.endLine >= 27),
      JSON.stringify(folds),
    );
  });

  it('renames one spelling of an entity in every article that writes it', async () => {
    const uri = uriOf('003_c34c0cd0b9e4393c.txt');
    const edit = await server.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position: { line: 8, character: 125 },
      newName: 'Christopher Hipkins',
    });
    assert.deepEqual(
      editsOf(edit, uri)?.edits.map((e) => e.range.start),
      [{ line: 8, character: 120 }],
    );
    // 004 writes "Chris Hipkins" too since its fix was applied above.
    assert.deepEqual(
      editsOf(edit, uriOf(hepkinsFile))?.edits.map((e) => e.range.start),
      [{ line: 10, character: 422 }],
    );
  });

  it('gives the semantic tokens of a range only', async () => {
    const uri = uriOf(hepkinsFile);
    const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 400 } },
    });
    const decoded = decode(
      tokens.data,
      server.initialize.capabilities.semanticTokensProvider!.legend.tokenTypes,
    );
    assert.ok(decoded.length > 0 && decoded.every((t) => t.startsWith('2:')), decoded.join(', '));
  });

  it('finds every mention of an entity across the corpus', async () => {
    const uri = uriOf(hepkinsFile);
    const locations = await server.connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: { line: 10, character: 300 },
      context: { includeDeclaration: true },
    });
    const files = new Set(
      locations.map((l) => l.uri.slice(l.uri.lastIndexOf('/') + 1, l.uri.lastIndexOf('/') + 4)),
    );
    assert.deepEqual([...files].sort(), ['000', '001', '002', '003', '004']);
  });

  it('reports a malformed knowledge file where it is wrong, and keeps serving', async () => {
    const uri = uriOf('dateline.yaml');
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: 'entities:\n  - name: [unclosed\n' },
    });
    const problems = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.equal(problems[0]!.range.start.line, 1);
    const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: uriOf(hepkinsFile) },
      position: { line: 10, character: 300 },
    });
    assert.ok(hover);
  });
});

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

function decode(data: number[], types: string[]): string[] {
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
    out.push(`${line}:${character} ${types[data[i + 3]!]}`);
  }
  return out;
}

export type { Diagnostic };
