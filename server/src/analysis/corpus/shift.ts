/**
 * The fast path of an edit that changes no fact. Typing inside an ordinary word moves every offset
 * after it and changes nothing else: the same names, acronyms, dates and events in the same order.
 * Then the corpus index and the findings stay valid once their offsets into that article move, and
 * rebuilding them (proportional to the whole corpus) is skipped.
 *
 * Safety comes from checking, not from reasoning about the edit: the fresh analysis must equal the
 * old one with its offsets moved, or the caller rebuilds as usual.
 */
import type { ArticleAnalysis, Span } from '../types.js';

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

/** True when `fresh` is `old` with its offsets moved by the edit: the same facts, elsewhere. */
export function sameFactsMoved(old: ArticleAnalysis, fresh: ArticleAnalysis, edit: Edit): boolean {
  const strip = (analysis: ArticleAnalysis): object => ({ ...analysis, text: undefined });
  const shiftedOld = JSON.stringify(strip(old), (_key, value: unknown) =>
    isSpan(value) ? { ...value, start: moved(value.start, edit), end: moved(value.end, edit) } : value,
  );
  // NaN serialises as null, which never equals a fresh offset: a span inside the edit fails the check.
  return shiftedOld === JSON.stringify(strip(fresh));
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

/** A location into an article held by the index or a finding, and the article whose finding holds it. */
export interface HeldLocation {
  span: Span;
  /** Set when a finding of another article cites this location as evidence. */
  citedBy?: string;
}

/**
 * Every location (`{ articleId, span }`: mentions, evidence, fix edits) the index and the findings
 * hold, by the article it points into. One walk of the whole index, done on the first fast-path edit
 * after a rebuild; later edits then move only their own article's locations.
 */
export function collectLocations(roots: unknown[]): Map<string, HeldLocation[]> {
  const byArticle = new Map<string, HeldLocation[]>();
  const seen = new Set<object>();
  const visit = (value: unknown, owner: string | undefined): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map) {
      for (const item of value.values()) visit(item, owner);
      return;
    }
    if (value instanceof Set) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, owner);
      return;
    }
    const record = value as Record<string, unknown>;
    const articleId = record['articleId'];
    if (typeof articleId === 'string' && isSpan(record['span'])) {
      const held: HeldLocation = { span: record['span'] };
      if (owner !== undefined && owner !== articleId) held.citedBy = owner;
      const list = byArticle.get(articleId);
      if (list) list.push(held);
      else byArticle.set(articleId, [held]);
    }
    // A finding's evidence and fixes belong to the finding's article.
    const childOwner =
      typeof record['ruleId'] === 'string' && typeof articleId === 'string' ? articleId : owner;
    for (const [key, child] of Object.entries(record)) {
      // Analyses move on their own; entity mentions belong to their analyses; the rest holds no offsets.
      if (key === 'articles' || key === 'mention' || key === 'knowledge' || key === 'reliability') continue;
      visit(child, childOwner);
    }
  };
  for (const root of roots) visit(root, undefined);
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
