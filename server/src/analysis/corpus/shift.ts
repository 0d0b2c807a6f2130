/**
 * The fast path of an edit within one line. Typing inside an ordinary word moves every offset after
 * it and changes nothing else: the same names, acronyms, dates and events in the same order. Then
 * the corpus index and the findings stay valid once their offsets into that article move, and
 * rebuilding them (proportional to the whole corpus) is skipped; an edit that changes only what one
 * part of the index reads (corpus/corpus-index.ts) rebuilds that part alone.
 *
 * Safety comes from checking, not from reasoning about the edit: what a part reads of the fresh
 * analysis must equal the old one with its offsets moved, or the caller rebuilds that part.
 */
import { addTo } from '../collections.js';
import type { ArticleAnalysis, Finding, Span } from '../types.js';

/** One contiguous replacement: [at, oldEnd) of the old text became [at, at + oldEnd - at + delta) of the new. */
export interface Edit {
  at: number;
  oldEnd: number;
  delta: number;
}

/**
 * The single replacement that turns one text into the other, or undefined when it touches a line
 * break (line numbers cited in other articles' messages would move).
 */
export function editBetween(before: string, after: string): Edit | undefined {
  const limit = Math.min(before.length, after.length);
  let at = 0;
  while (at < limit && before.charCodeAt(at) === after.charCodeAt(at)) at++;
  let tail = 0;
  while (
    tail < limit - at &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  if (/[\r\n]/.test(before.slice(at, oldEnd)) || /[\r\n]/.test(after.slice(at, newEnd))) return undefined;
  return { at, oldEnd, delta: newEnd - oldEnd };
}

/** Where an offset of the old text is in the new one; NaN inside the replaced part. */
function moved(offset: number, edit: Edit): number {
  if (offset >= edit.oldEnd) return offset + edit.delta;
  return offset <= edit.at ? offset : Number.NaN;
}

function isSpan(value: unknown): value is Span {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Span).start === 'number' &&
    typeof (value as Span).end === 'number'
  );
}

/**
 * Whether the edit changes the text a span covers: it replaces some of it, or inserts inside it.
 * Typing at either end of a span leaves its text as it was.
 */
function changesText(span: Span, edit: Edit): boolean {
  return edit.at < edit.oldEnd
    ? edit.at < span.end && edit.oldEnd > span.start
    : span.start < edit.at && edit.at < span.end;
}

/**
 * True when `fresh` is `old` with its offsets moved by the edit: the same facts, elsewhere. A span
 * whose text the edit changes is a change even where what holds it is the same, since the rules quote
 * the text at a span: an office's title is held normalised ("Mayor"), and "mayor Ana Roe" in one
 * article is quoted as written in the finding of another.
 */
export function sameMoved(old: unknown, fresh: unknown, edit: Edit): boolean {
  const shiftedOld = JSON.stringify(old, (_key, value: unknown) =>
    isSpan(value)
      ? changesText(value, edit)
        ? { ...value, start: Number.NaN, end: Number.NaN }
        : { ...value, start: moved(value.start, edit), end: moved(value.end, edit) }
      : value,
  );
  // NaN serialises as null, which never equals a fresh offset: a span inside the edit fails the check.
  return shiftedOld === JSON.stringify(fresh);
}

/** Moves every span of an analysis in place, and its text to the new one; returns the spans moved. */
export function moveAnalysis(analysis: ArticleAnalysis, text: string, edit: Edit): Set<Span> {
  const done = new Set<Span>();
  walk(analysis, (span) => {
    if (done.has(span)) return;
    done.add(span);
    span.start = moved(span.start, edit);
    span.end = moved(span.end, edit);
  });
  analysis.text = text;
  return done;
}

/** A location into an article held by a finding, and the article whose finding holds it. */
export interface HeldLocation {
  span: Span;
  /** Set when a finding of another article cites this location as evidence. */
  citedBy?: string;
}

/** The locations findings hold (their span, their evidence, their fixes' edits), by the article each points into. */
export function findingLocations(findings: readonly Finding[]): Map<string, HeldLocation[]> {
  const byArticle = new Map<string, HeldLocation[]>();
  for (const finding of findings) {
    const owner = finding.articleId;
    const add = (articleId: string, span: Span): void =>
      addTo(byArticle, articleId, articleId === owner ? { span } : { span, citedBy: owner });
    add(owner, finding.span);
    for (const { location } of finding.related) add(location.articleId, location.span);
    for (const fix of finding.fixes) for (const edit of fix.edits) add(edit.articleId, edit.span);
  }
  return byArticle;
}

/** Moves held locations not moved yet; returns the articles whose findings cite them. */
export function moveLocations(held: HeldLocation[], edit: Edit, done: Set<Span>): Set<string> {
  const citing = new Set<string>();
  for (const location of held) {
    if (location.citedBy !== undefined) citing.add(location.citedBy);
    if (done.has(location.span)) continue;
    done.add(location.span);
    location.span.start = moved(location.span.start, edit);
    location.span.end = moved(location.span.end, edit);
  }
  return citing;
}

function walk(value: unknown, onSpan: (span: Span) => void, seen = new Set<object>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (isSpan(value)) onSpan(value);
  for (const child of Array.isArray(value) ? value : Object.values(value)) walk(child, onSpan, seen);
}
