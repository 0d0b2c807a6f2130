/**
 * The corpus: every article's analysis, the index across them, and the findings of the rules.
 *
 * Incremental: upserting an article re-analyses that article only; the index and the findings are
 * rebuilt from the cached per-article analyses when next asked for, and `dependents` says which
 * articles' findings may have changed, so a server re-publishes only those.
 */
import { groupBy } from './collections.js';
import { analyzeArticle } from './article.js';
import type { CorpusIndex, IndexPart, RuleInput } from './corpus/corpus-index.js';
import { articleDates, buildIndex, partInputs, rebuildPart } from './corpus/corpus-index.js';
import { resolveInferred } from './corpus/inferred-dates.js';
import type { HeldLocation } from './corpus/shift.js';
import { editBetween, findingLocations, moveAnalysis, moveLocations, sameMoved } from './corpus/shift.js';
import type { Annotation, AcronymEntry, CorpusEvent, EntityCluster, InferredDate } from './corpus-model.js';
import type { Knowledge } from './knowledge-model.js';
import { emptyKnowledge } from './knowledge-model.js';
import type { CorpusRule } from './rules/index.js';
import { rules } from './rules/index.js';
import type { ArticleAnalysis, ArticleInput, DateMention, Finding, RuleId } from './types.js';

/** A whole corpus of articles and a knowledge file, kept current one article at a time. */
export class Corpus {
  /**
   * Every article's analysis, put in order of their ids before each build of the index
   * (`putInOrder`): where two articles tie, the rules and the linking take the first, so the findings
   * must not depend on the order in which articles came.
   */
  private articles = new Map<string, ArticleAnalysis>();
  private knowledge: Knowledge = emptyKnowledge;
  /** The pages whose date printed no year, with the year `settleYears` gave them. */
  private readonly yearGiven = new Map<string, { monthDay: string; year: number }>();
  /** Yearless pages read with each year tried for them (`settleYears`), while their text is unchanged. */
  private readonly yearReadings = new Map<string, { text: string; byYear: Map<number, ArticleAnalysis> }>();
  /** Yearless pages `settleYears` analysed again (their year changed) since `dependents` last named them. */
  private readonly resettled = new Set<string>();
  private index: CorpusIndex | undefined;
  /** Each rule's findings over the whole index; a rule runs again only when a part it reads is rebuilt. */
  private findingsByRule = new Map<RuleId, Finding[]>();
  private findingsByArticle: Map<string, Finding[]> | undefined;
  private annotationsByArticle = new Map<string, Annotation[]>();
  /** Articles that shared facts with a changed article before the change. */
  private readonly before = new Map<string, Set<string>>();
  /** Articles whose findings an in-place edit changed or moved, by the edited article. */
  private readonly touched = new Map<string, Set<string>>();
  /**
   * The locations each rule's findings hold, by article: collected on the first in-place edit after
   * the rule ran, then moved by each edit. (The index holds only the analyses' own spans, which move
   * with them: see corpus/corpus-index.ts.)
   */
  private held = new Map<RuleId, Map<string, HeldLocation[]>>();
  /**
   * Every rule's findings as they were when the index was last dropped with all of them found, for
   * `dependents` to compare with: truth discovery is global, so a page written or removed can turn a
   * tie into a call in an article that shares nothing with it.
   */
  private findingsBefore: Finding[] | undefined;

  /** Replaces the knowledge the rules weigh. Every article's findings may change. */
  setKnowledge(knowledge: Knowledge): void {
    this.knowledge = knowledge;
    this.invalidate();
  }

  /** Analyses an article (new or changed) and returns its analysis; unchanged text is not re-analysed. */
  upsert(input: ArticleInput): ArticleAnalysis {
    const existing = this.articles.get(input.id);
    if (existing && existing.text === input.text) return existing;
    const { analysis, given } = this.analyse(input);
    // A page whose date lost or changed its year-free day waits for `settleYears`: not in place.
    const kept = existing && !analysis.structure.yearless ? this.updateInPlace(existing, analysis, input.text) : undefined;
    if (kept) {
      if (!given) this.yearGiven.delete(input.id);
      return kept;
    }
    // Before the year is forgotten: finding the dependents settles the years of the old analyses.
    this.rememberDependents(input.id);
    if (given) this.yearGiven.set(input.id, given);
    else this.yearGiven.delete(input.id);
    this.articles.set(input.id, analysis);
    this.invalidate();
    return analysis;
  }

  /**
   * An article's analysis, made with the year the corpus gave its yearless page date while that date
   * keeps its month and day, so that an edit elsewhere on the page does not lose the page's year.
   */
  private analyse(input: ArticleInput): { analysis: ArticleAnalysis; given?: { monthDay: string; year: number } } {
    const given = this.yearGiven.get(input.id);
    if (given) {
      const hinted = analyzeArticle({ ...input, year: given.year });
      if (hinted.structure.dateline?.date.slice(5) === given.monthDay) return { analysis: hinted, given };
    }
    return { analysis: analyzeArticle(input) };
  }

  /**
   * The fast path of an edit within one line (corpus/shift.ts): the old analysis takes the fresh one's
   * content with its own objects kept where they only moved, since the index and the findings hold
   * them. Then nothing is rebuilt when no fact changed, and only the part of the index whose inputs
   * changed, and the rules reading it, when only names or only dates and events did (or both, each
   * part once). Returns the analysis now held, or undefined when the edit is not one for this path
   * and the whole index must be rebuilt.
   */
  private updateInPlace(existing: ArticleAnalysis, fresh: ArticleAnalysis, text: string): ArticleAnalysis | undefined {
    const index = this.index;
    if (!index) return undefined;
    const edit = editBetween(existing.text, text);
    if (!edit) return undefined;
    const namesChanged = !sameMoved(partInputs.names(existing), partInputs.names(fresh), edit);
    const timeChanged = !sameMoved(partInputs.time(existing), partInputs.time(fresh), edit);
    // The years given to yearless pages follow the dates of the pages that print one, and the months
    // their text dates (`settleYears`).
    if (this.yearGiven.size > 0 && (timeChanged || existing.structure.dateline?.date !== fresh.structure.dateline?.date))
      return undefined;
    // The findings hold locations too: make sure they exist before the locations are collected.
    this.findings(existing.id);
    const datesBefore = timeChanged ? articleDates(index) : [];
    const done = moveAnalysis(existing, text, edit);
    const touched = this.touched.get(existing.id) ?? new Set<string>();
    for (const held of this.heldLocations().values())
      for (const id of moveLocations(held.get(existing.id) ?? [], edit, done)) touched.add(id);
    // What the time part reads (dates, events, the structure with its furniture) is taken fresh only if it changed.
    if (timeChanged) {
      existing.dates = fresh.dates;
      existing.events = fresh.events;
      existing.structure = fresh.structure;
    } else existing.structure = { ...fresh.structure, dateline: existing.structure.dateline };
    let kept = existing;
    if (namesChanged) {
      // A new object with the fresh names: what the linking and the acronym index cache by analysis
      // (WeakMaps keyed by it) is then made anew, while the time part keeps the dates and events it holds.
      kept = { ...existing, entities: fresh.entities, acronyms: fresh.acronyms };
      this.articles.set(existing.id, kept);
    }
    if (timeChanged) for (const id of this.rebuildIndexPart('time', datesBefore)) touched.add(id);
    if (namesChanged) for (const id of this.rebuildIndexPart('names', [])) touched.add(id);
    this.annotationsByArticle.delete(existing.id);
    this.touched.set(existing.id, touched);
    return kept;
  }

  /**
   * Rebuilds one part of the index from the articles as they are now and re-runs the rules that read
   * what changed; returns the articles whose findings changed. `datesBefore` is `articleDates` before
   * an edit of the time part. Equal to a whole rebuild: the other part is built from inputs the edit
   * left as they were (`partInputs`), and a rule that reads neither what changed nor 'article-dates'
   * would find the same.
   */
  private rebuildIndexPart(part: IndexPart, datesBefore: string[]): Set<string> {
    const rebuilt = rebuildPart(this.ensureIndex(), part);
    this.index = rebuilt;
    const changed = new Set<RuleInput>([part]);
    if (part === 'time') {
      const datesAfter = articleDates(rebuilt);
      if (datesAfter.some((date, i) => date !== datesBefore[i])) changed.add('article-dates');
    }
    const rerun = rules.filter((rule) => rule.reads.some((input) => changed.has(input)));
    const before = rerun.flatMap((rule) => this.findingsByRule.get(rule.id) ?? []);
    for (const rule of rerun) {
      this.findingsByRule.set(rule.id, this.check(rule, rebuilt));
      this.held.delete(rule.id);
    }
    this.findingsByArticle = undefined;
    // Undated articles take their dates from the timeline, and every mention its cluster from the
    // names part: any article may be annotated differently.
    this.annotationsByArticle = new Map();
    return articlesDiffering(
      before,
      rerun.flatMap((rule) => this.findingsByRule.get(rule.id) ?? []),
    );
  }

  /** The locations each rule's findings hold, collected for the rules not collected yet. */
  private heldLocations(): Map<RuleId, Map<string, HeldLocation[]>> {
    for (const rule of rules)
      if (!this.held.has(rule.id))
        this.held.set(rule.id, findingLocations(this.findingsByRule.get(rule.id) ?? []));
    return this.held;
  }

  /** Adds an analysis made elsewhere (a worker thread) from the same text; the same as `upsert` of it. */
  adopt(analysis: ArticleAnalysis): void {
    const existing = this.articles.get(analysis.id);
    if (existing && existing.text === analysis.text) return;
    if (existing) this.rememberDependents(analysis.id);
    this.yearGiven.delete(analysis.id);
    this.articles.set(analysis.id, analysis);
    this.invalidate();
  }

  /** Forgets an article. */
  remove(id: string): void {
    if (!this.articles.has(id)) return;
    this.rememberDependents(id);
    this.articles.delete(id);
    this.yearGiven.delete(id);
    this.yearReadings.delete(id);
    this.invalidate();
  }

  /**
   * True when the analysis held for `id` was made with the year the corpus gave its yearless page
   * date (`settleYears`): not what `analyzeArticle` makes of the text alone, as `upsert` and `adopt`
   * take it, so not one to keep for another corpus (a persistent cache keeps only the others).
   */
  yearHinted(id: string): boolean {
    return this.yearGiven.has(id);
  }

  /** The ids of every article: in order of the ids as of the last build of the index, then as they came. */
  ids(): string[] {
    return [...this.articles.keys()];
  }

  /** One article's own analysis. */
  article(id: string): ArticleAnalysis | undefined {
    return this.articles.get(id);
  }

  /** Builds the index and runs every rule now, rather than when next asked for. */
  refresh(): void {
    this.findings('');
  }

  /** The findings of every rule on one article, with the knowledge file's rule settings applied. */
  findings(id: string): Finding[] {
    if (!this.findingsByArticle) {
      const index = this.ensureIndex();
      const found = rules.flatMap((rule) => {
        let ofRule = this.findingsByRule.get(rule.id);
        if (!ofRule) this.findingsByRule.set(rule.id, (ofRule = this.check(rule, index)));
        return ofRule;
      });
      const byArticle = groupBy(found, (finding) => finding.articleId);
      for (const [id, list] of byArticle) {
        list.sort((a, b) => a.span.start - b.span.start);
        const ignored = this.knowledge.ignore.filter((entry) => isArticle(id, entry.file));
        if (ignored.length > 0)
          byArticle.set(
            id,
            list.filter((f) => !ignored.some((entry) => entry.rule === f.ruleId && entry.text === f.actual)),
          );
      }
      this.findingsByArticle = byArticle;
    }
    return this.findingsByArticle.get(id) ?? [];
  }

  private check(rule: CorpusRule, index: CorpusIndex): Finding[] {
    const setting = this.knowledge.rules[rule.id];
    if (setting === 'off') return [];
    const found = rule.check(index);
    if (setting)
      for (const finding of found) if (finding.severity === rule.severity) finding.severity = setting;
    return found;
  }

  /**
   * The articles whose findings may change when `id` changes, itself included: those that share an
   * entity, an acronym or an event with it, before or after the change.
   */
  dependents(id: string): string[] {
    const quick = this.touched.get(id);
    this.touched.delete(id);
    // Edited in place: the article itself and the articles whose findings moved or changed.
    if (quick && !this.before.has(id))
      return [...new Set([id, ...quick])].filter((other) => this.articles.has(other));
    // The index now: building it settles the years of yearless pages, which a page's date moves.
    this.ensureIndex();
    const result = new Set<string>([id, ...(this.before.get(id) ?? []), ...(quick ?? []), ...this.resettled]);
    this.before.delete(id);
    this.resettled.clear();
    if (this.articles.has(id)) for (const other of this.sharing(id)) result.add(other);
    if (this.findingsBefore) {
      this.refresh();
      const now = [...this.findingsByRule.values()].flat();
      for (const other of articlesDiffering(this.findingsBefore, now)) result.add(other);
      this.findingsBefore = undefined;
    }
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
    // The index first: building it gives a yearless page its year, and so its analysis.
    const inferred = this.inferredDate(id);
    const article = this.articles.get(id);
    if (!article) return [];
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
    if (!this.index) {
      this.settleYears();
      this.putInOrder();
      this.index = buildIndex(this.articles, this.knowledge);
    }
    return this.index;
  }

  /**
   * Gives the pages whose date prints no year ("LIMA, March 22 (Agency) —") the year that puts that
   * day nearest the middle of the other pages' dates, and analyses them again with it. The year is
   * the corpus's: it changes only when the pages that print one do.
   */
  private settleYears(): void {
    const dated: number[] = [];
    for (const [id, article] of this.articles)
      if (!this.yearGiven.has(id) && article.structure.dateline)
        dated.push(Date.parse(article.structure.dateline.date));
    if (dated.length === 0) {
      // No page prints a year any more: a yearless page is as its text alone makes it.
      for (const id of this.yearGiven.keys()) {
        const article = this.articles.get(id);
        if (article) this.articles.set(id, analyzeArticle({ id, text: article.text }));
        this.resettled.add(id);
      }
      this.yearGiven.clear();
      return;
    }
    dated.sort((a, b) => a - b);
    const middle = dated[Math.floor(dated.length / 2)]!;
    const around = new Date(middle).getUTCFullYear();
    // Each year a dated page prints, and one either side, at most five from the middle's.
    const printed = new Set(dated.map((time) => new Date(time).getUTCFullYear()));
    const years = [...new Set([...printed].flatMap((y) => [y - 1, y, y + 1]))]
      .filter((y) => Math.abs(y - around) <= 5)
      .sort((a, b) => a - b);
    const months = this.monthsDated();
    for (const [id, article] of this.articles) {
      const monthDay = article.structure.yearless ?? this.yearGiven.get(id)?.monthDay;
      if (!monthDay) continue;
      const distance = (year: number): number => Math.abs(Date.parse(`${year}-${monthDay}`) - middle);
      // The year whose reading agrees most with the months the other pages date ("signed in April"
      // is the April the corpus reports), then the one nearest the middle of their dates.
      const scored = years.map((year) => ({ year, agrees: this.agreement(id, article.text, year, months) }));
      const { year } = scored.sort((a, b) => b.agrees - a.agrees || distance(a.year) - distance(b.year))[0]!;
      if (this.yearGiven.get(id)?.year === year) continue;
      this.articles.set(id, this.readWithYear(id, article.text, year));
      this.yearGiven.set(id, { monthDay, year });
      this.resettled.add(id);
    }
  }

  /**
   * The months ("2019-04") and days ("2019-04-25") the other pages date in their text or as their own
   * date, each with how many pages date it: those that print a year, and those that print no date
   * at all (an explainer's "on 25 April 2019" is a date all the same); not in their page furniture.
   */
  private monthsDated(): Map<string, number> {
    const dated = new Map<string, number>();
    for (const [id, article] of this.articles) {
      if (this.yearGiven.has(id) || article.structure.yearless) continue;
      // A list of other headlines dates other stories.
      const furniture = article.structure.furniture ?? [];
      const own = new Set<string>();
      for (const date of article.dates) {
        if (!date.value || date.value.length < 7) continue;
        if (furniture.some((f) => f.span.start <= date.span.start && date.span.end <= f.span.end)) continue;
        own.add(date.value.slice(0, 7));
        if (date.value.length >= 10) own.add(date.value.slice(0, 10));
      }
      for (const key of own) dated.set(key, (dated.get(key) ?? 0) + 1);
    }
    return dated;
  }

  /**
   * How far a yearless page's dates, read with `year`, agree with the other pages': one for each in a
   * month two or more of them date, three for each on a day any of them dates ("on Tuesday" the day
   * another page gives). A month one page writes in passing ("minister since July 2018") is no
   * sign of the story's year.
   */
  private agreement(id: string, text: string, year: number, dated: Map<string, number>): number {
    let agrees = 0;
    for (const d of this.readWithYear(id, text, year).dates) {
      if (!d.value || d.value.length < 7) continue;
      if (d.value.length >= 10 && dated.has(d.value.slice(0, 10))) agrees += 3;
      else if ((dated.get(d.value.slice(0, 7)) ?? 0) >= 2) agrees += 1;
    }
    return agrees;
  }

  /** A yearless page read with a year, kept per year while its text stays the same. */
  private readWithYear(id: string, text: string, year: number): ArticleAnalysis {
    let held = this.yearReadings.get(id);
    if (held?.text !== text) {
      held = { text, byYear: new Map() };
      this.yearReadings.set(id, held);
    }
    let analysis = held.byYear.get(year);
    if (!analysis) {
      analysis = analyzeArticle({ id, text, year });
      held.byYear.set(year, analysis);
    }
    return analysis;
  }

  /**
   * Puts the articles in order of their ids, the one order every reading of the same files has.
   * The order in which they came is history: a server that saw a file deleted and written again, or
   * created while the folder was read, holds it later than a fresh reading of the same folder, and
   * where the rules break a tie by the first article (which article's date an event takes, which of
   * two spellings written equally often is flagged) the two would disagree.
   */
  private putInOrder(): void {
    let previous: string | undefined;
    for (const id of this.articles.keys()) {
      if (previous !== undefined && previous > id) {
        this.articles = new Map([...this.articles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        return;
      }
      previous = id;
    }
  }

  private invalidate(): void {
    if (!this.findingsBefore && this.index && rules.every((rule) => this.findingsByRule.has(rule.id)))
      this.findingsBefore = [...this.findingsByRule.values()].flat();
    this.index = undefined;
    this.findingsByRule = new Map();
    this.findingsByArticle = undefined;
    this.held = new Map();
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

/** The articles whose findings differ between two lists of findings (of the same rules). */
function articlesDiffering(before: Finding[], after: Finding[]): Set<string> {
  const was = groupBy(before, (f) => f.articleId);
  const is = groupBy(after, (f) => f.articleId);
  const differing = new Set<string>();
  for (const [id, list] of was) if (!sameFindings(list, is.get(id) ?? [])) differing.add(id);
  for (const id of is.keys()) if (!was.has(id)) differing.add(id);
  return differing;
}

/**
 * Whether two lists of findings publish the same diagnostics: every field compared as data but
 * `explain`, a closure each run of a rule makes anew, which would make every finding differ.
 */
function sameFindings(a: Finding[], b: Finding[]): boolean {
  return a.length === b.length && a.every((finding, i) => sameFinding(finding, b[i]!));
}

function sameFinding(a: Finding, b: Finding): boolean {
  const keys = Object.keys(a).filter((key) => key !== 'explain');
  if (keys.length !== Object.keys(b).filter((key) => key !== 'explain').length) return false;
  return keys.every((key) => sameData(a[key as keyof Finding], b[key as keyof Finding]));
}

/** Deep equality of plain data (what findings are made of), stopping at the first difference. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameData(item, b[i]));
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) =>
    sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

// "news/a.txt" in the knowledge file names "file:///work/news/a.txt" and "news/a.txt" (a CLI path), not
// "file:///work/other-a.txt": the id ends with it after a "/" (ids are URIs or paths, "%20" for a space).
function isArticle(id: string, file: string): boolean {
  const path = (id.includes('%') ? safeDecode(id) : id).replace(/\\/g, '/');
  const wanted = file.replace(/\\/g, '/').replace(/^\.\//, '');
  return path === wanted || path.endsWith(`/${wanted}`);
}

function safeDecode(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}
