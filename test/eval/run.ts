/**
 * `npm run eval`: scores the analysis on the seeds and every gold corpus, prints a table and exits 1
 * below issue 3's thresholds (pooled over corpora).
 */
import { rules } from '../../server/src/analysis/index.js';
import { goldCorpora } from './gold.js';
import type { Ratio, Score } from './score.js';
import { failures, personF1, pool, rate, scoreCorpus } from './score.js';

const pct = (r: Ratio): string => (r.of === 0 ? '   –  ' : `${(rate(r) * 100).toFixed(0).padStart(3)}% ${`${r.hit}/${r.of}`.padEnd(5)}`);
const num = (n: number): string => n.toFixed(3);

const corpora = goldCorpora();
const scores = corpora.map((c) => ({ name: c.name, score: scoreCorpus(c) }));
const rows: [string, Score][] = [...scores.map((s): [string, Score] => [s.name, s.score]), ['POOLED', pool(scores.map((s) => s.score))]];

const columns = ['corpus', 'person P', 'person R', 'person F1', 'places R', 'orgs R', 'date values', 'datelines', 'trap warnings'];
console.log(`| ${columns.join(' | ')} |`);
console.log(`|${columns.map(() => ' --- ').join('|')}|`);
for (const [name, s] of rows) {
  const p = personF1(s);
  console.log(
    `| ${[name, num(p.precision), num(p.recall), num(p.f1), pct(s.places), pct(s.organizations), pct(s.dateValues), pct(s.datelines), String(s.trapWarnings.length)].join(' | ')} |`,
  );
}
console.log('');
const ruleColumns = ['corpus', ...rules.flatMap((r) => [`${r.id} P`, `${r.id} R`])];
console.log(`| ${ruleColumns.join(' | ')} |`);
console.log(`|${ruleColumns.map(() => ' --- ').join('|')}|`);
for (const [name, s] of rows) {
  console.log(`| ${[name, ...rules.flatMap((r) => [pct(s.rules[r.id]!.precision), pct(s.rules[r.id]!.recall)])].join(' | ')} |`);
}

const pooled = rows[rows.length - 1]![1];
if (process.argv.includes('--verbose') || failures(pooled).length > 0) {
  console.log('\nWhat went wrong:');
  for (const { name, score } of scores) for (const m of [...score.trapWarnings, ...score.misses]) console.log(`  ${name}: ${m}`);
}
const failed = failures(pooled);
if (failed.length > 0) {
  console.log(`\nFAIL (pooled): ${failed.join('; ')}`);
  process.exitCode = 1;
} else console.log('\nPASS: every threshold met (pooled).');
