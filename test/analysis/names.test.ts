import assert from 'node:assert/strict';
import { compareNames, compareTokens, conventionKey, nameKey } from '../../server/src/analysis/names.js';

describe('names', () => {
  it('keys ignore case, hyphens, diacritics and name order', () => {
    assert.equal(nameKey('KISHIDA Fumio'), nameKey('Fumio Kishida'));
    assert.equal(nameKey('Yoon Suk-yeol'), nameKey('Yoon Suk Yeol'));
    assert.equal(nameKey('José Martínez'), nameKey('Jose Martinez'));
    assert.notEqual(nameKey('Chris Hipkins'), nameKey('Chris Hepkins'));
  });

  it('folds British and American spellings', () => {
    assert.equal(conventionKey('Strategic Defence Programme'), conventionKey('Strategic Defense Program'));
    assert.equal(conventionKey('Labour Organisation'), conventionKey('Labor Organization'));
  });

  const tokenCases: [string, string, string][] = [
    ['hepkins', 'hipkins', 'typo'],
    ['pedersen', 'petersen', 'typo'],
    ['gaddafi', 'qaddafi', 'transliteration'],
    ['zelensky', 'zelenskyy', 'transliteration'],
    ['kishida', 'stoltenberg', 'different'],
    ['lee', 'li', 'different'],
  ];
  for (const [a, b, expected] of tokenCases) {
    it(`${a} / ${b} is ${expected}`, () => assert.equal(compareTokens(a, b), expected));
  }

  it('compares full names token by token, in either order', () => {
    assert.deepEqual(compareNames('Yoon Sok Yul', 'Yoon Suk Yeol'), {
      relation: 'typo',
      differing: [1, 2],
      identical: 1,
      reversed: false,
    });
    assert.equal(compareNames('Hipkins Chris', 'Chris Hepkins').reversed, true);
    assert.equal(compareNames('Chris Hipkins', 'Hipkins').relation, 'different');
  });
});
