import assert from 'node:assert/strict';
import { Corpus, type Finding, type RuleId, type Severity } from '../../server/src/analysis/index.js';
import { onePerSpot } from '../../server/src/present/index.js';

/** A finding on `a.txt` from `start` to `end`, with one piece of evidence and, unless `fix` is false, one fix. */
function finding(ruleId: RuleId, severity: Severity, start: number, end: number, fix = true): Finding {
  return {
    ruleId,
    severity,
    articleId: 'a.txt',
    span: { start, end },
    message: `${ruleId} ${start}-${end}`,
    actual: 'x',
    expected: ['y'],
    related: [{ location: { articleId: `${ruleId}.txt`, span: { start: 0, end: 1 } }, message: 'evidence' }],
    fixes: fix ? [{ title: 'Fix', edits: [{ articleId: 'a.txt', span: { start, end }, newText: 'y' }] }] : [],
    explain: () => [`why ${ruleId}`],
  };
}

/** Findings as compact strings: `name-variant 4-10 warning (evidence from: name-variant, acronym-expansion)`. */
function show(findings: Finding[]): string[] {
  return findings.map(
    (f) =>
      `${f.ruleId} ${f.span.start}-${f.span.end} ${f.severity} (evidence from: ${f.related.map((r) => r.location.articleId.replace('.txt', '')).join(', ')})`,
  );
}

describe('onePerSpot: never two findings on the same words', () => {
  it('keeps findings that overlap nothing as they are, in their order', () => {
    const findings = [finding('role-conflict', 'warning', 30, 40), finding('name-variant', 'warning', 0, 5)];
    assert.deepEqual(onePerSpot(findings), findings);
  });

  it('of two equally severe findings on the same words, keeps the narrower one and folds in the other', () => {
    // "Nordc" inside "Nordc Rail Council": the misspelt word (4-9) and the whole long form (4-22).
    const merged = onePerSpot([
      finding('acronym-expansion', 'warning', 4, 22),
      finding('name-variant', 'warning', 4, 9),
    ]);
    assert.deepEqual(show(merged), [
      'name-variant 4-9 warning (evidence from: name-variant, acronym-expansion)',
    ]);
    assert.deepEqual(merged[0]!.explain(), [
      'why name-variant',
      'Also (acronym-expansion): acronym-expansion 4-22.',
      'why acronym-expansion',
    ]);
  });

  it('keeps the more severe finding, then the one with a fix', () => {
    assert.deepEqual(
      show(
        onePerSpot([
          finding('name-variant', 'information', 4, 9),
          finding('acronym-expansion', 'warning', 4, 22),
        ]),
      ),
      ['acronym-expansion 4-22 warning (evidence from: acronym-expansion, name-variant)'],
    );
    assert.deepEqual(
      show(
        onePerSpot([
          finding('name-variant', 'warning', 4, 9, false),
          finding('acronym-expansion', 'warning', 4, 22),
        ]),
      ),
      ['acronym-expansion 4-22 warning (evidence from: acronym-expansion, name-variant)'],
    );
  });

  it('settles each run of overlaps on its own, and leaves findings that only touch apart', () => {
    const merged = onePerSpot([
      finding('name-variant', 'warning', 0, 5),
      finding('acronym-expansion', 'warning', 5, 12),
      finding('weekday-mismatch', 'warning', 20, 26),
      finding('dateline-conflict', 'information', 22, 40),
    ]);
    assert.deepEqual(show(merged), [
      'name-variant 0-5 warning (evidence from: name-variant)',
      'acronym-expansion 5-12 warning (evidence from: acronym-expansion)',
      'weekday-mismatch 20-26 warning (evidence from: weekday-mismatch, dateline-conflict)',
    ]);
  });

  it('on real articles: a misspelt word in an acronym long form is one name-variant warning', () => {
    const corpus = new Corpus();
    const article = (date: string, name: string): string =>
      `Rail talks\n\nOSLO, May ${date}, 2024 — The ${name} (NRC) met on Monday. The council chair spoke.\n`;
    corpus.upsert({ id: 'a.txt', text: article('2', 'Nordic Rail Council') });
    corpus.upsert({ id: 'b.txt', text: article('3', 'Nordic Rail Council') });
    corpus.upsert({ id: 'c.txt', text: article('9', 'Nordc Rail Council') });
    const rules = corpus.findings('c.txt').map((f) => f.ruleId);
    assert.ok(rules.includes('name-variant') && rules.includes('acronym-expansion'), rules.join());
    assert.deepEqual(
      onePerSpot(corpus.findings('c.txt')).map(
        (f) => `${f.severity} ${f.ruleId}: ${f.message} [${f.fixes.length} fix]`,
      ),
      ['warning name-variant: “Nordc” is spelled “Nordic” in 2 other articles (Nordic Rail Council) [1 fix]'],
    );
  });

  it('on real articles: a one-against-one tie is information with no fix', () => {
    const corpus = new Corpus();
    corpus.upsert({
      id: 'a.txt',
      text: 'Rail talks\n\nOSLO, May 2, 2024 — The Nordic Rail Council (NRC) met on Monday.\n',
    });
    corpus.upsert({
      id: 'b.txt',
      text: 'Rail talks end\n\nOSLO, May 9, 2024 — The Nordc Rail Council (NRC) closed its session.\n',
    });
    const all = ['a.txt', 'b.txt'].flatMap((id) => corpus.findings(id));
    assert.ok(all.length > 0);
    for (const f of all) {
      assert.equal(f.severity, 'information', f.message);
      assert.deepEqual(f.fixes, [], f.message);
    }
    assert.deepEqual(
      onePerSpot(corpus.findings('b.txt')).map((f) => `${f.severity} ${f.ruleId}: ${f.message}`),
      [
        'information name-variant: “Nordc” is spelled “Nordic” in another article (Nordic Rail Council); as many articles write each, so neither is taken as right',
      ],
    );
  });
});
