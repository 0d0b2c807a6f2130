/**
 * The gold format shared by the seeds (test/fixtures/seeds.gold.json) and the corpora under
 * test/fixtures/corpora/<story>/gold.json, and where each corpus lives.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A span of gold text: a 0-based line and an exact substring of it. */
export interface GoldSpan {
  file: string;
  line: number;
  text: string;
  kind?: string;
  expected?: string;
}

/** An expected date value; `value` null means "left unresolved", `accept` lists other right answers. */
export interface GoldDate extends GoldSpan {
  value: string | null;
  accept?: string[];
}

/** An article's dateline, or null text when the article has none. */
export interface GoldDateline {
  file: string;
  line: number | null;
  text: string | null;
  value: string | null;
}

/** A person mention with its UTF-16 character offset in the line. */
export interface GoldPerson extends GoldSpan {
  character: number;
  canonical: string;
}

/** One corpus's gold file. */
export interface Gold {
  datelines: GoldDateline[];
  dates: GoldDate[];
  persons: GoldPerson[];
  places_recall: GoldSpan[];
  organizations_recall: GoldSpan[];
  furniture_lines: Record<string, [number, number][]>;
  expected_diagnostics: GoldSpan[];
  expected_one_of?: GoldSpan[][];
  optional_diagnostics?: GoldSpan[];
  must_not_flag: GoldSpan[];
  /** Each place a long form is written with its acronym (corpora written blind). */
  acronyms?: (GoldSpan & { acronym: string })[];
  /** Each mention of a person in an office: `text` is the name as written there. */
  offices?: (GoldSpan & { office: string; holder: string; date?: string })[];
  /** Errors the writer planted, as patches applied one at a time to the clean text. */
  planted?: GoldPatch[];
  /** Dates in widgets or headline lists that are not the page's own. */
  furniture_dates?: GoldSpan[];
  /** "Updated" stamps. */
  updated_dates?: GoldDate[];
}

/** A planted error: on `line` of `file`, `find` becomes `replace`; a finding of `kind` should cover `flag`. */
export interface GoldPatch {
  file: string;
  line: number;
  find: string;
  replace: string;
  kind: string;
  flag: string;
  fix?: string;
  why?: string;
}

/** A named corpus: its articles' folder and its gold. */
export interface GoldCorpus {
  name: string;
  dir: string;
  gold: Gold;
  /**
   * Written blind and never opened by whoever tunes the analysis (test/fixtures/sealed/): read only
   * through totals, never through its misses.
   */
  sealed: boolean;
}

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * The seeds, every tuning corpus under test/fixtures/corpora and every sealed one under
 * test/fixtures/sealed that has a gold.json.
 */
export function goldCorpora(): GoldCorpus[] {
  const read = (path: string): Gold => JSON.parse(readFileSync(path, 'utf8')) as Gold;
  const corpora: GoldCorpus[] = [
    { name: 'seeds', dir: join(root, 'seeds'), gold: read(join(root, 'test', 'fixtures', 'seeds.gold.json')), sealed: false },
  ];
  for (const [folder, sealed] of [['corpora', false], ['sealed', true]] as const) {
    const base = join(root, 'test', 'fixtures', folder);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const gold = join(base, name, 'gold.json');
      if (existsSync(gold)) corpora.push({ name, dir: join(base, name), gold: read(gold), sealed });
    }
  }
  return corpora;
}
