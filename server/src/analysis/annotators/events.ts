/** Events (summits, meetings, visits) and whether the article speaks of them as ahead or behind. */
import type { TokenSentence } from '../tokenize.js';
import type { DateMention, EntityMention, EventMention } from '../types.js';

/** Finds event mentions in the article's content sentences. */
export function annotateEvents(
  _text: string,
  _sentences: TokenSentence[],
  _entities: EntityMention[],
  _dates: DateMention[],
): EventMention[] {
  return [];
}
