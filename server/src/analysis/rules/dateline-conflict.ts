/** Warn when an article's dateline contradicts the corpus timeline of the events it describes. */
import { addTo } from '../collections.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { baseName, where } from '../corpus/corpus-index.js';
import type { TimelineEvent } from '../corpus/timeline.js';
import type { ArticleAnalysis, CorpusLocation, DateMention, Finding } from '../types.js';
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
    const days = daysOfArticles(index);
    for (const article of index.articles.values()) {
      const byEvents = checkArticle(index, article, eventsByArticle.get(article.id) ?? []);
      const finding = byEvents?.severity === 'warning' ? byEvents : (yearOff(article, days) ?? byEvents);
      if (finding) findings.push(finding);
      const stamps = updatedBeforePublished(article) ?? twoYears(article);
      if (stamps) findings.push(stamps);
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
  // "the Harbour Meeting", not "Meeting" alone at the start of a sentence or a heading.
  return event.mentions.some((m) => /^\p{Lu}/u.test(m.text) && /\s\p{Lu}\p{L}*$/u.test(m.text));
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

/** Each calendar day the corpus gives, with where: at most two places, in two articles. */
type DayIndex = Map<string, CorpusLocation[]>;

// Once per check: every day-precise date and page date of the corpus, so that an article asks about
// its own days in constant time rather than scanning every other article.
function daysOfArticles(index: CorpusIndex): DayIndex {
  const days: DayIndex = new Map();
  const add = (day: string, location: CorpusLocation): void => {
    const places = days.get(day);
    if (!places) days.set(day, [location]);
    else if (places.length < 2 && places[0]!.articleId !== location.articleId) places.push(location);
  };
  for (const article of index.articles.values()) {
    const dateline = article.structure.dateline;
    if (dateline) add(dateline.date, { articleId: article.id, span: dateline.span });
    for (const date of article.dates)
      if (date.value && dayPrecise.test(date.value))
        add(date.value.slice(0, 10), { articleId: article.id, span: date.span });
  }
  return days;
}

const dayPrecise = /^\d{4}-\d\d-\d\d/;

/**
 * A page date a year off, seen in the days the article gives by it: "on Monday", "March 19" are
 * worked out from the page date, so with the wrong year they all land a year from the days other
 * articles give. When two or more of them match other articles' days once the page's year is moved
 * by one, and more than three times as many as match as written, the page's year is the slip.
 */
function yearOff(article: ArticleAnalysis, days: DayIndex): Finding | undefined {
  const dateline = article.structure.dateline;
  const year = dateline && /\b(?:19|20)\d\d\b/.exec(dateline.text);
  if (!dateline || !year) return undefined;
  const anchored = article.dates.filter(
    (d) => d.anchor === 'dateline' && d.relative && d.value && dayPrecise.test(d.value),
  );
  const elsewhere = (day: string): CorpusLocation | undefined =>
    days.get(day)?.find((location) => location.articleId !== article.id);
  const matches = (shift: number): { date: DateMention; other: CorpusLocation }[] =>
    anchored.flatMap((date) => {
      const other = elsewhere(movedYear(date.value!.slice(0, 10), shift));
      return other ? [{ date, other }] : [];
    });
  const asWritten = matches(0).length;
  for (const shift of [-1, 1]) {
    const moved = matches(shift);
    // One day a year off is a coincidence (an anniversary); two, with none as written, is the page.
    if (moved.length < 2 || moved.length <= 3 * asWritten) continue;
    const right = String(Number(year[0]) + shift);
    const start = dateline.span.start + year.index;
    const span = { start, end: start + 4 };
    const cited = moved.slice(0, 3);
    return {
      ruleId: 'dateline-conflict',
      severity: 'warning',
      articleId: article.id,
      span,
      message:
        `This page is dated ${readableDate(dateline.date)}, but then ${cited
          .slice(0, 2)
          .map(({ date }) => `“${date.text}”`)
          .join(' and ')} ` +
        `fall a year ${shift > 0 ? 'before' : 'after'} the days other articles give; dated ${right}, ${moved.length} of its dates agree with them` +
        (asWritten > 0 ? `, against ${asWritten} as written` : ''),
      actual: year[0],
      expected: [right],
      related: cited.flatMap(({ date, other }) => [
        {
          location: { articleId: article.id, span: date.span },
          message: `“${date.text}”, read as ${readableDate(date.value!.slice(0, 10))}`,
        },
        {
          location: other,
          message: `${baseName(other.articleId)} gives ${readableDate(movedYear(date.value!.slice(0, 10), shift))}`,
        },
      ]),
      fixes: [{ title: `Date the page ${right}`, edits: [{ articleId: article.id, span, newText: right }] }],
      explain: explained([
        `The dateline “${dateline.text}” reads ${dateline.date}; “on Monday”, “March 19” and the like in the article are worked out from it.`,
        ...cited.map(
          ({ date }) =>
            `“${date.text}” reads ${date.value!.slice(0, 10)}; another article gives ${movedYear(date.value!.slice(0, 10), shift)}.`,
        ),
        `${moved.length} of its ${anchored.length} such days match other articles a year ${shift < 0 ? 'earlier' : 'later'}, ${asWritten} as written: the page's year, not the days, is off.`,
      ]),
    };
  }
  return undefined;
}

/** "2024-03-19" moved by whole years; 29 February becomes the 28th. */
function movedYear(day: string, years: number): string {
  const moved = `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
  return day.endsWith('-02-29') ? moved.replace(/-29$/, '-28') : moved;
}

/**
 * "Published 3 May 2021 18:42 | Updated 2 May 2021 09:05": a page updated before it was published
 * contradicts itself, whichever stamp is wrong. Times count when both stamps give them.
 */
function updatedBeforePublished(article: ArticleAnalysis): Finding | undefined {
  const dateline = article.structure.dateline;
  const updated = dateline?.updated;
  if (!dateline || !updated) return undefined;
  const timed = (value: string): boolean => value.includes('T');
  const instant = (value: string): number =>
    Date.parse(/[Z+-]\d{2}:?\d{2}$|Z$/u.test(value) ? value : `${value}Z`);
  const before =
    timed(dateline.value) && timed(updated.value)
      ? instant(updated.value) < instant(dateline.value)
      : updated.date < dateline.date;
  if (!before) return undefined;
  return stampsDisagree(
    article,
    updated,
    `This page gives ${dateline.text} as its date but says it was updated earlier, ${updated.text}`,
    `updated ${updated.text}`,
    [
      `The page prints its date, ${readableDate(dateline.date)}, and an update stamp, ${readableDate(updated.date)}.`,
      'A page is updated after it is published: one of the two stamps is wrong.',
    ],
  );
}

/** "Date: 22-09-2021" above "Riverton, 22 September 2022:": the page prints its one day in two years. */
function twoYears(article: ArticleAnalysis): Finding | undefined {
  const dateline = article.structure.dateline;
  const other = dateline?.otherYear;
  if (!dateline || !other) return undefined;
  const year = other.date.slice(0, 4);
  return stampsDisagree(
    article,
    other,
    `This page gives ${dateline.text} as its date but also prints ${other.text}, the same day in ${year}`,
    `the same day in ${year}`,
    [
      `The page prints ${readableDate(dateline.date)} and ${readableDate(other.date)}: one day in two years.`,
      'A page has one date: one of the two years is wrong.',
    ],
  );
}

/** A page's date that another stamp on the same page contradicts: a warning on the date, the stamp as evidence, no fix. */
function stampsDisagree(
  article: ArticleAnalysis,
  other: { text: string; span: { start: number; end: number } },
  message: string,
  evidence: string,
  steps: string[],
): Finding {
  const dateline = article.structure.dateline!;
  return {
    ruleId: 'dateline-conflict',
    severity: 'warning',
    articleId: article.id,
    span: dateline.span,
    message,
    actual: dateline.text,
    expected: [],
    related: [{ location: { articleId: article.id, span: other.span }, message: evidence }],
    fixes: [],
    explain: explained(steps),
  };
}
