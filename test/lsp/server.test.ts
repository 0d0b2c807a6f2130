/**
 * The language server over stdio: diagnostics, hover, fixes, tokens, outline, views and bad files, on
 * small made-up articles written for each block (`articles.ts`); one end-to-end test on the seeds.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Corpus } from '../../server/src/analysis/index.js';
import { findingToDiagnostic, LineIndex } from '../../server/src/present/index.js';
import type { EntitiesReply, TimelineReply } from '../../server/src/present/protocol.js';
import { harbour, liveFolder, positionOf, startOnFiles } from './articles.js';
import { editsOf, startTestServer, type TestServer } from './lsp-client.js';

const a = harbour['a.txt']!;
const b = harbour['b.txt']!;
const c = harbour['c.txt']!;

/** A diagnostic as one compact line: `2:35-2:45 name-variant: message`. */
export const show = (d: Diagnostic): string =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)}: ${d.message}`;

/** A location as `file:line:character`. */
const at = (uri: string, p: { line: number; character: number }): string =>
  `${uri.slice(uri.lastIndexOf('/') + 1)}:${p.line}:${p.character}`;

const isVariant = (d: Diagnostic): boolean => d.code === 'name-variant';

/** `positionOf` as `line:character`. */
const line = (text: string, needle: string, by = 0, nth = 0): string => {
  const p = positionOf(text, needle, nth, by);
  return `${p.line}:${p.character}`;
};

// Made up, in Latin-1: a short article, so that it is taken into the corpus (present/looks-like-article.ts).
const latin1 =
  'Caf\xe9 owners brace for higher rents\n\n' +
  'Owners of cafes in the old town said on Monday, March 3, 2025, that their rents would rise again this spring.\n\n' +
  'The council said it would publish its own figures before the end of the month, and decide after that.\n';

describe('language server', function () {
  this.timeout(20_000);
  const live = liveFolder(
    {
      ...harbour,
      'zz-binary.txt': Buffer.from([0x4e, 0x41, 0x00, 0x01, 0x02]),
      'zz-latin1.txt': Buffer.from(latin1, 'latin1'),
      'requirements.txt': 'numpy==1.26.4\nrequests>=2.31\n',
      'LICENSE.txt':
        'MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy.\n',
    },
    { window: { workDoneProgress: true } },
  );
  const request = <T>(method: string, params?: object): Promise<T> =>
    live.server.connection.sendRequest<T>(method, params);
  /** The published diagnostics of `name`, once its name-variant warning is among them. */
  const published = (name: string): Promise<Diagnostic[]> =>
    live.server.waitForDiagnostics(live.uriOf(name), (d) => d.some(isVariant));

  it('publishes the cross-article findings for files it was never asked to open', async () => {
    const diagnostics = await published('c.txt');
    const variant = diagnostics.find(isVariant)!;
    assert.equal(variant.source, 'dateline');
    assert.deepEqual(variant.range.start, positionOf(c, 'Fredriksen'));
    assert.equal(
      variant.message,
      '“Fredriksen” is spelled “Frederiksen” in 2 other articles (Mayor Ana Frederiksen)',
    );
    assert.deepEqual(
      variant.relatedInformation?.map((r) => `${at(r.location.uri, r.location.range.start)} ${r.message}`),
      [
        `${at('a.txt', positionOf(a, 'Ana Frederiksen'))} spelled “Ana Frederiksen” here`,
        `${at('a.txt', positionOf(a, 'Ana Frederiksen', 1))} spelled “Ana Frederiksen” here`,
        `${at('b.txt', positionOf(b, 'Ana Frederiksen'))} spelled “Ana Frederiksen” here`,
        `${at('b.txt', positionOf(b, 'Frederiksen', 1))} spelled “Frederiksen” here`,
      ],
    );
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['dateline-conflict', 'name-variant'],
    );
  });

  it('reports a binary file and notes a Windows-1252 file, and carries on', async () => {
    const binary = await live.server.waitForDiagnostics(live.uriOf('zz-binary.txt'), (d) => d.length > 0);
    assert.match(binary[0]!.message, /binary/);
    const notes = await live.server.waitForDiagnostics(live.uriOf('zz-latin1.txt'), (d) => d.length > 0);
    // A Windows-1252 file is read in that code page, noted once, as information.
    assert.deepEqual(
      notes.map(
        (d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code} ${d.message}`,
      ),
      [
        '0:0 3 encoding Dateline: not UTF-8 (byte 3 is 0xE9); read as windows-1252, detected with 95% confidence',
      ],
    );
    const symbols = await request<unknown[] | null>('textDocument/documentSymbol', {
      textDocument: { uri: live.uriOf('zz-latin1.txt') },
    });
    assert.ok(symbols && symbols.length > 0, 'the article is in the corpus: its headline is a symbol');
  });

  it('takes the articles into the corpus and leaves a requirements file and a licence out', async () => {
    await published('c.txt');
    const isArticle = async (name: string): Promise<boolean> =>
      (await request<{ article: boolean }>('dateline/isArticle', { uri: live.uriOf(name) })).article;
    const names = ['a.txt', 'b.txt', 'c.txt', 'zz-latin1.txt', 'requirements.txt', 'LICENSE.txt'];
    assert.deepEqual(await Promise.all(names.map(isArticle)), [true, true, true, true, false, false]);
    // Opened in the editor as plain text, a requirements file stays out, and gets no diagnostics.
    const uri = live.uriOf('requirements.txt');
    await live.server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: 'numpy==1.26.4\nrequests>=2.31\n' },
    });
    try {
      assert.equal(await isArticle('requirements.txt'), false);
      assert.deepEqual(await request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    } finally {
      await live.server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  });

  it('links every finding to its rule documentation, shipped with the package', async () => {
    const diagnostics = await published('c.txt');
    const ruled = diagnostics.filter(
      (d) => d.source === 'dateline' && /^[a-z]+-[a-z]+$/.test(String(d.code)),
    );
    assert.equal(ruled.length, 2);
    for (const diagnostic of ruled) {
      const href = diagnostic.codeDescription?.href ?? '';
      assert.match(href, new RegExp(`^file:.*/docs/rules/${String(diagnostic.code)}\\.md$`));
      assert.match(readFileSync(fileURLToPath(href), 'utf8'), new RegExp(`^# ${String(diagnostic.code)}\n`));
    }
  });

  it('outlines an article as headline, dateline and one entry per entity under its kind', async () => {
    await published('c.txt');
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: live.uriOf('c.txt') },
    });
    const outline = (s: DocumentSymbol, depth = 0): string[] => [
      `${'  '.repeat(depth)}${s.name} (${s.detail ?? ''})`,
      ...(s.children ?? []).flatMap((child) => outline(child, depth + 1)),
    ];
    assert.deepEqual(
      symbols.flatMap((s) => outline(s)),
      [
        'Summit opens in Porto (headline)',
        'March 10, 2025 (dateline 2025-03-10)',
        'People (1)',
        '  Ana Frederiksen (1 mention, 1 spelled differently)',
        'Places (1)',
        '  Porto (3 mentions)',
        'Events (1)',
        '  Harbour Summit (1 mention)',
        'Programmes (1)',
        '  Harbour Renewal Programme (1 mention)',
      ],
    );
  });

  it('serves the timeline: events by date with the articles that date them, and their conflicts', async () => {
    await published('c.txt');
    const { events } = await request<TimelineReply>('dateline/timeline');
    assert.deepEqual(
      events.map((e) => ({
        event: `${e.name} ${e.date ?? 'undated'}`,
        mentions: e.mentions.map((m) => `${m.label} ${m.text}`),
        datedBy: e.datedBy.map((m) => `${m.label} ${m.text}`),
        conflicts: e.conflicts.map((x) => x.rule),
      })),
      [
        {
          event: 'Harbour Summit 2025-03-20',
          mentions: [
            'a.txt:5 The Harbour Summit',
            'b.txt:5 Harbour Summit',
            'c.txt:1 Summit',
            'c.txt:3 Harbour Summit',
          ],
          datedBy: ['a.txt:5 March 20', 'b.txt:5 March 20'],
          // c.txt writes of it as past ten days before: the conflict hangs under the event.
          conflicts: ['dateline-conflict'],
        },
      ],
    );
  });

  it('serves the entities: people, organisations and places with spellings, counts and variants under review', async () => {
    await published('c.txt');
    const { entities } = await request<EntitiesReply>('dateline/entities');
    assert.deepEqual(
      entities.map(
        (e) =>
          `${e.type} ${e.name} ×${e.mentions}: ${e.spellings.map((s) => `${s.text}${s.variant ? ' (variant)' : ''} ×${s.mentions.length}`).join(', ')}` +
          `${e.offices.length ? `; ${e.offices.join(', ')}` : ''}${e.review.length ? `; review ${e.review.map((r) => r.rule).join(', ')}` : ''}`,
      ),
      [
        'person Ana Frederiksen ×5: Ana Frederiksen ×3, Frederiksen ×1, Ana Fredriksen (variant) ×1; Mayor; review name-variant',
        'place Porto ×5: Porto ×4, PORTO ×1',
        'place LISBON ×2: LISBON ×2',
      ],
    );
  });

  it('hovers a misspelt name with who it probably is and where each spelling comes from', async () => {
    await published('c.txt');
    const hover = await request<Hover>('textDocument/hover', {
      textDocument: { uri: live.uriOf('c.txt') },
      position: positionOf(c, 'Fredriksen', 0, 2),
    });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*Ana Frederiksen\*\* · person/);
    assert.match(value, /`Ana Fredriksen`: \[c\.txt:3\]/);
    assert.match(value, /`Ana Frederiksen`: \[a\.txt:3\]/);
    assert.match(value, /Mayor/);
    // The finding's reasoning, worked out when the hover asks for it.
    assert.match(value, /1\. “Ana Fredriksen” and “Ana Frederiksen” differ in /);
    assert.match(value, /3\. “Ana Frederiksen” is taken as right: /);
  });

  it('gives semantic tokens for people, places and acronyms, for the whole file or a range', async () => {
    const uri = live.uriOf('c.txt');
    const legend = live.server.initialize.capabilities.semanticTokensProvider!.legend.tokenTypes;
    const full = await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const where = (needle: string, type: string): string => {
      const p = positionOf(c, needle);
      return `${p.line}:${p.character} ${type}`;
    };
    const decoded = decode(full.data, legend);
    for (const token of [where('Ana Fredriksen', 'person'), where('PORTO', 'place'), where('HRP', 'acronym')])
      assert.ok(decoded.includes(token), `${token} in ${decoded.join(', ')}`);
    const line = positionOf(c, 'HRP').line;
    const range = await request<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line, character: 400 } },
    });
    const inRange = decode(range.data, legend);
    assert.deepEqual(
      inRange,
      decoded.filter((t) => t.startsWith(`${line}:`)),
    );
    assert.ok(inRange.length > 0);
  });

  it('shows the resolved value of a relative date as an inlay hint, and folds page furniture', async () => {
    const uri = live.uriOf('a.txt');
    const hints = await request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } },
    });
    assert.deepEqual(
      hints.map((h) => `${h.position.line}:${h.position.character} ${String(h.label)}`),
      [
        `${line(a, 'Monday', 6)} → 2025-03-03`,
        `${line(a, 'in May', 6)} → 2025-05`,
        `${line(a, 'March 20', 8)} → 2025-03-20`,
      ],
    );
    const folds = await request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(
      folds.map((f) => `${f.startLine}-${f.endLine} ${f.kind ?? ''}`),
      // From the list's title to its last link.
      [`${positionOf(a, 'MORE FROM').line}-${positionOf(a, 'Market hall').line} region`],
    );
  });

  it('renames one spelling of an entity in every article that writes it, and no other spelling', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: live.uriOf('a.txt') },
      position: positionOf(a, 'Frederiksen', 0, 3),
      newName: 'Ana Frederiksen-Lund',
    });
    const starts = (name: string): string[] =>
      (editsOf(edit, live.uriOf(name))?.edits ?? []).map(
        (e) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`,
      );
    assert.deepEqual(
      [starts('a.txt'), starts('b.txt'), starts('c.txt')],
      [
        [
          `${line(a, 'Ana Frederiksen')} Ana Frederiksen-Lund`,
          `${line(a, 'Ana Frederiksen', 0, 1)} Ana Frederiksen-Lund`,
        ],
        // “Frederiksen” alone is another spelling, and so is c.txt's “Ana Fredriksen”.
        [`${line(b, 'Ana Frederiksen')} Ana Frederiksen-Lund`],
        [],
      ],
    );
  });

  it('finds every mention of an entity across the corpus', async () => {
    const locations = await request<Location[]>('textDocument/references', {
      textDocument: { uri: live.uriOf('c.txt') },
      position: positionOf(c, 'Fredriksen'),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      locations.map((l) => at(l.uri, l.range.start)),
      [
        at('a.txt', positionOf(a, 'Ana Frederiksen')),
        at('a.txt', positionOf(a, 'Ana Frederiksen', 1)),
        at('b.txt', positionOf(b, 'Ana Frederiksen')),
        at('b.txt', positionOf(b, 'Frederiksen', 1)),
        at('c.txt', positionOf(c, 'Ana Fredriksen')),
      ],
    );
  });
});

describe('language server, on an article being edited', function () {
  this.timeout(20_000);

  it('offers the fix, and the warning goes away once it is applied', async () => {
    const live = await startOnFiles(harbour);
    try {
      const uri = live.uriOf('c.txt');
      await live.server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'article', version: 1, text: c },
      });
      const variant = (await live.server.waitForDiagnostics(uri, (d) => d.some(isVariant))).find(isVariant)!;
      const actions = await live.server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: variant.range,
        context: { diagnostics: [variant] },
      });
      const own = editsOf(actions.find((x) => x.isPreferred)?.edit, uri);
      assert.ok(own, JSON.stringify(actions.map((x) => x.title)));
      // Computed against the version the client opened: a client holding a newer text refuses it.
      assert.equal(own.version, 1);
      assert.ok(
        actions.some((x) => /Accept “Ana Fredriksen”/.test(x.title) && x.edit?.documentChanges),
        'offers to record the spelling in a new dateline.yaml',
      );
      const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'article', 1, c), own.edits);
      assert.equal(fixed, c.replace('Ana Fredriksen', 'Ana Frederiksen'));
      await live.server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: fixed }],
      });
      const after = await live.server.waitForDiagnostics(uri, (d) => !d.some(isVariant));
      assert.deepEqual(
        after.map((d) => d.code),
        ['dateline-conflict'],
        'the other finding is still reported',
      );
    } finally {
      await live.stop();
    }
  });

  it('reports a malformed knowledge file where it is wrong, and keeps serving', async () => {
    const live = await startOnFiles(harbour);
    try {
      await live.server.waitForDiagnostics(live.uriOf('c.txt'), (d) => d.some(isVariant));
      const uri = live.uriOf('dateline.yaml');
      await live.server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version: 1, text: 'entities:\n  - name: [unclosed\n' },
      });
      const problems = await live.server.waitForDiagnostics(uri, (d) => d.length > 0);
      assert.equal(problems[0]!.range.start.line, 1);
      const hover = await live.server.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: live.uriOf('c.txt') },
        position: positionOf(c, 'Fredriksen'),
      });
      assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /Ana Frederiksen/);
    } finally {
      await live.stop();
    }
  });
});

describe('language server on the sample articles, end to end', function () {
  this.timeout(30_000);
  let folder: string;
  let server: TestServer;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-seeds-'));
    cpSync(fileURLToPath(new URL('../../../seeds', import.meta.url)), folder, { recursive: true });
    server = await startTestServer(pathToFileURL(folder).toString());
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes for every article what the analysis finds in it, with a name variant among them', async () => {
    const texts = new Map<string, string>();
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.txt')))
      texts.set(pathToFileURL(join(folder, name)).toString(), readFileSync(join(folder, name), 'utf8'));
    const fresh = new Corpus();
    for (const [id, text] of texts) fresh.upsert({ id, text });
    const lookup = {
      uri: (id: string) => id,
      lines: (id: string) => (texts.has(id) ? new LineIndex(texts.get(id)!) : undefined),
    };
    const expected = new Map(
      [...texts.keys()].map((id) => [
        id,
        fresh
          .findings(id)
          .map((f) => findingToDiagnostic(f, lookup))
          .filter((d) => d !== undefined)
          .map(show),
      ]),
    );
    // The first reading publishes everything at once; an article with no findings may get nothing.
    for (const [id, lines] of expected) {
      if (lines.length > 0)
        await server.waitForDiagnostics(id, (d) => JSON.stringify(d.map(show)) === JSON.stringify(lines));
    }
    for (const [id, lines] of expected)
      assert.deepEqual((server.diagnostics.get(id) ?? []).map(show), lines, id);
    assert.ok([...expected.values()].flat().some((d) => d.includes(' name-variant: ')));
  });
});

/** Semantic tokens as `line:character type`. */
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
