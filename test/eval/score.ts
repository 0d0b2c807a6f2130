/**
 * Scores one corpus against its gold: persons (exact span), places and organisations (recall),
 * date values, datelines, and per-rule precision and recall of warnings and errors.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, RuleId, Span } from '../../server/src/analysis/index.js';
import { rules } from '../../server/src/analysis/index.js';
import { cleanCorpus } from './clean.js';
import type { GoldCorpus, GoldSpan } from './gold.js';

/** A count of hits out of a total: precision's or recall's numerator and denominator. */
export interface Ratio {
  hit: number;
  of: number;
}

/** Everything measured on one corpus (or pooled over several). */
export interface Score {
  persons: { tp: number; fp: number; fn: number };
  places: Ratio;
  organizations: Ratio;
  dateValues: Ratio;
  datelines: Ratio;
  rules: Record<string, { precision: Ratio; recall: Ratio }>;
  /** Warnings or errors on a must_not_flag span or a furniture line, described. */
  trapWarnings: string[];
  /** What went wrong, one line each, for reading the failures. */
  misses: string[];
}

/** A finding placed on its line. */
interface Located {
  file: string;
  line: number;
  from: number;
  to: number;
  finding: Finding;
}

/** Builds the corpus for a gold corpus and scores it. */
export function scoreCorpus(corpus: GoldCorpus): Score {
  const files = readdirSync(corpus.dir).filter((f) => f.endsWith('.txt')).sort();
  const texts = new Map(files.map((f) => [f, readFileSync(join(corpus.dir, f), 'utf8')]));
  const analysis = cleanCorpus(corpus.dir, texts);
  const lineStarts = new Map([...texts].map(([f, t]) => [f, starts(t)]));
  const lineText = (file: string, line: number): string => texts.get(file)!.split(/\r?\n/)[line] ?? '';
  const place = (file: string, span: Span): { line: number; from: number; to: number } => {
    const s = lineStarts.get(file)!;
    let line = 0;
    while (line + 1 < s.length && s[line + 1]! <= span.start) line++;
    return { line, from: span.start - s[line]!, to: span.end - s[line]! };
  };
  /** Where the gold text lies in its line, [from, to). */
  const at = (g: GoldSpan): { from: number; to: number } => {
    const from = lineText(g.file, g.line).indexOf(g.text);
    return { from, to: from + g.text.length };
  };
  const { gold } = corpus;
  const score: Score = emptyScore();

  // Persons: every person mention in the clusters, against the exhaustive gold list.
  const predicted = analysis
    .clusters()
    .filter((c) => c.type === 'person')
    .flatMap((c) => c.mentions.map((m) => ({ file: m.articleId, ...place(m.articleId, m.span), text: m.text })));
  const key = (file: string, line: number, from: number, length: number): string => `${file}:${line}:${from}:${length}`;
  const goldPersons = new Set(gold.persons.map((p) => key(p.file, p.line, p.character, p.text.length)));
  const predictedKeys = new Set(predicted.map((p) => key(p.file, p.line, p.from, p.to - p.from)));
  // The gold lists the persons outside page furniture only: a name on a furniture line (a byline, a
  // credit, a masthead) is neither right nor wrong by it.
  const furniture = (file: string, line: number): boolean =>
    (gold.furniture_lines?.[file] ?? []).some(([a, b]) => a <= line && line <= b);
  for (const p of predicted) {
    if (goldPersons.has(key(p.file, p.line, p.from, p.to - p.from))) score.persons.tp++;
    else if (furniture(p.file, p.line)) continue;
    else {
      score.persons.fp++;
      score.misses.push(`person FP ${p.file}:${p.line} “${p.text}”`);
    }
  }
  for (const p of gold.persons) {
    if (predictedKeys.has(key(p.file, p.line, p.character, p.text.length))) continue;
    score.persons.fn++;
    score.misses.push(`person FN ${p.file}:${p.line} “${p.text}”`);
  }

  // Places and organisations: recall of a mention of that type that covers the text or lies inside it.
  const recall = (list: GoldSpan[], ratio: Ratio, type: 'place' | 'organization'): void => {
    for (const g of list) {
      const { from, to } = at(g);
      const spans = analysis
        .annotations(g.file)
        .filter((a) => (a.kind === 'entity' && a.cluster.type === type) || (type === 'organization' && a.kind === 'acronym'))
        .map((a) => place(g.file, a.span))
        .filter((p) => p.line === g.line);
      const ok = spans.some((p) => (p.from <= from && to <= p.to) || (from <= p.from && p.to <= to && p.to > p.from));
      ratio.of++;
      if (ok) ratio.hit++;
      else score.misses.push(`${type} missed ${g.file}:${g.line} “${g.text}”`);
    }
  };
  recall(gold.places_recall, score.places, 'place');
  recall(gold.organizations_recall, score.organizations, 'organization');

  // Date values: the date mention overlapping the gold text on its line.
  for (const g of gold.dates) {
    const { from, to } = at(g);
    const mention = analysis
      .dates(g.file)
      .map((d) => ({ d, p: place(g.file, d.span) }))
      .find(({ p }) => p.line === g.line && p.from < to && from < p.to);
    const value = mention ? mention.d.value : undefined;
    // "T17:32Z" and "T17:32+00:00" are one instant, written two ways.
    const utc = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/(?:Z|[+-]00:?00)$/u, '+00:00') : v);
    const right = [g.value, ...(g.accept ?? [])].map(utc);
    score.dateValues.of++;
    // A duration or anything else that is no point in time (gold null) is right when given no value.
    const undated = g.value === null && (value === undefined || value === null);
    if (undated || (value !== undefined && (right.includes(utc(value)) || right.some((r) => weekFits(value, r))))) score.dateValues.hit++;
    else score.misses.push(`date ${g.file}:${g.line} “${g.text}” = ${value === undefined ? 'not found' : String(value)}, want ${String(g.value)}`);
  }

  // Datelines: the same line and the same calendar date, or none when the gold has none.
  for (const g of gold.datelines) {
    const dateline = analysis.article(g.file)?.structure.dateline ?? null;
    const ok =
      g.value === null
        ? dateline === null
        : dateline !== null && place(g.file, dateline.span).line === g.line && dateline.date === g.value.slice(0, 10);
    score.datelines.of++;
    if (ok) score.datelines.hit++;
    else score.misses.push(`dateline ${g.file}: ${dateline ? `${dateline.text} = ${dateline.date}` : 'none'}, want ${String(g.value)}`);
  }

  // Rules: warnings and errors against expected, expected_one_of and optional entries.
  const found: Located[] = files.flatMap((file) =>
    analysis
      .findings(file)
      .filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((finding) => ({ file, ...place(file, finding.span), finding })),
  );
  const matches = (l: Located, g: GoldSpan, anyKind = false): boolean => {
    if (l.file !== g.file || l.line !== g.line || (!anyKind && g.kind && l.finding.ruleId !== g.kind)) return false;
    const { from, to } = at(g);
    return l.from < to && from < l.to;
  };
  const describe = (l: Located): string => `${l.file}:${l.line} ${l.finding.ruleId} “${l.finding.actual}”`;
  for (const rule of rules) {
    const id: RuleId = rule.id;
    const expected = gold.expected_diagnostics.filter((g) => g.kind === id);
    const groups = (gold.expected_one_of ?? []).filter((group) => group.some((g) => g.kind === id));
    const allowed = [...gold.expected_diagnostics, ...(gold.expected_one_of ?? []).flat(), ...(gold.optional_diagnostics ?? [])].filter((g) => g.kind === id);
    const mine = found.filter((l) => l.finding.ruleId === id);
    const entry = (score.rules[id] = { precision: { hit: 0, of: mine.length }, recall: { hit: 0, of: expected.length + groups.length } });
    for (const l of mine) {
      if (allowed.some((g) => matches(l, g))) entry.precision.hit++;
      else score.misses.push(`${id} FP ${describe(l)}: ${l.finding.message}`);
    }
    for (const g of expected) {
      if (mine.some((l) => matches(l, g))) entry.recall.hit++;
      else score.misses.push(`${id} FN ${g.file}:${g.line} “${g.text}”`);
    }
    for (const group of groups) {
      if (group.some((g) => mine.some((l) => matches(l, g)))) entry.recall.hit++;
      else score.misses.push(`${id} FN one of ${group.map((g) => `${g.file}:${g.line} “${g.text}”`).join(', ')}`);
    }
  }
  for (const l of found) {
    const onTrap = gold.must_not_flag.some((g) => matches(l, g, true));
    const onFurniture = (gold.furniture_lines[l.file] ?? []).some(([a, b]) => a <= l.line && l.line <= b);
    if (onTrap || onFurniture) score.trapWarnings.push(`${onTrap ? 'trap' : 'furniture'}: ${describe(l)}`);
  }
  return score;
}

/** A score with nothing counted yet. */
export function emptyScore(): Score {
  const r = (): Ratio => ({ hit: 0, of: 0 });
  return { persons: { tp: 0, fp: 0, fn: 0 }, places: r(), organizations: r(), dateValues: r(), datelines: r(), rules: {}, trapWarnings: [], misses: [] };
}

/** The sum of several scores, for pooled figures. */
export function pool(scores: Score[]): Score {
  const total = emptyScore();
  const add = (a: Ratio, b: Ratio): void => {
    a.hit += b.hit;
    a.of += b.of;
  };
  for (const s of scores) {
    total.persons.tp += s.persons.tp;
    total.persons.fp += s.persons.fp;
    total.persons.fn += s.persons.fn;
    add(total.places, s.places);
    add(total.organizations, s.organizations);
    add(total.dateValues, s.dateValues);
    add(total.datelines, s.datelines);
    for (const [id, r] of Object.entries(s.rules)) {
      const t = (total.rules[id] ??= { precision: { hit: 0, of: 0 }, recall: { hit: 0, of: 0 } });
      add(t.precision, r.precision);
      add(t.recall, r.recall);
    }
    total.trapWarnings.push(...s.trapWarnings);
    total.misses.push(...s.misses);
  }
  return total;
}

/** A ratio as a number; an empty ratio counts as perfect (nothing to find, nothing wrongly found). */
export const rate = (r: Ratio): number => (r.of === 0 ? 1 : r.hit / r.of);

/** Person precision, recall and F1 from exact-span counts. */
export function personF1(s: Score): { precision: number; recall: number; f1: number } {
  const { tp, fp, fn } = s.persons;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The thresholds of issue 3, and which of them a score fails. */
export function failures(s: Score): string[] {
  const failed: string[] = [];
  for (const [id, r] of Object.entries(s.rules)) {
    if (rate(r.recall) < 0.9) failed.push(`${id} recall ${rate(r.recall).toFixed(2)} < 0.9`);
    if (rate(r.precision) < 0.9) failed.push(`${id} precision ${rate(r.precision).toFixed(2)} < 0.9`);
  }
  if (s.trapWarnings.length > 0) failed.push(`${s.trapWarnings.length} warning(s) on traps or furniture`);
  if (personF1(s).f1 < 0.95) failed.push(`person F1 ${personF1(s).f1.toFixed(3)} < 0.95`);
  if (rate(s.dateValues) < 0.9) failed.push(`date-value accuracy ${rate(s.dateValues).toFixed(2)} < 0.9`);
  return failed;
}

function starts(text: string): number[] {
  const result = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') result.push(i + 1);
  return result;
}

/**
 * The gold has no way to write a week ("2016-W15"): its writers give a day in it or its month. A
 * week is right where the gold's day lies in it, or the gold's month holds its Thursday (the day
 * ISO 8601 names a week's month and year by).
 */
export function weekFits(value: unknown, gold: unknown): boolean {
  const week = typeof value === 'string' ? /^(\d{4})-W(\d{2})$/u.exec(value) : null;
  if (!week || typeof gold !== 'string') return false;
  // The Monday of ISO week 1 is the Monday on or before 4 January.
  const jan4 = Date.UTC(Number(week[1]), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (Number(week[2]) - 1) * 7 * 86_400_000;
  const day = (offset: number): string => new Date(monday + offset * 86_400_000).toISOString().slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/u.test(gold)) return gold >= day(0) && gold <= day(6);
  if (/^\d{4}-\d{2}$/u.test(gold)) return day(3).startsWith(gold);
  return false;
}
