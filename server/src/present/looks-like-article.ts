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
 * or a key=value line is not.
 */
function isProse(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  if (tokens.length < 12) return false;
  let words = 0;
  for (const token of tokens) if (/^[("“‘'\p{L}][\p{L}\p{M}'’.,;:!?)”"-]*$/u.test(token)) words++;
  return words / tokens.length >= 0.75 && /[.!?]["”’)]?(?:\s|$)/.test(line);
}

/**
 * Whether `text`, found at `path`, looks like a news article: a name that is not a known kind of
 * other file, at least two lines of prose that make up a good share of the text, and a date or a dateline.
 */
export function looksLikeArticle(path: string, text: string): ArticleLook {
  if (isNotArticleName(path)) return { article: false, why: 'its name says it is not an article' };
  const head = text.slice(0, sample);
  const lines = head.split(/\r?\n/).filter((line) => line.trim() !== '');
  let proseLines = 0;
  let proseChars = 0;
  let allChars = 0;
  for (const line of lines) {
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
