/**
 * The corpus: every article's analysis, the index across them, and the findings of the rules.
 * Incremental: upserting one article re-analyses only it; the index and the findings are rebuilt
 * lazily, and `dependents` says which other articles' findings may have changed.
 */
import type { Annotation, AcronymEntry, CorpusEvent, EntityCluster, InferredDate } from './corpus-model.js';
import { analyzeArticle } from './index.js';
import type { Knowledge } from './knowledge-model.js';
import { emptyKnowledge } from './knowledge-model.js';
import type { ArticleAnalysis, ArticleInput, Finding } from './types.js';

/** A whole corpus of articles and a knowledge file, kept current one article at a time. */
export class Corpus {
  private readonly articles = new Map<string, ArticleAnalysis>();
  private knowledge: Knowledge = emptyKnowledge;

  /** Replaces the knowledge the rules weigh. Every article's findings may change. */
  setKnowledge(knowledge: Knowledge): void {
    this.knowledge = knowledge;
  }

  /** Analyses an article (new or changed) and returns its analysis. */
  upsert(input: ArticleInput): ArticleAnalysis {
    const analysis = analyzeArticle(input);
    this.articles.set(input.id, analysis);
    return analysis;
  }

  /** Forgets an article. */
  remove(id: string): void {
    this.articles.delete(id);
  }

  /** The ids of every article, in insertion order. */
  ids(): string[] {
    return [...this.articles.keys()];
  }

  /** One article's own analysis. */
  article(id: string): ArticleAnalysis | undefined {
    return this.articles.get(id);
  }

  /** The findings of every rule on one article. */
  findings(_id: string): Finding[] {
    void this.knowledge;
    return [];
  }

  /** The articles whose findings may change when `id` changes (itself included). */
  dependents(id: string): string[] {
    return [id];
  }

  /** Every entity cluster. */
  clusters(): EntityCluster[] {
    return [];
  }

  /** Every acronym. */
  acronyms(): AcronymEntry[] {
    return [];
  }

  /** The corpus timeline of events. */
  events(): CorpusEvent[] {
    return [];
  }

  /** The date inferred for an undated article from the events it mentions. */
  inferredDate(_id: string): InferredDate | undefined {
    return undefined;
  }

  /** Every annotation of an article (entities, acronyms, dates, dateline), in text order. */
  annotations(_id: string): Annotation[] {
    return [];
  }

  /** The annotation at an offset of an article, if any. */
  annotationAt(id: string, offset: number): Annotation | undefined {
    return this.annotations(id).find((a) => a.span.start <= offset && offset <= a.span.end);
  }
}
