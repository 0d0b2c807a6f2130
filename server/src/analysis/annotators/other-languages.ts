/**
 * Dates written in the languages a folder of English news most often mixes in: chrono-node's French,
 * Spanish, Portuguese, German, Dutch and Italian parsers, and Filipino, which chrono-node lacks: its
 * Spanish-derived month names are written over with English ones of no greater length, so offsets
 * hold (hand-written, twelve words).
 */
import * as chrono from 'chrono-node';

const reference = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };

const locales = [chrono.en, chrono.fr, chrono.es, chrono.pt, chrono.de, chrono.nl, chrono.it];

const filipinoMonths: Record<string, string> = {
  enero: 'Jan.', pebrero: 'February', marso: 'March', abril: 'April', mayo: 'May', hunyo: 'June',
  hulyo: 'July', agosto: 'August', setyembre: 'September', oktubre: 'October', nobyembre: 'November', disyembre: 'December',
};
const filipinoMonth = new RegExp(`\\b(?:${Object.keys(filipinoMonths).join('|')})\\b`, 'giu');

/**
 * The dates of a text in the first of those languages that finds any, against 2000-01-01 UTC, as
 * chrono-node results whose offsets are the text's; `accept` says which results count.
 */
export function otherLanguageDates(
  text: string,
  accept: (result: chrono.ParsedResult) => boolean = () => true,
): chrono.ParsedResult[] {
  const written = text.replace(filipinoMonth, (month: string) => filipinoMonths[month.toLowerCase()]!.padEnd(month.length));
  for (const locale of locales) {
    const found = locale.parse(written, reference).filter(accept);
    if (found.length > 0) return found;
  }
  return [];
}
