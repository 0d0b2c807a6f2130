/**
 * Acronyms and their definitions: "Long Form (LF)" and "LF (Long Form)".
 *
 * The long form is found as Schwartz & Hearst (2003) do: the shortest run of words before the
 * parenthesis whose letters spell the acronym right to left, the first letter at a word's start.
 * Hand-written because no maintained npm package implements it. When the letters do not match, the
 * capitalised name just before the parenthesis is still taken as the long form: a mismatched
 * expansion ("Joint Safety Program (JCSP)") is what the acronym-expansion rule looks for.
 */
import type { TokenSentence } from '../tokenize.js';
import type { AcronymMention, Span } from '../types.js';
import { lookupPlace } from './gazetteer.js';
import { acronymStopWords } from './lexicon.js';

const acronymShape = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{Lu}\d&.-]{2,10}$/u;
/**
 * A Roman numeral as names and wars carry one ("Henry VIII", "World War II", "Vatican II"), written
 * by the rules of the numerals: "IMC" and "DMC" are made of their letters but are no number, so they
 * are acronyms. Hundreds ("CD", "MC") are years or acronyms, never a name's number, unless long.
 */
const romanNumeral = /^(?=[IVXLCDM])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const isRomanNumeral = (word: string): boolean => romanNumeral.test(word) && (!/[CDM]/.test(word) || word.length >= 5);

/** True for "NATO", "TAQ4", "G7", "U.S."; false for "I", "II", "A.", "12:35". */
export function isAcronym(word: string): boolean {
  // Most words start with a lower-case letter or have one second: no regex needed for those.
  const second = word.charCodeAt(1);
  if (!/\p{Lu}/u.test(word[0] ?? '') || (second >= 97 && second <= 122)) return false;
  const bare = word.replace(/['’]s$/u, '');
  return acronymShape.test(bare) && !isRomanNumeral(bare) && !/^[\d.&-]+$/.test(bare);
}

/** Finds acronyms, and the long forms the article defines for them. */
export function annotateAcronyms(text: string, sentences: TokenSentence[]): AcronymMention[] {
  const mentions: AcronymMention[] = [];
  for (const sentence of sentences) {
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.kind !== 'word' || !isAcronym(token.text)) continue;
      // "PARIS, March 3 (Reuters)": a place name in capitals is no acronym.
      if (token.text.length > 3 && lookupPlace(token.text)) continue;
      const acronym = token.text.replace(/['’]s$/u, '');
      const mention: AcronymMention = {
        acronym,
        span: { start: token.start, end: token.start + acronym.length },
      };
      const open = tokens[i - 1]?.text === '(' && tokens[i + 1]?.text === ')';
      // "the Long Form, known as LF", "the Long Form, or LF,": the long form before the phrase.
      const knownAs = /,\s*(?:known as|also called|called|or|abbreviated(?: as)?)\s+$/iu.exec(text.slice(Math.max(sentence.start, token.start - 30), token.start));
      if (open) {
        const expansion = longFormBefore(text, sentence, tokens[i - 1]!.start, acronym);
        if (expansion) mention.expansion = expansion;
      } else if (knownAs) {
        const expansion = longFormBefore(text, sentence, token.start - knownAs[0].length, acronym);
        if (expansion && initialsMatch(acronym, expansion.text)) mention.expansion = expansion;
      } else if (tokens[i + 1]?.kind === 'space' && tokens[i + 2]?.text === '(') {
        const expansion = longFormAfter(text, tokens[i + 2]!.end, sentence.end, acronym);
        if (expansion) mention.expansion = expansion;
      } else if (acronym === token.text) {
        const expansion = appositiveLongForm(text, token.end, sentence.end, acronym);
        if (expansion) mention.expansion = expansion;
      }
      mentions.push(mention);
    }
  }
  return mentions;
}

/** The long form written before "(LF)", or undefined when nothing before it can be one. */
function longFormBefore(
  text: string,
  sentence: Span,
  paren: number,
  acronym: string,
): { text: string; span: Span } | undefined {
  const before = text.slice(sentence.start, paren).trimEnd();
  const words = wordsOf(before, sentence.start);
  if (words.length === 0) return undefined;
  const letters = acronym.replace(/[^\p{L}\d]/gu, '');
  // Room for the small words of a long form in another language ("para la", "y el", "del").
  const limit = Math.min(letters.length + 6, letters.length * 2 + 2);
  const window = words.slice(-limit);
  // "the Coast Civic Action Network (CCAN)": the fewest words whose initials spell it, before
  // Schwartz–Hearst, which may take a letter inside a word ("Civic" for both Cs).
  const matched = byInitials(text, letters, window) ?? withCountry(text, words, schwartzHearst(letters, window), letters);
  // "The Superior Electoral Court (TSE)": an article is never part of the long form, nor are
  // lower-case words before capitalised ones ("lead the Harbour Union (HU)"); "gross domestic
  // product (GDP)" is all lower case.
  const strayLead = matched !== undefined && /^\p{Ll}/u.test(matched.text) && /\s\p{Lu}/u.test(matched.text);
  if (matched && !strayLead && !/^(the|a|an)\s/i.test(matched.text)) return matched;
  // The letters do not spell it: take the capitalised name before the parenthesis, if any.
  const name: typeof words = [];
  for (let i = words.length - 1; i >= 0 && name.length < letters.length + 3; i--) {
    const word = words[i]!;
    // "Peru's National Water Authority (ANA)": the owner is not part of the name.
    if (/['’]s$/u.test(word.text)) break;
    // "In Utopia, the Ports Administration (APU)": a comma ends the name.
    if (name.length > 0 && /[,;:]/u.test(text.slice(word.end, name[0]!.start))) break;
    if (/^\p{Lu}/u.test(word.text)) name.unshift(word);
    else if (acronymStopWords.has(word.text) && name.length > 0 && capitalisedBefore(words, i)) name.unshift(word);
    else break;
  }
  while (name.length > 0 && /^(the|a|an)$/i.test(name[0]!.text)) name.shift();
  if (name.length < 2) return undefined;
  // "NEW DELHI (AP) —": a wire credit after a dateline in capitals, or a place, defines nothing.
  const joined = name.map((w) => w.text).join(' ');
  if (joined === joined.toUpperCase() || lookupPlace(joined)) return undefined;
  return spanOf(text, name);
}

/**
 * "the Utopia Coffee Board (COFBOD)": an acronym made of syllables, not initials, leaves out the
 * country a national body's name opens with; the long form keeps it.
 */
function withCountry(
  text: string,
  words: Word[],
  matched: { text: string; span: Span } | undefined,
  letters: string,
): { text: string; span: Span } | undefined {
  if (!matched) return matched;
  const first = words.findIndex((w) => w.start === matched.span.start);
  const taken = words.length - first;
  const before = words[first - 1];
  if (first < 1 || taken >= letters.length || !before || !/^\p{Lu}\p{Ll}/u.test(before.text)) return matched;
  if (lookupPlace(before.text)?.kind !== 'country') return matched;
  return spanOf(text, words.slice(first - 1));
}

/** Whether a capitalised word comes before word `i` past small words: "Alliance" before "of the". */
function capitalisedBefore(words: Word[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && acronymStopWords.has(words[k]!.text)) k--;
  return k >= 0 && /^\p{Lu}/u.test(words[k]!.text);
}

/** The long form set off by commas after the acronym: "LF, the Long Form, said". */
function appositiveLongForm(
  text: string,
  from: number,
  to: number,
  acronym: string,
): { text: string; span: Span } | undefined {
  const lead = /^,\s+the\s+(?=\p{Lu})/u.exec(text.slice(from, Math.min(to, from + 8)));
  if (!lead) return undefined;
  const start = from + lead[0].length;
  const rest = text.slice(start, to);
  const stop = rest.search(/[,.;:()"“”]/u);
  if (stop < 0) return undefined;
  const words = wordsOf(rest.slice(0, stop), start);
  const letters = acronym.replace(/[^\p{L}\d]/gu, '');
  if (words.length < 2 || words.length > letters.length + 4) return undefined;
  if (initialsMatch(letters, words.map((w) => w.text).join(' '))) return spanOf(text, words);
  // Syllables, not initials ("COFBOD"): only where they take the whole phrase, with its country.
  const syllables = withCountry(text, words, schwartzHearst(letters, words), letters);
  return syllables && syllables.span.start === words[0]!.start ? syllables : undefined;
}

/** The long form inside "LF (Long Form)". */
function longFormAfter(
  text: string,
  from: number,
  to: number,
  acronym: string,
): { text: string; span: Span } | undefined {
  const close = text.indexOf(')', from);
  if (close < 0 || close > to) return undefined;
  const words = wordsOf(text.slice(from, close), from);
  if (words.length < 2) return undefined;
  const letters = acronym.replace(/[^\p{L}\d]/gu, '');
  return initialsMatch(letters, words.map((w) => w.text).join(' ')) ? spanOf(text, words) : undefined;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(fragment: string, offset: number): Word[] {
  return [...fragment.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu)].map((m) => {
    // "l'Alliance", "d'Utopia": a French or Italian article elided onto a name is not part of it.
    const elided = /^(?:[ldLD]|[qQ]u)['’](?=\p{Lu})/u.exec(m[0])?.[0].length ?? 0;
    return {
      text: m[0].slice(elided),
      start: offset + m.index + elided,
      end: offset + m.index + m[0].length,
    };
  });
}

function spanOf(text: string, words: Word[]): { text: string; span: Span } {
  const span = { start: words[0]!.start, end: words[words.length - 1]!.end };
  return { text: text.slice(span.start, span.end), span };
}

/** The shortest run of words ending the window whose initials spell the letters. */
function byInitials(text: string, letters: string, words: Word[]): { text: string; span: Span } | undefined {
  for (let n = 2; n <= words.length; n++) {
    const run = words.slice(-n);
    if (/^(?:the|a|an)$/iu.test(run[0]!.text)) continue;
    if (initialsMatch(letters, run.map((w) => w.text).join(' '))) return spanOf(text, run);
  }
  return undefined;
}

/**
 * Schwartz–Hearst: match the acronym's letters right to left against the words' characters; the
 * acronym's first letter must start a word. Returns the words from that word to the end.
 */
function schwartzHearst(letters: string, words: Word[]): { text: string; span: Span } | undefined {
  const joined = words.map((w) => w.text).join(' ');
  const lower = joined.toLowerCase();
  const short = letters.toLowerCase();
  let s = short.length - 1;
  let l = lower.length - 1;
  while (s >= 0) {
    const c = short[s]!;
    if (!/[\p{L}\p{N}]/u.test(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (lower[l] !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(lower[l - 1]!)))) l--;
    if (l < 0) return undefined;
    l--;
    s--;
  }
  const start = l + 1;
  // Map the character offset back to the word it starts.
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    if (offset === start) {
      const chosen = words.slice(i);
      // "(JCSP)" after "drafted the Programme": a long form has at least as many words as it needs.
      return chosen.length >= 2 || letters.length <= 1
        ? { text: joined.slice(start), span: { start: chosen[0]!.start, end: words[words.length - 1]!.end } }
        : undefined;
    }
    offset += words[i]!.text.length + 1;
  }
  return undefined;
}

/**
 * True when the initials of `phrase` spell `acronym`, with or without its small words:
 * "Joint Coastal Safety Programme" spells JCSP; "Joint Safety Program" does not.
 */
export function initialsMatch(acronym: string, phrase: string): boolean {
  const letters = acronym.replace(/[^\p{L}\d]/gu, '').toUpperCase();
  const words = phrase.split(/[\s-]+/).filter((w) => w.length > 0);
  const all = words.map((w) => w[0]!.toUpperCase()).join('');
  const content = words
    .filter((w) => !acronymStopWords.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return letters === all || letters === content;
}
