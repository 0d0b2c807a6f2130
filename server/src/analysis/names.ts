/**
 * Comparing names: normal forms, sound-alike tests and the grade of a difference.
 *
 * No string metric alone separates "Smiht"/"Smith" (one person) from "Smith"/"Smyth" (two):
 * they score the same on every metric. These functions only say how two spellings differ; whether
 * they name one entity is decided in corpus/clusters.ts from context (role, organisation, country).
 */
import { digraphInitials } from './tokenize.js';
import { jaroWinkler } from '@skyra/jaro-winkler';
import damerauLevenshtein from 'damerau-levenshtein';
import { doubleMetaphone } from 'double-metaphone';
import { nameParticles } from './annotators/lexicon.js';
import { memoize, memoize2 } from './memo.js';

/**
 * The tokens of a name in a normal form: no diacritics, lower case, hyphens and possessives dropped.
 * The array is shared between callers (memoised): copy it before sorting or reversing.
 */
export const nameTokens: (name: string) => string[] = memoize((name) => withParticles(servantOf(bareTokens(name))));

/**
 * "Abdel-Ghaffar", "Abdelghaffar", "Abdul Ghaffar" and "Abd al-Ghaffar": one Arabic name ("servant
 * of the Forgiving"), romanised and spaced four ways, as one token. Hand-written: no romanisation
 * library folds these compounds.
 */
function servantOf(tokens: string[]): string[] {
  if (!tokens.some((t) => t.startsWith('abd'))) return tokens;
  const folded: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const joined = /^abd(?:el|ul|al|ol|u|e)?(\p{L}{4,})$/u.exec(token);
    if (joined) folded.push(`abd${joined[1]}`);
    else if (/^abd(?:el|ul|al|ol|u)?$/u.test(token) && i < tokens.length - 1) {
      // "Abd al-Ghaffar": the article between is part of the compound.
      const next = ['al', 'el'].includes(tokens[i + 1]!) && i < tokens.length - 2 ? i + 2 : i + 1;
      folded.push(`abd${tokens[next]}`);
      i = next;
    } else folded.push(token);
  }
  return folded;
}

/** The tokens of a name in normal form, particles kept apart: "van der Berg" → van, der, berg. */
export const bareTokens: (name: string) => string[] = memoize((name) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]s$/u, '')
    // A nickname in quotes is not part of the name: Jane “JJ” Roe is Jane Roe.
    .replace(/\s[“"‘][^”"’]{1,30}[”"’](?=\s)/gu, '')
    .toLowerCase()
    .split(/[\s\-‐–]+/u)
    .map((token) => token.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((token) => token.length > 0),
);

/**
 * A surname's particles joined to it, as one token: "van der Roe" and "Van der Roe" alone are the
 * surname of "Jan van der Roe", "Al Doe" of "Omar bin Said Al Doe", "al-Rahim" of
 * "Jane al-Rahim". A particle is never the last token.
 */
function withParticles(tokens: string[]): string[] {
  if (!tokens.some((t) => nameParticles.has(t))) return tokens;
  const joined: string[] = [];
  let prefix = '';
  tokens.forEach((token, i) => {
    // "El-Saidy" and "al-Saidi": one Arabic article, romanised two ways.
    if (nameParticles.has(token) && i < tokens.length - 1) prefix += token === 'el' ? 'al' : token;
    else {
      joined.push(prefix + token);
      prefix = '';
    }
  });
  return joined;
}

/**
 * A key equal for spellings that differ only in case, hyphenation, diacritics or name order:
 * "TANAKA Aiko" and "Aiko Tanaka", "Ji-hoon" and "Ji Hoon".
 */
export const nameKey: (name: string) => string = memoize((name) => [...nameTokens(name)].sort().join(' '));

/**
 * British and American spellings of the same word, and plural endings, folded to one form. The
 * pairs are the regular spelling conventions (-mme/-m, -our/-or, -ence/-ense, -ise/-ize, -tre/-ter).
 */
const conventionRewrites: [RegExp, string][] = [
  [/programme/g, 'program'],
  [/ence\b/g, 'ense'],
  [/our\b/g, 'or'],
  [/is(e|ed|ing|ation)\b/g, 'iz$1'],
  [/tre\b/g, 'ter'],
  [/ogue\b/g, 'og'],
];

/** A name folded over spelling conventions: "Joint Coastal Safety Programme" = "…Program". */
export const conventionKey: (name: string) => string = memoize((name) => {
  let key = nameTokens(name).join(' ');
  for (const [pattern, replacement] of conventionRewrites) key = key.replace(pattern, replacement);
  return key;
});

/**
 * A token reduced to what survives romanisation differences: doubled letters collapsed, q/g/k and
 * y/i merged, "ph"/"kh"/"dh" folded. "Gaddafi", "Qaddafi" and "Kadhafi" share one skeleton, as do
 * "Petrenko" and "Petrenkko"; "Smith" and "Smiht" do not (a changed vowel is a typo, not a
 * transliteration).
 */
export const transliterationSkeleton: (token: string) => string = memoize((token) =>
  token
    .toLowerCase()
    // "Roeck"/"Roek" is a dropped letter, not a romanisation: keep "ck" apart from "k".
    .replace(/ck/g, 'ç')
    .replace(/ph/g, 'f')
    .replace(/([kdgt])h/g, '$1')
    .replace(/[qgc]/g, 'k')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1'),
);

/**
 * A token's consonants once romanisation is set aside: what "Housni" and "Husni", "Nabil" and
 * "Nabeel", "bin" and "ben" share. Romanisations disagree on vowels and doubled letters far more
 * than on consonants.
 */
const consonantSkeleton = (token: string): string => transliterationSkeleton(token).replace(/[aeiouy]/gu, '');

/**
 * Whether two runs of name tokens are one romanised apart: the same consonants in the same order,
 * however the words are spaced ("bin Rawi" is one token, "Ben Rawi" two).
 */
export const romanisedAlike = (a: readonly string[], b: readonly string[]): boolean =>
  consonantSkeleton(a.join('')) === consonantSkeleton(b.join(''));

/** How two spellings of a token relate. */
export type TokenRelation = 'same' | 'transliteration' | 'typo' | 'different';

/**
 * Compares two name tokens: the same once normalised, a romanisation variant, a likely typo
 * (sounds alike and one or two edits apart), or different.
 */
export const compareTokens: (a: string, b: string) => TokenRelation = memoize2(compareTokensOnce);

function compareTokensOnce(a: string, b: string): TokenRelation {
  if (a === b) return 'same';
  if (transliterationSkeleton(a) === transliterationSkeleton(b)) return 'transliteration';
  if (a.length < 3 || b.length < 3) return 'different';
  const edits = damerauLevenshtein(a, b).steps;
  // A typist's slip keeps the first letter and changes one: "Johm" for "John", "Bien" for "Biden".
  if (edits === 1 && a[0] === b[0]) return 'typo';
  // One slip of the finger in a longer word can change its sound: "Doucat" for "Doucet".
  if (!soundAlike(a, b) && !(edits === 1 && Math.min(a.length, b.length) >= 5)) return 'different';
  const similar = jaroWinkler(a, b) >= 0.84 || edits <= 2;
  return similar && edits <= Math.max(2, Math.floor(Math.min(a.length, b.length) / 3)) ? 'typo' : 'different';
}

const metaphone = memoize((token: string) => doubleMetaphone(token));

function soundAlike(a: string, b: string): boolean {
  const [a1, a2] = metaphone(a);
  const [b1, b2] = metaphone(b);
  return a1 === b1 || a1 === b2 || a2 === b1 || a2 === b2;
}

/** How two full names relate, token by token, with the tokens that differ. */
export interface NameComparison {
  relation: 'same' | 'transliteration' | 'typo' | 'different';
  /** Indexes (in the first name's tokens) of the tokens that differ. */
  differing: number[];
  /** How many tokens are identical. */
  identical: number;
  /** True when the second name is written in the other order ("TANAKA Aiko" against "Aiko Tanaka"). */
  reversed: boolean;
  /** True when one name writes as initials the given names the other writes out: a style, no slip. */
  initials?: boolean;
}

/**
 * Compares two names of the same length token by token, in order or in reverse order
 * ("Park Ji Hoon" against "Park Ji Hun"). Names of different lengths are 'different': a missing
 * given name is a surname-alone mention, handled elsewhere.
 */
export const compareNames: (a: string, b: string) => NameComparison = memoize2(compareNamesOnce);

function compareNamesOnce(a: string, b: string): NameComparison {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  const none: NameComparison = { relation: 'different', differing: [], identical: 0, reversed: false };
  const expanded = initialsOf(a, tb) ?? initialsOf(b, ta);
  if (expanded !== undefined) return { relation: 'transliteration', differing: [0], identical: expanded, reversed: false, initials: true };
  if (ta.length !== tb.length || ta.length === 0) return none;
  const forward = compareAligned(ta, tb);
  if (forward.relation !== 'different') return forward;
  // Reversed order matches "TANAKA Aiko" to "Aiko Tanaka"; indexes stay those of `a`.
  return { ...compareAligned(ta, [...tb].reverse()), reversed: true };
}

/**
 * "P.V. Jane Roe" against "Pavan Vijay Jane Roe", "Ts. Roe" against "Tsendiin Roe": a name whose
 * given names are written as initials, which the other name's first words open with, the rest
 * written the same. Gives how many words are the same, or undefined.
 */
function initialsOf(short: string, long: string[]): number | undefined {
  const split = initialsSplit(short);
  if (!split) return undefined;
  const { initials, rest } = split;
  if (long.length !== initials.length + rest.length) return undefined;
  const opens = initials.every((letter, i) => long[i]!.length > letter.length + 1 && long[i]!.startsWith(letter));
  return opens && rest.every((token, i) => token === long[initials.length + i]) ? rest.length : undefined;
}

/** "P.V. Jane Roe" → initials p, v and the rest jane, roe; undefined for a name that opens with none. */
export const initialsSplit = memoize((name: string): { initials: string[]; rest: string[] } | undefined => {
  const words = name.trim().split(/\s+/u);
  const initials: string[] = [];
  let at = 0;
  for (; at < words.length && initialWord.test(words[at]!); at++)
    initials.push(...words[at]!.split('.').filter(Boolean).map((letter) => letter.toLowerCase()));
  const rest = nameTokens(words.slice(at).join(' '));
  return initials.length > 0 && rest.length > 0 ? { initials, rest } : undefined;
});

/** "P.V.", "B.", "Ts.": a word of initials. */
const initialWord = new RegExp(`^(?:\\p{Lu}\\.|(?:${digraphInitials.join('|')})\\.)+$`, 'u');

function compareAligned(ta: string[], tb: string[]): NameComparison {
  const reversed = false;
  const differing: number[] = [];
  let identical = 0;
  let worst: TokenRelation = 'same';
  for (let i = 0; i < ta.length; i++) {
    const relation = compareTokens(ta[i]!, tb[i]!);
    if (relation === 'different') return { relation: 'different', differing: [], identical: 0, reversed };
    if (relation === 'same') identical++;
    else differing.push(i);
    if (relation === 'typo' || (relation === 'transliteration' && worst === 'same')) worst = relation;
  }
  return { relation: worst, differing, identical, reversed };
}

/** The letter-sound codes of a token, for blocking candidate pairs cheaply before comparing them. */
export function soundCodes(token: string): string[] {
  const [primary, secondary] = metaphone(token);
  return primary === secondary ? [primary] : [primary, secondary];
}

/**
 * Whether token `a` could be a typist's slip for `b` (normal forms, from `nameTokens`): one
 * Damerau–Levenshtein edit (a transposition, a neighbouring key, a doubled or dropped letter), or
 * two in a word of eight letters or more, with the first letter kept. This is the channel of a
 * noisy-channel corrector; the prior (how often each spelling is written) is the corpus's, weighed
 * where the forms are linked (corpus/clusters.ts).
 */
export const isSlip = (a: string, b: string): boolean => slipEdits(a, b) !== undefined;

/** How many edits a slip of `a` for `b` takes (1 or 2), or undefined when it is no slip (see `isSlip`). */
export const slipEdits: (a: string, b: string) => number | undefined = memoize2((a, b) => {
  if (a === b || a[0] !== b[0] || Math.abs(a.length - b.length) > 2) return undefined;
  const shortest = Math.min(a.length, b.length);
  if (shortest < 4) return undefined;
  const edits = damerauLevenshtein(a, b).steps;
  return edits === 1 || (edits === 2 && shortest >= 8) ? edits : undefined;
});
