/** Which `.txt` files are taken for articles: prose with a date, never a requirements file, a licence or a log. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNotArticleName, looksLikeArticle } from '../../server/src/present/looks-like-article.js';

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
});
