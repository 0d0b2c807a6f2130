/** Looking up places and demonyms in the generated gazetteer (server/data/gazetteer.json). */
import { lowerCase } from '../memo.js';
import gazetteer from '../../../data/gazetteer.json' with { type: 'json' };

type CountryRow = [string, string, string[], string[], string[], string, string];
const countryRows = gazetteer.countries as CountryRow[];
const cityRows = gazetteer.cities as [string, string][];
const provinceRows = gazetteer.provinces as [string, string][];

/** What the gazetteer knows of a place name. */
export interface Place {
  /** A region is a part of the world ("Europe"); a province a state, province or region of one country ("Bavaria"). */
  kind: 'country' | 'capital' | 'city' | 'province' | 'region';
  /** The country's common name; absent for a region ("Europe"). */
  country?: string;
}

interface Tables {
  places: Map<string, Place>;
  demonyms: Map<string, string>;
  longest: number;
}

let tables: Tables | undefined;

function load(): Tables {
  const places = new Map<string, Place>();
  const demonyms = new Map<string, string>();
  const add = (name: string, place: Place): void => {
    const key = name.toLowerCase();
    // A country beats a capital beats a city of the same name ("Luxembourg", "Mexico").
    if (!places.has(key)) places.set(key, place);
  };
  // Territories share their state's demonym ("Norwegian", "American"): the demonym is the country's
  // with more towns in the gazetteer, which is the state, not the islands.
  const towns = new Map<string, number>();
  for (const [, country] of cityRows) towns.set(country, (towns.get(country) ?? 0) + 1);
  const larger = (a: string, b: string): boolean => (towns.get(a) ?? 0) > (towns.get(b) ?? 0);
  for (const [name, , aliases, demonymList, capitals, region, subregion] of countryRows) {
    add(name, { kind: 'country', country: name });
    for (const alias of aliases) add(alias, { kind: 'country', country: name });
    for (const demonym of demonymList) {
      const held = demonyms.get(demonym.toLowerCase());
      if (!held || larger(name, held)) demonyms.set(demonym.toLowerCase(), name);
    }
    for (const capital of capitals) add(capital, { kind: 'capital', country: name });
    if (region) add(region, { kind: 'region' });
    if (subregion) add(subregion, { kind: 'region' });
  }
  for (const [name, country] of cityRows) add(name, { kind: 'city', country });
  // After the cities: "Lagos" the city, not the state of that name.
  for (const [name, country] of provinceRows) add(name, { kind: 'province', country });
  const longest = Math.max(...[...places.keys(), ...demonyms.keys()].map((k) => k.split(' ').length));
  return { places, demonyms, longest };
}

function get(): Tables {
  tables ??= load();
  return tables;
}

const dottedCodes = new Set(['US', 'UK']);

/** The place a name denotes ("Riga" → capital of Latvia), or undefined. Case-insensitive. */
export function lookupPlace(name: string): Place | undefined {
  const place = get().places.get(lowerCase(name));
  if (place) return place;
  // "U.S.", "U.K.": the codes English news writes with dots, unambiguous where a bare "US" is a
  // pronoun. Other dotted pairs are a person's initials ("M.C. Roe"), not Monaco.
  if (name.length <= 6 && /^(\p{Lu}\.){2}$/u.test(name)) {
    const code = name.replace(/\./g, '');
    if (!dottedCodes.has(code)) return undefined;
    const alias = get().places.get(code.toLowerCase());
    if (alias?.kind === 'country') return alias;
    const row = countryRows.find((c) => c[1] === code);
    if (row) return { kind: 'country', country: row[0] };
  }
  return undefined;
}

/** The country a demonym belongs to ("South Korean" → "South Korea"), or undefined. */
export function countryOfDemonym(word: string): string | undefined {
  return get().demonyms.get(lowerCase(word));
}

/** The most words any gazetteer name has, for n-gram lookups. */
export function longestPlaceName(): number {
  return get().longest;
}
