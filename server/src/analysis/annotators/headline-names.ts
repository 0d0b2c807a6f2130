/** Names in a headline: in Title Case, only those the body confirms. */
import type { TokenSentence } from '../tokenize.js';
import type { EntityMention, RoleMention } from '../types.js';
import { join, mentionOf, placeMention, type Context } from './entity-context.js';
import { longestPlaceName, lookupPlace } from './gazetteer.js';
import { isCapitalised, type NameChunk } from './name-chunks.js';
import { titleAt, titleOf } from './titles.js';

/** In a Title Case headline capitals prove nothing: keep titled known names, places and names seen in the body. */
export function classifyHeadline(chunk: NameChunk, context: Context): EntityMention[] {
  const found: EntityMention[] = [];
  const words = chunk.words;
  const longest = Math.max(longestPlaceName(), 6);
  for (let i = 0; i < words.length;) {
    let matched = 0;
    const titleEnd = titleAt(words, i);
    if (
      titleEnd !== undefined &&
      titleEnd < words.length &&
      context.personWords.has(words[titleEnd]!.text.toLowerCase())
    ) {
      let end = titleEnd;
      while (end < words.length && context.personWords.has(words[end]!.text.toLowerCase())) end++;
      const titleWords = words.slice(i, titleEnd);
      const role: RoleMention = {
        title: titleOf(titleWords),
        span: { start: titleWords[0]!.start, end: titleWords[titleWords.length - 1]!.end },
      };
      found.push(mentionOf('person', words[titleEnd]!, words[end - 1]!, context, { role }));
      i = end;
      continue;
    }
    for (let n = Math.min(longest, words.length - i); n >= 1 && matched === 0; n--) {
      const slice = words.slice(i, i + n);
      const text = join(slice).toLowerCase();
      const place = lookupPlace(text);
      const known = context.names.get(text);
      if (slice.every((w) => context.personWords.has(w.text.toLowerCase()))) {
        found.push(mentionOf('person', slice[0]!, slice[n - 1]!, context));
      } else if (known) found.push(mentionOf(known, slice[0]!, slice[n - 1]!, context));
      else if (place) found.push(placeMention(slice[0]!, slice[n - 1]!, place, context));
      else continue;
      matched = n;
    }
    i += Math.max(matched, 1);
  }
  return found;
}

/** Whether a headline is written in Title Case. */
// A headline is Title Case when nearly every longer word is capitalised.
export function isTitleCase(sentence: TokenSentence): boolean {
  const long = sentence.tokens.filter((t) => t.kind === 'word' && /^\p{L}{4,}/u.test(t.text));
  if (long.length < 3) return false;
  return long.filter((t) => isCapitalised(t.text)).length / long.length >= 0.8;
}
