/** One office however it is written: "water minister", "Minister of Water", "Water Minister". */
import { generalTitles, portfolioWords } from '../annotators/lexicon.js';
import type { RoleMention, Span } from '../types.js';

/** What names an office: its title and whose it is, wherever the role was written. */
type OfficeWords = Pick<RoleMention, 'title' | 'organization'>;

/**
 * The portfolio of a minister, one office however it is written: "water minister", "Minister of
 * Water and Irrigation", "Water Minister" (the word before the title, taken as its organisation)
 * are all the minister of water. Undefined for other titles and for "minister" alone.
 */
export function portfolioOf(role: OfficeWords): string | undefined {
  const title = role.title.toLowerCase();
  const of = /^minister (?:of|for) (?:the )?([\p{L}-]+)/u.exec(title);
  if (of) return of[1];
  // "Water Management Minister": its first word, as "Minister of Water Management" gives.
  const before = /^([\p{L}-]+)(?: [\p{L}-]+){0,2} minister$/u.exec(title);
  if (before && !['prime', 'deputy', 'vice', 'chief', 'first'].includes(before[1]!)) return before[1];
  if (title === 'minister' && role.organization && /^\p{Lu}\p{Ll}+$/u.test(role.organization))
    return role.organization.toLowerCase();
  return secretaryPortfolio(title, role.organization);
}

/**
 * A secretary who is a minister by another name: "Home Secretary", "Cabinet Secretary for Transport",
 * "Transport Cabinet Secretary", "Environment Secretary". Only a portfolio's word makes one; "press
 * secretary" and "general secretary" are not ministers.
 */
function secretaryPortfolio(title: string, organization: string | undefined): string | undefined {
  const of = /^(?:cabinet )?secretary (?:of|for) (?:the )?([\p{L}-]+)/u.exec(title);
  if (of && portfolioWords.has(of[1]!)) return of[1];
  const before = /^([\p{L}-]+)(?: cabinet)? secretary$/u.exec(title);
  if (before && portfolioWords.has(before[1]!)) return before[1];
  const owner = organization?.toLowerCase();
  if (/^(?:cabinet )?secretary$/u.test(title) && owner && portfolioWords.has(owner)) return owner;
  return undefined;
}

/**
 * The office a role names, as one key: a minister by portfolio ("minister:water"), any other office
 * by its title ("director general"). The holder's country or organisation is not part of it.
 */
export function officeKey(role: OfficeWords): string {
  const portfolio = portfolioOf(role);
  if (portfolio) return `minister:${portfolio}`;
  return role.title
    .toLowerCase()
    .replace(/-/g, ' ')
    // "Chairwoman", "Chairperson", "Chair": one office; "Justices Roe and Doe": each a justice.
    .replace(/^chair(?:man|woman|person)$/u, 'chair')
    .replace(/^(justice|judge|senator|minister)s$/u, '$1');
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
  const portfolio = portfolioOf(role);
  if (!portfolio) return [];
  const title = role.title.toLowerCase();
  // "Minister" of a portfolio written as its organisation ("the Water Minister" read as Minister, of Water).
  if (title === 'minister') return [portfolio];
  const of = /^minister (?:of|for) (?:the )?(.+)$/u.exec(title)?.[1] ?? title.replace(/ minister$/u, '');
  return of.split(/[\s,&]+/u).filter((word) => word.length > 3 && !['and', 'the', 'minister'].includes(word));
}

/** The office and its holder's name as one span when they stand together, else the name: what is wrong is who holds it. */
export function heldSpan(holding: { role: RoleMention; mention: { span: Span } }): Span {
  const role = holding.role.span;
  const name = holding.mention.span;
  const apart = Math.max(role.start, name.start) - Math.min(role.end, name.end);
  return apart <= 3 ? { start: Math.min(role.start, name.start), end: Math.max(role.end, name.end) } : name;
}

/** Titles that head a company, a union or an agency: "the union's president", "chief executive of Harbour Holding". */
export const headTitles = new Set(['president', 'chairman', 'chairwoman', 'chairperson', 'chair', 'chief executive', 'ceo', 'director', 'director general', 'executive director', 'managing director', 'head', 'convener', 'secretary general', 'general secretary']);

/** Whether a role heads a body: one person is often its president and chief executive at once. */
export const headsABody = (role: RoleMention): boolean => headTitles.has(role.title.toLowerCase().replace(/-/g, ' '));
