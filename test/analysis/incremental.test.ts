/** Incremental updates: an edit that moves offsets only, and one that changes a fact, both equal a fresh analysis. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Corpus } from '../../server/src/analysis/index.js';

const seeds = fileURLToPath(new URL('../../../seeds', import.meta.url));
const files = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
const target = '004_98b365b3b95cd083.txt';

function corpusOf(texts: Map<string, string>): Corpus {
  const corpus = new Corpus();
  for (const [id, text] of texts) corpus.upsert({ id, text });
  return corpus;
}

// Everything a client sees, as plain data: findings with their evidence and fixes, and annotations' spans.
function observable(corpus: Corpus): string {
  return JSON.stringify(
    corpus.ids().map((id) => ({
      id,
      findings: corpus.findings(id).map((f) => ({ ...f, explanation: f.explanation })),
      annotations: corpus.annotations(id).map((a) => `${a.kind}@${a.span.start}-${a.span.end}`),
    })),
  );
}

describe('incremental corpus', () => {
  const texts = new Map(files.map((f) => [f, readFileSync(`${seeds}/${f}`, 'utf8')]));

  it('moves offsets when typing changes no fact, cites only the articles that depend on it, and equals a fresh analysis', () => {
    const corpus = corpusOf(texts);
    observable(corpus);
    const before = texts.get(target)!;
    // "The challenges posed" → "The big challenges posed": an ordinary word before every finding of 004.
    const after = before.replace('The challenges posed', 'The big challenges posed');
    corpus.upsert({ id: target, text: after });
    const dependents = corpus.dependents(target);
    assert.ok(
      dependents.length < files.length,
      `only the article and those citing it: ${dependents.join(', ')}`,
    );
    assert.equal(observable(corpus), observable(corpusOf(new Map([...texts, [target, after]]))));
  });

  it('rebuilds when an edit changes a fact, and equals a fresh analysis', () => {
    const corpus = corpusOf(texts);
    observable(corpus);
    const after = texts.get(target)!.replace('Chris Hepkins', 'Chris Hipkins');
    corpus.upsert({ id: target, text: after });
    // 003 writes "Chris Hipkins": its findings may change with this spelling.
    assert.ok(corpus.dependents(target).includes('003_c34c0cd0b9e4393c.txt'));
    assert.equal(observable(corpus), observable(corpusOf(new Map([...texts, [target, after]]))));
    assert.ok(!corpus.findings(target).some((f) => f.actual.includes('Hepkins')));
  });

  it('equals a fresh analysis after many small edits on one line', () => {
    const corpus = corpusOf(texts);
    observable(corpus);
    let text = texts.get(target)!;
    for (const word of ['very ', 'new ', 'and ', 'old ']) {
      text = text.replace('strategic cooperation goals', `${word}strategic cooperation goals`);
      corpus.upsert({ id: target, text });
      corpus.dependents(target);
    }
    assert.equal(observable(corpus), observable(corpusOf(new Map([...texts, [target, text]]))));
  });
});
