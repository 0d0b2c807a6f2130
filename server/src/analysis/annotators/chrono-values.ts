/** The parts of a chrono-node result that the text states, as opposed to the ones chrono implies. */
import type { ParsedComponents } from 'chrono-node';

/** Date and time components stated in the text. */
export interface Known {
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  hour?: number;
  minute?: number;
  timezoneOffset?: number;
}

const components = ['year', 'month', 'day', 'weekday', 'hour', 'minute', 'timezoneOffset'] as const;

/** The components chrono found written, not filled in from its reference date. */
export function knownValues(parsed: ParsedComponents): Known {
  const known: Known = {};
  for (const component of components) {
    if (parsed.isCertain(component)) {
      const value = parsed.get(component);
      if (value !== null && value !== undefined) known[component] = value;
    }
  }
  return known;
}
