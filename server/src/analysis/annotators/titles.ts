/**
 * Titles written with a name: where one starts among a chunk's words ("Deputy Prime Minister",
 * "Mr"), its normal form ("PM" is "Prime Minister"), and a lower-case one just before the name
 * ("Utopia's water minister, Jane Roe"). Hand-written over lexicon.ts's lists.
 */
import { lowerCase } from '../memo.js';
import type { RoleMention } from '../types.js';
import { countryOfDemonym, lookupPlace } from './gazetteer.js';
import {
  functionWords,
  honorifics,
  pastRoleCues,
  titleExpansions,
  titleModifiers,
  titles,
} from './lexicon.js';
import type { NameChunk, NameWord } from './name-chunks.js';

/** The index after a title starting at word i ("Prime Minister", "Deputy Prime Minister", "Mr"), if any. */
export function titleAt(words: NameWord[], i: number): number | undefined {
  // "Chief Executive", "Chief Justice": a title whose first word also qualifies others.
  const opening = lowerCase(words[i]!.text);
  if (titleModifiers.has(opening) && titleStarts.has(opening)) {
    let phrase = opening;
    let longest: number | undefined;
    for (let n = 2; n <= Math.min(4, words.length - i); n++) {
      phrase = `${phrase} ${words[i + n - 1]!.text.toLowerCase()}`;
      if (titles.has(phrase)) longest = i + n;
    }
    if (longest !== undefined) return longest;
  }
  let start = i;
  while (start < words.length && titleModifiers.has(lowerCase(words[start]!.text))) start++;
  const first = words[start] && lowerCase(words[start]!.text);
  // Most words start no title: this runs for every word of every chunk, twice.
  if (first !== undefined && !titleStarts.has(first) && first.includes('-')) {
    // "Attorney-General", "Vice-President": a title written with a hyphen the list does not have.
    const parts = first.split('-');
    if (titles.has(parts.join(' ')) || (parts.slice(0, -1).every((p) => titleModifiers.has(p)) && titles.has(parts[parts.length - 1]!)))
      return start + 1;
  }
  if (first === undefined || !(titleStarts.has(first) || (start === i && honorificStarts.has(first)))) {
    // "Deputy Jane Roe": a member of a chamber of deputies, the modifier standing alone as the title;
    // "Chief Jane Roe": the honorific of West Africa, whose word also qualifies titles.
    const alone = lowerCase(words[i]!.text);
    return start === i + 1 && (alone === 'deputy' || honorifics.has(alone)) && first !== undefined
      ? i + 1
      : undefined;
  }
  const phrases = [first];
  for (let n = 2; n <= Math.min(4, words.length - start); n++)
    phrases.push(`${phrases[n - 2]!} ${words[start + n - 1]!.text.toLowerCase()}`);
  for (let n = phrases.length; n >= 1; n--) {
    const phrase = phrases[n - 1]!;
    if (titles.has(phrase) || (start === i && honorifics.has(phrase))) return start + n;
  }
  return undefined;
}

/** The first words of titles and honorifics ("prime" of "prime minister"). */
const titleStarts = new Set([...titles].map((title) => title.split(' ')[0]!));
const honorificStarts = new Set([...honorifics].map((honorific) => honorific.split(' ')[0]!));

export function titleOf(words: NameWord[]): string {
  const phrase = words.map((w) => w.text).join(' ');
  const expanded = titleExpansions[phrase.toLowerCase()];
  if (expanded) return expanded;
  return phrase.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()).replace(/-/g, ' ');
}

/** A lower-case title just before a name: "Kremlin spokesman Dmitry Peskov", "Japan's prime minister Aiko Tanaka". */
/** Words that make a title another, lesser office: "vice president", "deputy director". */
const rankModifiers = new Set(['vice', 'deputy', 'assistant', 'associate', 'executive', 'senior', 'joint']);

export function titleBefore(chunk: NameChunk, text: string): RoleMention | undefined {
  const before = text.slice(Math.max(0, chunk.start - 60), chunk.start);
  // "Jordan's water minister Jane Roe", and the appositive "Jordan's water minister, Jane Roe".
  const match =
    /((?:[\p{Lu}][\p{L}.-]*(?:['’]s)?[^\S\n]+)*)((?:(?:deputy|vice|acting)\s+)?[\p{Ll}-]+(?:\s[\p{Ll}-]+){0,2}),?\s+$/u.exec(
      before,
    );
  if (!match) return undefined;
  const words = match[2]!.split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    let title = words.slice(words.length - n).join(' ');
    if (!titles.has(title) || title.length < 3) continue;
    // "water minister": a minister's portfolio is part of the office.
    const portfolio = words[words.length - n - 1];
    if (title === 'minister' && portfolio && !functionWords.has(portfolio) && !pastRoleCues.has(portfolio))
      title = `${portfolio} minister`;
    // "executive vice president", "deputy director": another office than the president's.
    for (let k = words.length - n - 1; k >= 0 && rankModifiers.has(words[k]!); k--) title = `${words[k]} ${title}`;
    const end = chunk.start - (before.length - before.replace(/,?\s+$/u, '').length);
    const start = end - title.length;
    // "counsel to the governor, Jane Roe", "a lawyer for the minister, John Doe": the office is another
    // person's, the object of a preposition; the name is the counsel's.
    if (/\b(?:to|for|of|with|by|from|against|under|before)\s+(?:the|a|an|its|his|her|their)\s+$/iu.test(text.slice(Math.max(0, start - 30), start)))
      return undefined;
    // "… on Saturday. Utopian energy minister": the qualifier starts after a sentence's end, and
    // "The" or "Former" before the title names nobody's office.
    const qualifier = match[1]!
      .replace(/^.*(?:\p{Ll}{2}|\p{Lu}{2,})\.\s+/u, '')
      .replace(/^(?:(?:the|its|his|her|their|our|former|late|ex|then)\s+)+/iu, '')
      .trim()
      .replace(/['’]s$/u, '');
    const country = qualifier ? (countryOfDemonym(qualifier) ?? countryOf(qualifier)) : undefined;
    const role: RoleMention = {
      title: titleOf(title.split(' ').map((t) => ({ text: t }) as NameWord)),
      span: { start, end },
    };
    if (country) role.country = country;
    else if (qualifier) role.organization = qualifier;
    return role;
  }
  return undefined;
}

export function countryOf(name: string): string | undefined {
  const place = lookupPlace(name);
  return place?.kind === 'country' ? place.country : undefined;
}
