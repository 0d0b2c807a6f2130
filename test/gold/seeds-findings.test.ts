/**
 * The seeds' hand-made gold (test/fixtures/seeds.gold.json): every expected finding with its fix,
 * one of each expected_one_of group, nothing on a must_not_flag span or on page furniture, and no
 * other warning or error.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Corpus } from '../../server/src/analysis/index.js';
import type { Finding } from '../../server/src/analysis/index.js';
import { linesOf } from '../../server/src/analysis/tokenize.js';

const root = join(import.meta.dirname, '..', '..', '..');
const seeds = join(root, 'seeds');
const gold = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'seeds.gold.json'), 'utf8')) as Gold;

interface GoldSpan {
  file: string;
  line: number;
  text: string;
  kind?: string;
  expected?: string;
}
interface Gold {
  expected_diagnostics: GoldSpan[];
  expected_one_of: GoldSpan[][];
  optional_diagnostics: GoldSpan[];
  must_not_flag: GoldSpan[];
  furniture_lines: Record<string, [number, number][]>;
}

interface Located {
  file: string;
  line: number;
  startInLine: number;
  endInLine: number;
  finding: Finding;
}

function analyseSeeds(): Located[] {
  const corpus = new Corpus();
  const files = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
  for (const file of files) corpus.upsert({ id: file, text: readFileSync(join(seeds, file), 'utf8') });
  return files.flatMap((file) => {
    const lines = linesOf(corpus.article(file)!.text);
    return corpus.findings(file).map((finding) => {
      const line = lines.findIndex((l) => l.start <= finding.span.start && finding.span.start <= l.end);
      return { file, line, startInLine: finding.span.start - lines[line]!.start, endInLine: finding.span.end - lines[line]!.start, finding };
    });
  });
}

const serious = (l: Located): boolean => l.finding.severity === 'error' || l.finding.severity === 'warning';

function matches(l: Located, g: GoldSpan): boolean {
  if (l.file !== g.file || l.line !== g.line || (g.kind && l.finding.ruleId !== g.kind)) return false;
  const lineText = readFileSync(join(seeds, g.file), 'utf8').split(/\r?\n/)[g.line]!;
  const at = lineText.indexOf(g.text);
  // The finding covers the gold text, or (for a name) lies inside it: the part that differs.
  return (l.startInLine <= at && at + g.text.length <= l.endInLine) || (at <= l.startInLine && l.endInLine <= at + g.text.length);
}

const describeFinding = (l: Located): string => `${l.file}:${l.line} ${l.finding.ruleId} “${l.finding.actual}” ${l.finding.message}`;

describe('seeds gold: findings', () => {
  const found = analyseSeeds();

  for (const expected of gold.expected_diagnostics) {
    it(`finds ${expected.kind} on “${expected.text}” in ${expected.file}:${expected.line}`, () => {
      const hit = found.find((l) => serious(l) && matches(l, expected));
      assert.ok(hit, `not found; findings:\n${found.map(describeFinding).join('\n')}`);
      if (expected.expected) {
        const replacements = hit.finding.fixes.flatMap((f) => f.edits.map((e) => e.newText));
        assert.ok(
          replacements.some((r) => expected.expected!.includes(r) || r.includes(expected.expected!)),
          `fix ${JSON.stringify(replacements)} does not give “${expected.expected}”`,
        );
      }
    });
  }

  gold.expected_one_of.forEach((group, i) => {
    it(`finds one of expected_one_of group ${i + 1}`, () => {
      assert.ok(group.some((g) => found.some((l) => serious(l) && matches(l, g))), found.map(describeFinding).join('\n'));
    });
  });

  it('raises no warning or error on a must_not_flag span', () => {
    const hits = gold.must_not_flag.flatMap((g) => found.filter((l) => serious(l) && matches(l, { ...g, kind: undefined! })));
    assert.deepEqual(hits.map(describeFinding), []);
  });

  it('raises no warning or error on page furniture', () => {
    const onFurniture = found.filter(
      (l) => serious(l) && (gold.furniture_lines[l.file] ?? []).some(([from, to]) => from <= l.line && l.line <= to),
    );
    assert.deepEqual(onFurniture.map(describeFinding), []);
  });

  it('raises no other warning or error', () => {
    const allowed = [...gold.expected_diagnostics, ...gold.expected_one_of.flat(), ...gold.optional_diagnostics];
    const others = found.filter((l) => serious(l) && !allowed.some((g) => matches(l, g)));
    assert.deepEqual(others.map(describeFinding), []);
  });
});
