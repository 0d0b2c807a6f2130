/**
 * A minister's portfolio written with the title, before the holder's name: "Minister of Energy Jane
 * Roe", "Utopian Energy Minister Jane Roe".
 */
import { lowerCase } from '../memo.js';
import type { EntityMention, RoleMention } from '../types.js';
import { join, mentionOf, type Context } from './entity-context.js';
import { countryOfDemonym, lookupPlace } from './gazetteer.js';
import { functionWords, honorifics, portfolioWords, titles } from './lexicon.js';
import { headKind, type NameChunk, type NameWord } from './name-chunks.js';
import { looksLikePersonalName } from './name-shape.js';
import { placeNamed } from './place-names.js';
import { countryOf, titleOf } from './titles.js';

/**
 * "Minister of Water Resources and Irrigation, Jane Roe" is chunked "Water Resources and Irrigation";
 * "Minister of Energy Jane Roe", "Energy Jane Roe". After "<title> of", the leading words the
 * article also writes in lower case are the portfolio; what follows, if it reads as a name, is the
 * holder, with the office as its role.
 */
export function portfolioBefore(raw: NameChunk, words: NameWord[], context: Context): EntityMention[] | undefined {
  // "Minister of Environment and Water Jane Roe": the chunk starts after the portfolio's "and".
  const before = /([\p{L}-]+)\s+of\s+((?:the\s+)?(?:\p{Lu}[\p{L}-]*,?\s+)+(?:and|&)\s+)?$/u.exec(
    context.text.slice(Math.max(0, raw.start - 80), raw.start),
  );
  if (!before || !titles.has(lowerCase(before[1]!))) return undefined;
  // "Secretary of Mining Jane Roe and John Doe": a name before "and" is no portfolio's word.
  const listed = (before[2] ?? '').match(/\p{Lu}[\p{L}-]*/gu) ?? [];
  if (!listed.every((word) => portfolioWords.has(lowerCase(word)))) return undefined;
  const joinedPortfolio = before[2] ? before[2].trim() + ' ' : '';
  // After "Minister of Industry and", the next word is the portfolio's, whatever its case.
  let i = before[2] ? 1 : 0;
  while (
    i < words.length &&
    (words[i]!.lower || context.lowercase.has(lowerCase(words[i]!.text)) || portfolioWords.has(lowerCase(words[i]!.text)))
  )
    i++;
  if (i === 0) return undefined;
  // "Minister of Water Dr. Jane Roe": the honorific is neither portfolio nor name.
  let from = i;
  while (from < words.length && honorifics.has(words[from]!.text.toLowerCase())) from++;
  const rest = words.slice(from);
  if (rest.length < 2 || !looksLikePersonalName(rest, context.lowercase)) return [];
  const titleStart = raw.start - before[0].length;
  // "Utopia's Minister of Energy Jane Roe", "the Utopian Minister of Energy": whose office it is.
  const owner = /(?:^|\s)(\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*)*?)(?:['’]s)?\s+$/u.exec(context.text.slice(Math.max(0, titleStart - 40), titleStart));
  const country = owner ? (countryOfDemonym(owner[1]!) ?? countryOf(owner[1]!)) : undefined;
  const role: RoleMention = {
    title: `${titleOf([{ text: before[1]! } as NameWord])} of ${joinedPortfolio}${join(words.slice(0, i))}`,
    span: { start: titleStart, end: words[i - 1]!.end },
    ...(country ? { country } : {}),
  };
  return [mentionOf('person', rest[0]!, rest[rest.length - 1]!, context, { role })];
}

/**
 * "Utopian Energy Minister", "Water Minister": the words before "Minister" that name its portfolio,
 * after a country's name or demonym if one opens them. The portfolio is part of the office, not an
 * organisation that holds it.
 */
export function portfolioIn(
  prefix: NameWord[],
  titleWords: NameWord[],
  context: Context,
): { country: NameWord[]; words: NameWord[] } | undefined {
  if (prefix.length === 0 || titleOf(titleWords) !== 'Minister') return undefined;
  let split = 0;
  // "Utopian", "Utopia", or a state of one ("Bavarian" is not known; "Bavaria" is): whose office.
  for (let n = Math.min(3, prefix.length - 1); n >= 1 && split === 0; n--) {
    const lead = join(prefix.slice(0, n));
    if (countryOfDemonym(lead) ?? countryOf(lead) ?? (lookupPlace(lead)?.kind === 'province' ? lead : undefined)) split = n;
  }
  const words = prefix.slice(split);
  if (words.length === 0 || functionWords.has(lowerCase(words[0]!.text))) return undefined;
  const plain = (w: NameWord): boolean => !w.acronym && !w.possessive && headKind(w.text) === undefined;
  // A minister's office belongs to a country or a portfolio, never to an organisation.
  if (!words.every(plain) || (split === 0 && placeNamed(join(words), context))) return undefined;
  return { country: prefix.slice(0, split), words };
}
