/** The analysis cache: analyses round-trip as plain data; a corrupt or foreign file is ignored with a note. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeArticle, Corpus } from '../../server/src/analysis/index.js';
import { AnalysisCache, cacheable } from '../../server/src/cache/analysis-cache.js';
import { plainFindings } from '../analysis/build.js';

const articles = [
  {
    id: 'a.txt',
    text: 'Harbour board meets\n\nPORTVILLE, March 3, 2025 — The board met on Monday, March 3, 2025. Chair Alma Tervo spoke.\n',
  },
  {
    id: 'b.txt',
    text: 'Ferry changes\n\nPORTVILLE, March 5, 2025 — The operator said on Tuesday, March 5, 2025 that Alma Tervoo would decide.\n',
  },
];
const key = { analyser: 'test-analyser', knowledge: 'no-knowledge' };

describe('analysis cache', () => {
  let folder: string;
  let file: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-cache-'));
    file = join(folder, 'analyses.cache');
    AnalysisCache.open(file, key).cache.save(articles.map((a) => analyzeArticle(a)));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('gives back analyses from which a corpus finds what a fresh one finds', () => {
    const { cache, note } = AnalysisCache.open(file, key);
    assert.equal(note, undefined);
    const cached = new Corpus();
    for (const article of articles) cached.adopt(cache.take(article.id, article.text)!);
    const fresh = new Corpus();
    for (const article of articles) fresh.upsert(article);
    assert.equal(cache.hits, 2);
    assert.ok(!cache.needsSaving(articles));
    for (const { id } of articles)
      assert.deepEqual(plainFindings(cached.findings(id)), plainFindings(fresh.findings(id)));
    assert.ok(plainFindings(fresh.findings('b.txt')).length > 0);
  });

  it('has nothing for an article whose text changed', () => {
    const { cache } = AnalysisCache.open(file, key);
    assert.equal(cache.take('a.txt', `${articles[0]!.text} `), undefined);
    assert.ok(cache.needsSaving(articles));
  });

  it('needs saving when the articles to keep are not those it gave', () => {
    const { cache } = AnalysisCache.open(file, key);
    cache.take('a.txt', articles[0]!.text);
    cache.take('b.txt', articles[1]!.text);
    assert.ok(!cache.needsSaving(articles));
    assert.ok(cache.needsSaving([articles[0]!]), 'one of them no longer kept');
    assert.ok(cache.needsSaving([articles[0]!, { id: 'c.txt' }]), 'as many, but another');
  });

  it('round-trips a page date that prints no year, and keeps no analysis made with the corpus year', () => {
    // b.txt's date prints no year: the corpus gives it the year of the other page, a.txt's.
    const yearless = [
      articles[0]!,
      {
        id: 'b.txt',
        text: 'Ferry changes\n\nPORTVILLE, March 5 (Harbour Wire) — The operator said sailings change.\n',
      },
    ];
    const own = analyzeArticle(yearless[1]!);
    assert.ok(own.structure.yearless, 'the fixture has a yearless page date');
    const corpus = new Corpus();
    for (const article of yearless) corpus.upsert(article);
    corpus.refresh();
    assert.ok(corpus.yearHinted('b.txt'), 'the corpus gave b.txt its year');
    assert.deepEqual(
      cacheable(corpus).map((a) => a.id),
      ['a.txt'],
    );

    // Kept anyway (an analysis of the text alone), it comes back with its yearless date, and a corpus
    // built from the cache settles its year as a fresh one does.
    AnalysisCache.open(file, key).cache.save(yearless.map((a) => analyzeArticle(a)));
    const { cache } = AnalysisCache.open(file, key);
    const taken = yearless.map((a) => cache.take(a.id, a.text)!);
    assert.deepEqual(taken[1], own);
    const cached = new Corpus();
    for (const analysis of taken) cached.adopt(analysis);
    cached.refresh();
    assert.ok(cached.yearHinted('b.txt'));
    assert.deepEqual(cached.article('b.txt'), corpus.article('b.txt'));
    for (const { id } of yearless)
      assert.deepEqual(plainFindings(cached.findings(id)), plainFindings(corpus.findings(id)));
  });

  it('ignores, with a note, a file whose body does not match its checksum, when the body is first read', () => {
    const raw = readFileSync(file, 'utf8');
    writeFileSync(file, raw.replace('Tervo', 'Tervu'));
    const { cache, note } = AnalysisCache.open(file, key);
    // The header is sound: the body is read, and found corrupt, when an analysis is first asked for.
    assert.equal(note, undefined);
    const notes: string[] = [];
    cache.onNote = (late) => notes.push(late);
    assert.equal(cache.take('a.txt', articles[0]!.text), undefined);
    assert.equal(cache.take('b.txt', articles[1]!.text), undefined);
    assert.equal(notes.length, 1);
    assert.match(notes[0]!, /ignored: its checksum does not match/);
  });

  it('ignores, with a note, a truncated file, a foreign file and one of another analyser or knowledge file', () => {
    const raw = readFileSync(file, 'utf8');
    const noteOf = (text: string, otherKey = key): string | undefined => {
      writeFileSync(file, text);
      const { cache, note } = AnalysisCache.open(file, otherKey);
      let late: string | undefined;
      cache.onNote = (said) => (late = said);
      cache.take('a.txt', articles[0]!.text);
      return note ?? late;
    };
    assert.match(noteOf(raw.slice(0, raw.length / 2)) ?? '', /checksum does not match/);
    assert.match(noteOf('{"eslint": true}\n{}') ?? '', /not a Dateline cache/);
    assert.match(noteOf('\u0000\u0001garbage') ?? '', /not a Dateline cache/);
    assert.match(noteOf(raw, { ...key, analyser: 'another' }) ?? '', /another version of Dateline/);
    assert.match(noteOf(raw, { ...key, knowledge: 'another' }) ?? '', /another knowledge file/);
  });
});
