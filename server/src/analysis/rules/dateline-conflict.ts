/** Warn when an article's dateline contradicts the corpus timeline of the events it describes. */
import { addTo } from '../collections.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { baseName, where } from '../corpus/corpus-index.js';
import type { TimelineEvent } from '../corpus/timeline.js';
import type { ArticleAnalysis, Finding } from '../types.js';
import type { CorpusRule } from './rule.js';
import { explained } from './rule.js';
import { readableDate } from '../annotators/calendar.js';
import { everydayEventKinds as everydayKinds } from '../annotators/lexicon.js';

/** Warn when a dateline contradicts the corpus timeline: an event it calls upcoming was dated earlier, or the reverse. */
export const datelineConflict: CorpusRule = {
  id: 'dateline-conflict',
  description: 'A dateline that contradicts when other articles date the events this one describes.',
  severity: 'warning',
  reads: ['time'],
  check(index) {
    const findings: Finding[] = [];
    const eventsByArticle = eventsOfArticles(index.timeline);
    for (const article of index.articles.values()) {
      const finding = checkArticle(index, article, eventsByArticle.get(article.id) ?? []);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

interface Contradiction {
  event: TimelineEvent;
  mention: TimelineEvent['placed'][number];
  date: string;
  source: TimelineEvent['dateSources'][number];
}

/** An event an article mentions: its dating sources sorted once, and this article's mentions of it. */
interface MentionedEvent {
  event: TimelineEvent;
  /** Every source, by value; sorted once, stable, so filtering out one article keeps it sorted. */
  byDate: TimelineEvent['dateSources'];
  /** The earliest day anyone, the article itself too, gives the event. */
  earliest: string | undefined;
  placed: TimelineEvent['placed'];
}

// Once per check, by article: each article then reads only the events it mentions, rather than
// every article scanning the whole timeline (quadratic on a large corpus).
function eventsOfArticles(timeline: TimelineEvent[]): Map<string, MentionedEvent[]> {
  const result = new Map<string, MentionedEvent[]>();
  for (const event of timeline) {
    if (event.dateSources.length === 0) continue;
    const byDate = [...event.dateSources].sort((a, b) =>
      a.value < b.value ? -1 : a.value > b.value ? 1 : 0,
    );
    const earliest = event.dateSources.map((s) => s.value.slice(0, 10)).sort()[0];
    const mine = new Map<string, MentionedEvent>();
    for (const placed of event.placed) {
      let entry = mine.get(placed.articleId);
      if (!entry) {
        mine.set(placed.articleId, (entry = { event, byDate, earliest, placed: [] }));
        addTo(result, placed.articleId, entry);
      }
      entry.placed.push(placed);
    }
  }
  return result;
}

function checkArticle(
  index: CorpusIndex,
  article: ArticleAnalysis,
  events: MentionedEvent[],
): Finding | undefined {
  const dateline = article.structure.dateline;
  if (!dateline) return undefined;
  const contradictions: Contradiction[] = [];
  // Only dates that other articles (or the knowledge file) give: an article agrees with itself.
  const isOther = (s: TimelineEvent['dateSources'][number]): boolean =>
    !s.location || s.location.articleId !== article.id;
  for (const { event, byDate, earliest, placed } of events) {
    // An event may last days (a two-week conference): it is over only after the latest date others
    // give it, and begun only from the earliest date anyone, this article too, gives it.
    const firstOther = byDate.find(isOther);
    if (!firstOther) continue;
    const latest = byDate.findLast(isOther)!;
    for (const mention of placed) {
      const { tense } = mention.mention;
      // "will issue … during the summit" in an article dated after the summit, or the reverse.
      if (tense === 'future' && latest.value.slice(0, 10) < dateline.date) {
        contradictions.push({ event, mention, date: latest.value.slice(0, 10), source: latest });
      } else if (tense === 'past' && earliest! > dateline.date) {
        contradictions.push({ event, mention, date: firstOther.value.slice(0, 10), source: firstOther });
      }
    }
  }
  if (contradictions.length === 0) return undefined;
  // A named or distinctive event is one event wherever it is written; "a meeting in Utopia" in two
  // articles may well be two meetings, so on such events alone the finding is only information.
  contradictions.sort((a, b) => Number(isDistinct(b.event)) - Number(isDistinct(a.event)));
  const first = contradictions[0]!;
  const severity = isDistinct(first.event) ? 'warning' : 'information';
  const cite = (c: Contradiction): string =>
    c.source.location
      ? `${where(index, c.source.location)} dates it ${c.date}`
      : `the knowledge file dates it ${c.date}`;
  const described = (c: Contradiction): string =>
    c.mention.mention.tense === 'future' ? 'as still to come' : 'as past';
  const related = uniqueLocations(
    contradictions.flatMap((c) => [
      {
        location: { articleId: article.id, span: c.mention.mention.span },
        message: `described ${described(c)} here (“${c.mention.mention.cue?.text ?? c.mention.mention.text}”)`,
      },
      ...(c.source.location
        ? [{ location: c.source.location, message: `${c.event.name} dated ${readableDate(c.date)} here` }]
        : []),
    ]),
  );
  return {
    ruleId: 'dateline-conflict',
    severity,
    articleId: article.id,
    span: dateline.span,
    message: `This page is dated ${readableDate(dateline.date)}, but it writes of ${first.event.name} ${described(first)}, which ${first.source.location ? `${baseName(first.source.location.articleId)} dates` : 'the knowledge file dates'} ${readableDate(first.date)}`,
    actual: dateline.text,
    expected: [],
    related,
    fixes: [],
    // Worked out now: its steps cite lines through the index, which `explain` must not hold.
    explain: explained([
      `The dateline “${dateline.text}” reads ${dateline.date}.`,
      ...contradictions.map(
        (c) =>
          `It speaks of “${c.mention.mention.text}” ${described(c)}` +
          (c.mention.mention.cue ? ` (“${c.mention.mention.cue.text}”)` : '') +
          `; that is ${c.event.name}, which ${cite(c)} (${c.source.how}).`,
      ),
      `So the article was written ${first.mention.mention.tense === 'future' ? 'before' : 'after'} ${first.date}, not on ${dateline.date}: the dateline is probably the page's display date, not the article's.`,
    ]),
  };
}


/**
 * An event with a name of its own ("the Harbour Summit") or of a kind rare enough to identify it.
 * Where an everyday one is held does not make it one: a city sees many meetings in a month.
 */
function isDistinct(event: TimelineEvent): boolean {
  if (!everydayKinds.has(event.kind)) return true;
  return event.mentions.some((m) => /^\p{Lu}/u.test(m.text) && /\p{Lu}\p{L}*$/u.test(m.text));
}

// Three "will …" sentences about one summit cite the same dating sentence three times: once is enough.
function uniqueLocations<T extends { location: { articleId: string; span: { start: number } } }>(
  items: T[],
): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.location.articleId}:${item.location.span.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
