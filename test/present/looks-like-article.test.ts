/** Which `.txt` files are taken for articles: prose with a date, never a requirements file, a licence or a log. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  isNotArticleName,
  isSpace,
  isWordToken,
  looksLikeArticle,
} from '../../server/src/present/looks-like-article.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

const paragraph =
  'The harbour board said on Tuesday that the new ferry terminal would open later than planned, after a dispute over the contract.';
const article = `Ferry terminal delayed again\n\nPORTVILLE, March 4, 2025 —\n${paragraph}\n\nA spokesperson for the board said the builders had asked for more time and that the council would decide next month.\n`;

const verdict = (path: string, text: string): string => {
  const look = looksLikeArticle(path, text);
  return `${look.article ? 'article' : 'not'}: ${look.why}`;
};

describe('looksLikeArticle', () => {
  const cases: [string, string, string][] = [
    ['stories/ferry.txt', article, 'article: paragraphs of prose with a date'],
    [
      'requirements.txt',
      'numpy==1.26.4\nrequests>=2.31\n# pinned for CI\n',
      'not: its name says it is not an article',
    ],
    ['requirements-dev.txt', article, 'not: its name says it is not an article'],
    ['LICENSE.txt', article, 'not: its name says it is not an article'],
    ['build_log.txt', article, 'not: its name says it is not an article'],
    ['meeting-notes.txt', article, 'not: its name says it is not an article'],
    [
      'server.txt',
      '2025-03-04 12:00:01 INFO starting on port 8080\n2025-03-04 12:00:02 WARN cache miss for key=abc\n',
      'not: fewer than two paragraphs of prose',
    ],
    ['list.txt', '- eggs\n- milk\n- bread\n', 'not: fewer than two paragraphs of prose'],
    [
      'essay.txt',
      `${paragraph.replace(/on Tuesday /, '')}\n\nThe builders asked for more time and the council will decide what to do once it has read the report.\n`,
      'not: no date and no dateline',
    ],
    [
      'menu.txt',
      `${paragraph}\n${paragraph}\n${'Home\nNews\nSport\nWeather\nContact us\nAbout\n'.repeat(40)}`,
      'not: mostly lines that are not prose',
    ],
  ];
  for (const [path, text, expected] of cases)
    it(`${path}: ${expected}`, () => assert.equal(verdict(path, text), expected));

  it('takes every article of the sample corpus and the tuning corpora', () => {
    const folders = [join(root, 'seeds')];
    const corpora = join(root, 'test', 'fixtures', 'corpora');
    for (const name of readdirSync(corpora)) folders.push(join(corpora, name));
    const refused: string[] = [];
    let taken = 0;
    for (const folder of folders)
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
        const look = looksLikeArticle(join(folder, file), readFileSync(join(folder, file), 'utf8'));
        if (look.article) taken++;
        else refused.push(`${file}: ${look.why}`);
      }
    assert.deepEqual(refused, []);
    assert.ok(taken > 50, `${taken} articles`);
  });

  it('reads names word by word: "blog" and "catalogue" are not logs', () => {
    assert.equal(isNotArticleName('/news/blog-post.txt'), false);
    assert.equal(isNotArticleName('/news/catalogue_review.txt'), false);
    assert.equal(isNotArticleName('C:\\work\\CHANGELOG.txt'), true);
  });

  describe('the prose test, found in place, answers as the patterns it replaced', () => {
    // What looksLikeArticle counted before it found lines and words in place: split lines, split words,
    // one Unicode pattern per word. The verdict on prose must be the same for any text.
    const proseVerdict = (text: string): string => {
      const lines = text
        .slice(0, 20_000)
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '');
      let proseLines = 0;
      let proseChars = 0;
      let allChars = 0;
      for (const line of lines) {
        allChars += line.length;
        const tokens = line.trim().split(/\s+/);
        let words = 0;
        for (const token of tokens) if (/^[("“‘'\p{L}][\p{L}\p{M}'’.,;:!?)”"-]*$/u.test(token)) words++;
        if (tokens.length >= 12 && words / tokens.length >= 0.75 && /[.!?]["”’)]?(?:\s|$)/.test(line)) {
          proseLines++;
          proseChars += line.length;
        }
      }
      if (proseLines < 2) return 'fewer than two paragraphs of prose';
      if (proseChars < allChars * 0.3) return 'mostly lines that are not prose';
      return 'prose';
    };
    const pieces = [
      'word',
      'Harbour',
      'said.',
      'said?',
      'end!"',
      '“Quote',
      'end.”',
      "it's",
      'it’s',
      '(aside)',
      'a-b',
      'Ré',
      'e\u0301',
      'Łódź',
      'x=1',
      '12',
      '#',
      '—',
      '-',
      '"',
      "'",
      ')',
      '(',
      ',',
      'March',
      '2025',
      ' ',
      ' ',
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u200b',
      '\u0085',
      '\r',
      '\n',
      '\r\n',
      '\n\n',
      '\u2028',
      '\v',
      '\f',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 400 }).map((list) => list.join(''));
    const lines = fc
      .array(
        fc.array(fc.constantFrom(...pieces.filter((p) => !/[\r\n]/.test(p))), {
          minLength: 8,
          maxLength: 40,
        }),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((list) => list.map((line) => line.join(' ')).join('\n'));

    it('on random text and random lines of words', () => {
      fc.assert(
        fc.property(fc.oneof(text, lines), (sample) => {
          const look = looksLikeArticle('story.txt', `${sample}\nMarch 3, 2025`);
          const expected = proseVerdict(`${sample}\nMarch 3, 2025`);
          assert.equal(look.article ? 'prose' : look.why, expected);
        }),
        { numRuns: 2000, seed: 22 },
      );
    });

    // Any ASCII character, and letters, marks, quotes and spaces beyond it.
    const character = fc.oneof(
      fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)),
      fc.constantFrom('é', '\u0301', '“', '”', '‘', '’', 'Ł', 'ß', '字', '\u00a0', '\u2003', '\u{1F600}'),
    );

    it('word by word and space by space', () => {
      fc.assert(
        fc.property(fc.string({ unit: character, maxLength: 12 }), (token) => {
          const padded = ` ${token} `;
          assert.equal(
            isWordToken(padded, 1, padded.length - 1),
            /^[("“‘'\p{L}][\p{L}\p{M}'’.,;:!?)”"-]*$/u.test(token),
          );
        }),
        { numRuns: 2000, seed: 22 },
      );
      const differ: string[] = [];
      for (let c = 0; c <= 0xffff; c++)
        if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(`U+${c.toString(16)}`);
      assert.deepEqual(differ, []);
    });
  });
});
