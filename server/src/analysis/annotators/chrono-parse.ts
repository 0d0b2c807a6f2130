/**
 * chrono-node's casual English parser, skipped on text that none of its parsers can match.
 *
 * A parser yields a result only where its pattern matches, and the refiners only filter, merge or
 * extend the results they are given (none makes one from nothing): a text that no parser's pattern
 * matches parses to nothing. Most sentences of an article hold no date, and running chrono's
 * eighteen patterns and sixteen refiners on each was a fifth of the analysis; a parser's pattern is
 * now tried only when the text holds a word the pattern cannot match without, and chrono runs only
 * when a pattern matches. Results are unchanged.
 */
import * as chrono from 'chrono-node';
import { monthStems, weekdayStems } from './calendar.js';

/** The reference every caller passes: with no anchor, relative results are discarded anyway. */
const reference = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };

// The patterns depend only on the parsing options (forwardDate), which are the same for every call.
const patternContext = new chrono.ParsingContext('', reference);

const digit = /[0-9]/;
// Every month alternative ("sept.", "september") starts with one of these: jan|feb|…|dec.
const month = new RegExp(monthStems.join('|'), 'i');

/**
 * Words each English parser's pattern (chrono-node 2.10, locales/en/parsers) must contain to match,
 * case-insensitively. Parsers not listed are always tried.
 */
const requiredWords: Record<string, RegExp> = {
  ENYearMonthDayParser: digit,
  ISOFormatParser: digit,
  SlashDateFormatParser: digit,
  ENSlashMonthFormatParser: digit,
  ENTimeExpressionParser: digit,
  ENYearMonthNameParser: digit,
  ENMonthNameLittleEndianParser: month,
  ENMonthNameMiddleEndianParser: month,
  ENMonthNameParser: month,
  // "weekend", "weekday" and every weekday name or abbreviation.
  ENWeekdayParser: new RegExp([...weekdayStems, 'week'].join('|'), 'i'),
  // "now", "today", "tonight", "tomorrow", "overmorrow", "tmr(w)", "yesterday", "last night".
  ENCasualDateParser: /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|night/i,
  // "midnight" holds "night".
  ENCasualTimeParser: /morning|afternoon|evening|night|midday|noon/i,
  ENEndOfCurrentMonthParser: /month/i,
  // A time unit and then one of these: "two days ago", "three weeks later".
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  ENTimeUnitLaterFormatParser: /later|after|now|henceforth|forward|out/i,
  // "within" holds "in".
  ENTimeUnitWithinFormatParser: /in|for/i,
  ENRelativeDateFormatParser: /this|last|past|next|after/i,
  ENTimeUnitCasualRelativeFormatParser: /this|last|past|next|after|[+-]/i,
};

// Each distinct word test is run once per text, however many parsers share it.
const gates = [...new Set(Object.values(requiredWords))];
const parsers = chrono.casual.parsers.map((parser) => {
  const required = requiredWords[parser.constructor.name];
  return { parser, gate: required ? gates.indexOf(required) : -1 };
});

/** A chrono per set of parsers that matched, with all of casual's refiners in their order. */
const chronos = new Map<string, chrono.Chrono>();

/**
 * chrono.casual.parse, against 2000-01-01 UTC unless told otherwise, run with only the parsers whose
 * patterns match the text: the others would find nothing, and results keep their order.
 */
export function parseCasual(
  text: string,
  instant: chrono.ParsingReference = reference,
): chrono.ParsedResult[] {
  let key = '';
  const matching: chrono.Parser[] = [];
  const passed: (boolean | undefined)[] = [];
  for (const [i, { parser, gate }] of parsers.entries()) {
    if (gate >= 0 && !(passed[gate] ??= gates[gate]!.test(text))) continue;
    if (!parser.pattern(patternContext).test(text)) continue;
    key += `${i},`;
    matching.push(parser);
  }
  if (matching.length === 0) return [];
  let subset = chronos.get(key);
  if (!subset) {
    subset = new chrono.Chrono({ parsers: matching, refiners: chrono.casual.refiners });
    chronos.set(key, subset);
  }
  return subset.parse(text, instant);
}
