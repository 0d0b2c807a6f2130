/**
 * The page's own date: the date a page gives itself, told apart from the other dates near the top
 * of a scraped page (an "Updated" stamp, a weather or clock widget, a list of other headlines).
 *
 * Every date in the first lines is a candidate, cut at the separators pages put between stamps
 * ("Published … | Updated …"), and scored: a "Published"/"Posted" cue or a wire dateline
 * ("CITY, Month D (Agency) —") raises it, a line that is mostly the date raises it, an "Updated" cue
 * makes it the update, and "today", a temperature or a clock makes it furniture. The best candidate
 * wins; a widget's date only when the page gives no other.
 */
import { pad, zoneOf } from './annotators/calendar.js';
import { parseCasual } from './annotators/chrono-parse.js';
import type * as chrono from 'chrono-node';
import { otherLanguageDates } from './annotators/other-languages.js';
import { knownValues, type Known } from './annotators/chrono-values.js';
import { wordCount } from './structure-cues.js';
import type { Dateline, Span } from './types.js';

/** How many non-blank lines from the top may hold the page date. */
const window = 12;
/** Lines without a date before the story that do not count towards `window`. */
const furnitureAllowance = 24;

/** A date found near the top of the page, with what it is taken for. */
interface Candidate {
  dateline: Dateline;
  kind: 'published' | 'updated' | 'widget';
  score: number;
}

/** Lines that the page date may stand on: every line, with whether furniture detection called it a widget. */
export interface PageLine {
  span: Span;
  text: string;
  /** Furniture other than a widget (menus, link lists, credits) never holds the page date. */
  furniture: 'none' | 'widget' | 'other';
}

const publishedCue = /\b(published|posted|first published|released|date|filed|dated|issued)\b(?:\s+on)?\s*:?\s*$/i;
const updatedCue = /\b(updated|last updated|modified|last modified|edited|revised)\b\s*:?\s*(on\s*)?$/i;
// "Today" in the languages whose page dates are read too: a clock's date, not the page's.
// A market ticker's change ("Composite 4,120.10 (-1.3%)") makes a line a widget too.
const widgetCue =
  /\b(today|today['’]s|weather|forecast|sunrise|sunset|local time|now|aujourd['’]hui|hoy|hoje|heute|vandaag|oggi|ngayon|hari ini)\b|°|\b\d{1,2}\s?°?[CF]\b|[+−-]\d+(?:[.,]\d+)?\s?%/iu;
/** "USA Today", "Utopia Today": a title or a section named "Today", no clock. */
const namedToday = /\p{Lu}[\p{L}.]*\s+Today\b/gu;
/** "CITY, Country, Month D (Agency) —" at the start of a paragraph: a wire story's dateline. */
const wireDateline =
  /^([\p{Lu}][\p{Lu} .'’-]{1,40}(?:,\s*[\p{Lu}][\p{L} .'’-]{1,30})?,\s*)([^()–—]{3,40}?)\s*(?:\([\p{L} .&-]{2,30}\)\s*)?(?:[-–—]{1,2}|\()\s*/u;
/**
 * "Riverton, 22 September 2023:" opening a press release's first paragraph: its place and full date.
 * Not "Friday, 9 December 2022 —": a weekday is no place, and that line is a stamp.
 */
const placeDateline =
  /^(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)(\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,3},\s*)((?:\d{1,2}(?:st|nd|rd|th)?\s+\p{Lu}\p{Ll}+\.?|\p{Lu}\p{Ll}+\.?\s+\d{1,2}),?\s+\d{4})\s*[:—–]/u;
const isoStamp = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/;

/**
 * The page date among the first lines, or null. `year` is the year to give a date that prints
 * none (a wire dateline "March 19") when the page itself gives none either: the corpus's.
 */
export function findPageDate(lines: PageLine[], year?: number): Dateline | { yearless: string } | null {
  const candidates: Candidate[] = [];
  let seen = 0;
  // A site's menu ("World", "Business", "Markets"), its links and a headline come before the story
  // on many pages: lines without a digit, which hold no date, or marked furniture do not use up the
  // lines a page date is looked for in, up to a bound.
  let skipped = 0;
  for (let i = 0; i < lines.length && seen < window; i++) {
    const line = lines[i]!;
    if (!line.text.trim()) continue;
    if ((line.furniture === 'other' || !/\d/u.test(line.text)) && skipped < furnitureAllowance) {
      skipped++;
      continue;
    }
    seen++;
    if (line.furniture === 'other') continue;
    candidates.push(...candidatesOn(line, seen, line.furniture === 'widget'));
  }
  const pageYear = candidates.find((c) => c.kind !== 'widget' && /^\d{4}/.test(c.dateline.date))?.dateline.date.slice(0, 4);
  const best = [...candidates]
    .filter((c) => c.kind === 'published')
    .sort((a, b) => b.score - a.score)[0];
  const fallback = best ?? candidates.find((c) => c.kind === 'updated') ?? candidates.find((c) => c.kind === 'widget');
  if (!fallback) return null;
  const dateline = fallback.dateline;
  if (dateline.date.startsWith('????')) {
    const known = pageYear ?? (year !== undefined ? String(year) : undefined);
    if (!known) return { yearless: dateline.date.slice(5) };
    return { ...dateline, value: dateline.value.replace('????', known), date: dateline.date.replace('????', known) };
  }
  // "Published 3 May 2021 | Updated 4 May 2021": the update is a fact beside the page date.
  const updated = best && candidates.find((c) => c.kind === 'updated' && /^\d{4}/.test(c.dateline.date))?.dateline;
  // "Date: 22-09-2021" and "Riverton, 22 September 2022:": one day printed in two years.
  const otherYear = candidates.find(
    (c) =>
      c.kind !== 'widget' &&
      c.dateline !== dateline &&
      /^\d{4}/.test(c.dateline.date) &&
      c.dateline.date.slice(4) === dateline.date.slice(4) &&
      c.dateline.date.slice(0, 4) !== dateline.date.slice(0, 4),
  )?.dateline;
  return { ...dateline, ...(updated ? { updated } : {}), ...(otherYear ? { otherYear } : {}) };
}

/** The dates on one line, each cut from the others by the line's separators and cues. */
function candidatesOn(line: PageLine, rank: number, widget: boolean): Candidate[] {
  const found: Candidate[] = [];
  const wire = wireDateline.exec(line.text);
  if (wire) {
    const dateline = parseSegment(line, wire[1]!.length, wire[1]!.length + wire[2]!.length, true);
    if (dateline) found.push({ dateline, kind: 'published', score: 10 - rank });
    return found;
  }
  // Weighed below a stamp: the page's date is its stamp, when it prints one; this is a second print.
  const placed = placeDateline.exec(line.text);
  if (placed) {
    const dateline = parseSegment(line, placed[1]!.length, placed[1]!.length + placed[2]!.length, true);
    if (dateline) found.push({ dateline, kind: 'published', score: 4 - rank });
    return found;
  }
  if (line.text.length > 200 && !isoStamp.test(line.text.slice(0, 40))) return found;
  for (const [start, end] of segments(line.text)) {
    // A page date writes its year: a part without four digits in a row, or a dotted stamp's two
    // ("10.11.22"), need not go to chrono.
    if (!/\d{4}|\d\.\d{1,2}\.\d{2}(?![\d.])/u.test(line.text.slice(start, end))) continue;
    const dateline = parseSegment(line, start, end, false);
    if (!dateline) continue;
    const before = line.text.slice(start, dateline.span.start - line.span.start);
    const around = line.text.slice(start, end);
    // A temperature or "Today" anywhere on the line makes all of it a widget: "Praha 26 °C | Thursday, 20 June 2024".
    const kind: Candidate['kind'] =
      widget || widgetCue.test(around.replace(namedToday, '')) || widgetCue.test(line.text.replace(namedToday, ''))
        ? 'widget'
        : updatedCue.test(before)
          ? 'updated'
          : 'published';
    const cue = publishedCue.test(before) ? 5 : 0;
    found.push({ dateline, kind, score: cue + 6 - rank });
  }
  return found;
}

/** The parts of a line between separators ("|", "·", "•", " / ") and before an "Updated" cue. */
function segments(text: string): [number, number][] {
  const cuts = [0];
  for (const m of text.matchAll(/\s[|·•]\s|\s\/\s|\s[-–—]\s(?=(?:updated|last updated|modified)\b)|(?=\b(?:updated|last updated|modified)\b)/gi))
    cuts.push(m.index, m.index + m[0].length);
  cuts.push(text.length);
  const result: [number, number][] = [];
  for (let i = 0; i < cuts.length; i += 2) if (cuts[i + 1]! > cuts[i]!) result.push([cuts[i]!, cuts[i + 1]!]);
  return result;
}

/** The one full date that [start, end) of a line is made of, if that part is little else. */
function parseSegment(line: PageLine, start: number, end: number, wire: boolean): Dateline | null {
  const part = line.text.slice(start, end);
  const iso = isoStamp.exec(part);
  if (iso && iso.index < 3) {
    const [, y, mo, d, h, mi, zone] = iso;
    const date = `${y}-${mo}-${d}`;
    const offset = zone === undefined ? '' : zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
    const value = h ? `${date}T${h}:${mi}${offset}` : date;
    const at = line.span.start + start + iso.index;
    return { text: iso[0], span: { start: at, end: at + iso[0].length }, value, date };
  }
  const numeric = numericDate.exec(part);
  if (numeric && wordCount(part.replace(numericDate, ' ').replace(/\b(published|updated|posted|on|at|\d{1,2}[:.]\d{2})\b/gi, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()) <= 3) {
    const date = numericValue(numeric);
    if (date) {
      const at = line.span.start + start + numeric.index;
      return { text: numeric[0], span: { start: at, end: at + numeric[0].length }, value: date, date };
    }
  }
  for (const result of parseCasual(part)) {
    // "No. 114/PR.02/05/2021": figures inside a reference number are no date.
    if (/[\p{L}\d./]$/u.test(part.slice(0, result.index))) continue;
    const known = knownValues(result.start);
    if (known.month === undefined || known.day === undefined) continue;
    const hasYear = /\b\d{4}\b/.test(result.text);
    // A date that prints no year is a page date only as a wire dateline ("LIMA, March 22 (Agency) —").
    if (!hasYear && !wire) continue;
    const residue = (part.slice(0, result.index) + part.slice(result.index + result.text.length))
      .replace(/\b(published|updated|posted|first|last|on|at|by|modified|date|dated|filed|released|am|pm|[A-Z]{2,5})\b/gi, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (wordCount(residue) > (wire ? 6 : 4)) continue;
    // "Posted on 8 June 2024": chrono keeps the "on", which is no part of the date.
    const lead = /^(?:on\s+)?/iu.exec(result.text)![0].length;
    const text = result.text.slice(lead).trim();
    const at = line.span.start + start + result.index + lead;
    const value = valueOf(hasYear ? known : { ...known, year: undefined });
    return { text, span: { start: at, end: at + text.length }, ...value };
  }
  return otherLanguageDate(line, start, part);
}

/**
 * "Publié le 13 décembre 2022", "Biyernes, Pebrero 6, 2026": a full date in another language, only
 * with a year, and only when the part is little else.
 */
function otherLanguageDate(line: PageLine, start: number, part: string): Dateline | null {
  if (!/\b\d{4}\b/.test(part) || !/\p{L}{3}/u.test(part)) return null;
  const full = (result: chrono.ParsedResult): boolean => {
    const known = knownValues(result.start);
    // "Vandaag" ("today") is a full date to chrono, but no printed one.
    return known.month !== undefined && known.day !== undefined && known.year !== undefined && /\d{4}/.test(result.text);
  };
  for (const result of otherLanguageDates(part, full)) {
    const residue = (part.slice(0, result.index) + part.slice(result.index + result.text.length))
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (wordCount(residue) > 4) continue;
    const text = part.slice(result.index, result.index + result.text.trimEnd().length);
    const at = line.span.start + start + result.index;
    return { text, span: { start: at, end: at + text.length }, ...valueOf(knownValues(result.start)) };
  }
  return null;
}

/**
 * "12. 6. 2024", "19/03/2018", "03.10.2016", "10.11.22": day, month and year in figures; a year of two
 * figures only between dots, as European and Israeli pages stamp them.
 */
const numericDate = /(?<![\d./])(\d{1,2})(?:\.\s?|\/)(\d{1,2})(?:(?:\.\s?|\/)(\d{4})(?![\d])|\.(\d{2})(?![\d.]))/;

/**
 * The date of a numeric stamp. Day first, as most of the world writes it, unless the first number
 * cannot be a day's month and the second can ("03/19/2018" is American).
 */
function numericValue(m: RegExpExecArray): string | undefined {
  let day = Number(m[1]);
  let month = Number(m[2]);
  if (month > 12 && day <= 12) [day, month] = [month, day];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  // "10.11.22": this century's, as a page stamp is.
  const year = m[3] ?? `20${m[4]}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** ISO 8601 at the precision stated; a missing year is "????" until the page or the corpus gives one. */
function valueOf(known: Known): { value: string; date: string } {
  const year = known.year === undefined ? '????' : String(known.year);
  const date = `${year}-${pad(known.month!)}-${pad(known.day!)}`;
  if (known.hour === undefined) return { value: date, date };
  const time = `${pad(known.hour)}:${pad(known.minute ?? 0)}`;
  const offset = known.timezoneOffset;
  if (offset === undefined) return { value: `${date}T${time}`, date };
  return { value: `${date}T${time}${zoneOf(offset)}`, date };
}
