/**
 * The eval's figures as regression fences, per tuning corpus: issue 3's thresholds (rule precision
 * and recall ≥ 0.9, no warning on a trap or furniture, person F1 ≥ 0.95, date values ≥ 0.9) where a
 * corpus meets them, and a small fixed sample of injected errors. Sealed corpora are not tested
 * here: their misses must never be printed (`npm run eval` reports their totals).
 */
import assert from 'node:assert/strict';
import { goldCorpora } from './gold.js';
import type { InjectionClass } from './inject.js';
import { injectionClasses, injections, runInjections } from './inject.js';
import { failures, scoreCorpus } from './score.js';

/**
 * Thresholds a corpus is known to miss today (open work in the generality and time issues), by the
 * start of the failure's text. Anything else failing is a regression; remove an entry once it passes.
 */
const knownGaps: Record<string, string[]> = {
  // Product names ("Xbox Game Pass", "Candy Crush") have the shape of personal names and no title.
  // Its one dateline conflict rests on "a hearing" alone: an everyday kind of event, which two
  // articles may mean as two events, so it is information, not a warning (rules/dateline-conflict.ts).
  activision: ['person F1', 'dateline-conflict recall'],
  'andes-water': ['person F1', 'date-value', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'baltic-grid': ['person F1', 'date-value', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'gulf-desalination': ['person F1', 'date-value', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'rhine-delta': ['person F1', 'date-value', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'typhoon-east-asia': ['person F1', 'date-value', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'brazil-ports': ['person F1', 'date-value', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'mekong-dam': ['person F1', 'date-value', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'cauvery-tribunal': ['person F1', 'date-value', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'mindanao-nickel-probe': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'kenya-port-lease': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'balkan-motorway': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'nile-dam-talks': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'lagos-tribunal': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'dutch-nitrogen': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'nusantara-capital': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'lanka-crisis': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'ghana-cocoa': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'chile-lithium': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'ukraine-grain': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'japan-dam': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'maghreb-phosphate': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
  'levant-water': ['person F1', 'date-value', 'page-date', 'acronym-expansion precision', 'warning(s) on traps', 'name-variant precision', 'dateline-conflict precision', 'weekday-mismatch precision', 'role-conflict precision'],
};

const tuning = goldCorpora().filter((c) => !c.sealed);

describe('eval: tuning corpora meet the thresholds', () => {
  for (const corpus of tuning) {
    it(corpus.name, () => {
      const score = scoreCorpus(corpus);
      const gaps = knownGaps[corpus.name] ?? [];
      const failed = failures(score).filter((f) => !gaps.some((g) => f.includes(g)));
      assert.deepEqual(failed, [], [...failed, ...score.trapWarnings, ...score.misses].join('\n'));
    });
  }
});

/** The share of injected errors found today, per class, over a fixed sample: fences, not targets. */
const floors: Record<InjectionClass, number> = {
  surname: 0.75,
  'first-name': 0.75,
  weekday: 0.75,
  acronym: 0.5,
  'page-year': 0.3,
  office: 0.3,
  planted: 0.3,
};

describe('eval: errors planted one at a time in the tuning corpora (a fixed sample)', () => {
  it('finds each class at least as often as it did', function () {
    this.timeout(30_000);
    // One case per class from every other corpus: a fence, kept small so that npm test stays fast;
    // `npm run eval` plants every case in every corpus.
    const sample = tuning.filter((_, i) => i % 2 === 0);
    const results = sample.flatMap((corpus) => runInjections(corpus, injections(corpus, 1, 1)));
    for (const cls of injectionClasses) {
      const of = results.filter((r) => r.injection.cls === cls);
      if (of.length === 0) continue;
      const found = of.filter((r) => r.found).length / of.length;
      const missed = of.filter((r) => !r.found).map((r) => `${r.injection.file} “${r.injection.original}” → “${r.injection.replacement}”: ${r.detail}`);
      assert.ok(found >= floors[cls], `${cls}: ${found.toFixed(2)} < ${floors[cls]}\n${missed.join('\n')}`);
    }
  });
});
