/**
 * Error injection: plants one error at a time in a clean gold corpus, seeded and reproducible, and
 * says whether a warning of the right rule covers it and whether that warning's fix restores the
 * original words. The classes are the contradictions reporters make; the cases come from the gold
 * (people, acronyms, page dates, offices) and from the text (weekdays), never from the rules.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, RuleId } from '../../server/src/analysis/index.js';
import { cleanAnalysis, cleanCorpus } from './clean.js';
import type { GoldCorpus } from './gold.js';

/** What kind of error a case plants. */
export type InjectionClass = 'surname' | 'first-name' | 'weekday' | 'acronym' | 'page-year' | 'office' | 'planted';

export const injectionClasses: InjectionClass[] = ['surname', 'first-name', 'weekday', 'acronym', 'page-year', 'office', 'planted'];

/** One planted error: `original` at [start, end) of `file` becomes `replacement`. */
export interface Injection {
  cls: InjectionClass;
  file: string;
  start: number;
  end: number;
  original: string;
  replacement: string;
  /** The rules whose warning counts as finding it. */
  rules: RuleId[];
  /** The part of the replacement a warning must overlap, relative to `start`; the whole by default. */
  flag?: [number, number];
  /** Whether a fix must restore the original text (names, acronyms, weekdays). */
  restores: boolean;
  /** Any warning of `rules` in the file counts (a page's year may surface anywhere in it). */
  anywhere?: boolean;
}

/** What happened to one case. */
export interface InjectionResult {
  injection: Injection;
  found: boolean;
  fixed: boolean;
  /** What was found instead, or nothing: for reading misses of the tuning corpora. */
  detail: string;
}

/** A deterministic pseudo-random generator (mulberry32), so a seed gives the same cases every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

/** Keys next to each letter on a QWERTY keyboard: the substitutions a typist makes. */
const neighbours: Record<string, string> = {
  q: 'wa', w: 'qes', e: 'wrd', r: 'etf', t: 'ryg', y: 'tuh', u: 'yij', i: 'uok', o: 'ipl', p: 'ol',
  a: 'qsz', s: 'adwx', d: 'sfec', f: 'dgrv', g: 'fhtb', h: 'gjyn', j: 'hkum', k: 'jli', l: 'ko',
  z: 'xa', x: 'zcs', c: 'xvd', v: 'cbf', b: 'vng', n: 'bmh', m: 'nj',
};

/** A typist's slip in a word, never in its first letter: transposition, a neighbouring key, a doubled or dropped letter. */
export function typo(word: string, rnd: () => number): string | undefined {
  const letters = [...word];
  if (letters.length < 4) return undefined;
  for (let attempt = 0; attempt < 12; attempt++) {
    const kind = pick(rnd, ['transpose', 'substitute', 'double', 'drop'] as const);
    const i = 1 + Math.floor(rnd() * (letters.length - 1));
    const out = [...letters];
    const lower = out[i]!.toLowerCase();
    if (kind === 'transpose') {
      if (i + 1 >= out.length || out[i] === out[i + 1] || !/\p{L}/u.test(out[i + 1]!)) continue;
      [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
    } else if (kind === 'substitute') {
      const keys = neighbours[lower];
      if (!keys) continue;
      const key = pick(rnd, [...keys]);
      out[i] = out[i] === lower ? key : key.toUpperCase();
    } else if (kind === 'double') {
      if (!/\p{L}/u.test(out[i]!)) continue;
      out.splice(i, 0, out[i]!);
    } else {
      if (!/\p{L}/u.test(out[i]!) || out[i - 1] === out[i]) continue;
      out.splice(i, 1);
    }
    const result = out.join('');
    if (result !== word) return result;
  }
  return undefined;
}

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthPattern = '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
/** "Tuesday, March 6, 2018", "Tuesday, March 6", "Tuesday 6 March 2018". */
const weekdayDate = new RegExp(
  `\\b(${weekdays.join('|')}),? (?:${monthPattern} (\\d{1,2})|(\\d{1,2}) ${monthPattern})(?:,? (\\d{4}))?\\b`,
  'g',
);

/** Words an institution's name is made of, for changing one word of a long form. */
const institutionWords = [
  'Agency', 'Alliance', 'Association', 'Authority', 'Board', 'Bureau', 'Centre', 'Commission', 'Committee',
  'Council', 'Development', 'Economic', 'Federal', 'Finance', 'Financial', 'Forum', 'Foundation', 'Fund',
  'General', 'Global', 'Group', 'Institute', 'International', 'Investment', 'Joint', 'Management', 'National',
  'Network', 'Office', 'Organisation', 'Partnership', 'Planning', 'Programme', 'Public', 'Regional', 'Research',
  'Resources', 'Security', 'Service', 'Social', 'Standards', 'Strategic', 'Technical', 'Trade', 'Union', 'United',
];

interface Texts {
  files: string[];
  texts: Map<string, string>;
  starts: Map<string, number[]>;
}

function readTexts(dir: string): Texts {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const texts = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const starts = new Map(
    files.map((f) => {
      const text = texts.get(f)!;
      const result = [0];
      for (let i = 0; i < text.length; i++) if (text[i] === '\n') result.push(i + 1);
      return [f, result];
    }),
  );
  return { files, texts, starts };
}

/** Every case of every class for one corpus, in a fixed order; `perClass` keeps a seeded sample. */
export function injections(corpus: GoldCorpus, seed = 1, perClass = Infinity): Injection[] {
  const { texts, starts } = readTexts(corpus.dir);
  const rnd = random(seed);
  const gold = corpus.gold;
  const lineOf = (file: string, line: number): string => {
    const s = starts.get(file)!;
    return texts.get(file)!.slice(s[line]!, s[line + 1] ?? undefined).replace(/\r?\n$/, '');
  };
  const offset = (file: string, line: number, character: number): number => starts.get(file)![line]! + character;
  const furniture = (file: string, line: number): boolean =>
    (gold.furniture_lines?.[file] ?? []).some(([a, b]) => a <= line && line <= b);
  const cases: Injection[] = [];

  // Names: a word of a person's mention mistyped, where the corpus writes it right elsewhere.
  const persons = gold.persons ?? [];
  const tokens = (s: string): string[] => s.split(/\s+/).filter(Boolean);
  const written = (word: string, except: (typeof persons)[number]): number =>
    persons.filter((p) => p !== except && tokens(p.text).includes(word)).length;
  const knownWords = new Set(persons.flatMap((p) => tokens(p.text)));
  for (const p of persons) {
    if (furniture(p.file, p.line)) continue;
    const words = tokens(p.text);
    const canonical = tokens(p.canonical);
    const surname = words[words.length - 1]!;
    const plant = (cls: InjectionClass, word: string, at: number): void => {
      const wrong = typo(word, rnd);
      if (!wrong || knownWords.has(wrong)) return;
      const start = offset(p.file, p.line, p.character + at);
      cases.push({ cls, file: p.file, start, end: start + word.length, original: word, replacement: wrong, rules: ['name-variant'], restores: true });
    };
    if (surname === canonical[canonical.length - 1] && /^\p{Lu}/u.test(surname) && written(surname, p) >= 2)
      plant('surname', surname, p.text.lastIndexOf(surname));
    const first = words[0]!;
    // Initials ("B.K.") are no first name to mistype: a slip there is no misspelling of a name.
    if (
      words.length >= 2 &&
      !/^(?:\p{Lu}\.)+$/u.test(first) &&
      first === canonical[0] &&
      persons.some((q) => q !== p && q.canonical === p.canonical && q.text.startsWith(`${first} `) && q.text.endsWith(surname))
    )
      plant('first-name', first, 0);
  }

  // Weekdays: a right "Weekday, Month D[, YYYY]" given another weekday.
  const pageYear = new Map(
    (gold.datelines ?? []).filter((d) => d.value).map((d) => [d.file, Number(d.value!.slice(0, 4))]),
  );
  for (const [file, text] of texts) {
    for (const m of text.matchAll(weekdayDate)) {
      const line = starts.get(file)!.filter((s) => s <= m.index).length - 1;
      if (furniture(file, line)) continue;
      const monthWord = m[2] ?? m[5]!;
      const day = Number(m[3] ?? m[4]);
      const year = m[6] ? Number(m[6]) : pageYear.get(file);
      if (year === undefined) continue;
      const month = months.findIndex((name) => name.startsWith(monthWord.replace('.', '').slice(0, 3)));
      const date = new Date(Date.UTC(year, month, day));
      if (weekdays[date.getUTCDay()] !== m[1]) continue;
      const other = pick(rnd, weekdays.filter((w) => w !== m[1]));
      cases.push({
        cls: 'weekday',
        file,
        start: m.index,
        end: m.index + m[1]!.length,
        original: m[1]!,
        replacement: other,
        rules: ['weekday-mismatch'],
        restores: true,
      });
    }
  }

  // Acronyms: one word of a long form changed, where the same long form is written elsewhere.
  const longForms = gold.acronyms ?? detectAcronyms(texts, starts);
  for (const a of longForms) {
    if (longForms.filter((b) => b !== a && b.text === a.text).length === 0) continue;
    const line = lineOf(a.file, a.line);
    const at = line.indexOf(a.text);
    if (at < 0) continue;
    const words = [...a.text.matchAll(/\p{Lu}[\p{L}'’-]+/gu)];
    if (words.length < 2) continue;
    const word = pick(rnd, words);
    const sameInitial = institutionWords.filter((w) => w[0] === word[0]![0] && w !== word[0] && !a.text.includes(w));
    const others = sameInitial.length > 0 ? sameInitial : institutionWords.filter((w) => !a.text.includes(w));
    const replacementWord = pick(rnd, others);
    const start = offset(a.file, a.line, at + word.index);
    cases.push({
      cls: 'acronym',
      file: a.file,
      start,
      end: start + word[0].length,
      original: word[0],
      replacement: replacementWord,
      rules: ['acronym-expansion'],
      restores: true,
    });
  }

  // Page dates: the year moved by one.
  for (const d of gold.datelines ?? []) {
    if (d.line === null || d.text === null || !d.value) continue;
    const year = d.value.slice(0, 4);
    const line = lineOf(d.file, d.line);
    const at = line.indexOf(d.text);
    const inText = d.text.indexOf(year);
    if (at < 0 || inText < 0) continue;
    const moved = String(Number(year) + (rnd() < 0.5 ? -1 : 1));
    const start = offset(d.file, d.line, at + inText);
    cases.push({
      cls: 'page-year',
      file: d.file,
      start,
      end: start + 4,
      original: year,
      replacement: moved,
      rules: ['dateline-conflict', 'weekday-mismatch'],
      restores: false,
      anywhere: true,
    });
  }

  // Offices: a holder's name given to someone else, where another article names the holder within days.
  const offices = gold.offices ?? [];
  const canonicals = [...new Set(persons.map((p) => p.canonical))];
  const days = (a: string, b: string): number => Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;
  for (const o of offices) {
    if (!o.date || furniture(o.file, o.line)) continue;
    const confirmed = offices.some(
      (q) => q.file !== o.file && q.office === o.office && q.holder === o.holder && q.date !== undefined && days(q.date, o.date!) <= 10,
    );
    if (!confirmed) continue;
    const others = canonicals.filter((c) => c !== o.holder && !offices.some((q) => q.holder === c && q.office === o.office));
    if (others.length === 0) continue;
    const other = tokens(pick(rnd, others));
    const replacement = tokens(o.text).length === 1 ? other[other.length - 1]! : other.join(' ');
    const line = lineOf(o.file, o.line);
    const at = line.indexOf(o.text);
    if (at < 0) continue;
    const start = offset(o.file, o.line, at);
    cases.push({ cls: 'office', file: o.file, start, end: start + o.text.length, original: o.text, replacement, rules: ['role-conflict'], restores: false });
  }

  // Errors the corpus writer planted, each as a patch.
  for (const p of gold.planted ?? []) {
    const line = lineOf(p.file, p.line);
    const at = line.indexOf(p.find);
    if (at < 0) continue;
    const start = offset(p.file, p.line, at);
    const flagAt = p.replace.indexOf(p.flag);
    cases.push({
      cls: 'planted',
      file: p.file,
      start,
      end: start + p.find.length,
      original: p.find,
      replacement: p.replace,
      rules: [p.kind as RuleId],
      flag: [flagAt, flagAt + p.flag.length],
      restores: p.fix !== undefined && p.replace.replace(p.flag, p.fix) === p.find,
      anywhere: p.kind === 'dateline-conflict',
    });
  }

  if (perClass === Infinity) return cases;
  const sampled: Injection[] = [];
  for (const cls of injectionClasses) {
    const of = cases.filter((c) => c.cls === cls);
    const order = random(seed + cls.length);
    const shuffled = of.map((c) => ({ c, k: order() })).sort((a, b) => a.k - b.k).map((x) => x.c);
    sampled.push(...shuffled.slice(0, perClass));
  }
  return sampled;
}

/** `Long Form (ACR)` in the text where the long form's capitals spell the acronym, for gold without acronyms. */
function detectAcronyms(texts: Map<string, string>, starts: Map<string, number[]>): { file: string; line: number; text: string; acronym: string }[] {
  const found: { file: string; line: number; text: string; acronym: string }[] = [];
  for (const [file, text] of texts) {
    for (const m of text.matchAll(/((?:\p{Lu}[\p{L}'’-]*(?: (?:of|for|and|on|the|de|in))* ?)+) \((\p{Lu}{2,8})\)/gu)) {
      const acronym = m[2]!;
      const words = m[1]!.trim().split(' ').filter((w) => /^\p{Lu}/u.test(w));
      const tail = words.slice(-acronym.length);
      if (tail.length !== acronym.length || tail.map((w) => w[0]).join('') !== acronym) continue;
      const longForm = m[1]!.trim().slice(m[1]!.trim().indexOf(tail[0]!));
      const at = m.index + m[0].indexOf(longForm);
      const line = starts.get(file)!.filter((s) => s <= at).length - 1;
      found.push({ file, line, text: longForm, acronym });
    }
  }
  return found;
}

/** Runs each case alone against the clean corpus and says what was found. */
export function runInjections(corpus: GoldCorpus, cases: Injection[]): InjectionResult[] {
  const { files, texts } = readTexts(corpus.dir);
  const analysis = cleanCorpus(corpus.dir, texts);
  const warnings = (file: string): Finding[] =>
    analysis.findings(file).filter((f) => f.severity === 'warning' || f.severity === 'error');
  const cleanKeys = new Map(files.map((f) => [f, new Set(warnings(f).map(key))]));
  const results: InjectionResult[] = [];
  for (const c of cases) {
    const original = texts.get(c.file)!;
    const text = original.slice(0, c.start) + c.replacement + original.slice(c.end);
    analysis.upsert({ id: c.file, text });
    const [from, to] = c.flag ? [c.start + c.flag[0], c.start + c.flag[1]] : [c.start, c.start + c.replacement.length];
    const mine = warnings(c.file).filter((f) => c.rules.includes(f.ruleId));
    const hits = mine.filter((f) =>
      c.anywhere ? !cleanKeys.get(c.file)!.has(key(f)) || (f.span.start < to && from < f.span.end) : f.span.start < to && from < f.span.end,
    );
    const fixed = hits.some((f) => f.fixes.some((fix) => apply(text, c.file, fix.edits) === original));
    const detail =
      hits.length > 0
        ? hits.map((f) => `${f.ruleId}: ${f.message}`).join(' | ')
        : describeNear(analysis.findings(c.file), from, to);
    results.push({ injection: c, found: hits.length > 0, fixed: c.restores ? fixed : hits.length > 0, detail });
    analysis.adopt(cleanAnalysis(corpus.dir, c.file, original));
  }
  return results;
}

/** The warnings and errors of a clean corpus, for the false-alarm rate. */
export function cleanWarnings(corpus: GoldCorpus): { file: string; finding: Finding }[] {
  const { files, texts } = readTexts(corpus.dir);
  const analysis = cleanCorpus(corpus.dir, texts);
  return files.flatMap((file) =>
    analysis
      .findings(file)
      .filter((f) => f.severity === 'warning' || f.severity === 'error')
      .map((finding) => ({ file, finding })),
  );
}

const key = (f: Finding): string => `${f.ruleId}:${f.span.start}:${f.span.end}`;

function apply(text: string, file: string, edits: { articleId: string; span: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const e of edits.filter((e) => e.articleId === file).sort((a, b) => b.span.start - a.span.start))
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

function describeNear(findings: Finding[], from: number, to: number): string {
  const near = findings.filter((f) => f.span.start < to && from < f.span.end);
  return near.length === 0 ? 'nothing there' : near.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`).join(' | ');
}
