/**
 * Lines, headline, dateline and page furniture of an article.
 *
 * Scraped articles carry the page around them: "POPULAR ARTICLE" link lists, newsletter boxes, author
 * bios, comment forms, weather widgets. Every entity system finds dozens of spurious names there, so
 * furniture is found first, by general features of web pages, and left out of every later stage.
 */
import { findPageDate } from './page-date.js';
import { boilerplateCue, isCapsLabel, isSeparator, isWidgetLine, wordCount } from './structure-cues.js';
import { linesOf } from './tokenize.js';
import type { ArticleStructure, Dateline, FurnitureBlock, Span } from './types.js';

/** Finds an article's parts: its lines, headline, dateline and page furniture. */
export function parseStructure(text: string, year?: number): ArticleStructure {
  const lines = linesOf(text);
  const lineTexts = lines.map((l) => text.slice(l.start, l.end));
  const furnitureLines = findFurniture(lineTexts);
  const found = findDateline(lines, lineTexts, furnitureLines, year);
  const dateline = found && 'yearless' in found ? null : found;
  const furniture = toBlocks(lines, furnitureLines, dateline);
  const headline = findHeadline(lines, lineTexts, furniture, dateline);
  const structure: ArticleStructure = {
    lineStarts: lines.map((line) => line.start),
    headline,
    dateline,
    furniture,
  };
  if (found && 'yearless' in found) structure.yearless = found.yearless;
  return structure;
}

/** Why each line is furniture, by line index. */
type FurnitureMarks = Map<number, { kind: FurnitureBlock['kind']; reason: string }>;

function findFurniture(lines: string[]): FurnitureMarks {
  const marks: FurnitureMarks = new Map();
  const page = pageOf(lines);
  markTopWidget(page, marks);
  // Lone boilerplate lines anywhere: "See also …", "Leave a Reply".
  for (const i of page.nonBlank) {
    const cue = boilerplateCue(lines[i]!);
    if (cue) marks.set(i, cue);
  }
  markTail(page, marks);
  return marks;
}

/** A page's lines with its non-blank ones, and each line's non-blank neighbours, looked up rather than searched for. */
interface Page {
  lines: string[];
  nonBlank: number[];
  previousNonBlank(i: number): number | undefined;
  nextNonBlank(i: number): number | undefined;
}

function pageOf(lines: string[]): Page {
  const nonBlank = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  const previousOf: (number | undefined)[] = [];
  const nextOf: (number | undefined)[] = [];
  for (let i = 0, last: number | undefined; i < lines.length; i++) {
    previousOf.push(last);
    if (lines[i]!.trim()) last = i;
  }
  for (let i = lines.length - 1, last: number | undefined; i >= 0; i--) {
    nextOf[i] = last;
    if (lines[i]!.trim()) last = i;
  }
  return { lines, nonBlank, previousNonBlank: (i) => previousOf[i], nextNonBlank: (i) => nextOf[i] };
}

/** A weather or location widget at the top: "12.5 C" then "Riverton", before the article. */
function markTopWidget({ lines, nonBlank }: Page, marks: FurnitureMarks): void {
  if (nonBlank.length === 0 || !isWidgetLine(lines[nonBlank[0]!]!)) return;
  for (const i of nonBlank) {
    const line = lines[i]!.trim();
    if (isWidgetLine(line) || (wordCount(line) <= 3 && !/[.!?:,;]$/.test(line) && !/\d{4}/.test(line))) {
      marks.set(i, { kind: 'site-widget', reason: 'a weather or location widget above the article' });
    } else break;
  }
}

/** The tail of the page: from the first furniture line after which no article prose follows. */
function markTail(page: Page, marks: FurnitureMarks): void {
  const { lines, nonBlank, previousNonBlank, nextNonBlank } = page;
  const isLinkItem = (i: number): boolean => {
    const before = previousNonBlank(i);
    const after = nextNonBlank(i);
    return (
      (before !== undefined && isSeparator(lines[before]!)) ||
      (after !== undefined && isSeparator(lines[after]!))
    );
  };
  const continuesTail = (i: number): boolean => {
    const line = lines[i]!.trim();
    if (marks.has(i) || isSeparator(line) || isCapsLabel(line)) return true;
    if (isLinkItem(i) && !/[.!?]["”]?$/.test(line)) return true;
    if (wordCount(line) <= 6 && !/[.!?]$/.test(line)) return true;
    // An author bio: a quoted self-description after a short name line.
    const before = previousNonBlank(i);
    return /^["“].*["”]$/.test(line) && before !== undefined && wordCount(lines[before]!) <= 4;
  };
  // A list item: a short line without a full stop ("Roe to Leave Riverton Holding at End of Year").
  const isItem = (i: number | undefined): boolean =>
    i !== undefined &&
    !isSeparator(lines[i]!) &&
    !/[.!?]["”]?$/.test(lines[i]!.trim()) &&
    wordCount(lines[i]!) <= 14;
  const startsTail = (i: number): boolean => {
    const line = lines[i]!.trim();
    if (marks.has(i) || isCapsLabel(line)) return true;
    // "-" between link titles, and the list's own title just above the first "-" ("Tech Briefing").
    if (isSeparator(line)) return isItem(previousNonBlank(i)) || isItem(nextNonBlank(i));
    const next = nextNonBlank(i);
    return wordCount(line) <= 4 && isItem(i) && next !== undefined && isSeparator(lines[next]!);
  };
  let tailStart: number | undefined;
  for (let k = nonBlank.length - 1; k >= 0; k--) {
    const i = nonBlank[k]!;
    if (!continuesTail(i)) break;
    if (startsTail(i)) tailStart = i;
  }
  // An author bio in prose just above the tail, or last on the page: "Fiona Campbell is a climate
  // correspondent based in Edinburgh.", "Oliver Hughes writes about technology."
  const bioCandidate = tailStart === undefined ? nonBlank[nonBlank.length - 1] : previousNonBlank(tailStart);
  if (bioCandidate !== undefined && bioCandidate > 0 && isAuthorBio(lines[bioCandidate]!)) {
    marks.set(bioCandidate, { kind: 'author-bio', reason: 'a note about the author' });
    tailStart = Math.min(tailStart ?? bioCandidate, bioCandidate);
  }
  if (tailStart !== undefined) {
    for (const i of nonBlank) {
      if (i < tailStart || marks.has(i)) continue;
      const line = lines[i]!.trim();
      marks.set(i, {
        kind: isSeparator(line) || isCapsLabel(line) || isLinkItem(i) ? 'link-list' : 'author-bio',
        reason:
          isSeparator(line) || isLinkItem(i)
            ? 'a list of links separated by lone dashes'
            : 'page text after the article',
      });
    }
  }
}

// A name, then a self-description in the third person with a writer's trade.
function isAuthorBio(line: string): boolean {
  return /^(?:\p{Lu}[\p{L}'’-]+\s){1,3}(?:is an? (?:[\p{L}-]+\s){0,4}(?:correspondent|reporter|journalist|editor|writer|columnist|contributor|freelancer)\b|writes (?:about|on|for)\b|covers\b|reports (?:on|for)\b)/u.test(
    line.trim(),
  );
}

function toBlocks(lines: Span[], marks: FurnitureMarks, dateline: Dateline | null): FurnitureBlock[] {
  const blocks: FurnitureBlock[] = [];
  const indexes = [...marks.keys()].sort((a, b) => a - b);
  for (const i of indexes) {
    const line = lines[i]!;
    // The dateline is never furniture, even inside a site widget.
    if (dateline && dateline.span.start >= line.start && dateline.span.end <= line.end) continue;
    const mark = marks.get(i)!;
    const last = blocks[blocks.length - 1];
    const gapIsBlank =
      last !== undefined &&
      lines.slice(lineIndex(lines, last.span.end) + 1, i).every((l) => l.end === l.start);
    if (last && gapIsBlank && (last.kind === mark.kind || mark.kind !== 'site-widget')) {
      last.span.end = line.end;
      if (!last.reason.includes(mark.reason)) last.reason += `; ${mark.reason}`;
    } else blocks.push({ span: { start: line.start, end: line.end }, kind: mark.kind, reason: mark.reason });
  }
  return blocks;
}

function lineIndex(lines: Span[], offset: number): number {
  return lines.findIndex((l) => l.start <= offset && offset <= l.end);
}

/** The page date (page-date.ts) on lines that are not furniture, or on a widget. */
function findDateline(
  lines: Span[],
  lineTexts: string[],
  marks: FurnitureMarks,
  year?: number,
): Dateline | { yearless: string } | null {
  const pageLines = lines.map((span, i) => ({
    span,
    text: lineTexts[i]!,
    furniture: marks.has(i)
      ? marks.get(i)!.kind === 'site-widget'
        ? ('widget' as const)
        : ('other' as const)
      : ('none' as const),
  }));
  return findPageDate(pageLines, year);
}

/** The first content line that reads as a headline: short, before the body, without a full stop. */
function findHeadline(
  lines: Span[],
  lineTexts: string[],
  furniture: FurnitureBlock[],
  dateline: Dateline | null,
): Span | null {
  let looked = 0;
  for (let i = 0; i < lines.length && looked < 3; i++) {
    const line = lineTexts[i]!.trim();
    const span = lines[i]!;
    if (!line || furniture.some((b) => b.span.start <= span.start && span.end <= b.span.end)) continue;
    if (dateline && dateline.span.start >= span.start && dateline.span.end <= span.end) continue;
    looked++;
    const words = wordCount(line);
    if (/[.!?]["”]?$/.test(line) || words < 3 || words > 30) {
      // A caption ("…, right, shakes hands … in January.") may stand before the dateline; a body
      // sentence ends the search.
      if (words > 30) return null;
      continue;
    }
    return { start: span.start, end: span.end };
  }
  return null;
}
