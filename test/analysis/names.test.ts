import assert from 'node:assert/strict';
import { compareNames, compareTokens, conventionKey, nameKey } from '../../server/src/analysis/names.js';

describe('names', () => {
  it('keys ignore case, hyphens, diacritics and name order', () => {
    assert.equal(nameKey('TANAKA Aiko'), nameKey('Aiko Tanaka'));
    assert.equal(nameKey('Park Ji-hoon'), nameKey('Park Ji Hoon'));
    assert.equal(nameKey('José Martínez'), nameKey('Jose Martinez'));
    assert.notEqual(nameKey('Lars Halvorsen'), nameKey('Lars Halversen'));
  });

  it('folds British and American spellings', () => {
    assert.equal(conventionKey('Strategic Defence Programme'), conventionKey('Strategic Defense Program'));
    assert.equal(conventionKey('Labour Organisation'), conventionKey('Labor Organization'));
  });

  const tokenCases: [string, string, string][] = [
    ['halversen', 'halvorsen', 'typo'],
    ['pedersen', 'petersen', 'typo'],
    ['gaddafi', 'qaddafi', 'transliteration'],
    ['petrenko', 'petrenkko', 'transliteration'],
    ['tanaka', 'halvorsen', 'different'],
    ['lee', 'li', 'different'],
  ];
  for (const [a, b, expected] of tokenCases) {
    it(`${a} / ${b} is ${expected}`, () => assert.equal(compareTokens(a, b), expected));
  }

  it('compares full names token by token, in either order', () => {
    assert.deepEqual(compareNames('Park Sok Hun', 'Park Suk Hoon'), {
      relation: 'typo',
      differing: [1, 2],
      identical: 1,
      reversed: false,
    });
    assert.equal(compareNames('Halvorsen Lars', 'Lars Halversen').reversed, true);
    assert.equal(compareNames('Lars Halvorsen', 'Halvorsen').relation, 'different');
  });

  it('reads the Arabic article written "El-" and "al-" as one, so "El-Masry" is a romanisation of "al-Masri"', () => {
    assert.equal(compareNames('Hala El-Masry', 'Hala al-Masri').relation, 'transliteration');
    assert.equal(nameKey('Omar El-Sayed'), nameKey('Omar al-Sayed'));
  });
});
