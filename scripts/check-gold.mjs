#!/usr/bin/env node
/**
 * Checks a corpus's gold.json against its articles, knowing nothing of the analysis: every span's
 * text lies on its line, persons' offsets are right, values are ISO dates, planted errors apply.
 *
 *   node scripts/check-gold.mjs DIR            report problems, exit 1 if any
 *   node scripts/check-gold.mjs DIR --locate   also fill in `line` (and `character`) of spans whose
 *                                              text occurs exactly once in the file, or whose `near`
 *                                              (a longer exact substring of the line) does, and write
 *                                              gold.json back
 *
 * Lines are 0-based; `character` is the 0-based UTF-16 offset in the line (what JavaScript's
 * String.prototype.indexOf gives).
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...flags] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/check-gold.mjs DIR [--locate]');
  process.exit(2);
}
const locate = flags.includes('--locate');
const goldPath = join(dir, 'gold.json');
const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
const files = new Map(
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8').split(/\r?\n/)]),
);
const problems = [];
const iso = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)?)?)?)?$/;

/** Finds or checks the line (and character) of one span; `where` names it in messages. */
function place(span, where, { character = false, nullable = false } = {}) {
  if (nullable && span.text === null) return;
  const lines = files.get(span.file);
  if (!lines) return problems.push(`${where}: no article ${span.file}`);
  if (typeof span.text !== 'string' || span.text === '') return problems.push(`${where}: text must be a non-empty string`);
  const key = span.near ?? span.text;
  const onLine = (i) => lines[i]?.includes(key) && lines[i].includes(span.text);
  if (locate && (typeof span.line !== 'number' || !onLine(span.line))) {
    const hits = lines.flatMap((l, i) => (l.includes(key) && l.includes(span.text) ? [i] : []));
    const count = lines.reduce((n, l) => n + l.split(key).length - 1, 0);
    if (hits.length === 1 && count === 1) span.line = hits[0];
  }
  if (typeof span.line !== 'number' || !onLine(span.line)) return problems.push(`${where}: “${span.text}” is not on line ${span.line} of ${span.file}`);
  if (character) {
    const line = lines[span.line];
    const base = span.near ? line.indexOf(span.near) : 0;
    const at = span.near ? base + span.near.indexOf(span.text) : line.indexOf(span.text);
    if (locate && (typeof span.character !== 'number' || line.slice(span.character, span.character + span.text.length) !== span.text)) {
      if (line.split(span.text).length === 2 || span.near) span.character = at;
    }
    if (line.slice(span.character, span.character + span.text.length) !== span.text)
      problems.push(`${where}: “${span.text}” is not at character ${span.character} of line ${span.line} in ${span.file}`);
  }
}

const list = (key) => (Array.isArray(gold[key]) ? gold[key] : []);
for (const key of ['datelines', 'dates', 'persons', 'places_recall', 'organizations_recall', 'acronyms', 'offices', 'expected_diagnostics', 'optional_diagnostics', 'must_not_flag', 'furniture_dates', 'updated_dates'])
  if (gold[key] !== undefined && !Array.isArray(gold[key])) problems.push(`${key} must be a list`);

list('datelines').forEach((d, i) => {
  place(d, `datelines[${i}]`, { nullable: true });
  if (d.value !== null && !iso.test(d.value)) problems.push(`datelines[${i}]: value ${d.value} is not ISO 8601`);
});
for (const f of files.keys()) if (!list('datelines').some((d) => d.file === f)) problems.push(`datelines: no entry for ${f} (use text/line/value null when the page prints no date)`);
list('updated_dates').forEach((d, i) => place(d, `updated_dates[${i}]`));
list('furniture_dates').forEach((d, i) => place(d, `furniture_dates[${i}]`));
list('dates').forEach((d, i) => {
  place(d, `dates[${i}]`);
  for (const v of [d.value, ...(d.accept ?? [])]) if (v !== null && !iso.test(v)) problems.push(`dates[${i}]: value ${v} is not ISO 8601`);
});
list('persons').forEach((p, i) => {
  place(p, `persons[${i}]`, { character: true });
  if (typeof p.canonical !== 'string') problems.push(`persons[${i}]: canonical missing`);
});
list('places_recall').forEach((p, i) => place(p, `places_recall[${i}]`));
list('organizations_recall').forEach((p, i) => place(p, `organizations_recall[${i}]`));
list('acronyms').forEach((a, i) => {
  place(a, `acronyms[${i}]`);
  if (typeof a.acronym !== 'string') problems.push(`acronyms[${i}]: acronym missing`);
});
list('offices').forEach((o, i) => {
  place(o, `offices[${i}]`);
  for (const k of ['office', 'holder']) if (typeof o[k] !== 'string') problems.push(`offices[${i}]: ${k} missing`);
  if (o.date !== undefined && !iso.test(o.date)) problems.push(`offices[${i}]: date ${o.date} is not ISO 8601`);
});
for (const key of ['expected_diagnostics', 'optional_diagnostics', 'must_not_flag']) list(key).forEach((g, i) => place(g, `${key}[${i}]`));
list('planted').forEach((p, i) => {
  const where = `planted[${i}]`;
  const lines = files.get(p.file);
  if (!lines) return problems.push(`${where}: no article ${p.file}`);
  if (locate && (typeof p.line !== 'number' || !lines[p.line]?.includes(p.find))) {
    const hits = lines.flatMap((l, j) => (l.includes(p.find) ? [j] : []));
    if (hits.length === 1) p.line = hits[0];
  }
  const line = lines[p.line] ?? '';
  if (line.split(p.find).length !== 2) return problems.push(`${where}: “${p.find}” must occur exactly once on line ${p.line} of ${p.file}`);
  if (typeof p.replace !== 'string' || p.replace === p.find) problems.push(`${where}: replace must differ from find`);
  if (typeof p.flag !== 'string' || !p.replace.includes(p.flag)) problems.push(`${where}: flag must be a substring of replace (the words a finding should cover)`);
  if (typeof p.kind !== 'string') problems.push(`${where}: kind missing`);
});
for (const [f, ranges] of Object.entries(gold.furniture_lines ?? {})) {
  if (!files.has(f)) problems.push(`furniture_lines: no article ${f}`);
  for (const r of ranges) if (!Array.isArray(r) || r.length !== 2 || r[0] > r[1]) problems.push(`furniture_lines[${f}]: ${JSON.stringify(r)} is not [first, last]`);
}

if (locate) writeFileSync(goldPath, `${JSON.stringify(gold, null, 1)}\n`);
for (const p of problems) console.log(p);
console.log(problems.length === 0 ? `gold OK: ${files.size} articles` : `${problems.length} problem(s)`);
process.exitCode = problems.length === 0 ? 0 : 1;
if (!existsSync(goldPath)) process.exitCode = 2;
