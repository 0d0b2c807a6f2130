/**
 * Issue 3's thresholds, per corpus: the seeds and every gold corpus under test/fixtures/corpora
 * (rule precision and recall ≥ 0.9, no warning on a trap or furniture, person F1 ≥ 0.95, date
 * values ≥ 0.9). `npm run eval` prints the same figures as a table.
 */
import assert from 'node:assert/strict';
import { goldCorpora } from './gold.js';
import { failures, scoreCorpus } from './score.js';

/**
 * Thresholds a corpus is known to miss today (issue 3, open work), by the start of the failure's
 * text. Anything else failing is a regression; remove an entry once it passes.
 */
const knownGaps: Record<string, string[]> = {
  // Product names ("Xbox Game Pass", "Candy Crush") have the shape of personal names and no title.
  activision: ['person F1'],
};

describe('eval: gold corpora meet the thresholds', () => {
  for (const corpus of goldCorpora()) {
    it(corpus.name, () => {
      const score = scoreCorpus(corpus);
      const gaps = knownGaps[corpus.name] ?? [];
      const failed = failures(score).filter((f) => !gaps.some((g) => f.startsWith(g)));
      assert.deepEqual(failed, [], [...failed, ...score.trapWarnings, ...score.misses].join('\n'));
    });
  }
});
