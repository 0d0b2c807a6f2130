/** Acronyms and their definitions: "Long Form (LF)". */
import type { TokenSentence } from '../tokenize.js';
import type { AcronymMention } from '../types.js';

/** Finds acronyms, and the long forms the article defines for them. */
export function annotateAcronyms(_text: string, _sentences: TokenSentence[]): AcronymMention[] {
  return [];
}
