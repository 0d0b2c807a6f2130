/**
 * The calendar: English weekday and month names (the one place they are written out), and arithmetic
 * on ISO dates ("YYYY-MM-DD"), in UTC so that no time zone shifts a day. Pure, with no imports: the
 * VS Code client bundles it too (through present/looks-like-article.ts).
 */

/** English weekday names, Sunday first as in `Date.getUTCDay()`. */
export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** English month names, January first: `monthNames[0]` is "January". */
export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The first three letters of every month's name, lower case: "jan" to "dec". */
export const monthStems = monthNames.map((month) => month.slice(0, 3).toLowerCase());

/** The first three letters of every weekday's name, lower case: "sun" to "sat". */
export const weekdayStems = weekdayNames.map((day) => day.slice(0, 3).toLowerCase());

/** A month's or a weekday's whole name, as a word, in any case: "March", "TUESDAY". */
export const monthOrWeekdayName = new RegExp(`\\b(${[...monthNames, ...weekdayNames].join('|')})\\b`, 'i');

/** A month's name or its short form, as a word, in any case: "Jan", "Sept", "september". */
export const monthWord = new RegExp(
  `\\b(?:${monthNames.map((month) => `${month.slice(0, 3)}(?:${month.slice(3)})?`).join('|')}|sept)\\b`,
  'i',
);

/** "07" for 7. */
export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A UTC offset in minutes as ISO 8601 writes it: "Z", "+09:00", "-05:30". */
export function zoneOf(offset: number): string {
  if (offset === 0) return 'Z';
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The English weekday of an ISO date: weekdayOf("2031-03-04") is "Tuesday". */
export function weekdayOf(isoDate: string): string {
  return weekdayNames[new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).getUTCDay()]!;
}

/** An ISO date moved by whole days. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * A month name resolved against an anchor date: "last March" from 2031-03-04 is 2030-03 (the March
 * before this one); "next March" is the March after; "coming" is the next one not before the
 * anchor's month; "recent" the latest one not after it ("in January" from 2031-03-04 is 2031-01).
 */
export function monthValue(
  anchor: string,
  month: number,
  direction: 'last' | 'next' | 'coming' | 'recent',
): string {
  const year = Number(anchor.slice(0, 4));
  const current = Number(anchor.slice(5, 7));
  let target = year;
  if (direction === 'last') target = month >= current ? year - 1 : year;
  else if (direction === 'next') target = month <= current ? year + 1 : year;
  else {
    // "in June", "since March": the nearest such month, as news writes of months near its own; the
    // tense breaks a tie of six months either way.
    const ahead = (month - current + 12) % 12;
    const behind = (current - month + 12) % 12;
    if (ahead === 0) target = year;
    else if (ahead < behind || (ahead === behind && direction === 'coming'))
      target = month < current ? year + 1 : year;
    else target = month > current ? year - 1 : year;
  }
  return `${target}-${pad(month)}`;
}

/**
 * An ISO date as a reader writes it: "2031-03-04" → "4 March 2031", "2031-03" → "March 2031",
 * "2031-03-04T08:40+01:00" → "4 March 2031"; anything else as it is.
 */
export function readableDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  if (!m[2]) return m[1]!;
  const month = monthNames[Number(m[2]) - 1];
  if (!month) return iso;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}
