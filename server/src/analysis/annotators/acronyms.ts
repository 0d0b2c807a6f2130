/** Acronyms and their definitions: "Long Form (LF)". */
import type { TokenSentence } from '../tokenize.js';
import type { AcronymMention } from '../types.js';

/** Finds acronyms, and the long forms the article defines for them. */
export function annotateAcronyms(_text: string, _sentences: TokenSentence[]): AcronymMention[] {
  return [];
}

/** True when the initials of `phrase` spell `acronym` (placeholder until the annotator lands). */
export function initialsMatch(acronym: string, phrase: string): boolean {
  const initials = phrase
    .split(/[\s-]+/)
    .filter((w) => !/^(of|and|the|for)$/i.test(w))
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
  return initials === acronym.toUpperCase();
}
