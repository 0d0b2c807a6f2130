/**
 * Temporal expressions, normalised against the article's dateline.
 *
 * chrono-node finds most expressions; it is fed one sentence at a time (sentences never cross a line
 * break, or it would merge "on Tuesday.\n08:40 GMT" into one date). Only the parts chrono says are
 * written (see chrono-values.ts) are trusted; everything relative is resolved here, against the
 * anchor, with the direction taken from the sentence's tense. What chrono misses (year ranges,
 * decades, "last July", "over the next four years", "earlier that day") is in date-patterns.ts.
 */
import * as chrono from 'chrono-node';
import type { TokenSentence } from '../tokenize.js';
import type { ArticleStructure, DateMention, Dateline, Span } from '../types.js';
import { parseCasual } from './chrono-parse.js';
import { knownValues } from './chrono-values.js';
import type { Known } from './chrono-values.js';
import { otherLanguageDates } from './other-languages.js';
import { addDays, monthOrWeekdayName, monthValue, monthWord, pad, weekdayNames, zoneOf } from './calendar.js';
import { patternDates } from './date-patterns.js';
import { presentNotScheduled } from './lexicon.js';
import { tenseBefore } from './tense.js';

/** The date relative expressions are resolved against, and where it comes from. */
export interface DateAnchorInput {
  /** "YYYY-MM-DD" */
  date: string;
  source: 'dateline' | 'inferred';
}

/** Words that make a lone month name a date: "in January", "last July", "since March". */
const monthCue =
  /\b(in|since|by|until|till|from|through|during|last|next|this|early|late|mid|of|before|after|between|and|to)[\s-]*$/i;

/** Finds and resolves every temporal expression in the article's content sentences. */
export function annotateDates(
  text: string,
  structure: ArticleStructure,
  sentences: TokenSentence[],
  anchor: DateAnchorInput | null,
  english = true,
): DateMention[] {
  const mentions: DateMention[] = [];
  const dateline = structure.dateline;
  if (dateline) {
    const weekday = weekdayAt(text, dateline.span.start);
    mentions.push({
      text: dateline.text,
      span: dateline.span,
      value: dateline.value,
      relative: false,
      anchor: 'absolute',
      how: 'the article’s dateline',
      ...(weekday ? { statedWeekday: weekday } : {}),
    });
  }
  for (const sentence of sentences) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    const stamp = dateline && liveStamp(sentenceText, sentence.start, dateline);
    if (stamp) {
      mentions.push(stamp);
      continue;
    }
    const taken: Span[] = dateline ? [dateline.span] : [];
    const free = (span: Span): boolean => !taken.some((t) => span.start < t.end && t.start < span.end);
    for (const found of patternDates(sentenceText, sentence.start, anchor)) {
      if (!free(found.span)) continue;
      taken.push(found.span);
      mentions.push(found);
    }
    let results: chrono.ParsedResult[] = [];
    try {
      // "on the morning of Tuesday, July 21": chrono reads the part of the day and drops the day;
      // blanked to spaces, the day is read where it stands.
      results = parseCasual(sentenceText.replace(/\b(?:morning|afternoon|evening|night)\s+of\b/giu, (m) => ' '.repeat(m.length)));
    } catch {
      // chrono can throw on pathological input; a sentence without dates is the safe answer.
      results = [];
    }
    const datedBefore = mentions.length;
    const times: chrono.ParsedResult[] = [];
    for (const result of results) {
      const mention = fromChrono(text, sentence, result, anchor);
      if (!mention) times.push(result);
      if (!mention || !free(mention.span)) continue;
      taken.push(mention.span);
      mentions.push(mention);
    }
    // A page in another language: its days and months as that language writes them.
    // (A day or a year is written in figures: a sentence without one is not parsed seven times over.)
    if (!english && mentions.length === datedBefore && /\d/.test(sentenceText))
      for (const mention of otherLanguageDays(text, sentence, anchor)) if (free(mention.span)) mentions.push(mention);
    // "At 3 p.m. the senators left": a time in a sentence that names no day is on the page's day.
    if (dateline && mentions.length === datedBefore && !taken.some((t) => t !== dateline.span && t.start >= sentence.start))
      for (const result of times) {
        const time = timeOnPageDay(sentence, result, dateline);
        if (time && free(time.span)) mentions.push(time);
      }
  }
  return inPageZone(daysAfterDates(text, sentences, mentions.sort((a, b) => a.span.start - b.span.start)));
}

/**
 * A page that states one time zone ("Last updated 5:02pm WAT", "17:48 CET") keeps its other times in
 * it: "4:41pm" on that page is 4:41pm WAT. Not when the page states two zones, or none.
 */
function inPageZone(mentions: DateMention[]): DateMention[] {
  const zones = new Set<string>();
  for (const m of mentions) {
    const zone = /T\d\d:\d\d((?:[+-]\d\d:\d\d)|Z)$/u.exec(m.value ?? '')?.[1];
    if (zone) zones.add(zone);
  }
  if (zones.size !== 1) return mentions;
  const [zone] = zones;
  return mentions.map((m) =>
    m.value && /T\d\d:\d\d$/u.test(m.value)
      ? { ...m, value: `${m.value}${zone}`, how: `${m.how}, in the page's time zone (${zone === 'Z' ? 'UTC' : `UTC${zone}`})` }
      : m,
  );
}

/** "the following day", "the same day", "three days later": counted from the day written before it. */
const countedFromBefore =
  /\b(?:(?:on\s+)?the\s+(following|next|same)\s+day|(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(days?|weeks?)\s+later)\b/giu;
const smallNumbers = ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * Days a sentence counts from a day the article wrote just before ("The vote was on May 21. The
 * following day, …"): that day plus the count, when a full date stands within a few sentences
 * before. None otherwise: counted from the page date they would be wrong. Hand-written: chrono
 * counts these from its reference instant, not from the day the text refers to.
 */
function daysAfterDates(text: string, sentences: TokenSentence[], mentions: DateMention[]): DateMention[] {
  const added: DateMention[] = [];
  const replaced = new Set<DateMention>();
  for (const sentence of sentences) {
    for (const match of text.slice(sentence.start, sentence.end).matchAll(countedFromBefore)) {
      const span = { start: sentence.start + match.index, end: sentence.start + match.index + match[0].length };
      // The nearest full day before it, the page's own date aside, counting those just worked out.
      let previous: DateMention | undefined;
      for (const m of [...mentions, ...added]) {
        if (m.span.start >= span.start || m.span.start === (mentions[0]?.how === 'the article’s dateline' ? mentions[0].span.start : -1)) continue;
        if (!m.value || !/^\d{4}-\d{2}-\d{2}/u.test(m.value) || span.start - m.span.end > 600) continue;
        if (!previous || m.span.start > previous.span.start) previous = m;
      }
      if (!previous?.value) continue;
      const count = match[1]
        ? { following: 1, next: 1, same: 0 }[match[1].toLowerCase() as 'following' | 'next' | 'same']
        : (Number(match[2]) || smallNumbers.indexOf(match[2]!.toLowerCase()) || 1) * (/^week/iu.test(match[3]!) ? 7 : 1);
      const value = addDays(previous.value, count);
      for (const m of mentions) if (m.span.start < span.end && span.start < m.span.end) replaced.add(m);
      added.push({
        text: match[0],
        span,
        value,
        relative: true,
        anchor: previous.anchor,
        how: count === 0 ? `the day of “${previous.text}” before it` : `${count} day${count === 1 ? '' : 's'} after “${previous.text}” before it`,
      });
    }
  }
  if (added.length === 0) return mentions;
  return [...mentions.filter((m) => !replaced.has(m)), ...added].sort((a, b) => a.span.start - b.span.start);
}

function fromChrono(
  text: string,
  sentence: TokenSentence,
  result: chrono.ParsedResult,
  anchor: DateAnchorInput | null,
): DateMention | undefined {
  if (isDuration(result.text)) return undefined;
  const known = knownValues(result.start);
  // "03.08.22": chrono reads figures between dots month first; pages that write them so put the day
  // first (European, Israeli and Russian stamps).
  if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$/u.test(result.text.trim()) && known.day !== undefined && known.month !== undefined && known.day <= 12)
    [known.day, known.month] = [known.month, known.day];
  const base = writtenPart(sentence, result);
  const { text: written, span } = base;
  const before = text.slice(sentence.start, span.start);

  // "now", "today", "yesterday": chrono states every part, but they are relative to the article.
  if (/^(now|right now|today|tonight|tomorrow|yesterday)$/i.test(written)) {
    if (/^(now|right now)$/i.test(written)) return undefined;
    return relativeWord(base, written, anchor);
  }
  // "in the year" ("later in the year"): chrono counts a year on from its own reference; the text
  // means the article's year.
  if (/^(?:in\s+)?the\s+year$/i.test(written)) {
    if (!anchor) return unresolved(base, 'the year of the article');
    return resolved(base, anchor.date.slice(0, 4), anchor, `the year of the ${anchorName(anchor)}`);
  }
  // "the end of February": chrono gives the month's last day in its reference year (the 29th, in
  // 2000); the text names the month.
  if (/\bend of\b/i.test(written) && !/\d/.test(written)) delete known.day;
  // "the last week of October", "the first week of March": a part of the month named after it, not
  // the week before the article's.
  if (/\bweek$/iu.test(written) && /^\s+of\s+(?:the\s+)?\p{Lu}/u.test(text.slice(span.end, span.end + 20))) return undefined;
  // "next week", "two days ago", "last month": chrono marks every part certain, but counted from its
  // reference instant, not from anything the text states.
  if (
    /\b(next|last|this|ago|later|earlier|previous|coming|past)\b/i.test(written) &&
    !/\b\d{4}\b/.test(written) &&
    !monthOrWeekdayName.test(written)
  ) {
    return relativeWord(base, written, anchor);
  }
  // "yesterday evening", "the day before the vote", "in the day": chrono calls the day certain,
  // but it moves with chrono's reference instant; only the words that name a day of the article
  // ("yesterday") are counted from the page date, the rest name no day of their own.
  if (known.day !== undefined && movesWithReference(written)) {
    return /\b(today|tonight|tomorrow|yesterday)\b/i.test(written) ? relativeWord(base, written, anchor) : undefined;
  }
  if (known.year !== undefined) return withYear(text, base, known, known.year);
  const at: Written = {
    text,
    sentence,
    base,
    before,
    written,
    anchor,
    tense: tenseBefore(text, sentence, span),
  };
  if (known.month !== undefined && known.day !== undefined)
    return dayOfMonth(at, known.month, known.day, known.weekday);
  if (known.month !== undefined && known.weekday === undefined) return monthAlone(at, known.month);
  if (known.weekday !== undefined && known.day === undefined) return weekdayAlone(at, known.weekday);
  if (/\b(ago|week|weekend)\b/i.test(written)) return relativeWord(base, written, anchor);
  return undefined;
}

/**
 * "after 18 days", "within two weeks": a duration, which chrono counts from its reference instant.
 * "a day after", "for two years", "within six months" too: a stretch of time, not a point in it.
 */
function isDuration(chronoText: string): boolean {
  return (
    /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|couple of)\s+(days?|weeks?|months?|years?|hours?|decades?)\b/i.test(
      chronoText,
    ) && !/\b(ago)\b/i.test(chronoText)
  );
}

/** The words chrono matched, without a leading "on" or "at" and trailing punctuation, and where they are. */
function writtenPart(sentence: TokenSentence, result: chrono.ParsedResult): { text: string; span: Span } {
  let start = sentence.start + result.index;
  let written = result.text;
  // chrono includes a leading "on"; the date is the words after it.
  const on = /^(on|at)\s+/i.exec(written);
  if (on) {
    start += on[0].length;
    written = written.slice(on[0].length);
  }
  written = written.replace(/[,.\s]+$/, '');
  const span = { start, end: start + written.length };
  return { text: written, span };
}

/** A date whose year the words state: "March 4, 2031" (with its weekday, if written), "March 2031", "2031". */
function withYear(text: string, base: { text: string; span: Span }, known: Known, year: number): DateMention {
  if (known.month !== undefined && known.day !== undefined) {
    const day = `${year}-${pad(known.month)}-${pad(known.day)}`;
    const weekday = known.weekday !== undefined ? weekdayAt(text, base.span.start) : undefined;
    return dateOf(base, {
      value: day,
      relative: false,
      anchor: 'absolute',
      how: 'a full date',
      ...(weekday ? { statedWeekday: weekday } : {}),
    });
  }
  if (known.month !== undefined) {
    return dateOf(base, {
      value: `${year}-${pad(known.month)}`,
      relative: false,
      anchor: 'absolute',
      how: 'a month and year',
    });
  }
  return dateOf(base, { value: String(year), relative: false, anchor: 'absolute', how: 'a year' });
}

/** A second reference, far from chrono's own: a day that is the same against both is written. */
const otherReference = { instant: new Date(Date.UTC(2011, 6, 15, 12)), timezone: 0 };

/** Whether chrono's day for the words depends on the instant it counts from. */
function movesWithReference(written: string): boolean {
  // A year or a month named in the words fixes the day: most dates, parsed once.
  if (/\b\d{4}\b/.test(written) || monthWord.test(written)) return false;
  const first = parseCasual(written)[0]?.start;
  const second = parseCasual(written, otherReference)[0]?.start;
  if (!first || !second) return false;
  return first.get('year') !== second.get('year') || first.get('month') !== second.get('month') || first.get('day') !== second.get('day');
}

/**
 * With no tense cue, what news writes of a weekday in the present is still to come: "the conference
 * opens on Monday", "a march for Tuesday", "on watch until Saturday", "is signing on Wednesday".
 * Without any of these the weekday is taken as past, as most reported weekdays are.
 */
function scheduledBefore(at: Written): boolean {
  const before = at.before.slice(-48).toLowerCase();
  if (/\b(?:for|until|till|before|by)\s+(?:the\s+)?$/u.test(before)) return true;
  if (/\b(?:is|are)\s+[a-z]+ing\b[^.;]*$/u.test(before)) return true;
  // The verb just before "on", or one or two words before it ("opens its doors on").
  const words = before.trim().split(/\s+/u);
  if (words.pop() !== 'on') return false;
  return words
    .slice(-2)
    .some((word) => word.length > 2 && /^[a-z]+[^s]s$/u.test(word) && !presentNotScheduled.has(word));
}

/** A date expression without a year, where it is written, and what it is read against. */
interface Written {
  text: string;
  sentence: TokenSentence;
  base: { text: string; span: Span };
  /** The sentence's words before it. */
  before: string;
  /** The expression as written, without a leading "on". */
  written: string;
  anchor: DateAnchorInput | null;
  tense: ReturnType<typeof tenseBefore>;
}

const cueOf = (at: Written): string => (at.tense.cue ? ` (“${at.tense.cue.text}”)` : '');

/** "March 18", "on Friday, November 4": the year that puts the day nearest the anchor, in the tense's direction. */
function dayOfMonth(at: Written, month: number, day: number, weekdayKnown: number | undefined): DateMention {
  const { anchor, base, tense } = at;
  if (!anchor) return unresolved(base, 'a day and month without a year');
  const year = yearOfDay(anchor.date, month, day, tense.tense);
  const direction =
    tense.tense === 'future'
      ? 'the next such day from'
      : tense.tense === 'past'
        ? 'the last such day up to'
        : 'the nearest such day to';
  // "on Friday, November 4": the weekday is kept for the weekday-mismatch rule.
  const weekday = weekdayKnown !== undefined ? weekdayAt(at.text, base.span.start) : undefined;
  const mention = resolved(
    base,
    `${year}-${pad(month)}-${pad(day)}`,
    anchor,
    `${direction} the ${anchorName(anchor)}${cueOf(at)}`,
  );
  if (weekday) mention.statedWeekday = weekday;
  return mention;
}

/** "in March", "last July": a month only when a cue before it says so, the latest or coming one by the tense. */
function monthAlone(at: Written, month: number): DateMention | undefined {
  const { anchor, base, before } = at;
  // "the end of February" carries its own cue.
  if (!monthCue.test(before) && !/^end\s+of\b/i.test(at.written)) return undefined;
  if (!anchor) return unresolved(base, 'a month without a year');
  const direction = /\blast\s*$/i.test(before)
    ? 'last'
    : /\bnext\s*$/i.test(before)
      ? 'next'
      : at.tense.tense === 'future'
        ? 'coming'
        : 'recent';
  const value = monthValue(anchor.date, month, direction);
  const widened = direction === 'last' || direction === 'next' ? widenLeft(at.text, base.span, before) : base;
  const how = {
    last: `“last” month name: the one before the ${anchorName(anchor)}’s month`,
    next: `“next” month name: the one after the ${anchorName(anchor)}’s month`,
    coming: `a month ahead of the ${anchorName(anchor)}${cueOf(at)}`,
    recent: `the latest such month up to the ${anchorName(anchor)}${cueOf(at)}`,
  }[direction];
  return resolved(widened, value, anchor, how);
}

/** "on Tuesday": the next such day in the future tense, else the last; the dateline's own weekday is that day. */
function weekdayAlone(at: Written, weekday: number): DateMention {
  const { anchor, base, written, sentence } = at;
  if (!anchor) return unresolved(base, 'a weekday');
  const lead = at.text.slice(Math.max(sentence.start, base.span.start - 8), base.span.start);
  // "called a strike from next Monday": "next" and "last" say which way, whatever the verb's tense.
  const said = /\b(next|last)\s+$/i.exec(lead)?.[1] ?? /^(next|last)\s/i.exec(written)?.[1];
  const future = said
    ? said.toLowerCase() === 'next'
    : at.tense.tense === 'future' || (at.tense.tense === 'unknown' && scheduledBefore(at));
  const anchorDay = new Date(`${anchor.date}T00:00:00Z`).getUTCDay();
  let offset = weekday - anchorDay;
  // The dateline's own weekday is that day, whatever the tense: "will face a vote on Monday
  // evening" in a Monday article is tonight. A week on is written "next Monday".
  const sameDay = offset === 0 && !/\b(next|last)\s+$/i.test(lead) && !/^(next|last)\s/i.test(written);
  // "last Tuesday" written on a Tuesday is a week before; "next Tuesday", a week after.
  if (offset === 0 && (/\blast\s+$/i.test(lead) || /^last\s/i.test(written))) offset = -7;
  if (future && !sameDay) offset = offset <= 0 ? offset + 7 : offset;
  else offset = offset > 0 ? offset - 7 : offset;
  const value = addDays(anchor.date, offset);
  const how =
    offset === 0
      ? `the ${anchorName(anchor)}’s own weekday`
      : said
        ? `weekday ${future ? 'after' : 'before'} the ${anchorName(anchor)}: “${said.toLowerCase()}”`
        : `weekday ${future ? 'after' : 'before'} the ${anchorName(anchor)}: ${future ? 'future tense' : at.tense.tense === 'unknown' ? 'no future cue' : 'past tense'}${cueOf(at)}`;
  return resolved(base, value, anchor, how);
}

/** A line that is a time alone, as live blogs stamp their entries: "17:48", "7:40am JST", "18:20 KST". */
const stampLine = /^\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5})?\s*$/i;

/**
 * A live blog's entry stamp: the time on the page's own day, in the zone it states or else the zone
 * of the page's date stamp. A time in a sentence says nothing of which day it is; a stamp on its own
 * line is the page's.
 */
function liveStamp(sentenceText: string, start: number, dateline: Dateline): DateMention | undefined {
  if (!stampLine.test(sentenceText)) return undefined;
  const parsed = parseCasual(sentenceText.replace(/(\d)\.(\d\d)/, '$1:$2'))[0];
  if (!parsed) return undefined;
  const known = knownValues(parsed.start);
  if (known.hour === undefined) return undefined;
  const pageZone = /T\d\d:\d\d(.*)$/.exec(dateline.value)?.[1] ?? '';
  const zone = known.timezoneOffset === undefined ? pageZone : zoneOf(known.timezoneOffset);
  const written = sentenceText.trim();
  const at = start + sentenceText.indexOf(written);
  return dateOf(
    { text: written, span: { start: at, end: at + written.length } },
    {
      value: `${dateline.date}T${pad(known.hour)}:${pad(known.minute ?? 0)}${zone}`,
      relative: true,
      anchor: 'dateline',
      how: `a live entry's time stamp, on the day of the dateline (${dateline.date})`,
    },
  );
}

/**
 * "le 25 février 2023", "noong Enero 26": a day and month, with or without a year, in another
 * language. A day without its year takes the nearest year to the anchor: the tense is not read.
 */
function otherLanguageDays(text: string, sentence: TokenSentence, anchor: DateAnchorInput | null): DateMention[] {
  const dated = (result: chrono.ParsedResult): boolean => {
    const known = knownValues(result.start);
    return known.month !== undefined && (known.day !== undefined || known.year !== undefined);
  };
  const found: DateMention[] = [];
  for (const result of otherLanguageDates(text.slice(sentence.start, sentence.end), dated)) {
    const known = knownValues(result.start);
    const base = writtenPart(sentence, result);
    if (known.year !== undefined) found.push(withYear(text, base, known, known.year));
    else if (anchor) {
      const year = yearOfDay(anchor.date, known.month!, known.day!, 'unknown');
      const value = `${year}-${pad(known.month!)}-${pad(known.day!)}`;
      found.push(resolved(base, value, anchor, `the nearest such day to the ${anchorName(anchor)}`));
    }
  }
  return found;
}

/** A time alone ("3 p.m.", "1400 GMT") as the time of the page's day, in the zone it states or else the page's. */
function timeOnPageDay(sentence: TokenSentence, result: chrono.ParsedResult, dateline: Dateline): DateMention | undefined {
  const known = knownValues(result.start);
  if (known.hour === undefined || known.day !== undefined || known.weekday !== undefined || known.month !== undefined) return undefined;
  if (!/^\d{4}-\d\d-\d\d$/.test(dateline.date) || !/\d/.test(result.text)) return undefined;
  const pageZone = /T\d\d:\d\d(.*)$/.exec(dateline.value)?.[1] ?? '';
  const zone = known.timezoneOffset === undefined ? pageZone : zoneOf(known.timezoneOffset);
  const part = writtenPart(sentence, result);
  // "3 p.m." keeps the full stop that closes it.
  const base = /\b[ap]\.m$/i.test(part.text) && sentence.tokens.some((t) => t.start < part.span.end && t.start + t.text.length === part.span.end + 1 && t.text.endsWith('.'))
    ? { text: `${part.text}.`, span: { start: part.span.start, end: part.span.end + 1 } }
    : part;
  return dateOf(base, {
    value: `${dateline.date}T${pad(known.hour)}:${pad(known.minute ?? 0)}${zone}`,
    relative: true,
    anchor: 'dateline',
    how: `a time the sentence gives no day for, taken as on the day of the dateline (${dateline.date})`,
  });
}

/**
 * The year of a day and month written without one: the one that puts the day nearest the anchor, as
 * news writes of days within months of its own. The tense decides between two years that both lie
 * within eight months ("will meet on June 30" written in January is this June, not last; "suspended
 * on December 1", written the next June, is last December), since a follow-up looks back further than
 * half a year.
 */
const NEAR_DAYS = 250;
function yearOfDay(anchorDate: string, month: number, day: number, tense: string): number {
  const year = Number(anchorDate.slice(0, 4));
  const anchor = Date.parse(anchorDate);
  const offset = (y: number): number => (Date.parse(`${y}-${pad(month)}-${pad(day)}`) - anchor) / 86_400_000;
  const near = [year - 1, year, year + 1].filter((y) => Math.abs(offset(y)) <= NEAR_DAYS);
  if (near.length > 1 && tense === 'future') return near.find((y) => offset(y) >= 0) ?? near[0]!;
  if (near.length > 1 && tense === 'past') return near.findLast((y) => offset(y) <= 0) ?? near[0]!;
  return [year - 1, year, year + 1].sort((a, b) => Math.abs(offset(a)) - Math.abs(offset(b)))[0]!;
}

/** "yesterday", "two days ago", "last week": counted from the anchor by chrono itself. */
function relativeWord(
  base: { text: string; span: Span },
  written: string,
  anchor: DateAnchorInput | null,
): DateMention | undefined {
  if (!anchor) return unresolved(base, 'a date relative to the article’s own');
  const again = parseCasual(written, {
    instant: new Date(`${anchor.date}T12:00:00Z`),
    timezone: 0,
  })[0]?.start.date();
  if (!again) return undefined;
  const day = again.toISOString().slice(0, 10);
  // "next month" is a month, "last year" a year: the value keeps the precision the text states.
  const value = /\byears?\b/i.test(written)
    ? day.slice(0, 4)
    : /\bmonths?\b/i.test(written)
      ? day.slice(0, 7)
      : /\bweeks?\b/i.test(written)
        ? isoWeek(again)
        : day;
  return resolved(base, value, anchor, `counted from the ${anchorName(anchor)}`);
}

/** The ISO 8601 week of a date: "2023-W10". */
function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  // The week belongs to the year of its Thursday.
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** "Last July": the cue word belongs to the expression. */
function widenLeft(text: string, span: Span, before: string): { text: string; span: Span } {
  const match = /\b(last|next)\s*$/i.exec(before);
  if (!match) return { text: text.slice(span.start, span.end), span };
  const start = span.start - (before.length - match.index);
  return { text: text.slice(start, span.end), span: { start, end: span.end } };
}

function resolved(
  base: { text: string; span: Span },
  value: string,
  anchor: DateAnchorInput,
  how: string,
): DateMention {
  return dateOf(base, {
    value,
    relative: true,
    anchor: anchor.source,
    how: anchor.source === 'inferred' ? `${how} (inferred date)` : how,
  });
}

function unresolved(base: { text: string; span: Span }, what: string): DateMention {
  return dateOf(base, {
    value: null,
    relative: true,
    anchor: 'unresolved',
    how: `no dateline: ${what} left unresolved`,
  });
}

/**
 * The mention of the date written at `base`, made as one literal, not as `{ ...base, value, … }`:
 * V8 gives every object made by spreading one object and adding fields a hidden class of its own,
 * and 2,000 articles made 3,500 of them for their dates alone.
 */
function dateOf(base: { text: string; span: Span }, fields: Omit<DateMention, 'text' | 'span'>): DateMention {
  const { value, relative, anchor, how, statedWeekday } = fields;
  const mention: DateMention = { text: base.text, span: base.span, value, relative, anchor, how };
  if (statedWeekday) mention.statedWeekday = statedWeekday;
  return mention;
}

function anchorName(anchor: DateAnchorInput): string {
  return anchor.source === 'dateline' ? `dateline (${anchor.date})` : `inferred date (${anchor.date})`;
}

/** A weekday name written at `offset` ("Sunday, May 5, 2024"), for the weekday-mismatch rule. */
function weekdayAt(text: string, offset: number): DateMention['statedWeekday'] {
  const match = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?\.?/i.exec(
    text.slice(offset, offset + 12),
  );
  if (!match) {
    // "08:40 GMT, Tuesday, March 4, 2031": the weekday need not lead the dateline.
    // On its own line only: a weekday in the text below a page's date is not that date's.
    const line = text.slice(offset, offset + 40).split(/[\r\n]/, 1)[0]!;
    const inside = new RegExp(`\\b(${weekdayNames.join('|')})\\b`, 'i').exec(line);
    if (!inside) return undefined;
    const start = offset + inside.index;
    return { name: inside[1]!, span: { start, end: start + inside[1]!.length } };
  }
  const word = match[0].replace(/\.$/, '');
  return { name: word, span: { start: offset, end: offset + word.length } };
}

export type { Known };
