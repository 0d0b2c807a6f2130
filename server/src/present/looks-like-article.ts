/**
 * Whether a text file is a news article, guessed cheaply from its name and its first few thousand
 * characters: a folder of code or notes has `.txt` files too (`requirements.txt`, `LICENSE.txt`, logs),
 * and none of them should join the corpus or become a "News article" in the editor.
 */
import { monthNames, weekdayNames } from '../analysis/annotators/calendar.js';

/** The verdict, with the reason a log or a test can show. */
export interface ArticleLook {
  article: boolean;
  why: string;
}

/**
 * Words in a file name that mark it as something other than an article ("requirements-dev.txt",
 * "LICENSE.txt", "build_log.txt", "meeting-notes.txt").
 */
const notArticleWords = new Set([
  'requirements',
  'constraints',
  'license',
  'licence',
  'copying',
  'notice',
  'authors',
  'contributors',
  'changelog',
  'changes',
  'history',
  'readme',
  'todo',
  'notes',
  'robots',
  'cmakelists',
  'log',
  'logs',
  'debug',
  'output',
  'stdout',
  'stderr',
  'dump',
]);

/** How much of a file is looked at: enough for a headline, a dateline and a few paragraphs. */
const sample = 20_000;

// A month's name or its short form ("Sep", "Sept"), and a weekday's name: from the one calendar.
const month = new RegExp(
  `\\b(?:${monthNames.join('|')}|${monthNames.map((m) => m.slice(0, 3)).join('|')}|Sept)\\b`,
);
const weekday = new RegExp(`\\b(?:${weekdayNames.join('|')})\\b`);
const year = /(?<![\d.])(?:19|20)\d{2}(?![\d.])/;
const isoDate = /\b(?:19|20)\d{2}-[01]\d-[0-3]\d\b/;
/** A wire dateline: "OSLO, Norway (Agency) —", "ROME —". */
const wireDateline = /^[A-Z][A-Z.'’ -]{2,}(?:,[^\n(—–]{0,40})?\s*(?:\([^()\n]{1,40}\))?\s*[—–-]\s/m;

/** True when a file name names something other than an article, whatever the text says. */
export function isNotArticleName(path: string): boolean {
  const name = path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1).toLowerCase();
  return name
    .replace(/\.[a-z0-9]+$/, '')
    .split(/[-_. ]+/)
    .some((word) => notArticleWords.has(word));
}

/**
 * A prose line: a dozen words or more, nearly all of them words of letters, with a sentence end
 * ("The minister said on Monday that talks would resume."). A requirement pin, a log line, a list item
 * or a key=value line is not. The words are the runs of `line.trim().split(/\s+/)`, found in place:
 * splitting every line of 10,000 articles into strings was most of a server's first reading of them.
 */
function isProse(line: string): boolean {
  let tokens = 0;
  let words = 0;
  for (let i = 0; i < line.length;) {
    if (isSpace(line.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < line.length && !isSpace(line.charCodeAt(end))) end++;
    tokens++;
    if (isWordToken(line, i, end)) words++;
    i = end;
  }
  if (tokens < 12) return false;
  return words / tokens >= 0.75 && /[.!?]["”’)]?(?:\s|$)/.test(line);
}

/** A word of letters, with the quotes, brackets and punctuation prose puts around it. */
const wordToken = /^[("“‘'\p{L}][\p{L}\p{M}'’.,;:!?)”"-]*$/u;

/**
 * `wordToken.test(line.slice(start, end))`, answered for ASCII without the Unicode pattern: in ASCII,
 * `\p{L}` is A–Z and a–z and `\p{M}` is nothing. A token with any other character is asked of the pattern.
 */
export function isWordToken(line: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c >= 128) return wordToken.test(line.slice(start, end));
    const lower = c | 32;
    if (lower >= 97 && lower <= 122) continue;
    // ( " ' may open a word; ' . , ; : ! ? ) " - may follow its first character.
    if (!(i === start ? c === 40 || c === 34 || c === 39 : wordInner.includes(line[i]!))) return false;
  }
  return end > start;
}

/** The ASCII characters a word may hold after its first, besides letters. */
const wordInner = `'.,;:!?)"-`;

/** Whether a UTF-16 code unit is one `\s` matches (white space and line terminators, ECMAScript's list). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Whether `text`, found at `path`, looks like a news article: a name that is not a known kind of
 * other file, at least two lines of prose that make up a good share of the text, and a date or a dateline.
 */
export function looksLikeArticle(path: string, text: string): ArticleLook {
  if (isNotArticleName(path)) return { article: false, why: 'its name says it is not an article' };
  const head = text.slice(0, sample);
  let proseLines = 0;
  let proseChars = 0;
  let allChars = 0;
  // The lines of `head.split(/\r?\n/)` that are not blank.
  for (let start = 0; start <= head.length;) {
    const newline = head.indexOf('\n', start);
    const end = newline < 0 ? head.length : newline;
    const line = head.slice(start, newline > start && head.charCodeAt(newline - 1) === 13 ? end - 1 : end);
    start = end + 1;
    if (line.trim() === '') continue;
    allChars += line.length;
    if (isProse(line)) {
      proseLines++;
      proseChars += line.length;
    }
  }
  if (proseLines < 2) return { article: false, why: 'fewer than two paragraphs of prose' };
  // A scraped page carries menus, captions and link lists (half its lines, in one sample article),
  // but its paragraphs are still a good share of its text; a word list or a menu is not.
  if (proseChars < allChars * 0.3) return { article: false, why: 'mostly lines that are not prose' };
  if (!(
    month.test(head) ||
    weekday.test(head) ||
    isoDate.test(head) ||
    year.test(head) ||
    wireDateline.test(head)
  ))
    return { article: false, why: 'no date and no dateline' };
  return { article: true, why: 'paragraphs of prose with a date' };
}
