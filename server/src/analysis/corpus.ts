/**
 * The corpus: every article's analysis, the index across them, and the findings of the rules.
 *
 * Incremental: upserting an article re-analyses that article only; the index and the findings are
 * rebuilt from the cached per-article analyses when next asked for, and `dependents` says which
 * articles' findings may have changed, so a server re-publishes only those.
 */
import { addTo } from './collections.js';
import { analyzeArticle } from './article.js';
import type { CorpusIndex } from './corpus/corpus-index.js';
import { buildIndex } from './corpus/corpus-index.js';
import { resolveInferred } from './corpus/inferred-dates.js';
import type { HeldLocation } from './corpus/shift.js';
import {
  collectLocations,
  editBetween,
  moveAnalysis,
  moveLocations,
  sameFactsMoved,
} from './corpus/shift.js';
import type { Annotation, AcronymEntry, CorpusEvent, EntityCluster, InferredDate } from './corpus-model.js';
import type { Knowledge } from './knowledge-model.js';
import { emptyKnowledge } from './knowledge-model.js';
import { rules } from './rules/index.js';
import type { ArticleAnalysis, ArticleInput, DateMention, Finding } from './types.js';

/** A whole corpus of articles and a knowledge file, kept current one article at a time. */
export class Corpus {
  private readonly articles = new Map<string, ArticleAnalysis>();
  private knowledge: Knowledge = emptyKnowledge;
  private index: CorpusIndex | undefined;
  private findingsByArticle: Map<string, Finding[]> | undefined;
  private annotationsByArticle = new Map<string, Annotation[]>();
  /** Articles that shared facts with a changed article before the change. */
  private readonly before = new Map<string, Set<string>>();
  /** Articles whose findings cite an article that only moved offsets (fast path), by that article. */
  private readonly moved = new Map<string, Set<string>>();
  /** The locations the index and findings hold, by article; collected on the first fast-path edit. */
  private held: Map<string, HeldLocation[]> | undefined;

  /** Replaces the knowledge the rules weigh. Every article's findings may change. */
  setKnowledge(knowledge: Knowledge): void {
    this.knowledge = knowledge;
    this.invalidate();
  }

  /** Analyses an article (new or changed) and returns its analysis; unchanged text is not re-analysed. */
  upsert(input: ArticleInput): ArticleAnalysis {
    const existing = this.articles.get(input.id);
    if (existing && existing.text === input.text) return existing;
    const analysis = analyzeArticle(input);
    if (existing && this.moveInPlace(existing, analysis, input.text)) return existing;
    this.rememberDependents(input.id);
    this.articles.set(input.id, analysis);
    this.invalidate();
    return analysis;
  }

  /**
   * The fast path of a keystroke that changes no fact (corpus/shift.ts): the index and the findings
   * keep their content and only their offsets into this article move. False when the edit changed
   * something the corpus knows, and the index must be rebuilt.
   */
  private moveInPlace(existing: ArticleAnalysis, fresh: ArticleAnalysis, text: string): boolean {
    if (!this.index) return false;
    const edit = editBetween(existing.text, text);
    if (!edit || !sameFactsMoved(existing, fresh, edit)) return false;
    // The findings hold locations too: make sure they exist before the locations are collected.
    this.findings(existing.id);
    const done = moveAnalysis(existing, text, edit);
    this.held ??= collectLocations([this.index, this.findingsByArticle]);
    const citing = moveLocations(this.held.get(existing.id) ?? [], edit, done);
    this.annotationsByArticle.delete(existing.id);
    const pending = this.moved.get(existing.id) ?? new Set<string>();
    for (const id of citing) pending.add(id);
    this.moved.set(existing.id, pending);
    return true;
  }

  /** Adds an analysis made elsewhere (a worker thread) from the same text; the same as `upsert` of it. */
  adopt(analysis: ArticleAnalysis): void {
    const existing = this.articles.get(analysis.id);
    if (existing && existing.text === analysis.text) return;
    if (existing) this.rememberDependents(analysis.id);
    this.articles.set(analysis.id, analysis);
    this.invalidate();
  }

  /** Forgets an article. */
  remove(id: string): void {
    if (!this.articles.has(id)) return;
    this.rememberDependents(id);
    this.articles.delete(id);
    this.invalidate();
  }

  /** The ids of every article, in insertion order. */
  ids(): string[] {
    return [...this.articles.keys()];
  }

  /** One article's own analysis. */
  article(id: string): ArticleAnalysis | undefined {
    return this.articles.get(id);
  }

  /** The findings of every rule on one article, with the knowledge file's rule settings applied. */
  findings(id: string): Finding[] {
    if (!this.findingsByArticle) {
      const index = this.ensureIndex();
      const byArticle = new Map<string, Finding[]>();
      for (const rule of rules) {
        const setting = this.knowledge.rules[rule.id];
        if (setting === 'off') continue;
        for (const finding of rule.check(index)) {
          if (setting && finding.severity === rule.severity) finding.severity = setting;
          addTo(byArticle, finding.articleId, finding);
        }
      }
      for (const list of byArticle.values()) list.sort((a, b) => a.span.start - b.span.start);
      this.findingsByArticle = byArticle;
    }
    return this.findingsByArticle.get(id) ?? [];
  }

  /**
   * The articles whose findings may change when `id` changes, itself included: those that share an
   * entity, an acronym or an event with it, before or after the change.
   */
  dependents(id: string): string[] {
    const quick = this.moved.get(id);
    this.moved.delete(id);
    // Only offsets moved: the article itself and the findings that cite it, nothing else.
    if (quick && !this.before.has(id)) return [id, ...quick].filter((other) => this.articles.has(other));
    const result = new Set<string>([id, ...(this.before.get(id) ?? []), ...(quick ?? [])]);
    this.before.delete(id);
    if (this.articles.has(id)) for (const other of this.sharing(id)) result.add(other);
    return [...result].filter((other) => this.articles.has(other) || other === id);
  }

  /** Every entity cluster. */
  clusters(): EntityCluster[] {
    return this.ensureIndex().clusters;
  }

  /** Every acronym. */
  acronyms(): AcronymEntry[] {
    return this.ensureIndex().acronyms;
  }

  /** The corpus timeline of events. */
  events(): CorpusEvent[] {
    return this.ensureIndex().timeline;
  }

  /** The date inferred for an undated article from the events it mentions. */
  inferredDate(id: string): InferredDate | undefined {
    return this.ensureIndex().inferred.get(id);
  }

  /** An article's dates, with relative ones in an undated article resolved against its inferred date. */
  dates(id: string): DateMention[] {
    const article = this.articles.get(id);
    if (!article) return [];
    const inferred = this.inferredDate(id);
    return inferred ? resolveInferred(article.dates, inferred) : article.dates;
  }

  /** Every annotation of an article (entities, acronyms, dates, dateline), in text order. */
  annotations(id: string): Annotation[] {
    const index = this.ensureIndex();
    let list = this.annotationsByArticle.get(id);
    if (!list) {
      list = buildAnnotations(index, id, this.dates(id));
      this.annotationsByArticle.set(id, list);
    }
    return list;
  }

  /** The annotation at an offset of an article, if any: the narrowest one there. */
  annotationAt(id: string, offset: number): Annotation | undefined {
    return this.annotations(id)
      .filter((a) => a.span.start <= offset && offset <= a.span.end)
      .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
  }

  private ensureIndex(): CorpusIndex {
    this.index ??= buildIndex(this.articles, this.knowledge);
    return this.index;
  }

  private invalidate(): void {
    this.index = undefined;
    this.findingsByArticle = undefined;
    this.held = undefined;
    this.annotationsByArticle = new Map();
  }

  private rememberDependents(id: string): void {
    if (!this.articles.has(id)) return;
    const set = this.before.get(id) ?? new Set<string>();
    for (const other of this.sharing(id)) set.add(other);
    this.before.set(id, set);
  }

  /** Articles that share with `id` a name spelled more than one way, an acronym, an event or a finding. */
  private sharing(id: string): Set<string> {
    const index = this.ensureIndex();
    const result = new Set<string>();
    const addAll = (articleIds: Iterable<string>): void => {
      const ids = [...articleIds];
      if (ids.includes(id)) for (const other of ids) result.add(other);
    };
    for (const cluster of index.clusters) {
      if (cluster.forms.length > 1 || cluster.roles.length > 0)
        addAll(cluster.mentions.map((m) => m.articleId));
    }
    for (const entry of index.acronyms)
      addAll([...entry.groups.flatMap((g) => [...g.articles]), ...entry.uses.map((u) => u.articleId)]);
    for (const event of index.timeline) addAll(event.mentions.map((m) => m.articleId));
    return result;
  }
}

function buildAnnotations(index: CorpusIndex, id: string, dates: DateMention[]): Annotation[] {
  const article = index.articles.get(id);
  if (!article) return [];
  const annotations: Annotation[] = [];
  for (const cluster of index.clusters) {
    for (const mention of cluster.mentions) {
      if (mention.articleId === id)
        annotations.push({ kind: 'entity', span: mention.span, cluster, mention });
    }
  }
  for (const entry of index.acronyms) {
    for (const mention of article.acronyms) {
      if (mention.acronym === entry.acronym)
        annotations.push({ kind: 'acronym', span: mention.span, entry, mention });
    }
  }
  const inferred = index.inferred.get(id);
  const dateline = article.structure.dateline;
  for (const date of dates) {
    const anchor = dateline
      ? { source: 'dateline' as const, date: dateline.date, dateline }
      : inferred
        ? { source: 'inferred' as const, date: inferred.date, inferred }
        : undefined;
    annotations.push({ kind: 'date', span: date.span, date, ...(date.relative && anchor ? { anchor } : {}) });
  }
  if (dateline) annotations.push({ kind: 'dateline', span: dateline.span, dateline });
  return annotations.sort((a, b) => a.span.start - b.span.start);
}
