/**
 * The built `dateline` command on the seeds, scored against the gold as a user's tool would read it:
 * `check --format json` diagnostics (with fixes) and `annotate --format json` persons, dates and
 * datelines, in LSP ranges.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'bin', 'dateline.cjs');
const gold = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'seeds.gold.json'), 'utf8')) as {
  expected_diagnostics: { file: string; line: number; text: string; kind: string; expected?: string }[];
  persons: { file: string; line: number; character: number; text: string; canonical: string }[];
  dates: { file: string; line: number; text: string; value: string | null; accept?: string[] }[];
  datelines: { file: string; line: number | null; text: string | null; value: string | null }[];
};

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function run(args: string[]): unknown {
  if (!existsSync(join(root, 'dist', 'cli.cjs')))
    spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return JSON.parse(result.stdout);
}

const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

describe('seeds gold: the dateline command', function () {
  this.timeout(30_000);

  it('check --format json reports every expected diagnostic with its fix, and no other warning', () => {
    const output = run(['check', 'seeds', '--format', 'json']) as {
      files: {
        path: string;
        diagnostics: {
          range: Range;
          severity: number;
          code: string;
          fixes: { edits: { newText: string }[] }[];
        }[];
      }[];
    };
    const lines = new Map(
      output.files.map((f) => [base(f.path), readFileSync(join(root, f.path), 'utf8').split('\n')]),
    );
    const warnings = output.files.flatMap((f) =>
      f.diagnostics.filter((d) => d.severity <= 2).map((d) => ({ file: base(f.path), ...d })),
    );
    for (const want of gold.expected_diagnostics) {
      const line = lines.get(want.file)![want.line]!;
      const at = line.indexOf(want.text);
      const found = warnings.find(
        (d) =>
          d.file === want.file &&
          d.code === want.kind &&
          d.range.start.line === want.line &&
          d.range.start.character >= at &&
          d.range.end.character <= at + want.text.length,
      );
      assert.ok(found, `${want.kind} on “${want.text}” in ${want.file}:${want.line}`);
      if (want.expected)
        assert.ok(found.fixes.some((fix) => fix.edits.some((e) => want.expected!.includes(e.newText))));
    }
    // The gold allows one of a pair and one optional finding besides the expected ones.
    assert.ok(
      warnings.length <= gold.expected_diagnostics.length + 2,
      JSON.stringify(warnings.map((w) => `${w.file}:${w.range.start.line} ${w.code}`)),
    );
  });

  it('annotate --format json finds every person with its canonical name, every date and dateline with its value', () => {
    const output = run(['annotate', 'seeds', '--format', 'json']) as {
      files: {
        path: string;
        dateline: { text: string; range: Range; value: string } | null;
        entities: { type: string; text: string; range: Range; canonical: string }[];
        dates: { text: string; range: Range; value: string | null }[];
      }[];
    };
    const byFile = new Map(output.files.map((f) => [base(f.path), f]));
    const persons = output.files.flatMap((f) =>
      f.entities
        .filter((e) => e.type === 'person')
        .map(
          (e) =>
            `${base(f.path)}:${e.range.start.line}:${e.range.start.character} ${e.text} → ${e.canonical}`,
        ),
    );
    const expected = gold.persons.map((p) => `${p.file}:${p.line}:${p.character} ${p.text} → ${p.canonical}`);
    assert.deepEqual([...persons].sort(), [...expected].sort());
    for (const want of gold.dates) {
      const date = byFile
        .get(want.file)!
        .dates.find((d) => d.text === want.text && d.range.start.line === want.line);
      assert.ok(date, `${want.text} in ${want.file}:${want.line}`);
      assert.ok(
        date.value === want.value || (want.accept ?? []).includes(date.value ?? ''),
        `${want.text}: ${date.value}`,
      );
    }
    for (const want of gold.datelines) {
      const dateline = byFile.get(want.file)!.dateline;
      assert.equal(dateline?.value ?? null, want.value, want.file);
      if (want.line !== null) assert.equal(dateline!.range.start.line, want.line);
    }
  });
});
