import assert from 'node:assert/strict';
import { estimateReliability, trustOf } from '../../server/src/analysis/corpus/reliability.js';

describe('reliability (truth discovery)', () => {
  it('trusts less the article that disagrees with the rest on several facts', () => {
    const claims = [
      // A name three articles agree on and one misspells.
      ...['a', 'b', 'c'].map((articleId) => ({ item: 'person:x', value: 'right', articleId })),
      { item: 'person:x', value: 'wrong', articleId: 'd' },
      // An acronym every article but d expands one way.
      ...['a', 'b', 'c'].map((articleId) => ({ item: 'acronym:ABC', value: 'right', articleId })),
      { item: 'acronym:ABC', value: 'wrong', articleId: 'd' },
      // One against one: c and d disagree, nobody else speaks.
      { item: 'person:y', value: 'one', articleId: 'c' },
      { item: 'person:y', value: 'two', articleId: 'd' },
    ];
    const trust = estimateReliability(claims);
    assert.ok(trustOf(trust, 'c') > trustOf(trust, 'd') + 0.2, `c ${trustOf(trust, 'c')} d ${trustOf(trust, 'd')}`);
  });

  it('keeps the prior for an article that shares no fact with another', () => {
    const trust = estimateReliability([{ item: 'person:z', value: 'only', articleId: 'lonely' }]);
    assert.equal(trustOf(trust, 'lonely'), 0.8);
  });
});
