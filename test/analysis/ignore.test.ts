import assert from 'node:assert/strict';
import { Corpus, emptyKnowledge } from '../../server/src/analysis/index.js';

// Made up: three articles on one minister, one with a slip in her surname.
const article = (date: string, name: string): string =>
  `Ferry talks resume\n\nTALLINN, May ${date}, 2024 — Estonian Transport Minister ${name} met port officials on Monday.\n`;

describe('findings ignored in the knowledge file', () => {
  const corpus = new Corpus();
  corpus.upsert({ id: 'file:///work/news/a.txt', text: article('2', 'Liis Kaasik') });
  corpus.upsert({ id: 'file:///work/news/b.txt', text: article('3', 'Liis Kaasik') });
  corpus.upsert({ id: 'file:///work/news/my%20c.txt', text: article('9', 'Liis Kaask') });
  const flagged = (): string[] =>
    corpus.findings('file:///work/news/my%20c.txt').map((f) => `${f.ruleId} ${f.actual}`);

  it('leaves out the finding of that rule on those words in that article only', () => {
    assert.deepEqual(flagged(), ['name-variant Kaask']);
    for (const file of ['news/my c.txt', 'my c.txt', './news/my c.txt']) {
      corpus.setKnowledge({ ...emptyKnowledge, ignore: [{ file, rule: 'name-variant', text: 'Kaask' }] });
      assert.deepEqual(flagged(), [], file);
    }
    for (const ignore of [
      { file: 'c.txt', rule: 'name-variant' as const, text: 'Kaask' },
      { file: 'news/my c.txt', rule: 'acronym-expansion' as const, text: 'Kaask' },
      { file: 'news/my c.txt', rule: 'name-variant' as const, text: 'Kaasik' },
    ]) {
      corpus.setKnowledge({ ...emptyKnowledge, ignore: [ignore] });
      assert.deepEqual(flagged(), ['name-variant Kaask'], JSON.stringify(ignore));
    }
  });
});
