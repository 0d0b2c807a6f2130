/**
 * Whole-article snapshots: every annotation and finding of each sample article as compact lines,
 * compared with test/fixtures/snapshots/. Rewrite them with `UPDATE_EXPECT=1 npm test` and review the
 * diff: a change in what Dateline sees shows up there line by line.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Corpus } from '../../server/src/analysis/index.js';
import type { Annotation } from '../../server/src/analysis/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const seeds = join(root, 'seeds');
const snapshots = join(root, 'test', 'fixtures', 'snapshots');

function describeAnnotation(a: Annotation, text: string): string {
  const at = (offset: number): string => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return `${line}:${offset - (before.lastIndexOf('\n') + 1)}`;
  };
  const written = JSON.stringify(text.slice(a.span.start, a.span.end));
  switch (a.kind) {
    case 'entity':
      return `${at(a.span.start)} ${a.cluster.type} ${written} → ${a.cluster.canonical}${a.mention.variant ? ' (variant)' : ''}`;
    case 'acronym':
      return `${at(a.span.start)} acronym ${written} = ${a.entry.canonical ?? '?'}`;
    case 'date':
      return `${at(a.span.start)} date ${written} = ${a.date.value ?? 'unresolved'}`;
    case 'dateline':
      return `${at(a.span.start)} dateline ${written} = ${a.dateline.value}`;
  }
}

describe('snapshots of the sample articles', () => {
  const files = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
  const corpus = new Corpus();
  for (const file of files) corpus.upsert({ id: file, text: readFileSync(join(seeds, file), 'utf8') });

  for (const file of files) {
    it(file, () => {
      const text = corpus.article(file)!.text;
      const lines = [
        ...corpus.annotations(file).map((a) => describeAnnotation(a, text)),
        ...corpus.findings(file).map((f) => `finding ${f.severity} ${f.ruleId}: ${f.message}`),
      ];
      const actual = `${lines.join('\n')}\n`;
      const path = join(snapshots, file.replace(/\.txt$/, '.snap'));
      if (process.env['UPDATE_EXPECT'] === '1') writeFileSync(path, actual);
      assert.ok(existsSync(path), `${path} is missing; write it with UPDATE_EXPECT=1`);
      assert.equal(
        actual,
        readFileSync(path, 'utf8'),
        `${path} differs; rerun with UPDATE_EXPECT=1 and review the diff`,
      );
    });
  }
});
