/** Tense cues: whether a sentence puts what it tells ahead of the article's date or behind it. */
import { lowerCase } from '../memo.js';
import type { TokenSentence } from '../tokenize.js';
import type { Span } from '../types.js';
import { beForms, determiners, futureCues, irregularPast, presentCues, reportedFutureCues } from './lexicon.js';

/** Where a sentence puts what it tells, relative to the article's date. */
export type Tense = 'future' | 'past' | 'present' | 'unknown';

/**
 * The tense of what a sentence says about the words at `head`: the cue nearest to them decides
 * ("will attend the Summit … have attended the Meeting").
 */
export function tenseNear(
  text: string,
  sentence: TokenSentence,
  head: Span,
): { tense: Tense; cue?: { text: string; span: { start: number; end: number } } } {
  const cues = cuesIn(text, sentence);
  if (cues.length === 0) return { tense: 'unknown' };
  const nearest = cues.sort(
    (a, b) => distance(a, head) - distance(b, head) || (a.tense === 'past' ? 1 : -1),
  )[0]!;
  // "said she would attend the forum": ahead of the telling, which may be before or after the
  // article's date; the past cue further off does not make the forum past.
  if (nearest.reported) return { tense: 'unknown' };
  return {
    tense: nearest.tense,
    cue: { text: text.slice(nearest.start, nearest.end), span: { start: nearest.start, end: nearest.end } },
  };
}

function distance(cue: { start: number; end: number }, head: Span): number {
  return cue.end <= head.start ? head.start - cue.end : cue.start - head.end;
}

/**
 * The tense that governs a date: the nearest past or future cue before it in the sentence, else the
 * nearest after it. "is expected to meet … on Thursday" is ahead; "announced on Tuesday that … will
 * issue" is behind, because "announced" governs "Tuesday" and "will" comes after it.
 */
export function tenseBefore(
  text: string,
  sentence: TokenSentence,
  span: Span,
): { tense: Tense; cue?: { text: string; span: Span } } {
  const found = cuesIn(text, sentence).filter((c) => c.tense !== 'present');
  const before = found.filter((c) => c.end <= span.start).sort((a, b) => b.end - a.end)[0];
  const after = found.filter((c) => c.start >= span.end).sort((a, b) => a.start - b.start)[0];
  const cue = before ?? after;
  if (!cue) return { tense: 'unknown' };
  return {
    tense: cue.tense,
    cue: { text: text.slice(cue.start, cue.end), span: { start: cue.start, end: cue.end } },
  };
}

// One pattern per phrase, compiled once: building them per sentence was a tenth of the analysis time.
// Each is tried only on a sentence that holds its words (`needle`): most hold none of them.
const phrasePatterns = (phrases: string[]): { needle: string; pattern: RegExp }[] =>
  phrases.map((phrase) => ({
    needle: phrase.replace(/'/g, ''),
    pattern: new RegExp(`(?<![\\p{L}'])${phrase.replace(/'/g, "['’]")}(?![\\p{L}])`, 'gu'),
  }));
const futurePatterns = phrasePatterns(futureCues);
const reportedPatterns = phrasePatterns(reportedFutureCues);
const presentPatterns = phrasePatterns(presentCues);
/** A cue's tense and where it is; `reported` for a plan told in the past ("said … would"). */
interface Cue {
  tense: Tense;
  start: number;
  end: number;
  reported?: boolean;
}
const cuesBySentence = new WeakMap<TokenSentence, Cue[]>();

/** Every tense cue in a sentence, with absolute offsets; computed once per sentence. */
function cuesIn(text: string, sentence: TokenSentence): Cue[] {
  const cached = cuesBySentence.get(sentence);
  if (cached) return [...cached];
  const lower = text.slice(sentence.start, sentence.end).toLowerCase();
  const cues: Cue[] = [];
  const findPhrases = (patterns: { needle: string; pattern: RegExp }[], tense: Tense, reported = false): void => {
    for (const { needle, pattern } of patterns) {
      if (!lower.includes(needle)) continue;
      for (const match of lower.matchAll(pattern)) {
        cues.push({
          tense,
          start: sentence.start + match.index,
          end: sentence.start + match.index + match[0].length,
          ...(reported ? { reported } : {}),
        });
      }
    }
  };
  findPhrases(futurePatterns, 'future');
  findPhrases(reportedPatterns, 'future', true);
  findPhrases(presentPatterns, 'present');
  const words = sentence.tokens.filter((t) => t.kind === 'word');
  const lowered = words.map((w) => lowerCase(w.text));
  for (let i = 0; i < words.length; i++) {
    const word = lowered[i]!;
    const previous = lowered[i - 1] ?? '';
    const next = lowered[i + 1] ?? '';
    // "United" (States), "Ahmed": a capitalised word ending in -ed is a name, not a past verb.
    const regularPast =
      word.length > 4 &&
      word.endsWith('ed') &&
      !beForms.has(previous) &&
      next !== 'to' &&
      !/^\p{Lu}/u.test(words[i]!.text);
    // "the last chance", "their last meeting": an adjective, not "last week".
    const adjective = word === 'last' && determiners.has(previous);
    if ((irregularPast.has(word) && !adjective) || regularPast) {
      cues.push({ tense: 'past', start: words[i]!.start, end: words[i]!.end });
    }
  }
  cuesBySentence.set(sentence, cues);
  return [...cues];
}
