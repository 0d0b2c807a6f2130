/**
 * Temporal expressions chrono-node does not find: year ranges
 * "2023-2026", decades "since the early 2010s", "last year", "over the next four years",
 * "earlier that day", and bare years "through 2026". Hand-written because no maintained package
 * covers them.
 */
import type { DateMention } from '../types.js';
import type { DateAnchorInput } from './dates.js';

const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twenty: 20,
};

interface Pattern {
  pattern: RegExp;
  /** The group holding the expression, when the match includes a cue word before it. */
  group?: number;
  resolve(
    match: RegExpExecArray,
    anchor: DateAnchorInput | null,
  ): Omit<DateMention, 'text' | 'span'> | undefined;
}

const year = '(?:1[89]|20)\\d\\d';

const patterns: Pattern[] = [
  {
    // "summer 2024", "the spring of 2019": the year; "in the spring", "this winter": the page's year.
    // "fall" and "spring" are verbs too: a season counts only with its year or one of these cues.
    pattern: new RegExp(
      `\\b(?:(in|during|by|until|this)\\s+(?:the\\s+)?)?((?:spring|summer|autumn|fall|winter)(?:\\s+(?:of\\s+)?(${year}))?)\\b`,
      'gi',
    ),
    group: 2,
    resolve(m, anchor) {
      if (m[3]) return { value: m[3], relative: false, anchor: 'absolute', how: 'a season of a year' };
      if (!m[1]) return undefined;
      if (!anchor) return unresolved(`“${m[0]}”`);
      return relative(anchor.date.slice(0, 4), anchor, `a season, in the year of the ${name(anchor)}`);
    },
  },
  {
    // "2023-2026", "2023–26"; not the "2023-07" of an ISO date.
    pattern: new RegExp(`\\b(${year})\\s*[-–—]\\s*(${year}|\\d\\d)\\b(?![-–]\\d)`, 'g'),
    resolve(m) {
      const from = m[1]!;
      const to = m[2]!.length === 2 ? from.slice(0, 2) + m[2]! : m[2]!;
      if (Number(to) <= Number(from)) return undefined;
      return { value: `${from}/${to}`, relative: false, anchor: 'absolute', how: 'a range of years' };
    },
  },
  {
    // "the early 2010s" → 2010/2013; "the 1990s" → 1990/1999.
    pattern: /\b(?:the\s+)?(early|mid|late)?[-\s]?((?:1[89]|20)\d)0s\b/gi,
    resolve(m) {
      const decade = Number(`${m[2]}0`);
      const [from, to] = { early: [0, 3], mid: [3, 6], late: [6, 9] }[m[1]?.toLowerCase() as 'early'] ?? [
        0, 9,
      ];
      return {
        value: `${decade + from}/${decade + to}`,
        relative: false,
        anchor: 'absolute',
        how: `${m[1] ? `the ${m[1].toLowerCase()} part of ` : ''}a decade`,
      };
    },
  },
  {
    pattern: /\b(last|next|this|previous|coming|past)\s+(year|month)\b/gi,
    resolve(m, anchor) {
      if (!anchor) return unresolved(`“${m[0]}”`);
      const step = { last: -1, previous: -1, past: -1, next: 1, coming: 1, this: 0 }[
        m[1]!.toLowerCase() as 'last'
      ];
      const y = Number(anchor.date.slice(0, 4));
      if (m[2]!.toLowerCase() === 'year')
        return relative(String(y + step), anchor, `“${m[0]}” counted from the ${name(anchor)}`);
      const date = new Date(Date.UTC(y, Number(anchor.date.slice(5, 7)) - 1 + step, 1));
      return relative(date.toISOString().slice(0, 7), anchor, `“${m[0]}” counted from the ${name(anchor)}`);
    },
  },
  {
    // "over the next four years" from a 2023 dateline → 2023/2027.
    pattern: /\b(?:over|in|within|for|during)\s+the\s+(next|coming|past|last)\s+(\w+)\s+years\b/gi,
    resolve(m, anchor) {
      const count = numberWords[m[2]!.toLowerCase()] ?? Number(m[2]);
      if (!Number.isFinite(count) || count <= 0) return undefined;
      if (!anchor) return unresolved(`“${m[0]}”`);
      const y = Number(anchor.date.slice(0, 4));
      const ahead = /next|coming/i.test(m[1]!);
      return relative(
        ahead ? `${y}/${y + count}` : `${y - count}/${y}`,
        anchor,
        `${count} years ${ahead ? 'from' : 'up to'} the ${name(anchor)}`,
      );
    },
  },
  {
    pattern: /\b(?:(?:earlier|later)\s+(?:that|the same)\s+day|that same day|the same day)\b/gi,
    resolve(m, anchor) {
      if (!anchor || anchor.source !== 'dateline') return unresolved(`“${m[0]}”`);
      return relative(anchor.date, anchor, `“${m[0]}”: taken as the ${name(anchor)}’s day`);
    },
  },
  {
    // A bare year after a cue: "through 2026", "in 2019", "by 2030", "fiscal 2026", "mid-2023"; not
    // "FY2026" or "1,223".
    // Also "the 1904 treaty", "a 2016 accord", "their 2010 level": a year that names which one, before
    // a lower-case word; and the second of two years ("of 1892 and 1924").
    pattern: new RegExp(
      `\\b(?:(?:in|by|through|until|till|since|from|before|after|during|of|to|between|early|late|mid|fiscal(?:\\s+year)?)\\s+|mid-|(?<=\\b${year}\\s+(?:and|or)\\s+))(${year})\\b(?![-–/]?\\d)|\\b(?:the|a|an|its|their|his|her|our|this|that)\\s+(${year})(?=\\s+\\p{Ll})`,
      'giu',
    ),
    group: 1,
    resolve(m) {
      return { value: (m[1] ?? m[2])!, relative: false, anchor: 'absolute', how: 'a year' };
    },
  },
];

/** Dates in one sentence that chrono-node misses, with absolute offsets. */
export function patternDates(
  sentence: string,
  offset: number,
  anchor: DateAnchorInput | null,
): DateMention[] {
  const found: DateMention[] = [];
  for (const { pattern, group, resolve } of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      const resolvedValue = resolve(m, anchor);
      if (!resolvedValue) continue;
      const written = group ? (m[group] ?? m[group + 1]!) : m[0].replace(/^the\s+/i, '');
      const start = offset + m.index + m[0].indexOf(written);
      const span = { start, end: start + written.length };
      if (found.some((f) => span.start < f.span.end && f.span.start < span.end)) continue;
      found.push({ text: written, span, ...resolvedValue });
    }
  }
  return found;
}

function relative(value: string, anchor: DateAnchorInput, how: string): Omit<DateMention, 'text' | 'span'> {
  return {
    value,
    relative: true,
    anchor: anchor.source,
    how: anchor.source === 'inferred' ? `${how} (inferred date)` : how,
  };
}

function unresolved(what: string): Omit<DateMention, 'text' | 'span'> {
  return { value: null, relative: true, anchor: 'unresolved', how: `no dateline: ${what} left unresolved` };
}

function name(anchor: DateAnchorInput): string {
  return anchor.source === 'dateline' ? `dateline (${anchor.date})` : `inferred date (${anchor.date})`;
}
