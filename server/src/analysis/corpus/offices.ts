/** One office however it is written: "water minister", "Minister of Water", "Water Minister". */
import { generalTitles } from '../annotators/lexicon.js';
import type { RoleMention } from '../types.js';

/**
 * The portfolio of a minister, one office however it is written: "water minister", "Minister of
 * Water and Irrigation", "Water Minister" (the word before the title, taken as its organisation)
 * are all the minister of water. Undefined for other titles and for "minister" alone.
 */
export function portfolioOf(role: RoleMention): string | undefined {
  const title = role.title.toLowerCase();
  const of = /^minister (?:of|for) (?:the )?([\p{L}-]+)/u.exec(title);
  if (of) return of[1];
  // "Water Management Minister": its first word, as "Minister of Water Management" gives.
  const before = /^([\p{L}-]+)(?: [\p{L}-]+){0,2} minister$/u.exec(title);
  if (before && !['prime', 'deputy', 'vice', 'chief', 'first'].includes(before[1]!)) return before[1];
  if (title === 'minister' && role.organization && /^\p{Lu}\p{Ll}+$/u.test(role.organization))
    return role.organization.toLowerCase();
  return undefined;
}

/**
 * The office a role names, as one key: a minister by portfolio ("minister:water"), any other office
 * by its title ("director general"). The holder's country or organisation is not part of it.
 */
export function officeKey(role: RoleMention): string {
  const portfolio = portfolioOf(role);
  return portfolio ? `minister:${portfolio}` : role.title.toLowerCase().replace(/-/g, ' ');
}

/** Whether a role's title says too little to set its holder apart from another. */
export function isGeneralTitle(role: RoleMention): boolean {
  return generalTitles.has(role.title.toLowerCase()) && !portfolioOf(role);
}

/**
 * Whether two roles name one office: the same title, or ministers sharing a portfolio word ("Minister
 * of Environment and Water" and "water minister": one ministry, written whole or by one of its
 * portfolios).
 */
export function sameOffice(a: RoleMention, b: RoleMention): boolean {
  if (officeKey(a) === officeKey(b)) return true;
  const wordsA = portfolioWordsOf(a);
  const wordsB = portfolioWordsOf(b);
  return wordsA.length > 0 && wordsB.some((word) => wordsA.includes(word));
}

/** A minister's portfolio as its words: "Minister of Environment and Water" → environment, water. */
function portfolioWordsOf(role: RoleMention): string[] {
  if (!portfolioOf(role)) return [];
  const title = role.title.toLowerCase();
  const of = /^minister (?:of|for) (?:the )?(.+)$/u.exec(title)?.[1] ?? title.replace(/ minister$/u, '');
  return of.split(/[\s,&]+/u).filter((word) => word.length > 3 && !['and', 'the', 'minister'].includes(word));
}
