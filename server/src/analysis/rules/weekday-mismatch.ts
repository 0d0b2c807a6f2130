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
        findings.push({
          ruleId: 'weekday-mismatch',
          severity: 'warning',
          articleId: article.id,
          span: stated.span,
          message: `${readableDate(day)} was a ${actual}, not a ${capitalise(stated.name)}`,
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
            `“${date.text}” names ${day}.`,
            `By the Gregorian calendar ${day} fell on a ${actual}.`,
          ],
        });
      }
    }
    return findings;
  },
};

function matchForm(written: string, weekday: string): string {
  const core = written.replace(/\.$/, '');
  let result = core.length <= 4 ? weekday.slice(0, core.length) : weekday;
  if (core === core.toUpperCase()) result = result.toUpperCase();
  return written.endsWith('.') && core.length <= 4 ? `${result}.` : result;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
