/**
 * The corpus timeline: event mentions joined into events when kind and place agree, each dated by
 * the articles (and the knowledge file) that give it a date.
 */
import { genericEventWords } from '../annotators/lexicon.js';
import { addTo } from '../collections.js';
import { memoize } from '../memo.js';
import type { CorpusEvent, InferredDate } from '../corpus-model.js';
import type { Knowledge } from '../knowledge-model.js';
import type { ArticleAnalysis, DateMention, EventMention } from '../types.js';

/** An event mention with its article, after places were shared within the article. */
export interface PlacedMention {
  articleId: string;
  mention: EventMention;
  country?: string;
  place?: string;
  /** True when the mention's date was counted from its own article's dateline ("on Saturday"). */
  relative?: boolean;
}

/** An event of the timeline, with the mentions the rules need. */
export interface TimelineEvent extends CorpusEvent {
  placed: PlacedMention[];
}

/** Dated sources further apart than this are two events: a yearly summit in one country. */
const sameEventDays = 14;

/** Builds the timeline of every event the corpus places and dates. */
export function buildTimeline(articles: Iterable<ArticleAnalysis>, knowledge: Knowledge): TimelineEvent[] {
  const groups = new Map<string, PlacedMention[]>();
  const unplaced: PlacedMention[] = [];
  for (const article of articles) {
    for (const { placed, key } of placedOf(article)) {
      if (key === undefined) unplaced.push(placed);
      else addTo(groups, key, placed);
    }
  }
  // "the upcoming BRICS summit" with no place joins the one placed summit whose mentions name BRICS.
  // Groups filed by the name words of their mentions, kept current as mentions join: a lookup per
  // unplaced mention, not a scan of every mention of every group (quadratic on a large corpus).
  const groupsByWord = new Map<string, Set<string>>();
  const file = (key: string, placed: PlacedMention): void => {
    for (const word of nameWords(placed.mention.text)) {
      const keys = groupsByWord.get(word);
      if (keys) keys.add(key);
      else groupsByWord.set(word, new Set([key]));
    }
  };
  if (unplaced.length > 0) for (const [key, group] of groups) for (const placed of group) file(key, placed);
  for (const placed of unplaced) {
    const names = nameWords(placed.mention.text);
    if (names.length === 0) continue;
    const matching = new Set<string>();
    for (const name of names) {
      for (const key of groupsByWord.get(name) ?? []) {
        if (key.startsWith(`${placed.mention.kind}|`)) matching.add(key);
      }
    }
    if (matching.size !== 1) continue;
    const [key] = matching;
    groups.get(key!)!.push(placed);
    file(key!, placed);
  }
  const events: TimelineEvent[] = [];
  for (const [key, placed] of groups) events.push(...splitByDate(key, placed));
  for (const event of events) pinFromKnowledge(event, knowledge);
  return events;
}

/** The proper-name words of an event phrase, lower case: "the upcoming BRICS summit" → ["brics"]. */
// Memoised: the same event phrases recur across a corpus. The array is shared: do not change it.
const nameWords: (text: string) => string[] = memoize((text) =>
  text
    .split(/\s+/)
    .filter((w, i) => i > 0 || !/^the$/i.test(w))
    .filter((w) => /^\p{Lu}/u.test(w) && !/^(The|A|An)$/.test(w))
    .map((w) => w.toLowerCase().replace(/['’]s$/u, ''))
    .filter((w) => !genericEventWords.has(w)),
);

/** An article's event mentions placed, each with the key of the group it joins (none: not placed). */
type ArticleShare = { placed: PlacedMention; key?: string }[];

// What an article contributes depends only on its events and dates, so a rebuild of the timeline
// after an edit only redoes the edited article's share. Keyed by the events array, which an edit in
// place replaces whenever the time part changes (Corpus.updateInPlace), checked against the dates.
const shares = new WeakMap<EventMention[], { dates: DateMention[]; share: ArticleShare }>();

function placedOf(article: ArticleAnalysis): ArticleShare {
  const cached = shares.get(article.events);
  if (cached && cached.dates === article.dates) return cached.share;
  const share = placeMentions(article).map((placed) => {
    const where = placed.country ?? placed.place;
    return where ? { placed, key: `${placed.mention.kind}|${where.toLowerCase()}` } : { placed };
  });
  shares.set(article.events, { dates: article.dates, share });
  return share;
}

/**
 * Within one article, a mention without a place takes the place of the article's other mentions of
 * the same kind: "the summit taking place in Norland … Following the alliance summit, …".
 */
function placeMentions(article: ArticleAnalysis): PlacedMention[] {
  const placesByKind = new Map<string, Set<string>>();
  const located = new Map<string, { place: string; country?: string }>();
  for (const mention of article.events) {
    // "last year's conference in Aqaba" is another instance of a recurring event: its place is not
    // the place of this year's.
    if (!mention.place || anotherYear.test(mention.text)) continue;
    const where = mention.place.country ?? mention.place.name;
    placesByKind.set(mention.kind, (placesByKind.get(mention.kind) ?? new Set()).add(where));
    located.set(mention.kind, {
      place: mention.place.name,
      ...(mention.place.country ? { country: mention.place.country } : {}),
    });
  }
  const relativeAt = new Set(article.dates.filter((d) => d.relative).map((d) => d.span.start));
  return article.events.map((mention): PlacedMention => {
    const relative =
      mention.date !== undefined && relativeAt.has(mention.date.span.start) ? { relative: true } : {};
    if (mention.place) {
      return {
        articleId: article.id,
        mention,
        ...relative,
        place: mention.place.name,
        ...(mention.place.country ? { country: mention.place.country } : {}),
      };
    }
    const unique = placesByKind.get(mention.kind)?.size === 1 ? located.get(mention.kind) : undefined;
    return { articleId: article.id, mention, ...relative, ...(unique ?? {}) };
  });
}

/** "last year's summit", "next year's talks": an event named by the year it is in. */
const anotherYear = /\byear['’]s\b/iu;

function splitByDate(key: string, placed: PlacedMention[]): TimelineEvent[] {
  const dated = placed
    .filter((p) => p.mention.date)
    .sort((a, b) => (a.mention.date!.value < b.mention.date!.value ? -1 : 1));
  const clusters: PlacedMention[][] = [];
  for (const p of dated) {
    const last = clusters[clusters.length - 1];
    const lastDate = last?.[last.length - 1]?.mention.date!.value;
    if (last && lastDate && daysBetween(lastDate, p.mention.date!.value) <= sameEventDays) last.push(p);
    else clusters.push([p]);
  }
  joinLoneRelative(clusters);
  const undated = placed.filter((p) => !p.mention.date);
  // With one dated cluster (or none) every mention is that event; with several, an undated mention
  // could be any of them, so it stays off the timeline.
  if (clusters.length <= 1) return [toEvent(key, 0, [...(clusters[0] ?? []), ...undated])];
  return clusters.map((cluster, i) => toEvent(key, i, cluster));
}

/**
 * A cluster dated only by one article, counting from its own dateline ("will resume talks in Vienna
 * on Saturday"), is as good as that dateline: when the corpus dates one other such event, it is that
 * one, and the dateline is what the dateline-conflict rule then questions.
 */
function joinLoneRelative(clusters: PlacedMention[][]): void {
  if (clusters.length !== 2) return;
  const lone = clusters.findIndex(
    (c) => new Set(c.map((p) => p.articleId)).size === 1 && c.every((p) => p.relative),
  );
  if (lone === -1) return;
  const other = clusters[1 - lone]!;
  if (other.every((p) => p.articleId === clusters[lone]![0]!.articleId)) return;
  other.push(...clusters[lone]!);
  clusters.splice(lone, 1);
}

function toEvent(key: string, index: number, placed: PlacedMention[]): TimelineEvent {
  const first = placed[0]!;
  const kind = first.mention.kind;
  const place = mostCommon(placed.map((p) => p.place).filter((p): p is string => p !== undefined));
  const country = mostCommon(placed.map((p) => p.country).filter((c): c is string => c !== undefined));
  const organization = mostCommon(
    placed.map((p) => p.mention.organization).filter((o): o is string => o !== undefined),
  );
  const named = mostCommon(
    placed.map((p) => p.mention.text).filter((t) => /^\p{Lu}/u.test(t) && /\p{Lu}\p{L}*$/u.test(t)),
  );
  const name =
    named ??
    [organization, kind].filter(Boolean).join(' ') + ((country ?? place) ? ` in ${country ?? place}` : '');
  const dateSources = placed
    .filter((p) => p.mention.date)
    .map((p) => ({
      location: { articleId: p.articleId, span: p.mention.date!.span },
      value: p.mention.date!.value,
      how: `dated in the sentence that mentions “${p.mention.text}”`,
    }));
  const date = dateSources.map((s) => s.value.slice(0, 10)).sort()[0];
  return {
    id: `${key}#${index}`,
    name,
    kind,
    ...(place ? { place } : {}),
    ...(country ? { country } : {}),
    ...(organization ? { organization } : {}),
    ...(date ? { date } : {}),
    dateSources,
    mentions: placed.map((p) => ({
      articleId: p.articleId,
      span: p.mention.span,
      text: p.mention.text,
      tense: p.mention.tense,
    })),
    placed,
  };
}

function pinFromKnowledge(event: TimelineEvent, knowledge: Knowledge): void {
  for (const pinned of knowledge.events) {
    const names = [pinned.name, ...pinned.aliases].map((n) => n.toLowerCase());
    const placeMatches =
      pinned.place !== undefined &&
      [event.place, event.country].some((p) => p?.toLowerCase() === pinned.place!.toLowerCase()) &&
      names.some((n) => n.includes(event.kind));
    const nameMatches = event.mentions.some((m) => names.includes(m.text.toLowerCase()));
    if (!placeMatches && !nameMatches) continue;
    event.name = pinned.name;
    event.date = pinned.start;
    event.dateSources.unshift({
      ...(pinned.origin ? { origin: pinned.origin } : {}),
      value: pinned.start,
      how: 'pinned in the knowledge file',
    });
  }
}

/** Infers the date of an undated article from the dated events it mentions. */
export function inferDate(article: ArticleAnalysis, timeline: TimelineEvent[]): InferredDate | undefined {
  if (article.structure.dateline) return undefined;
  const evidence: InferredDate['evidence'] = [];
  let date: string | undefined;
  for (const { event, placed } of placedByArticle(timeline).get(article.id) ?? []) {
    if (!event.date) continue;
    const tense = placed.mention.tense;
    const reasoning =
      tense === 'future'
        ? `it speaks of “${placed.mention.text}” as ahead (“${placed.mention.cue?.text ?? ''}”), and the corpus dates that ${event.date}: written before then`
        : `it speaks of “${placed.mention.text}” as ${tense === 'past' ? 'past' : 'going on'}, and the corpus dates that ${event.date}: written on or after it`;
    evidence.push({ event, mention: { articleId: article.id, span: placed.mention.span }, reasoning });
    date ??= event.date;
  }
  return date ? { date, evidence } : undefined;
}

// Each timeline's mentions by article, filed once: inferring every undated article's date then reads
// its own mentions, rather than every article scanning the whole timeline.
const byArticleOf = new WeakMap<
  TimelineEvent[],
  Map<string, { event: TimelineEvent; placed: PlacedMention }[]>
>();

function placedByArticle(
  timeline: TimelineEvent[],
): Map<string, { event: TimelineEvent; placed: PlacedMention }[]> {
  let byArticle = byArticleOf.get(timeline);
  if (!byArticle) {
    byArticle = new Map();
    for (const event of timeline)
      for (const placed of event.placed) addTo(byArticle, placed.articleId, { event, placed });
    byArticleOf.set(timeline, byArticle);
  }
  return byArticle;
}

/** Whole days from one ISO date to another (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000);
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
