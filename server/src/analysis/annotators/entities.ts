/** People, organisations, places, events and programmes named in an article. */
import type { TokenSentence } from '../tokenize.js';
import type { ArticleStructure, EntityMention } from '../types.js';

/** Finds the named entities in the article's content sentences. */
export function annotateEntities(
  _text: string,
  _structure: ArticleStructure,
  _sentences: TokenSentence[],
): EntityMention[] {
  return [];
}
