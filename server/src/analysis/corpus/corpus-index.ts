/**
 * The index across all articles, built from their analyses: clusters, acronyms, timeline, each
 * article's trust, and the dates inferred for undated articles.
 */
import { lastStartingBefore } from '../collections.js';
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

/** Everything the rules read. */
export interface CorpusIndex {
  articles: Map<string, ArticleAnalysis>;
  clusters: IndexedCluster[];
  /** Pairs of names alike enough to mention, not enough to merge. */
  possible: Link[];
  acronyms: IndexedAcronym[];
  timeline: TimelineEvent[];
  reliability: Reliability;
  inferred: Map<string, InferredDate>;
  knowledge: Knowledge;
}

/** Builds the index over every article's analysis. */
export function buildIndex(articles: Map<string, ArticleAnalysis>, knowledge: Knowledge): CorpusIndex {
  const list = [...articles.values()];
  const linking = linkMentions(list, knowledge);
  const acronyms = collectAcronyms(list, knowledge);
  const reliability = estimateReliability([...claimsOf(linking.drafts), ...claimsOfAcronyms(acronyms)]);
  const clusters = nameClusters(linking.drafts, reliability);
  nameAcronyms(acronyms, reliability);
  const timeline = buildTimeline(list, knowledge);
  const inferred = new Map<string, InferredDate>();
  for (const article of list) {
    const date = inferDate(article, timeline);
    if (date) inferred.set(article.id, date);
  }
  return { articles, clusters, possible: linking.possible, acronyms, timeline, reliability, inferred, knowledge };
}

/** "003_c34c0cd0b9e4393c.txt:9": an article's file name and the 1-based line of a location. */
export function where(index: CorpusIndex, location: CorpusLocation): string {
  return `${baseName(location.articleId)}:${lineOf(index, location) + 1}`;
}

/** The 0-based line of a location. */
export function lineOf(index: CorpusIndex, location: CorpusLocation): number {
  return lastStartingBefore(index.articles.get(location.articleId)?.structure.lines ?? [], location.span.start);
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
