/**
 * Types one candidate name of the article body. The evidence, in order: an acronym definition after
 * the name, the head noun, a title before a person, the gazetteer, the shape of a personal name.
 */
import { lowerCase } from '../memo.js';
import type { EntityMention, RoleMention } from '../types.js';
import { roleAfter as appositiveAfter, roleBefore as appositiveBefore, roleLedBy, roleTakenAs } from './appositive-roles.js';
import { isPersonWord, join, knownName, mentionOf, placeMention, roleBefore, type Context } from './entity-context.js';
import { countryOfDemonym, lookupPlace } from './gazetteer.js';
import {
  functionWords,
  genericDeterminers,
  compassWords,
  eventLeads,
  honorifics,
  leadingOrganizationHeads,
  institutionWords,
  nameParticles,
  pastRoleCues,
  placeHeads,
  placeLeads,
  placePrepositions,
  titleModifiers,
  titles,
  englishVerbs,
  businessNouns,
  newsAgencies,
  pageWidgetWords,
  socialPlatforms,
  portfolioWords,
} from './lexicon.js';
import { headKind, type NameChunk, type NameWord } from './name-chunks.js';
import { generation, initials, looksLikePersonalName } from './name-shape.js';
import { placeNamed, placesIn } from './place-names.js';
import { portfolioBefore, portfolioIn } from './portfolios.js';
import { isKnownName } from '../known-names.js';
import { countryOf, titleAt, titleOf } from './titles.js';

/** Types one candidate name of the article body; may yield several mentions (a role's organisation and its holder). */
export function classify(raw: NameChunk, context: Context): EntityMention[] {
  const place = basedIn(raw, context);
  // "the Riverton-based fund": an adjective and nothing after it names nothing more.
  const adjective = placeAdjective.test(raw.words[raw.words.length - 1]!.text);
  if (adjective) return place ? [place] : [];
  return place ? [place, ...typeChunk(raw, context)] : typeChunk(raw, context);
}

/** "Dubai-based Harbour Holding", "a Rotterdam-born engineer": the place the adjective is made of. */
function basedIn(raw: NameChunk, context: Context): EntityMention | undefined {
  // After "The" opening a sentence: "The Riverton-based firm", "the Port Ellis-based fund".
  const from = raw.words[0] && functionWords.has(lowerCase(raw.words[0].text)) ? 1 : 0;
  const at = basedAt(raw.words, from);
  if (at === undefined) return undefined;
  const last = raw.words[at]!;
  const name = context.text.slice(raw.words[from]!.start, last.end).replace(placeAdjective, '');
  if (!lookupPlace(name)) return undefined;
  const end = raw.words[from]!.start + name.length;
  return mentionOf('place', raw.words[from]!, { ...last, end }, context);
}

/** "Riverton-based", "Riverton-led": a word made of a name and what it says of the name's bearer. */
const placeAdjective = /-(?:based|born|headquartered|led|owned|backed|listed)$/iu;

/** The index of the word that ends "Riverton-based" in the first three words from `from`, if any. */
function basedAt(words: NameWord[], from: number): number | undefined {
  for (let k = from; k < Math.min(words.length, from + 3); k++)
    if (placeAdjective.test(words[k]!.text)) return k;
  return undefined;
}

function typeChunk(raw: NameChunk, context: Context): EntityMention[] {
  const words = trimInitial(raw.words, context);
  if (words.length === 0) return [];
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const joined = join(words);

  // "Dr. Jane Roe of the Utopian Water Union (UWU)": a person, then the body she is of.
  const of = words.findIndex((w) => w.lower && w.text === 'of');
  if (of > 2 && honorifics.has(lowerCase(first.text))) return personOfBody(raw, words, of, context);
  // "Trans-Arctic Quad (TAQ4)": whatever defines an acronym is an organisation, programme or event.
  if (definesAcronym(raw, context.text) && words.length > 1) {
    return [mentionOf(headKind(last.text) ?? 'organization', first, last, context)];
  }
  // "North Korean leader Kim Jong Un": a demonym describes; it names nothing. A country whose people
  // are called by its name ("Gibraltar") is still the country.
  if (countryOfDemonym(joined) && lookupPlace(joined)?.kind !== 'country') return [];
  // "the East African coast", "West Asian states": an adjective of the region, which names nothing.
  if (words.length === 2 && compassWords.has(first.text.toLowerCase()) && demonymOfRegion(last.text)) return [];
  if (newsAgencies.has(joined.toLowerCase()) || socialPlatforms.has(joined.toLowerCase()))
    return [mentionOf('organization', first, last, context)];
  if (words.length === 1 && pageWidgetWords.has(lowerCase(first.text))) return [];
  const known = knownName(context, joined.toLowerCase());
  if (known === 'person') {
    // Named before in the article, and given an office here: "Jane Roe, the union's president, said".
    const role = roleAround(context.text, first.start, last.end);
    return [mentionOf(known, first, last, context, role ? { role } : undefined)];
  }
  if (known) return [mentionOf(known, first, last, context)];
  const headed = bodyThenName(raw, words, context);
  if (headed) return headed;
  // "Pak Jane", "Bu Jane": Indonesian "Mr" and "Mrs" before a given name the article gives a person.
  // Not "Pak Houay", which opens Lao and Thai place names.
  if (words.length > 1 && shortHonorifics.has(first.text) && isKnownName(lowerCase(words[1]!.text)) && words.slice(1).every((w) => isPersonWord(context, lowerCase(w.text))))
    return [mentionOf('person', words[1]!, last, context)];
  // "Agência Nacional de Águas", "Sindicato dos Estivadores": Romance names open with their head.
  if (words.length > 1 && leadingOrganizationHeads.has(lowerCase(first.text)) && !first.possessive)
    return [mentionOf('organization', first, last, context)];
  // "Bank of England", "Atomic Energy Organization of Iran": the head comes before "of".
  const linker = words.findIndex((w) => w.lower && (w.text === 'of' || w.text === 'for' || w.text === 'on'));
  const head = headKind(last.text) ?? (linker > 0 ? headKind(words[linker - 1]!.text) : undefined);
  if (head && words.length > 1) {
    const generic = /s$/.test(last.text) && genericDeterminers.has(wordBefore(raw, context.text));
    // "The Riverton Forum for the Environment said": an event does not speak; a body of that name does.
    const kind = head === 'event' && speaksAfter.test(context.text.slice(raw.end, raw.end + 50)) ? 'organization' : head;
    return [mentionOf(kind, first, last, context, generic ? { generic } : undefined)];
  }
  if (placeHeads.has(last.text.toLowerCase()) && words.length > 1)
    return [mentionOf('place', first, last, context)];
  // "the Pak Mun dam", "Nong Khai province": a place's kind written after it in lower case. Not
  // "Jane Roe city officials": a person's name is never followed by "dam" or "province" alone.
  const kindAfter = kindOfPlaceAfter(raw, context.text);
  if (placeHeads.has(kindAfter) && !first.initial && words.every((w) => !w.acronym && !titles.has(lowerCase(w.text))))
    return [mentionOf('place', first, last, context)];
  // "the Riverton Holding consortium": a business's kind after its name; "the Varu people": a
  // people's name, no person's.
  if (!isKnownName(lowerCase(first.text)) && !words.some((w) => titles.has(lowerCase(w.text)))) {
    if (organizationAfter.has(kindAfter)) return [mentionOf('organization', first, last, context)];
    // The word after the name, or after "and" a second name: "Varu and Temi communities".
    const kindOfBoth = /^(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?)?\s+(\p{Ll}+)\b/u.exec(context.text.slice(raw.end, raw.end + 60))?.[1] ?? '';
    if (peopleAfter.has(kindOfBoth) && !placeNamed(joined, context)) return [];
  }
  // "Minister of Energy Jane Roe": the portfolio's words, then the minister.
  const portfolio = portfolioBefore(raw, words, context);
  if (portfolio) return portfolio;
  // "the Minister for Water Resources", "Natural Resources and Climate Change": a portfolio's words,
  // never a name.
  if (words.every((w) => portfolioWords.has(lowerCase(w.text)) || w.text === 'and')) return [];
  // "Lake Titicaca", "Gulf of Aqaba", "Typhoon Haiyan": a word that opens a place's or an event's name.
  if (words.length > 1 && placeLeads.has(first.text.toLowerCase()) && !first.possessive)
    return [mentionOf('place', first, last, context)];
  if (words.length > 1 && eventLeads.has(first.text.toLowerCase()) && !first.possessive)
    return [mentionOf('event', first, last, context)];

  // "the road builder Riverton Works", "shares of Harbour Holding": a business's name, unless it opens
  // with a given name ("the builder Jane Roe").
  const noun = /\b(\p{Ll}+)(?:\s+of)?\s+$/u.exec(context.text.slice(Math.max(0, raw.start - 30), raw.start))?.[1];
  if (noun && businessNouns.has(noun) && words.length > 1 && !isKnownName(lowerCase(first.text)) && !words.some((w) => titles.has(lowerCase(w.text))))
    return [mentionOf('organization', first, last, context)];
  const titled = splitTitle(words, raw, context);
  if (titled) return titled;

  const place = placeNamed(joined, context);
  if (place) return [placeMention(first, last, place, context)];
  const places = placesIn(words, context);
  if (places.length > 0) return places;

  // "the village of Riverton", "residents of Riverton", "Riverton, a town of 20,000", "from Riverton to
  // Utopia City": a name no list knows, written where only a place's name stands.
  if (
    words.length <= 3 &&
    !first.initial &&
    !isKnownName(lowerCase(first.text)) &&
    words.every((w) => !w.acronym && !titles.has(lowerCase(w.text)) && !isPersonWord(context, w.text.toLowerCase())) &&
    placeContext(raw, context.text)
  )
    return [mentionOf('place', first, last, context)];
  // "in Kleve", "near Deir Alla": a name no list knows, after a preposition of place, and not a
  // person's (no word of it is a person's word in this article).
  if (
    !first.initial &&
    placePrepositions.has(wordBefore(raw, context.text)) &&
    !phrasalIn.test(context.text.slice(Math.max(0, raw.start - 20), raw.start)) &&
    words.length <= 3 &&
    words.every((w) => !w.acronym && !isPersonWord(context, w.text.toLowerCase()))
  )
    return [mentionOf('place', first, last, context)];
  if (words.length === 1) {
    // "Acting head of …", "Deputy chief …": a title's modifier opening a sentence names no one.
    if (titleModifiers.has(lowerCase(first.text))) return [];
    // "the Senate", "Parliament": a chamber is a body of its own, named by its one word.
    if (institutionWords.has(lowerCase(first.text)) && !first.possessive) return [mentionOf('organization', first, last, context)];
    if (first.acronym || countryOfDemonym(first.text) || head) return [];
    if (isPersonWord(context, first.text.toLowerCase())) {
      // "Roe, the Norwegian Minister of Energy, said": a surname alone may be given an office too.
      const role = roleAround(context.text, first.start, last.end);
      return [mentionOf('person', first, last, context, role ? { role } : undefined)];
    }
    return [];
  }
  // "North Rhine-Westphalia", "Middle East": a compass word opens a region's name, never a person's.
  if (compassWords.has(first.text.toLowerCase()) && !words.some((w) => w.acronym || titles.has(lowerCase(w.text)))) {
    return [mentionOf('place', first, last, context)];
  }
  const lowerTitle = roleBefore(raw, context) ?? roleAround(context.text, raw.start, raw.end);
  if (looksLikePersonalName(words, context.lowercase)) {
    return [mentionOf('person', first, last, context, lowerTitle ? { role: lowerTitle } : undefined)];
  }
  return [];
}

/** "African", "European", "Kenyan": the adjective of a country or a region the gazetteer knows. */
export function demonymOfRegion(word: string): boolean {
  if (countryOfDemonym(word)) return true;
  if (!/(?:an|ese)$/u.test(word)) return false;
  const stems = [word.slice(0, -1), word.slice(0, -2), `${word.slice(0, -2)}e`, word.slice(0, -3)];
  return stems.some((stem) => stem.length > 2 && lookupPlace(stem) !== undefined);
}

/** The office written around a name with commas or "led by", if any. */
function roleAround(text: string, start: number, end: number): RoleMention | undefined {
  return appositiveBefore(text, start, end) ?? appositiveAfter(text, end) ?? roleLedBy(text, start) ?? roleTakenAs(text, start, end);
}

/** Drops a capitalised sentence opener that is an ordinary word: "Following the summit", "Recently, NATO". */
function trimInitial(words: NameWord[], context: Context): NameWord[] {
  // "Rotterdam-based Harbour Holding", "Port Ellis-based": the place it is based in describes it; it
  // is no part of the name.
  const based = basedAt(words, 0);
  if (based !== undefined && based < words.length - 1) return trimInitial(words.slice(based + 1), context);
  const first = words[0];
  if (!first?.initial || first.acronym) return words;
  const lower = first.text.toLowerCase();
  // "De Roe said": a surname's particle, capitalised because it starts the sentence.
  if (nameParticles.has(lower) && words.length > 1) return [{ ...first, lower: true }, ...words.slice(1)];
  const known =
    context.capitalised.has(lower) ||
    lookupPlace(first.text) !== undefined ||
    countryOfDemonym(first.text) !== undefined ||
    titleAt(words, 0) !== undefined ||
    honorifics.has(lower);
  if (known && !functionWords.has(lower)) return words;
  // "Does Governor Jane Roe leave office?": an auxiliary opening a question is no name's word.
  const ordinary = functionWords.has(lower) || englishVerbs.has(lower) || context.lowercase.has(lower) || /(ly|ing|ed)$/.test(lower);
  if (!ordinary && words.length > 1) return words;
  // "The Riverton-based Harbour Holding": the adjective after the opener goes too.
  const rest = words.slice(1);
  return rest.length > 1 && placeAdjective.test(rest[0]!.text) ? rest.slice(1) : rest;
}

/** "Utopian Prime Minister Jane Smith" → place Utopia? no: a role qualifier, and the person. */
function splitTitle(words: NameWord[], raw: NameChunk, context: Context): EntityMention[] | undefined {
  let found: { start: number; end: number } | undefined;
  // "Director Engr. Jane Roe", "Chief Minister Shri John Doe": an honorific between the office and the
  // name; the office is the title before it.
  let office: { start: number; end: number } | undefined;
  for (let i = 0; i < words.length;) {
    const end = titleAt(words, i);
    if (end !== undefined) {
      const after = found?.end === i ? found : undefined;
      office = after && isHonorific(words.slice(i, end)) && !isHonorific(words.slice(after.start, after.end)) ? after : undefined;
      // "Lt. Gen. Jane Roe": an abbreviated rank before another is one rank.
      const rank = after && !office && words[after.end - 1]!.text.endsWith('.') && !isHonorific(words.slice(after.start, after.end));
      found = { start: rank ? after.start : i, end };
      i = end;
    } else i++;
  }
  if (!found) return undefined;
  const title = office ?? found;
  // "Former Prime Minister Theresa May": "former" says when, not whose office; "Hon. Chief Minister":
  // an honorific before an office is no part of it.
  let from = 0;
  while (from < title.start && isCue(words[from]!.text.toLowerCase())) from++;
  const titleWords = words.slice(title.start, title.end);
  const portfolio = portfolioIn(words.slice(from, title.start), titleWords, context);
  const prefix = portfolio ? portfolio.country : words.slice(from, title.start);
  const name = words.slice(found.end);
  const mentions: EntityMention[] = [];
  const qualifier = prefix.length > 0 ? join(prefix) : undefined;
  // "Utopia's Energy Minister Jane Roe": the possessive closed the chunk before the office.
  const country = qualifier
    ? (countryOfDemonym(qualifier) ?? countryOf(qualifier))
    : from === (office ?? found).start || portfolio
      ? (countryOwning(raw, context) ?? (portfolio ? countryBeforeList(raw, context) : undefined))
      : undefined;
  if (qualifier && !countryOfDemonym(qualifier)) {
    const sub = { ...raw, words: prefix, start: prefix[0]!.start, end: prefix[prefix.length - 1]!.end };
    const head = headKind(prefix[prefix.length - 1]!.text);
    if (head) mentions.push(mentionOf(head, prefix[0]!, prefix[prefix.length - 1]!, context));
    else if (country) mentions.push(...classify(sub, context).filter((m) => m.type === 'place'));
    // "Riverton Holding CEO Jane Roe": whatever owns an office is an organisation.
    // "London Mayor Sadiq Khan": the office of a city.
    else if (placeNamed(qualifier, context))
      mentions.push(mentionOf('place', prefix[0]!, prefix[prefix.length - 1]!, context));
    else if (!prefix.some((w) => w.acronym))
      mentions.push(mentionOf('organization', prefix[0]!, prefix[prefix.length - 1]!, context));
  }
  const nameWord = (w: NameWord, i: number): boolean =>
    (!w.acronym && /\p{Ll}/u.test(w.text)) || (initials.test(w.text) && !lookupPlace(w.text)) || (i > 0 && generation.test(w.text));
  // Up to five names, and their particles: "Ana María Pérez de la Soto".
  const named = name.filter((w) => !w.lower);
  if (named.length === 0 || named.length > 5 || name.length > 8 || !name.every(nameWord) || name.every((w) => initials.test(w.text)))
    return mentions;
  if (name.some((w) => headKind(w.text) || placeHeads.has(w.text.toLowerCase()))) return mentions;
  // "the Cabinet Secretary for Transport": a name opens with a name or a particle, never "for".
  if (name[0]!.lower && !nameParticles.has(name[0]!.text.toLowerCase())) return mentions;
  const honorific = isHonorific(titleWords);
  // "the ANPA chairman, Alhaji Jane Roe", "Jane Roe (Dr.), head of …": an honorific names no
  // office, so the office is the one written around the name, if any.
  if (honorific && prefix.length === 0) {
    const around =
      roleBefore(raw, context) ?? roleAround(context.text, raw.start, name[name.length - 1]!.end);
    mentions.push(mentionOf('person', name[0]!, name[name.length - 1]!, context, around ? { role: around } : undefined));
    return mentions;
  }
  const role: RoleMention = {
    title: portfolio ? titleOf([...portfolio.words, ...titleWords]) : titleOf(titleWords),
    span: { start: (prefix[0] ?? titleWords[0]!).start, end: titleWords[titleWords.length - 1]!.end },
    ...(country ? { country } : qualifier ? { organization: qualifier } : {}),
  };
  mentions.push(
    mentionOf('person', name[0]!, name[name.length - 1]!, context, honorific ? undefined : { role }),
  );
  return mentions;
}

const isCue = (word: string): boolean =>
  pastRoleCues.has(word) || titleModifiers.has(word) || honorifics.has(word);

/** The country a possessive just before a chunk names: "Utopia's" of "Utopia's Energy Minister Jane Roe". */
function countryOwning(chunk: NameChunk, context: Context): string | undefined {
  const owner = /(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*){0,2})['’]s\s+$/u.exec(context.text.slice(Math.max(0, chunk.start - 40), chunk.start));
  return owner ? countryOf(owner[1]!) : undefined;
}

/**
 * The country before a portfolio's list, which the list's "and" cut from the chunk: "Dutch" of "Dutch
 * Climate and Energy Minister Jane Roe".
 */
function countryBeforeList(chunk: NameChunk, context: Context): string | undefined {
  const list = /(\p{Lu}[\p{L}-]*)((?:\s+\p{Lu}[\p{L}-]*)+),?\s+(?:and|&)\s+$/u.exec(context.text.slice(Math.max(0, chunk.start - 80), chunk.start));
  if (!list || !list[2]!.trim().split(/\s+/u).every((word) => portfolioWords.has(lowerCase(word)))) return undefined;
  return countryOfDemonym(list[1]!) ?? countryOf(list[1]!);
}

/** "Dr. Jane Roe of the Utopian Water Union": the person before "of", and the body after it. */
function personOfBody(raw: NameChunk, words: NameWord[], of: number, context: Context): EntityMention[] {
  const part = (from: number, to: number): NameChunk => ({ ...raw, words: words.slice(from, to), start: words[from]!.start, end: words[to - 1]!.end });
  const body = words[of + 1]?.lower ? of + 2 : of + 1;
  return [...classify(part(0, of), context), ...(body < words.length ? classify(part(body, words.length), context) : [])];
}

/**
 * "head of the Riverton Water Authority Jane Roe": a body's name, then, with no comma, the name of
 * whoever holds the office written just before it. The name must open with a known given name or
 * hold a word the article gives a person.
 */
function bodyThenName(raw: NameChunk, words: NameWord[], context: Context): EntityMention[] | undefined {
  const at = words.findIndex((w, i) => i > 0 && i <= words.length - 3 && !w.lower && !w.possessive && headKind(w.text) === 'organization');
  if (at < 0) return undefined;
  const name = words.slice(at + 1);
  if (!looksLikePersonalName(name, context.lowercase)) return undefined;
  if (!isKnownName(lowerCase(name[0]!.text)) && !name.some((w) => isPersonWord(context, lowerCase(w.text)))) return undefined;
  const office = /\b(\p{Ll}+(?:\s\p{Ll}+)?)\s+of\s+(?:the\s+)?$/u.exec(context.text.slice(Math.max(0, raw.start - 40), raw.start));
  const title = office?.[1];
  if (!title || !(titles.has(title) || title === 'head')) return undefined;
  const body = mentionOf('organization', words[0]!, words[at]!, context);
  const span = { start: raw.start - office[0].length, end: words[at]!.end };
  const role: RoleMention = { title: titleOf(title.split(' ').map((t) => ({ text: t }) as NameWord)), span, organization: body.text };
  return [body, mentionOf('person', name[0]!, name[name.length - 1]!, context, { role })];
}

/** Whether a title's words are an honorific, which names no office: "Mr", "Dr.", "Tan Sri". */
const isHonorific = (words: NameWord[]): boolean =>
  words.length <= 2 && honorifics.has(words.map((w) => w.text.toLowerCase()).join(' '));

function definesAcronym(chunk: NameChunk, text: string): boolean {
  return /^\s*\(\s*[\p{Lu}][\p{Lu}\d&.-]{1,9}\s*\)/u.test(text.slice(chunk.end, chunk.end + 16));
}

/**
 * The kind of place written after a chunk in lower case: "dam" of "the Pak Mun dam", "river" of "the
 * Rhine and Maas rivers" for either name. "" when there is none.
 */
function kindOfPlaceAfter(chunk: NameChunk, text: string): string {
  const after = text.slice(chunk.end, chunk.end + 60);
  const plural = /^(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?)?\s+(\p{Ll}+?)s\b/u.exec(after);
  if (plural && placeHeads.has(plural[1]!)) return plural[1]!;
  return wordAfter(chunk, text);
}

/** The lower-case word right after a chunk ("dam" of "the Pak Mun dam"), or "". */
function wordAfter(chunk: NameChunk, text: string): string {
  return /^\s+(\p{Ll}[\p{L}-]*)/u.exec(text.slice(chunk.end, chunk.end + 30))?.[1] ?? '';
}

/** Kinds of place, in lower case, as "the village of …" and "…, a town in …" write them. */
const placeKinds = String.raw`(?:village|town|city|district|province|region|island|port|county|municipality|hamlet|settlement|suburb|regency|prefecture|capital|township|commune)`;
const placeOfBefore = new RegExp(String.raw`\b(?:${placeKinds}|residents|inhabitants|outskirts|people|mayor)\s+of\s+(?:the\s+)?$`, 'iu');
const placeKindAfter = new RegExp(String.raw`^,\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?${placeKinds}\b`, 'u');
const fromBefore = /\bfrom\s+$/u;
const toAfter = /^\s+to\s+\p{Lu}/u;
const fromToBefore = /\bfrom\s+\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*){0,2}\s+to\s+$/u;

/** Whether the words around a chunk are where only a place's name stands. */
export function placeContext(chunk: NameChunk, text: string): boolean {
  const before = text.slice(Math.max(0, chunk.start - 40), chunk.start);
  const after = text.slice(chunk.end, chunk.end + 60);
  return (
    placeOfBefore.test(before) ||
    placeKindAfter.test(after) ||
    (fromBefore.test(before) && toAfter.test(after)) ||
    fromToBefore.test(before)
  );
}

/** Honorifics that are also the first word of places' names, honorifics only before a known person's name. */
const shortHonorifics = new Set(['Pak', 'Bu']);

/** A verb of speech right after a name, past a short name in brackets: its bearer speaks. */
const speaksAfter = /^(?:\s*\([^()\n]{1,30}\))?,?\s+(?:said|says|warned|urged|told|added|argued|demanded|announced|accused|criticised|criticized)\b/u;

/** Lower-case kinds of business written after a name: "the Riverton Holding consortium". Not "group", which islands form too. */
const organizationAfter = new Set(['consortium', 'conglomerate', 'company', 'firm', 'cooperative']);

/** Lower-case words after the name of a people: "the Varu people", "Sámi communities". */
const peopleAfter = new Set(['people', 'peoples', 'community', 'communities', 'tribe', 'tribes', 'clan', 'clans']);

/** "swore in Jane Roe", "ushered in": a verb's "in", no place's. */
const phrasalIn = /\b(?:swore|sworn|swear|swears|swearing|ushered)\s+in\s+$/iu;

function wordBefore(chunk: NameChunk, text: string): string {
  return (
    /([\p{L}-]+)\s+$/u.exec(text.slice(Math.max(0, chunk.start - 30), chunk.start))?.[1]?.toLowerCase() ?? ''
  );
}
