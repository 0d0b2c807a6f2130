/**
 * Line-level cues of web-page furniture. The phrases are the common boilerplate of news sites and
 * blogs (comment forms, newsletter boxes, related-link headers, photo credits), not any one site's.
 */
import type { FurnitureBlock } from './types.js';

interface Cue {
  pattern: RegExp;
  kind: FurnitureBlock['kind'];
  reason: string;
  /** The cue only counts on a line of at most this many words: "Related" may also start a sentence. */
  maxWords: number;
}

const cues: Cue[] = [
  { pattern: /^leave a (reply|comment)\b/i, kind: 'comments', reason: 'a comment form', maxWords: 6 },
  {
    pattern: /^your email address will not be published/i,
    kind: 'comments',
    reason: 'a comment form',
    maxWords: 20,
  },
  { pattern: /^required fields are marked/i, kind: 'comments', reason: 'a comment form', maxWords: 10 },
  { pattern: /^\d*\s*comments?$/i, kind: 'comments', reason: 'a comment count', maxWords: 3 },
  {
    pattern: /^(back to top|scroll to top|share (this|on)\b|print this)/i,
    kind: 'navigation',
    reason: 'page navigation',
    maxWords: 6,
  },
  { pattern: /^see also\b/i, kind: 'link-list', reason: 'a “see also” link', maxWords: 25 },
  {
    pattern:
      /^(you may (also )?(be interested|like)|you might also like|read (more|next|also)|related( articles| posts| stories| news| coverage)?)\b/i,
    kind: 'link-list',
    reason: 'a related-link teaser',
    maxWords: 25,
  },
  {
    pattern:
      /^(most (read|popular|viewed|shared)|popular (articles?|posts|stories)|latest (posts|news|stories|articles)|trending( now)?|don['’]t miss|editor['’]s picks?|recommended)\b/i,
    kind: 'link-list',
    reason: 'a list header',
    maxWords: 5,
  },
  {
    pattern: /^(stay in touch|sign up|subscribe\b|newsletter|follow us|join our|get our)/i,
    kind: 'newsletter',
    reason: 'a newsletter box',
    maxWords: 8,
  },
  {
    pattern: /\b(latest news, offers|special offers|special announcements|unsubscribe at any time)\b/i,
    kind: 'newsletter',
    reason: 'a newsletter box',
    maxWords: 25,
  },
  {
    pattern: /^(top photo|photo|image|picture|credit|photograph)s?\s*:/i,
    kind: 'credit',
    reason: 'a photo credit',
    maxWords: 20,
  },
  {
    pattern: /^(image|photo|video) (source|caption|credit)s?\s*,/i,
    kind: 'credit',
    reason: 'a photo credit',
    maxWords: 30,
  },
  {
    pattern: /^(©|copyright\b|all rights reserved)/i,
    kind: 'credit',
    reason: 'a copyright line',
    maxWords: 20,
  },
  { pattern: /^advertisement$/i, kind: 'navigation', reason: 'an advertisement marker', maxWords: 1 },
];

/** The furniture cue a line starts with, if any. */
export function boilerplateCue(line: string): { kind: FurnitureBlock['kind']; reason: string } | undefined {
  const trimmed = line.trim();
  const words = wordCount(trimmed);
  const cue = cues.find((c) => words <= c.maxWords && c.pattern.test(trimmed));
  return cue ? { kind: cue.kind, reason: cue.reason } : undefined;
}

/** A line of dashes, bullets or rules: "-", "—", "* * *". */
export function isSeparator(line: string): boolean {
  return /^\s*[-–—_*=•·|~]+(\s*[-–—_*=•·|~]+)*\s*$/.test(line);
}

/**
 * A short section label in capitals: "JN ACCESS RANKING", "\"Politics\" POPULAR ARTICLE". Two or
 * more words in capitals, at least half of the words, at most six words, no full stop.
 */
export function isCapsLabel(line: string): boolean {
  const words = line
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 6 || /[.!?]$/.test(line.trim())) return false;
  const caps = words.filter((w) => {
    const letters = w.replace(/[^\p{L}]/gu, '');
    return letters.length >= 2 && letters === letters.toUpperCase();
  });
  return caps.length >= 2 && caps.length * 2 >= words.length;
}

/** A weather or clock widget: "12.5 C", "-3°F", "72 °F". */
export function isWidgetLine(line: string): boolean {
  return /^\s*-?\d{1,3}([.,]\d)?\s*°?\s*[CF]\s*$/.test(line);
}

/** The number of words in a line: runs between white space that hold a letter or a digit. */
export function wordCount(line: string): number {
  // A scan rather than split-and-filter: this runs on every line, many times, and ASCII is the rule.
  let count = 0;
  let counted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) counted = false;
      else if (!counted && ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122))) {
        count++;
        counted = true;
      }
    } else if (/\s/.test(line[i]!)) counted = false;
    else if (!counted && /[\p{L}\p{N}]/u.test(String.fromCodePoint(line.codePointAt(i)!))) {
      count++;
      counted = true;
    }
  }
  return count;
}
