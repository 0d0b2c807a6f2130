/**
 * A worker thread that analyses articles: the per-article half of the pipeline is pure and
 * independent, so reading a large corpus uses every core. Bundled as dist/analysis-worker.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from '../analysis/index.js';
import type { ArticleInput } from '../analysis/index.js';

parentPort?.on('message', (message: { seq: number; input: ArticleInput }) => {
  try {
    parentPort!.postMessage({ seq: message.seq, analysis: analyzeArticle(message.input) });
  } catch (error) {
    // Invariant 2 says this never happens; if it does, the caller analyses in-process and reports it.
    parentPort!.postMessage({
      seq: message.seq,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
