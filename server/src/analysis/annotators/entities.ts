/**
 * People, organisations, places, events and programmes named in an article: a rule layer over the
 * candidate names of name-chunks.ts, because no npm package recognises them usably in news text.
 * Each chunk is typed by entity-typing.ts, twice (the first pass learns the article's names); then
 * surnames alone, and the headline's names (headline-names.ts).
 */
import { lowerCase } from '../memo.js';
import { isKnownName } from '../known-names.js';
import { nameTokens } from '../names.js';
import type { TokenSentence } from '../tokenize.js';
import type { ArticleStructure, EntityMention, Span } from '../types.js';
import { mentionOf, sameAnswers, type Context, type Read } from './entity-context.js';
import { classify, demonymOfRegion, placeContext } from './entity-typing.js';
import { countryOfDemonym, lookupPlace } from './gazetteer.js';
import { classifyHeadline, isTitleCase } from './headline-names.js';
import { functionWords, englishVerbs, eventLeads, honorifics, nameParticles, pageWidgetWords, placeLeads, titleModifiers, titles } from './lexicon.js';
import { headKind, isCapitalised, nameChunks, type NameChunk, type NameWord } from './name-chunks.js';
import { commonNounShape } from './name-shape.js';

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
  // A word of a known organisation's name is no person's name: "Riverton" of "Riverton Holding".
  const organizationWords = new Set([...context.names.keys()].flatMap((name) => name.split(' ')));
  context.personWords = new Set([...context.personWords].filter((word) => !organizationWords.has(word)));
  const mentions: EntityMention[] = [];
  const lone: NameChunk[] = [];
  for (const { chunks } of body) {
    for (const chunk of chunks) {
      const prior = firstPass.get(chunk)!;
      const found = sameAnswers(prior.reads, context) ? prior.found : classify(chunk, context);
      // A surname alone, after any particles ("de Roe", "Van der Doe" opening a sentence).
      const particle = (w: NameWord): boolean => w.lower || nameParticles.has(lowerCase(w.text));
      if (found.length === 0 && chunk.words.every((w, i) => (i < chunk.words.length - 1 ? particle(w) : !particle(w))))
        lone.push(chunk);
      mentions.push(...found);
    }
  }
  // "Halvorsen" alone, after "Lars Halvorsen" earlier or later in the article; else, maybe a
  // surname another article gives in full ("Nadella said"), for the corpus to confirm.
  for (const chunk of lone) {
    // The surname, after any particles ("de Roe"): the mention spans them all.
    const first = chunk.words[0]!;
    const word = chunk.words[chunk.words.length - 1]!;
    if (word.acronym || pageWidgetWords.has(word.text.toLowerCase()) || demonymOfRegion(word.text)) continue;
    // "the Minister of Energy", "Ministry of Water": a portfolio, never a surname.
    if (/\b(?:minister|ministry|secretary|department|cabinet secretary)\s+(?:of|for)\s+(?:the\s+)?$/iu.test(text.slice(Math.max(0, first.start - 40), first.start)))
      continue;
    if (context.personWords.has(word.text.toLowerCase()))
      mentions.push(mentionOf('person', first, word, context));
    // "Ulvika, a small town on the coast, …" opening a sentence: a place, though no list knows it.
    else if (placeContext(chunk, text)) mentions.push(mentionOf('place', first, word, context));
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
  return placesInLists(kept.sort((a, b) => a.span.start - b.span.start), text, context.personWords);
}

/**
 * "Valkenburg and Roermond", "Venlo, Roermond and Arcen": a lone word listed with a place is a place
 * too, unless the article names a person by it. A lone word is a surname only tentatively; a list
 * with a place says otherwise.
 */
function placesInLists(mentions: EntityMention[], text: string, personWords: Set<string>): EntityMention[] {
  const lonePerson = (m: EntityMention): boolean =>
    m.type === 'person' && m.tentative === true && !m.role && !/\s/u.test(m.text) && !personWords.has(m.text.toLowerCase());
  const listed = (a: EntityMention, b: EntityMention): boolean => /^(?:,\s*|,?\s+(?:and|or)\s+)$/u.test(text.slice(a.span.end, b.span.start));
  const out = [...mentions];
  // Forwards and backwards, so that a place anywhere in the list reaches every word of it.
  for (const order of [1, -1]) {
    for (let k = order === 1 ? 1 : out.length - 2; k >= 0 && k < out.length; k += order) {
      const here = out[k]!;
      const prior = out[k - order]!;
      const [a, b] = order === 1 ? [prior, here] : [here, prior];
      if (prior.type === 'place' && lonePerson(here) && listed(a, b)) {
        const { tentative: _, ...rest } = here;
        out[k] = { ...rest, type: 'place' };
      }
    }
  }
  return out;
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
export function readsAsEnglish(sentences: TokenSentence[]): boolean {
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
    titleModifiers.has(lower) ||
    honorifics.has(lower)
  )
    return false;
  // "Boakye-Mensah": a double surname joined by a hyphen, each part a name's shape.
  return /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(word.text) && !commonNounShape.test(word.text);
}
