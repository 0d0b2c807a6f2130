/** The analysis cache: analyses round-trip as plain data; a corrupt or foreign file is ignored with a note. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeArticle, Corpus } from '../../server/src/analysis/index.js';
import { AnalysisCache } from '../../server/src/cache/analysis-cache.js';
import { plainFindings } from '../analysis/build.js';

const articles = [
  { id: 'a.txt', text: 'Harbour board meets\n\nPORTVILLE, March 3, 2025 — The board met on Monday, March 3, 2025. Chair Alma Tervo spoke.\n' },
  { id: 'b.txt', text: 'Ferry changes\n\nPORTVILLE, March 5, 2025 — The operator said on Tuesday, March 5, 2025 that Alma Tervoo would decide.\n' },
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
    assert.ok(!cache.needsSaving(2));
    for (const { id } of articles) assert.deepEqual(plainFindings(cached.findings(id)), plainFindings(fresh.findings(id)));
    assert.ok(plainFindings(fresh.findings('b.txt')).length > 0);
  });

  it('has nothing for an article whose text changed', () => {
    const { cache } = AnalysisCache.open(file, key);
    assert.equal(cache.take('a.txt', `${articles[0]!.text} `), undefined);
    assert.ok(cache.needsSaving(2));
  });

  it('ignores, with a note, a file whose body does not match its checksum', () => {
    const raw = readFileSync(file, 'utf8');
    writeFileSync(file, raw.replace('Tervo', 'Tervu'));
    const { cache, note } = AnalysisCache.open(file, key);
    assert.match(note ?? '', /ignored: its checksum does not match/);
    assert.equal(cache.take('a.txt', articles[0]!.text), undefined);
  });

  it('ignores, with a note, a truncated file, a foreign file and one of another analyser or knowledge file', () => {
    const raw = readFileSync(file, 'utf8');
    const noteOf = (text: string, otherKey = key): string | undefined => {
      writeFileSync(file, text);
      return AnalysisCache.open(file, otherKey).note;
    };
    assert.match(noteOf(raw.slice(0, raw.length / 2)) ?? '', /checksum does not match/);
    assert.match(noteOf('{"eslint": true}\n{}') ?? '', /not a Dateline cache/);
    assert.match(noteOf('\u0000\u0001garbage') ?? '', /not a Dateline cache/);
    assert.match(noteOf(raw, { ...key, analyser: 'another' }) ?? '', /another version of Dateline/);
    assert.match(noteOf(raw, { ...key, knowledge: 'another' }) ?? '', /another knowledge file/);
  });
});
