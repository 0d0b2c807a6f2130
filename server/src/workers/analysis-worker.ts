/**
 * A worker thread that analyses articles: the per-article half of the pipeline is pure and
 * independent, so reading a large corpus uses every core. Bundled as dist/analysis-worker.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeArticle } from '../analysis/index.js';
import type { ArticleAnalysis, ArticleInput } from '../analysis/index.js';

/** Consecutive articles, the first of them at `from` in the caller's list. */
export interface WorkerRequest {
  from: number;
  inputs: ArticleInput[];
}

/** Their analyses in the same order, each with an empty `text` (the caller has it), or an error. */
export interface WorkerReply {
  from: number;
  results: (ArticleAnalysis | { id: string; error: string })[];
}

parentPort?.on('message', (request: WorkerRequest) => {
  const results = request.inputs.map((input) => {
    try {
      return { ...analyzeArticle(input), text: '' };
    } catch (error) {
      // Invariant 2 says this never happens; if it does, the caller analyses in-process and reports it.
      return { id: input.id, error: error instanceof Error ? error.message : String(error) };
    }
  });
  const reply: WorkerReply = { from: request.from, results };
  parentPort!.postMessage(reply);
});
