/** The worker pool: the same analyses as in-process, in order, across calls on one pool. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../../server/src/analysis/index.js';
import { AnalysisPool } from '../../server/src/workers/analysis-pool.js';

const seeds = fileURLToPath(new URL('../../../seeds', import.meta.url));

describe('analysis pool', () => {
  // Thirty articles: each seed, and variants of it, so that chunks of several articles cross.
  const inputs = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => {
      const text = readFileSync(`${seeds}/${f}`, 'utf8');
      return Array.from({ length: 6 }, (_, i) => ({
        id: `${i}/${f}`,
        text: i === 0 ? text : `${text}\nMore ${i}.`,
      }));
    });

  it('gives on worker threads what analysis gives in-process, in order, twice on one pool', async () => {
    const pool = new AnalysisPool({ size: 2, minimumForWorkers: 0 });
    const progress: number[] = [];
    try {
      for (const round of [inputs, inputs.slice(0, 7)]) {
        const results = await pool.analyze(round, (done) => progress.push(done));
        assert.deepEqual(
          results,
          round.map((input) => analyzeArticle(input)),
        );
      }
    } finally {
      await pool.close();
    }
    assert.equal(progress.at(-1), 7);
  });

  it('analyses in-process below its minimum', async () => {
    const pool = new AnalysisPool({ minimumForWorkers: 100 });
    const results = await pool.analyze(inputs.slice(0, 3));
    assert.deepEqual(
      results,
      inputs.slice(0, 3).map((input) => analyzeArticle(input)),
    );
  });
});
