/**
 * Relative dates of an undated article, resolved against the date its events imply. Marked as
 * inferred everywhere they are shown.
 */
import type { InferredDate } from '../corpus-model.js';
import type { DateMention } from '../types.js';
import { weekdayNames } from '../annotators/calendar.js';

const weekdays = weekdayNames.map((name) => name.toLowerCase());

/**
 * Resolves the unresolved weekdays of an undated article. Its events say it was written on or after
 * a date (an event spoken of as past), or before one (spoken of as ahead): "on Wednesday at the
 * summit" in an article written on or after a summit that began on Tuesday 2019-03-05 is the first
 * Wednesday from then, 2019-03-06.
 */
export function resolveInferred(dates: DateMention[], inferred: InferredDate): DateMention[] {
  const after = !inferred.evidence.every((e) => e.reasoning.includes('written before'));
  return dates.map((date) => {
    if (!date.relative || date.value !== null) return date;
    const day = weekdays.indexOf(date.text.toLowerCase().replace(/^on\s+/, ''));
    if (day < 0) return date;
    const base = new Date(`${inferred.date}T00:00:00Z`);
    const offset = after ? (day - base.getUTCDay() + 7) % 7 : -((base.getUTCDay() - day + 7) % 7 || 7);
    base.setUTCDate(base.getUTCDate() + offset);
    const value = base.toISOString().slice(0, 10);
    const event = inferred.evidence[0]!.event.name;
    return {
      ...date,
      value,
      anchor: 'inferred',
      how: after
        ? `no dateline: the first ${capitalise(weekdays[day]!)} on or after ${inferred.date}, the date of ${event} that the article speaks of as past (inferred)`
        : `no dateline: the last ${capitalise(weekdays[day]!)} before ${inferred.date}, the date of ${event} that the article speaks of as ahead (inferred)`,
    };
  });
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
