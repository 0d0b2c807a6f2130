/** Temporal expressions, normalised against the article's dateline. */
import type { TokenSentence } from '../tokenize.js';
import type { ArticleStructure, DateMention } from '../types.js';

/** The date relative expressions are resolved against, and where it comes from. */
export interface DateAnchorInput {
  /** "YYYY-MM-DD" */
  date: string;
  source: 'dateline' | 'inferred';
}

/** Finds and resolves every temporal expression in the article's content sentences. */
export function annotateDates(
  _text: string,
  _structure: ArticleStructure,
  _sentences: TokenSentence[],
  _anchor: DateAnchorInput | null,
): DateMention[] {
  return [];
}
