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
  expected_one_of: GoldSpan[][];
  optional_diagnostics: GoldSpan[];
  must_not_flag: GoldSpan[];
}

/** A named corpus: its articles' folder and its gold. */
export interface GoldCorpus {
  name: string;
  dir: string;
  gold: Gold;
}

const root = join(import.meta.dirname, '..', '..', '..');

/** The seeds and every corpus under test/fixtures/corpora that has a gold.json. */
export function goldCorpora(): GoldCorpus[] {
  const read = (path: string): Gold => JSON.parse(readFileSync(path, 'utf8')) as Gold;
  const corpora: GoldCorpus[] = [
    { name: 'seeds', dir: join(root, 'seeds'), gold: read(join(root, 'test', 'fixtures', 'seeds.gold.json')) },
  ];
  const base = join(root, 'test', 'fixtures', 'corpora');
  if (!existsSync(base)) return corpora;
  for (const name of readdirSync(base).sort()) {
    const gold = join(base, name, 'gold.json');
    if (existsSync(gold)) corpora.push({ name, dir: join(base, name), gold: read(gold) });
  }
  return corpora;
}
