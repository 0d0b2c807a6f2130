/**
 * The index across all articles, built from their analyses: clusters, acronyms, timeline, each
 * article's trust, and the dates inferred for undated articles.
 */
import { lastAtOrBefore } from '../collections.js';
import type { InferredDate } from '../corpus-model.js';
import type { Knowledge } from '../knowledge-model.js';
import type { ArticleAnalysis, CorpusLocation } from '../types.js';
import type { IndexedAcronym } from './acronym-index.js';
import { claimsOfAcronyms, collectAcronyms, nameAcronyms } from './acronym-index.js';
import type { Link } from './clusters.js';
import { linkMentions } from './clusters.js';
import type { IndexedCluster } from './naming.js';
import { claimsOf, nameClusters } from './naming.js';
import type { Reliability } from './reliability.js';
import { estimateReliability } from './reliability.js';
import type { TimelineEvent } from './timeline.js';
import { buildTimeline, inferDate } from './timeline.js';

/**
 * The index has two parts, each built from its own inputs of every article: an edit that changes
 * only one part's inputs rebuilds only that part, and only the rules that read it run again.
 */
export type IndexPart = 'names' | 'time';

/**
 * What a rule may read, so that it runs again only when that changed: a part of the index, or only
 * each article's date (its dateline's, or the one inferred from the timeline), which few edits of
 * the time part change.
 */
export type RuleInput = IndexPart | 'article-dates';

/** What each part reads of an analysis; nothing else of it reaches the index. */
export const partInputs: Record<IndexPart, (article: ArticleAnalysis) => unknown[]> = {
  names: (article) => [article.entities, article.acronyms],
  time: (article) => [article.dates, article.events, article.structure.dateline],
};

/** Who is who and what each acronym stands for: from entities and acronyms. */
export interface NamesPart {
  clusters: IndexedCluster[];
  /** Pairs of names alike enough to mention, not enough to merge. */
  possible: Link[];
  acronyms: IndexedAcronym[];
  reliability: Reliability;
}

/** When things happened: from events, dates and datelines. */
export interface TimePart {
  timeline: TimelineEvent[];
  inferred: Map<string, InferredDate>;
}

/**
 * Everything the rules read. It holds only the analyses' own spans (a mention's, an expansion's, a
 * date's), never copies: an edit that only moves offsets moves them in the analysis, and the index
 * is right without a walk over it (test/analysis/incremental.test.ts checks this).
 */
export interface CorpusIndex extends NamesPart, TimePart {
  articles: Map<string, ArticleAnalysis>;
  knowledge: Knowledge;
}

/** Builds the index over every article's analysis. */
export function buildIndex(articles: Map<string, ArticleAnalysis>, knowledge: Knowledge): CorpusIndex {
  const list = [...articles.values()];
  return { articles, knowledge, ...buildNames(list, knowledge), ...buildTime(list, knowledge) };
}

/** The same index with one part built again from the articles as they are now. */
export function rebuildPart(index: CorpusIndex, part: IndexPart): CorpusIndex {
  const list = [...index.articles.values()];
  const rebuilt = part === 'names' ? buildNames(list, index.knowledge) : buildTime(list, index.knowledge);
  return { ...index, ...rebuilt };
}

/** Each article's date and whether it is inferred, in article order: what 'article-dates' stands for. */
export function articleDates(index: CorpusIndex): string[] {
  return [...index.articles.values()].map((article) => {
    const dateline = article.structure.dateline;
    return dateline ? dateline.date : `inferred ${index.inferred.get(article.id)?.date ?? ''}`;
  });
}

function buildNames(list: ArticleAnalysis[], knowledge: Knowledge): NamesPart {
  const linking = linkMentions(list, knowledge);
  const acronyms = collectAcronyms(list, knowledge);
  const reliability = estimateReliability([...claimsOf(linking.drafts), ...claimsOfAcronyms(acronyms)]);
  const clusters = nameClusters(linking.drafts, reliability);
  nameAcronyms(acronyms, reliability, list);
  return { clusters, possible: linking.possible, acronyms, reliability };
}

function buildTime(list: ArticleAnalysis[], knowledge: Knowledge): TimePart {
  const timeline = buildTimeline(list, knowledge);
  const inferred = new Map<string, InferredDate>();
  for (const article of list) {
    const date = inferDate(article, timeline);
    if (date) inferred.set(article.id, date);
  }
  return { timeline, inferred };
}

/** "003_c34c0cd0b9e4393c.txt:9": an article's file name and the 1-based line of a location. */
export function where(index: CorpusIndex, location: CorpusLocation): string {
  return `${baseName(location.articleId)}:${lineOf(index, location) + 1}`;
}

/** The 0-based line of a location. */
export function lineOf(index: CorpusIndex, location: CorpusLocation): number {
  const starts = index.articles.get(location.articleId)?.structure.lineStarts ?? [];
  return lastAtOrBefore(starts.length, (i) => starts[i]!, location.span.start);
}

/** The last path segment of an article id (a URI or a path). */
export function baseName(id: string): string {
  const last = id.split(/[\\/]/).pop() ?? id;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The text at a location. */
export function textAt(index: CorpusIndex, location: CorpusLocation): string {
  return index.articles.get(location.articleId)?.text.slice(location.span.start, location.span.end) ?? '';
}
