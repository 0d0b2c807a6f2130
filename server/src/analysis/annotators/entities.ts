/**
 * People, organisations, places, events and programmes named in an article: a rule layer over the
 * candidate names of name-chunks.ts, because no npm package recognises them usably in news text.
 * Typing, in order: an acronym definition after the name, the head noun,
 * a title before a person, the gazetteer, the shape of a personal name, a surname already seen.
 */
import { lowerCase } from '../memo.js';
import { isKnownName } from '../known-names.js';
import { nameTokens } from '../names.js';
import type { TokenSentence } from '../tokenize.js';
import type { ArticleStructure, EntityMention, EntityType, RoleMention, Span } from '../types.js';
import { roleAfter as appositiveAfter, roleBefore as appositiveBefore } from './appositive-roles.js';
import { countryOfDemonym, lookupPlace, longestPlaceName, type Place } from './gazetteer.js';
import {
  functionWords,
  genericDeterminers,
  compassWords,
  eventLeads,
  englishVerbs,
  honorifics,
  leadingOrganizationHeads,
  nameParticles,
  pastRoleCues,
  placeHeads,
  placeLeads,
  placePrepositions,
  titleModifiers,
  titles,
  portfolioWords,
  newsAgencies,
} from './lexicon.js';
import { headKind, isCapitalised, nameChunks, type NameChunk, type NameWord } from './name-chunks.js';
import { commonNounShape, generation, initials, looksLikePersonalName } from './name-shape.js';
import { countryOf, titleAt, titleBefore, titleOf } from './titles.js';

/** What the rest of the article tells about its words, for judging one chunk. */
interface Context {
  text: string;
  /** Words written with a capital somewhere other than at the start of a sentence. */
  capitalised: Set<string>;
  /** Words written in lower case somewhere. */
  lowercase: Set<string>;
  /** Words of the people's names found so far (given names and surnames), lower case. */
  personWords: Set<string>;
  /** Full texts of organisations, programmes and events found so far, lower case. */
  names: Map<string, EntityType>;
  /** The lower-case title before the chunk starting at each offset (titleBefore), once asked. */
  rolesBefore: Map<number, RoleMention | undefined>;
  /** While set, what `classify` reads of `names` and `personWords`, which the first pass is still learning. */
  reads?: Read[];
}

/** One answer `classify` got from what the article had taught so far; the same answers type a chunk the same. */
type Read =
  | { of: 'name'; key: string; answer: EntityType | undefined }
  | { of: 'person-word'; key: string; answer: boolean };

function knownName(context: Context, key: string): EntityType | undefined {
  const answer = context.names.get(key);
  context.reads?.push({ of: 'name', key, answer });
  return answer;
}

function isPersonWord(context: Context, key: string): boolean {
  const answer = context.personWords.has(key);
  context.reads?.push({ of: 'person-word', key, answer });
  return answer;
}

function sameAnswers(reads: Read[], context: Context): boolean {
  return reads.every((read) =>
    read.of === 'name'
      ? context.names.get(read.key) === read.answer
      : context.personWords.has(read.key) === read.answer,
  );
}

/** Finds the named entities in the article's content sentences. */
export function annotateEntities(
  text: string,
  structure: ArticleStructure,
  sentences: TokenSentence[],
): EntityMention[] {
  const headline = structure.headline;
  const isHeadline = (s: Span): boolean =>
    headline !== null && s.start >= headline.start && s.end <= headline.end;
  const body = sentences.filter((s) => !isHeadline(s)).map((s) => ({ sentence: s, chunks: nameChunks(s) }));
  const heads = sentences.filter(isHeadline).map((s) => ({ sentence: s, chunks: nameChunks(s) }));
  const context = contextOf(
    text,
    body.flatMap((b) => b.chunks),
    [...body, ...heads].map((b) => b.sentence),
  );

  // Two passes: the first learns what the article itself says a name is ("Microsoft CEO Satya
  // Nadella" makes "Microsoft" an organisation), the second types every chunk knowing it.
  // Classifying is pure but for what it reads of the learned names: the second pass types a chunk
  // again only when one of those answers has changed since, which is seldom.
  const firstPass = new Map<NameChunk, { found: EntityMention[]; reads: Read[] }>();
  for (const { chunks } of body) {
    for (const chunk of chunks) {
      context.reads = [];
      const found = classify(chunk, context);
      firstPass.set(chunk, { found, reads: context.reads });
      for (const mention of found) remember(mention, context);
    }
  }
  context.reads = undefined;
  // A word of a known organisation's name is no person's name: "Activision" of "Activision Blizzard".
  const organizationWords = new Set([...context.names.keys()].flatMap((name) => name.split(' ')));
  context.personWords = new Set([...context.personWords].filter((word) => !organizationWords.has(word)));
  const mentions: EntityMention[] = [];
  const lone: NameChunk[] = [];
  for (const { chunks } of body) {
    for (const chunk of chunks) {
      const prior = firstPass.get(chunk)!;
      const found = sameAnswers(prior.reads, context) ? prior.found : classify(chunk, context);
      // A surname alone, after any particles ("de Vries", "Van der Berg" opening a sentence).
      const particle = (w: NameWord): boolean => w.lower || nameParticles.has(lowerCase(w.text));
      if (found.length === 0 && chunk.words.every((w, i) => (i < chunk.words.length - 1 ? particle(w) : !particle(w))))
        lone.push(chunk);
      mentions.push(...found);
    }
  }
  // "Halvorsen" alone, after "Lars Halvorsen" earlier or later in the article; else, maybe a
  // surname another article gives in full ("Nadella said"), for the corpus to confirm.
  for (const chunk of lone) {
    // The surname, after any particles ("de Vries"): the mention spans them all.
    const first = chunk.words[0]!;
    const word = chunk.words[chunk.words.length - 1]!;
    if (word.acronym) continue;
    if (context.personWords.has(word.text.toLowerCase()))
      mentions.push(mentionOf('person', first, word, context));
    else if (mayBeSurname(word, context))
      mentions.push(mentionOf('person', first, word, context, { tentative: true }));
  }
  for (const { sentence, chunks } of heads) {
    const titleCase = isTitleCase(sentence);
    for (const chunk of chunks) {
      const found = titleCase ? classifyHeadline(chunk, context) : classify(chunk, context);
      // classify makes new mentions every time: marking them changes nothing it keeps.
      for (const mention of found) mention.inHeadline = true;
      mentions.push(...found);
    }
  }
  // German capitalises every noun ("Die Förderung der Energiewende"): in a text that is not English,
  // a capital says nothing about names, and only the gazetteer's places are trusted.
  // A person named with an office, or by a given name the name list knows and a second name, stays:
  // "Sen. Jane Roe", "Jane Roe" in a Filipino or French paragraph. Any other full name is tentative:
  // the corpus keeps it if other articles name that person ("Jnae Roe" there is a slip to find).
  const kept = readsAsEnglish(body.map((b) => b.sentence))
    ? mentions
    : mentions
        .filter((m) => m.type === 'place' || (m.type === 'person' && !m.tentative))
        .map((m) =>
          m.type === 'place' || m.role !== undefined || (givenNameFirst(m.text) && midSentence(text, m.span))
            ? m
            : { ...withoutOpeningWord(m, text), tentative: true },
        );
  return kept.sort((a, b) => a.span.start - b.span.start);
}

/** "Selon Jane Roe": a sentence's first word, capitalised in any language, is no part of a longer name. */
function withoutOpeningWord(m: EntityMention, text: string): EntityMention {
  const space = m.text.indexOf(' ');
  if (midSentence(text, m.span) || space < 0 || m.text.split(' ').length < 3) return m;
  const start = m.span.start + space + 1;
  return { ...m, span: { start, end: m.span.end }, text: text.slice(start, m.span.end) };
}

/** After a word or a comma on its line: not where any language capitalises a sentence's first word. */
function midSentence(text: string, span: Span): boolean {
  return /[\p{L},]\s+$/u.test(text.slice(Math.max(0, span.start - 20), span.start));
}

/** "Jane Roe", not "Förderung Energiewende": two or more words, the first a listed given name. */
function givenNameFirst(name: string): boolean {
  const tokens = nameTokens(name);
  return tokens.length >= 2 && isKnownName(tokens[0]!);
}

/**
 * True unless the text has enough words and too few English function words to be English: they are a
 * fifth to a third of English prose, and next to none of German, French or Indonesian.
 */
function readsAsEnglish(sentences: TokenSentence[]): boolean {
  let words = 0;
  let lower = 0;
  let english = 0;
  for (const sentence of sentences) {
    for (const token of sentence.tokens) {
      if (token.kind !== 'word' || !hasLetter(token.text)) continue;
      words++;
      // Weighed among lower-case words: a paragraph of names ("Jane Roe said …") is no less English for them.
      if (!startsLowerCase(token.text)) continue;
      lower++;
      const word = lowerCase(token.text);
      if (functionWords.has(word) || englishVerbs.has(word)) english++;
    }
  }
  return words < 30 || (lower > 0 && english / lower >= 0.15);
}

// These two run on every word of an article: an ASCII first letter answers without a Unicode pattern.
function hasLetter(word: string): boolean {
  const c = word.charCodeAt(0) | 32;
  return (c >= 97 && c <= 122) || /\p{L}/u.test(word);
}

function startsLowerCase(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return /^\p{Ll}/u.test(word);
}

function contextOf(text: string, chunks: NameChunk[], sentences: TokenSentence[]): Context {
  const capitalised = new Set<string>();
  for (const chunk of chunks)
    for (const word of chunk.words)
      if (!word.initial && !word.lower) capitalised.add(word.text.toLowerCase());
  const lowercase = new Set<string>();
  for (const sentence of sentences) {
    for (const token of sentence.tokens)
      if (token.kind === 'word' && startsLowerCase(token.text)) lowercase.add(token.text);
  }
  return { text, capitalised, lowercase, personWords: new Set(), names: new Map(), rolesBefore: new Map() };
}

function remember(mention: EntityMention, context: Context): void {
  if (mention.tentative) return;
  if (mention.type === 'person') {
    for (const word of mention.text.split(/\s+/))
      if (isCapitalised(word)) context.personWords.add(word.toLowerCase());
    return;
  }
  context.names.set(mention.text.toLowerCase(), mention.type);
  // "Typhoon Haiyan" makes "Haiyan" alone the storm too.
  const [lead, ...rest] = mention.text.split(/\s+/);
  if (rest.length > 0 && (eventLeads.has(lead!.toLowerCase()) || placeLeads.has(lead!.toLowerCase())))
    context.names.set(rest.join(' ').toLowerCase(), mention.type);
}

/** Types one candidate name of the article body; may yield several mentions (a role's organisation and its holder). */
function classify(raw: NameChunk, context: Context): EntityMention[] {
  const words = trimInitial(raw.words, context);
  if (words.length === 0) return [];
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const joined = join(words);

  // "Trans-Arctic Quad (IP4)": whatever defines an acronym is an organisation, programme or event.
  if (definesAcronym(raw, context.text) && words.length > 1) {
    return [mentionOf(headKind(last.text) ?? 'organization', first, last, context)];
  }
  // "North Korean leader Kim Jong Un": a demonym describes; it names nothing.
  if (countryOfDemonym(joined)) return [];
  if (newsAgencies.has(joined.toLowerCase())) return [mentionOf('organization', first, last, context)];
  const known = knownName(context, joined.toLowerCase());
  if (known) return [mentionOf(known, first, last, context)];
  // "Agência Nacional de Águas", "Sindicato dos Estivadores": Romance names open with their head.
  if (words.length > 1 && leadingOrganizationHeads.has(lowerCase(first.text)) && !first.possessive)
    return [mentionOf('organization', first, last, context)];
  // "Bank of England", "Atomic Energy Organization of Iran": the head comes before "of".
  const linker = words.findIndex((w) => w.lower && (w.text === 'of' || w.text === 'for' || w.text === 'on'));
  const head = headKind(last.text) ?? (linker > 0 ? headKind(words[linker - 1]!.text) : undefined);
  if (head && words.length > 1) {
    const generic = /s$/.test(last.text) && genericDeterminers.has(wordBefore(raw, context.text));
    return [mentionOf(head, first, last, context, generic ? { generic } : undefined)];
  }
  if (placeHeads.has(last.text.toLowerCase()) && words.length > 1)
    return [mentionOf('place', first, last, context)];
  // "the Pak Mun dam", "Nong Khai province": a place's kind written after it in lower case. Not
  // "Jane Roe city officials": a person's name is never followed by "dam" or "province" alone.
  const kindAfter = wordAfter(raw, context.text);
  if (placeHeads.has(kindAfter) && !first.initial && words.every((w) => !w.acronym && !titles.has(lowerCase(w.text))))
    return [mentionOf('place', first, last, context)];
  // "Minister of Energy Jane Roe": the portfolio's words, then the minister.
  const portfolio = portfolioBefore(raw, words, context);
  if (portfolio) return portfolio;
  // "Lake Titicaca", "Gulf of Aqaba", "Typhoon Haiyan": a word that opens a place's or an event's name.
  if (words.length > 1 && placeLeads.has(first.text.toLowerCase()) && !first.possessive)
    return [mentionOf('place', first, last, context)];
  if (words.length > 1 && eventLeads.has(first.text.toLowerCase()) && !first.possessive)
    return [mentionOf('event', first, last, context)];

  const titled = splitTitle(words, raw, context);
  if (titled) return titled;

  const place = placeNamed(joined, context);
  if (place) return [placeMention(first, last, place, context)];
  const places = placesIn(words, context);
  if (places.length > 0) return places;

  // "in Kleve", "near Deir Alla": a name no list knows, after a preposition of place, and not a
  // person's (no word of it is a person's word in this article).
  if (
    !first.initial &&
    placePrepositions.has(wordBefore(raw, context.text)) &&
    words.length <= 3 &&
    words.every((w) => !w.acronym && !isPersonWord(context, w.text.toLowerCase()))
  )
    return [mentionOf('place', first, last, context)];
  if (words.length === 1) {
    if (first.acronym || countryOfDemonym(first.text) || head) return [];
    if (isPersonWord(context, first.text.toLowerCase())) return [mentionOf('person', first, last, context)];
    return [];
  }
  // "North Rhine-Westphalia", "Middle East": a compass word opens a region's name, never a person's.
  if (compassWords.has(first.text.toLowerCase()) && !words.some((w) => w.acronym || titles.has(lowerCase(w.text))))
    return [mentionOf('place', first, last, context)];
  const lowerTitle = roleBefore(raw, context) ?? appositiveBefore(context.text, raw.start, raw.end) ?? appositiveAfter(context.text, raw.end);
  if (looksLikePersonalName(words, context.lowercase)) {
    return [mentionOf('person', first, last, context, lowerTitle ? { role: lowerTitle } : undefined)];
  }
  return [];
}


/**
 * "Minister of Water Resources and Irrigation, Jane Roe" is chunked "Water Resources and Irrigation";
 * "Minister of Energy Jane Roe", "Energy Jane Roe". After "<title> of", the leading words the
 * article also writes in lower case are the portfolio; what follows, if it reads as a name, is the
 * holder, with the office as its role.
 */
function portfolioBefore(raw: NameChunk, words: NameWord[], context: Context): EntityMention[] | undefined {
  // "Minister of Environment and Water Jane Roe": the chunk starts after the portfolio's "and".
  const before = /([\p{L}-]+)\s+of\s+((?:the\s+)?(?:\p{Lu}[\p{L}-]*,?\s+)+(?:and|&)\s+)?$/u.exec(
    context.text.slice(Math.max(0, raw.start - 80), raw.start),
  );
  if (!before || !titles.has(lowerCase(before[1]!))) return undefined;
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

/** Drops a capitalised sentence opener that is an ordinary word: "Following the summit", "Recently, NATO". */
function trimInitial(words: NameWord[], context: Context): NameWord[] {
  // "Rotterdam-based Harbour Holding": the place it is based in describes it; it is no part of the name.
  if (words.length > 1 && /-(?:based|born|led|owned|backed|listed)$/i.test(words[0]!.text))
    return trimInitial(words.slice(1), context);
  const first = words[0];
  if (!first?.initial || first.acronym) return words;
  const lower = first.text.toLowerCase();
  // "De Vries said": a surname's particle, capitalised because it starts the sentence.
  if (nameParticles.has(lower) && words.length > 1) return [{ ...first, lower: true }, ...words.slice(1)];
  const known =
    context.capitalised.has(lower) ||
    lookupPlace(first.text) !== undefined ||
    countryOfDemonym(first.text) !== undefined ||
    titleAt(words, 0) !== undefined ||
    honorifics.has(lower);
  if (known && !functionWords.has(lower)) return words;
  const ordinary = functionWords.has(lower) || context.lowercase.has(lower) || /(ly|ing|ed)$/.test(lower);
  return ordinary || words.length === 1 ? words.slice(1) : words;
}

/** "New Zealand Prime Minister Jane Smith" → place New Zealand? no: a role qualifier, and the person. */
function splitTitle(words: NameWord[], raw: NameChunk, context: Context): EntityMention[] | undefined {
  let found: { start: number; end: number } | undefined;
  for (let i = 0; i < words.length;) {
    const end = titleAt(words, i);
    if (end !== undefined) {
      found = { start: i, end };
      i = end;
    } else i++;
  }
  if (!found) return undefined;
  // "Former Prime Minister Theresa May": "former" says when, not whose office.
  let from = 0;
  while (
    from < found.start &&
    (pastRoleCues.has(words[from]!.text.toLowerCase()) || titleModifiers.has(words[from]!.text.toLowerCase()))
  )
    from++;
  const titleWords = words.slice(found.start, found.end);
  const portfolio = portfolioIn(words.slice(from, found.start), titleWords, context);
  const prefix = portfolio ? portfolio.country : words.slice(from, found.start);
  const name = words.slice(found.end);
  const mentions: EntityMention[] = [];
  const qualifier = prefix.length > 0 ? join(prefix) : undefined;
  const country = qualifier ? (countryOfDemonym(qualifier) ?? countryOf(qualifier)) : undefined;
  if (qualifier && !countryOfDemonym(qualifier)) {
    const sub = { ...raw, words: prefix, start: prefix[0]!.start, end: prefix[prefix.length - 1]!.end };
    const head = headKind(prefix[prefix.length - 1]!.text);
    if (head) mentions.push(mentionOf(head, prefix[0]!, prefix[prefix.length - 1]!, context));
    else if (country) mentions.push(...classify(sub, context).filter((m) => m.type === 'place'));
    // "Activision Blizzard CEO Bobby Kotick": whatever owns an office is an organisation.
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
  const honorific = titleWords.length <= 2 && honorifics.has(titleWords.map((w) => w.text.toLowerCase()).join(' '));
  // "the ANPA chairman, Alhaji Jane Roe", "Jane Roe (Dr.), head of …": an honorific names no
  // office, so the office is the one written around the name, if any.
  if (honorific && prefix.length === 0) {
    const around =
      roleBefore(raw, context) ??
      appositiveBefore(context.text, raw.start, name[name.length - 1]!.end) ??
      appositiveAfter(context.text, name[name.length - 1]!.end);
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

/**
 * "Utopian Energy Minister", "Water Minister": the words before "Minister" that name its portfolio,
 * after a country's name or demonym if one opens them. The portfolio is part of the office, not an
 * organisation that holds it.
 */
function portfolioIn(
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

/** titleBefore, computed once per chunk start: both passes of classify ask for it. */
function roleBefore(chunk: NameChunk, context: Context): RoleMention | undefined {
  if (context.rolesBefore.has(chunk.start)) return context.rolesBefore.get(chunk.start);
  const role = titleBefore(chunk, context.text);
  context.rolesBefore.set(chunk.start, role);
  return role;
}

/**
 * The gazetteer's place for a name, unless it is a town named like a common word that this article
 * writes in lower case ("Reading", "Mobile", "Bath").
 */
function placeNamed(name: string, context: Context): Place | undefined {
  const place = lookupPlace(name);
  if ((place?.kind === 'city' || place?.kind === 'province') && context.lowercase.has(name.toLowerCase())) return undefined;
  return place;
}

/** Places inside a chunk that is nothing else: "Riga Latvia" written without a comma. */
function placesIn(words: NameWord[], context: Context): EntityMention[] {
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

// "Nadella said", with no "Satya Nadella" in this article: possibly a surname another article gives.
// Even at a sentence's start ("Following the talks"): the corpus drops it unless a person has that surname.
function mayBeSurname(word: NameWord, context: Context): boolean {
  const lower = word.text.toLowerCase();
  if (context.names.has(lower) || context.lowercase.has(lower) || functionWords.has(lower)) return false;
  if (
    lookupPlace(word.text) ||
    countryOfDemonym(word.text) ||
    headKind(word.text) ||
    titles.has(lower) ||
    honorifics.has(lower)
  )
    return false;
  return /^\p{Lu}\p{Ll}+$/u.test(word.text) && !commonNounShape.test(word.text);
}

/** In a Title Case headline capitals prove nothing: keep titled known names, places and names seen in the body. */
function classifyHeadline(chunk: NameChunk, context: Context): EntityMention[] {
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

// A headline is Title Case when nearly every longer word is capitalised.
function isTitleCase(sentence: TokenSentence): boolean {
  const long = sentence.tokens.filter((t) => t.kind === 'word' && /^\p{L}{4,}/u.test(t.text));
  if (long.length < 3) return false;
  return long.filter((t) => isCapitalised(t.text)).length / long.length >= 0.8;
}

function definesAcronym(chunk: NameChunk, text: string): boolean {
  return /^\s*\(\s*[\p{Lu}][\p{Lu}\d&.-]{1,9}\s*\)/u.test(text.slice(chunk.end, chunk.end + 16));
}

/** The lower-case word right after a chunk ("dam" of "the Pak Mun dam"), or "". */
function wordAfter(chunk: NameChunk, text: string): string {
  return /^\s+(\p{Ll}[\p{L}-]*)/u.exec(text.slice(chunk.end, chunk.end + 30))?.[1] ?? '';
}

function wordBefore(chunk: NameChunk, text: string): string {
  return (
    /([\p{L}-]+)\s+$/u.exec(text.slice(Math.max(0, chunk.start - 30), chunk.start))?.[1]?.toLowerCase() ?? ''
  );
}

function join(words: NameWord[]): string {
  return words.map((w) => w.text).join(' ');
}

/**
 * The mention of the words first…last, with its optional fields. They are set on the new object, not
 * spread with it (`{ ...mentionOf(…), role }`): V8 gives every object made by spreading one object
 * and adding fields a hidden class of its own: 2,000 articles made 17,600 of them for their mentions.
 */
function mentionOf(
  type: EntityType,
  first: NameWord,
  last: NameWord,
  context: Context,
  fields?: Partial<EntityMention>,
): EntityMention {
  const span = { start: first.start, end: last.end };
  const mention: EntityMention = { type, span, text: context.text.slice(span.start, span.end) };
  if (type === 'place') {
    const place = lookupPlace(mention.text);
    if (place?.country) mention.country = place.country;
  }
  if (fields) Object.assign(mention, fields);
  return mention;
}

/** The mention of a place the gazetteer matched, with that place's country. */
function placeMention(first: NameWord, last: NameWord, place: Place, context: Context): EntityMention {
  return mentionOf('place', first, last, context, place.country ? { country: place.country } : undefined);
}
