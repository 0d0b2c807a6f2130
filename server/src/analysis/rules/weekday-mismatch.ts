/** Warn when a weekday written with a full date is not that date's weekday ("Monday, March 4, 2031", a Tuesday). */
import type { Finding } from '../types.js';
import type { CorpusRule } from './rule.js';
import { readableDate, weekdayOf } from '../annotators/calendar.js';

/** Warn when a weekday written with a full date is not that date's weekday ("Monday, March 4, 2031", a Tuesday). */
export const weekdayMismatch: CorpusRule = {
  id: 'weekday-mismatch',
  description: 'A weekday written with a date that falls on another weekday.',
  severity: 'warning',
  reads: ['time'],
  check(index) {
    const findings: Finding[] = [];
    for (const article of index.articles.values()) {
      for (const date of article.dates) {
        const stated = date.statedWeekday;
        if (!stated) continue;
        const day = date.value?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
        if (!day) continue;
        const actual = weekdayOf(day);
        if (actual.toLowerCase().startsWith(stated.name.toLowerCase().slice(0, 3))) continue;
        const written = article.text.slice(stated.span.start, stated.span.end);
        // Keep the writer's form: "Mon." stays abbreviated, "MONDAY" stays in capitals.
        const replacement = matchForm(written, actual);
        // "Monday, March 3" on a page dated a year off: the year is the page's, not the writer's, and
        // the weekday fits the day in the year next to it. Either may be wrong: the message says both.
        const otherYear = date.relative ? yearItFits(day, stated.name) : undefined;
        const message = `${readableDate(day)} was a ${actual}, not a ${capitalise(stated.name)}`;
        findings.push({
          ruleId: 'weekday-mismatch',
          severity: 'warning',
          articleId: article.id,
          span: stated.span,
          message: otherYear
            ? `${message}; in ${otherYear} it was a ${capitalise(stated.name)}: is the page's year right?`
            : message,
          actual: written,
          expected: [replacement],
          related: [],
          fixes: [
            {
              title: `Replace with “${replacement}”`,
              edits: [{ articleId: article.id, span: stated.span, newText: replacement }],
            },
          ],
          explain: () => [
            `“${date.text}” names ${day}${date.relative ? ', in the year of the page’s date' : ''}.`,
            `By the Gregorian calendar ${day} fell on a ${actual}.`,
            ...(otherYear
              ? [`In ${otherYear} the same day was a ${capitalise(stated.name)}: if the page is dated a year off, the weekday is right and the page's date is what to fix.`]
              : []),
          ],
        });
      }
    }
    return findings;
  },
};

/** The year before or after `day`'s in which that day and month fall on `weekday`, if one does. */
function yearItFits(day: string, weekday: string): number | undefined {
  const year = Number(day.slice(0, 4));
  if (day.endsWith('-02-29')) return undefined;
  const prefix = weekday.toLowerCase().slice(0, 3);
  return [year - 1, year + 1].find((y) => weekdayOf(`${y}${day.slice(4)}`).toLowerCase().startsWith(prefix));
}

function matchForm(written: string, weekday: string): string {
  const core = written.replace(/\.$/, '');
  let result = core.length <= 4 ? weekday.slice(0, core.length) : weekday;
  if (core === core.toUpperCase()) result = result.toUpperCase();
  return written.endsWith('.') && core.length <= 4 ? `${result}.` : result;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
