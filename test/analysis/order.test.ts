/**
 * The findings of a corpus depend on its articles, not on the order in which they came. A server
 * that saw a file deleted and written again, or created while the folder was read, holds it later
 * than a fresh reading does; where a rule breaks a tie by the first article, the two disagreed (the
 * live-server fuzz of issue 20, about one run in ten).
 */
import assert from 'node:assert/strict';
import { Corpus } from '../../server/src/analysis/index.js';
import { harbour } from '../lsp/articles.js';
import { plainFindings } from './build.js';

// Two pages date the summit alike (a copy of a.txt): which of them c.txt's finding names is a tie.
// Two more write one acronym two ways, once each: which spelling is flagged is a tie too.
const articles: Record<string, string> = {
  ...harbour,
  'a-copy.txt': harbour['a.txt']!,
  'd.txt':
    'Water board meets\n\nUTOPIA CITY, March 6, 2025 - The Utopia Water Board (UWB) met on Thursday; Jane Roe chaired the meeting.\n',
  'e.txt':
    'Water board delays vote\n\nUTOPIA CITY, March 7, 2025 - The Utopian Waters Board (UWB) put off its vote, Jane Roe said on Friday.\n',
};

/** Every article's findings with their evidence, in the order the corpus gives them, by id. */
function observable(corpus: Corpus): string {
  return JSON.stringify(
    [...corpus.ids()].sort().map((id) => ({ id, findings: plainFindings(corpus.findings(id)) })),
  );
}

function corpusIn(order: string[]): Corpus {
  const corpus = new Corpus();
  for (const id of order) corpus.upsert({ id, text: articles[id]! });
  return corpus;
}

/** Orders of a list: as it is, reversed, and each rotation of either (every article first and last once). */
function orders<T>(list: T[]): T[][] {
  const rotations = (l: T[]): T[][] => l.map((_, i) => [...l.slice(i), ...l.slice(0, i)]);
  return [...rotations(list), ...rotations([...list].reverse())];
}

describe('a corpus whatever the order its articles came in', () => {
  const ids = Object.keys(articles).sort();
  const expected = observable(corpusIn(ids));

  it('has findings that tie-break between articles, so the test can tell', () => {
    assert.match(expected, /a-copy\.txt|a\.txt/);
    assert.match(expected, /UWB/);
  });

  it('finds the same, with the same evidence in the same order, in every order of arrival', () => {
    for (const order of orders(ids)) assert.equal(observable(corpusIn(order)), expected, order.join(' '));
  });

  it('finds the same after an article is removed and added again, as a file deleted and written again', () => {
    for (const id of ids) {
      const corpus = corpusIn(ids);
      corpus.findings(id);
      corpus.remove(id);
      corpus.findings(id);
      corpus.upsert({ id, text: articles[id]! });
      assert.equal(observable(corpus), expected, id);
    }
  });
});
