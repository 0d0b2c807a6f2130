/**
 * Candidate names: runs of capitalised words in one sentence ("Harbour Authority Director Lars Halvorsen"),
 * with name particles inside ("Ursula von der Leyen") and the linking words of long organisation
 * and programme names ("Utopian Water Resources Agency", "Riverton Partnership and Cooperation
 * Programme"). Hand-written: wink-nlp's proper-noun chunks are similar but cost 3.9 MB/s and a model.
 */
import { lowerCase } from '../memo.js';
import type { Token, TokenSentence } from '../tokenize.js';
import { honorificAbbreviations, nameAbbreviations } from '../tokenize.js';
import { months, nameLinkers, nameParticles, organizationHeads, placeHeads, placeLeads, portfolioWords, programmeHeads, eventHeads, weekdays } from './lexicon.js';
import { initialsMatch, isAcronym } from './acronyms.js';
import { lookupPlace } from './gazetteer.js';

/** A word of a candidate name, without a possessive "’s". */
export interface NameWord {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
  /** First word of a sentence or of a quotation, where capitals prove nothing. */
  initial: boolean;
  /** Written in capitals and digits only: "NATO", "TAQ4", "U.S.". */
  acronym: boolean;
  /** A lower-case particle or linking word inside the name. */
  lower: boolean;
}

/** A run of capitalised words that may be a name, and the words around it. */
export interface NameChunk {
  words: NameWord[];
  start: number;
  end: number;
  sentence: TokenSentence;
  /** Index in sentence.tokens of the first and last word. */
  first: number;
  last: number;
}

const openers = new Set(['“', '"', '‘', "'", '(', '[', ':', '—', '–']);

/** Finds the candidate names of one sentence. */
export function nameChunks(sentence: TokenSentence): NameChunk[] {
  const chunks: NameChunk[] = [];
  const tokens = sentence.tokens;
  let current: { words: NameWord[]; first: number; last: number } | null = null;
  const close = (): void => {
    if (current && current.words.length > 0) {
      // A trailing particle belongs to the next clause: "talks with Japan de" never happens, but be safe.
      while (current.words.length > 0 && current.words[current.words.length - 1]!.lower) current.words.pop();
      const words = current.words;
      if (words.length > 0) {
        chunks.push({
          words,
          start: words[0]!.start,
          end: words[words.length - 1]!.end,
          sentence,
          first: current.first,
          last: current.last,
        });
      }
    }
    current = null;
  };
  let initial = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'space') continue;
    if (token.kind !== 'word') {
      // A nickname in quotes inside a name, as news writes it: Jane “JJ” Roe. The name runs on.
      const nickname = current !== null ? nicknameEnd(tokens, i) : undefined;
      if (nickname !== undefined) {
        i = nickname;
        continue;
      }
      close();
      if (openers.has(token.text)) initial = true;
      continue;
    }
    const wordInitial = initial;
    initial = false;
    // Two spaces or a tab part a page's labels ("Facebook   Share"); prose never writes them inside a name.
    const joined = current !== null && tokens[i - 1]?.kind === 'space' && !/\s\s|\t/u.test(tokens[i - 1]!.text);
    // Most words are lower case and follow no name: they are made a name's word only when they could be one.
    // (A possessive "’s" never decides whether a word is capitalised.)
    const capitalised = isCapitalised(token.text);
    if (capitalised || joined) {
      const word = wordOf(token, wordInitial);
      // "Ma." of "Ma. Cristina Roe": the abbreviation and its full stop are one word of the name.
      if (
        (nameAbbreviations.has(token.text) || honorificAbbreviations.has(token.text)) &&
        tokens[i + 1]?.text === '.' &&
        isCapitalised(nextWord(tokens, i + 1)?.text ?? '')
      ) {
        word.text += '.';
        word.end += 1;
        i++;
      }
      // "the Medical Officers' Association": a plural possessive inside a body's name.
      if (capitalised && /s$/u.test(token.text) && /^['’]$/u.test(tokens[i + 1]?.text ?? '') && nextIsHead(tokens, i + 1)) {
        word.end += 1;
        i++;
      }
      if (capitalised && !excluded(word, current)) {
        if (!joined) close();
        current ??= { words: [], first: i, last: i };
        current.words.push(word);
        current.last = i;
        if (word.possessive && !nextIsHead(tokens, i)) close();
        continue;
      }
      if (joined && nameParticles.has(word.text) && nextIsCapitalised(tokens, i)) {
        current!.words.push({ ...word, lower: true });
        continue;
      }
    }
    // A surname written with its particles: "said de Roe", "according to van der Doe".
    if (current === null && nameParticles.has(token.text) && nextIsCapitalised(tokens, i)) {
      current = { words: [{ ...wordOf(token, wordInitial), lower: true }], first: i, last: i };
      continue;
    }
    close();
  }
  close();
  return mergeLinked(chunks);
}

const nicknameOpeners = new Set(['“', '"', '‘']);
const nicknameClosers = new Set(['”', '"', '’']);

/**
 * The index of the quote closing a nickname that opens at `i`: one to three capitalised words in
 * quotes, after a space and before a space and a capitalised word ("Jane “JJ” Roe"). Undefined when
 * the quote is anything else.
 */
function nicknameEnd(tokens: Token[], i: number): number | undefined {
  if (!nicknameOpeners.has(tokens[i]!.text) || tokens[i - 1]?.kind !== 'space') return undefined;
  let j = i + 1;
  for (let words = 0; words < 3; words++) {
    const word = tokens[j];
    if (word?.kind !== 'word' || !isCapitalised(word.text)) return undefined;
    j++;
    if (nicknameClosers.has(tokens[j]?.text ?? '')) {
      const after = nextWord(tokens, j);
      return after && isCapitalised(after.text) ? j : undefined;
    }
    if (tokens[j]?.kind !== 'space') return undefined;
    j++;
  }
  return undefined;
}

function wordOf(token: Token, initial: boolean): NameWord {
  const possessive = /['’]s$/u.test(token.text) && token.text.length > 2;
  const text = possessive ? token.text.slice(0, -2) : token.text;
  return {
    text,
    start: token.start,
    end: token.start + text.length,
    possessive,
    initial,
    acronym: /^[\p{Lu}\d.&-]+$/u.test(text) && /\p{Lu}.*[\p{Lu}\d]/u.test(text),
    lower: false,
  };
}

/** True for "Tanaka", "NATO", "TAQ4", "al-Assad", "Ji-hoon"; false for "trans-Atlantic", "12:35". */
export function isCapitalised(text: string): boolean {
  // Called for every word: ASCII letters are answered without a Unicode pattern.
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122 && text.indexOf('-') === -1) return false;
  return /^\p{Lu}/u.test(text) || /^\p{Ll}{1,3}-\p{Lu}/u.test(text);
}

// "Tuesday" and "July" start dates, not names; a month inside a name stays ("Theresa May").
function excluded(word: NameWord, current: { words: NameWord[] } | null): boolean {
  const lower = word.text.toLowerCase();
  if (weekdays.has(lower)) return true;
  return months.has(lower) && current === null;
}

function nextWord(tokens: Token[], i: number): Token | undefined {
  const space = tokens[i + 1];
  const next = tokens[i + 2];
  return space?.kind === 'space' && next?.kind === 'word' ? next : undefined;
}

// "von" in "Ursula von der Leyen" looks past "der" to "Leyen".
function nextIsCapitalised(tokens: Token[], i: number): boolean {
  for (let j = i; ; j += 2) {
    const next = nextWord(tokens, j);
    if (next === undefined) return false;
    if (isCapitalised(next.text)) return true;
    if (!nameParticles.has(next.text)) return false;
  }
}

// "the Prime Minister’s Office": a possessive continues only into an organisation's head noun.
function nextIsHead(tokens: Token[], i: number): boolean {
  const next = nextWord(tokens, i);
  return next !== undefined && organizationHeads.has(next.text.toLowerCase());
}

/** The kind of head noun a word is, if any. */
export function headKind(word: string): 'organization' | 'programme' | 'event' | undefined {
  const lower = lowerCase(word);
  if (organizationHeads.has(lower)) return 'organization';
  if (programmeHeads.has(lower)) return 'programme';
  if (eventHeads.has(lower)) return 'event';
  return undefined;
}

/**
 * Joins "Ministry" + "of" + "Defence" and "Riverton Partnership" + "and" + "Cooperation Programme",
 * but never "Utopia" + "and" + "Northern Harbour Alliance": two names joined by "and" stay
 * two names unless the first has no head of its own and is no place or acronym.
 */
function mergeLinked(chunks: NameChunk[]): NameChunk[] {
  const merged: NameChunk[] = [];
  for (const chunk of chunks) {
    const previous = merged[merged.length - 1];
    const link = previous ? linkBetween(previous, chunk) : undefined;
    if (previous && link && shouldMerge(previous, link, chunk)) {
      merged[merged.length - 1] = {
        ...previous,
        words: [...previous.words, ...link, ...chunk.words],
        end: chunk.end,
        last: chunk.last,
      };
    } else merged.push(chunk);
  }
  return merged;
}

function linkBetween(a: NameChunk, b: NameChunk): NameWord[] | undefined {
  if (a.sentence !== b.sentence || a.words[a.words.length - 1]!.possessive) return undefined;
  const between = a.sentence.tokens.slice(a.last + 1, b.first);
  const words = between.filter((t) => t.kind !== 'space');
  if (words.length === 0 || words.length > 2 || words.some((t) => t.kind !== 'word' && t.text !== '&'))
    return undefined;
  if (!words.every((t) => nameLinkers.has(t.text))) return undefined;
  if (words.length === 2 && words[1]!.text !== 'the') return undefined;
  return words.map((t) => ({ ...wordOf(t, false), lower: true }));
}

function definedTogether(a: NameChunk, link: NameWord[], b: NameChunk): boolean {
  const tokens = b.sentence.tokens;
  let i = b.last + 1;
  while (tokens[i]?.kind === 'space') i++;
  if (tokens[i]?.text !== '(' || tokens[i + 2]?.text !== ')') return false;
  const acronym = tokens[i + 1]!.text;
  const phrase = [...a.words, ...link, ...b.words].map((w) => w.text).join(' ');
  return isAcronym(acronym) && initialsMatch(acronym, phrase);
}

function shouldMerge(a: NameChunk, link: NameWord[], b: NameChunk): boolean {
  const last = (c: NameChunk): string => c.words[c.words.length - 1]!.text;
  const bHead = headKind(last(b));
  const aHead = headKind(last(a));
  const linker = link[0]!.text;
  if (linker === 'of' || linker === 'for' || linker === 'on') {
    // "Bank of Japan", "Ministry of Foreign Affairs", "Conference on Disarmament", "Secretary of State"
    return (
      aHead !== undefined ||
      bHead !== undefined ||
      // "Secretary of State": joined, unless a name follows the portfolio ("Secretary of Energy
      // Jane Roe"), which the portfolio's reading splits off.
      (last(a).toLowerCase() === 'secretary' && !(b.words.length > 1 && portfolioWords.has(b.words[0]!.text.toLowerCase()))) ||
      // "Gulf of Aqaba", "Republic of Korea", "Isle of Man"
      (linker === 'of' && (placeLeads.has(last(a).toLowerCase()) || placeHeads.has(last(a).toLowerCase())))
    );
  }
  // "National Institute of Allergy and Infectious Diseases (NIAID)": an acronym right after the
  // joined name, spelled by its initials, says it is one name.
  if (definedTogether(a, link, b)) return true;
  // "and" / "&": only inside one long name whose first half cannot stand alone.
  if (bHead === undefined || aHead !== undefined) return false;
  const aText = a.words.map((w) => w.text).join(' ');
  return (
    !a.words.some((w) => w.acronym) &&
    lookupPlace(aText) === undefined &&
    a.words.length >= 1 &&
    b.words.length >= 1
  );
}
