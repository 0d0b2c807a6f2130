/** Places among a chunk's words, by the gazetteer, unless the article writes the name as a common word. */
import type { EntityMention } from '../types.js';
import { join, placeMention, type Context } from './entity-context.js';
import { longestPlaceName, lookupPlace, type Place } from './gazetteer.js';
import type { NameWord } from './name-chunks.js';

/**
 * The gazetteer's place for a name, unless it is a town named like a common word that this article
 * writes in lower case ("Reading", "Mobile", "Bath").
 */
export function placeNamed(name: string, context: Context): Place | undefined {
  const place = lookupPlace(name);
  if ((place?.kind === 'city' || place?.kind === 'province') && context.lowercase.has(name.toLowerCase())) return undefined;
  return place;
}

/** Places inside a chunk that is nothing else: "Riga Latvia" written without a comma. */
export function placesIn(words: NameWord[], context: Context): EntityMention[] {
  const found: EntityMention[] = [];
  const longest = longestPlaceName();
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (let n = Math.min(longest, words.length - i); n >= 1 && matched === 0; n--) {
      const place = placeNamed(join(words.slice(i, i + n)), context);
      if (place) {
        found.push(placeMention(words[i]!, words[i + n - 1]!, place, context));
        matched = n;
      }
    }
    if (matched === 0) return [];
    i += matched;
  }
  return found;
}
