/** Incremental updates: an edit that moves offsets only, and one that changes a fact, both equal a fresh analysis. */
import assert from 'node:assert/strict';
import { Corpus } from '../../server/src/analysis/index.js';
import { collectGarbage } from '../../server/src/lsp/collect-garbage.js';
import { harbour } from '../lsp/articles.js';
import { plainFindings } from './build.js';

// The three made-up harbour articles (c.txt misspells the mayor and writes of the summit as past
// before a.txt and b.txt date it), and one on another story that shares nothing with them.
const articles: Record<string, string> = {
  ...harbour,
  'd.txt':
    'Ferry timetable changes\n\nPORTVILLE, March 5, 2025 - The operator said on Wednesday that sailings would change from April, after a review of the winter timetable.\n',
};
const files = Object.keys(articles);
const target = 'c.txt';

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
      findings: plainFindings(corpus.findings(id)),
      annotations: corpus.annotations(id).map((a) => `${a.kind}@${a.span.start}-${a.span.end}`),
    })),
  );
}

describe('incremental corpus', () => {
  const texts = new Map(Object.entries(articles));

  it('moves offsets when typing changes no fact, cites only the articles that depend on it, and equals a fresh analysis', () => {
    const corpus = corpusOf(texts);
    observable(corpus);
    const before = texts.get(target)!;
    // An ordinary word in the headline, before every finding of the article.
    const after = before.replace('Summit opens in', 'Summit finally opens in');
    corpus.upsert({ id: target, text: after });
    const dependents = corpus.dependents(target);
    assert.ok(
      dependents.length < files.length,
      `only the article and those citing it: ${dependents.join(', ')}`,
    );
    assert.equal(observable(corpus), observable(corpusOf(new Map([...texts, [target, after]]))));
  });

  it('rebuilds the names part when an edit changes a name, tells the articles whose findings change, and equals a fresh analysis', () => {
    const corpus = corpusOf(texts);
    observable(corpus);
    const before = new Map(files.map((id) => [id, JSON.stringify(plainFindings(corpus.findings(id)))]));
    const timeline = corpus.events();
    const after = texts.get(target)!.replace('Ana Fredriksen', 'Ana Frederiksen');
    corpus.upsert({ id: target, text: after });
    assert.equal(corpus.events(), timeline, 'the time part of the index is kept');
    // c.txt's own finding goes; a.txt and b.txt write "Ana Frederiksen" and had none, and have none.
    const changed = files.filter((id) => JSON.stringify(plainFindings(corpus.findings(id))) !== before.get(id));
    assert.deepEqual(changed, [target]);
    assert.deepEqual(corpus.dependents(target), [target]);
    assert.equal(observable(corpus), observable(corpusOf(new Map([...texts, [target, after]]))));
    assert.ok(!corpus.findings(target).some((f) => f.actual.includes('Fredriksen')));
  });

  it('rebuilds only the timeline when an edit changes a date, tells the articles it changes, and equals a fresh analysis', () => {
    const corpus = corpusOf(texts);
    observable(corpus);
    const source = 'a.txt';
    // a.txt and b.txt date the summit ("on March 20"), and c.txt's dateline finding cites a.txt; once
    // a.txt says the 21st, the finding cites b.txt, which still says the 20th.
    assert.match(corpus.findings('c.txt')[0]!.message, /which a\.txt dates 20 March 2025/);
    const after = texts.get(source)!.replace('on March 20', 'on March 21');
    const names = corpus.clusters();
    corpus.upsert({ id: source, text: after });
    assert.equal(corpus.clusters(), names, 'the names part of the index is kept');
    assert.ok(corpus.dependents(source).includes('c.txt'));
    assert.match(corpus.findings('c.txt')[0]!.message, /which b\.txt dates 20 March 2025/);
    assert.equal(observable(corpus), observable(corpusOf(new Map([...texts, [source, after]]))));
  });

  it('tells no other article of a date edit that leaves their findings as they were', () => {
    // A weekday in one article that no other article's finding reads; the other holds a time-rule finding.
    const edited =
      'Harbour board weighs new pier\n\nPORTVILLE, March 3, 2025 — The board met on Monday, March 3, 2025. A vote follows on Friday.\n';
    const other =
      'Ferry timetable changes\n\nPORTVILLE, March 5, 2025 — The operator said on Tuesday, March 5, 2025 that sailings would change.\n';
    const corpus = corpusOf(
      new Map([
        ['edited', edited],
        ['other', other],
      ]),
    );
    const otherFindings = plainFindings(corpus.findings('other'));
    assert.deepEqual(
      otherFindings.map((f) => f.ruleId),
      ['weekday-mismatch'],
    );
    const names = corpus.clusters();
    corpus.upsert({ id: 'edited', text: edited.replace('on Friday', 'on Saturday') });
    assert.equal(corpus.clusters(), names, 'an edit of the time part only');
    assert.deepEqual(corpus.dependents('edited'), ['edited']);
    assert.deepEqual(plainFindings(corpus.findings('other')), otherFindings);
  });

  it('lets an old timeline go when it is rebuilt, though the findings of rules that do not read it are kept', async () => {
    const corpus = corpusOf(texts);
    observable(corpus);
    const source = 'a.txt';
    const kept = corpus.findings(target).filter((f) => f.ruleId === 'name-variant');
    assert.ok(kept.length > 0);
    const oldTimeline = new WeakRef(corpus.events());
    corpus.upsert({ id: source, text: texts.get(source)!.replace('on March 20', 'on March 21') });
    observable(corpus);
    // The name-variant findings outlived the rebuild; their `explain` must not hold the old index.
    assert.equal(
      corpus.findings(target).find((f) => f.ruleId === 'name-variant'),
      kept[0],
    );
    assert.notEqual(corpus.events(), oldTimeline.deref());
    // A WeakRef's target lives to the end of the job that made or read it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.equal(oldTimeline.deref(), undefined, 'the old timeline is still reachable');
  });

  it('holds in its index only the analyses’ own spans, so that moving an analysis moves the index', () => {
    const corpus = corpusOf(texts);
    const spansUnder = (root: unknown, skip: (key: string) => boolean): Set<object> => {
      const spans = new Set<object>();
      const seen = new Set<object>();
      const visit = (value: unknown): void => {
        if (typeof value !== 'object' || value === null || seen.has(value)) return;
        seen.add(value);
        const record = value as Record<string, unknown>;
        if (typeof record['start'] === 'number' && typeof record['end'] === 'number') spans.add(value);
        const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
        for (const [key, child] of entries) if (!skip(String(key))) visit(child);
      };
      visit(root);
      return spans;
    };
    const own = new Set<object>();
    for (const id of corpus.ids())
      for (const span of spansUnder(corpus.article(id), () => false)) own.add(span);
    const index = { clusters: corpus.clusters(), acronyms: corpus.acronyms(), events: corpus.events() };
    const held = spansUnder(index, (key) => key === 'knowledge');
    assert.ok(held.size > 20, String(held.size));
    assert.deepEqual(
      [...held].filter((span) => !own.has(span)),
      [],
    );
  });

  it('equals a fresh analysis after many small edits on one line', () => {
    const corpus = corpusOf(texts);
    observable(corpus);
    let text = texts.get(target)!;
    for (const word of ['very ', 'new ', 'and ', 'old ']) {
      text = text.replace('organisers said', `${word}organisers said`);
      corpus.upsert({ id: target, text });
      corpus.dependents(target);
    }
    assert.equal(observable(corpus), observable(corpusOf(new Map([...texts, [target, text]]))));
  });
});
