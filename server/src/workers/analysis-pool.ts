/**
 * Analysing many articles at once on worker threads (one per core), for the first reading of a
 * corpus by the CLI and the server. Edits are analysed in-process: one article takes ~2 ms, less
 * than a round trip to a worker. Falls back to in-process analysis when workers cannot start.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeArticle } from '../analysis/index.js';
import type { ArticleAnalysis, ArticleInput } from '../analysis/index.js';
import type { WorkerReply, WorkerRequest } from './analysis-worker.js';

/**
 * Fewer articles than this are analysed in-process: each worker loads the analysis and warms up its
 * JIT first (~0.3 s). Measured with the server on generated corpora, two cores: from 200 articles
 * two workers are as fast or faster (1,000 articles: 7.2 s in-process, 5.6 s on workers).
 */
export const minimumForWorkers = 200;

/** Articles per message: enough to make a message's cost small beside the analysis it carries. */
const chunkSize = 8;

/** Messages a worker holds at once: the next chunk is there when it finishes one, with no round trip between. */
const inFlightPerWorker = 2;

// Next to the bundle (dist/analysis-worker.cjs), or the compiled module (out/…/workers/analysis-worker.js).
function workerPath(): string | undefined {
  const candidates = [
    new URL('./analysis-worker.cjs', import.meta.url),
    new URL('./analysis-worker.js', import.meta.url),
  ];
  return candidates.map((url) => fileURLToPath(url)).find((path) => existsSync(path));
}

/** An analysis, or why there is none (analysis never throws by design; this keeps a bug from losing the rest). */
export type AnalysisResult = ArticleAnalysis | { id: string; error: string };

/** How an `AnalysisPool` decides between workers and the calling thread. */
export interface PoolOptions {
  /** Worker threads; fewer than two means in-process. Default: the cores, at most 8. */
  size?: number;
  /** Calls with fewer articles are analysed in-process. */
  minimumForWorkers?: number;
}

/**
 * Worker threads kept for one reading of a corpus, so that starting them and warming up their JIT
 * is paid once, not once per batch. `close` when done.
 */
export class AnalysisPool {
  private workers: Worker[] = [];
  private readonly size: number;
  private readonly minimum: number;

  constructor(options: PoolOptions = {}) {
    this.size = options.size ?? Math.min(availableParallelism(), 8);
    this.minimum = options.minimumForWorkers ?? minimumForWorkers;
  }

  /** Analyses articles, in order, on worker threads when there are enough of them to pay off. */
  async analyze(
    inputs: ArticleInput[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<AnalysisResult[]> {
    const path = workerPath();
    if (inputs.length < this.minimum || !path || this.size < 2) return inProcess(inputs, onProgress);
    const results = new Array<AnalysisResult | undefined>(inputs.length);
    const shared = new Map<string, string>();
    let next = 0;
    let done = 0;
    const receive = (reply: WorkerReply): void => {
      reply.results.forEach((result, i) => {
        const input = inputs[reply.from + i]!;
        // The worker leaves the text out of its reply: it is the input's, and need not cross twice.
        if (!('error' in result)) result.text = input.text;
        results[reply.from + i] = 'error' in result ? safely(input) : shareStrings(result, shared);
      });
      const before = done;
      done += reply.results.length;
      if (Math.floor(done / 100) > Math.floor(before / 100)) onProgress?.(done, inputs.length);
    };
    try {
      if (this.workers.length === 0) this.workers = Array.from({ length: this.size }, () => new Worker(path));
      await Promise.all(
        this.workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              let inFlight = 0;
              const finish = (error?: unknown): void => {
                worker.off('message', onMessage);
                worker.off('error', finish);
                if (error) reject(error instanceof Error ? error : new Error(String(error)));
                else resolve();
              };
              const send = (): void => {
                while (inFlight < inFlightPerWorker && next < inputs.length) {
                  const from = next;
                  next = Math.min(inputs.length, from + chunkSize);
                  inFlight++;
                  const request: WorkerRequest = { from, inputs: inputs.slice(from, next) };
                  worker.postMessage(request);
                }
                if (inFlight === 0) finish();
              };
              const onMessage = (reply: WorkerReply): void => {
                inFlight--;
                receive(reply);
                send();
              };
              worker.on('message', onMessage);
              worker.on('error', finish);
              send();
            }),
        ),
      );
    } catch {
      // A worker that failed to start or died: whatever is missing is analysed here, without workers.
      await this.close();
    }
    for (let i = 0; i < inputs.length; i++) results[i] ??= safely(inputs[i]!);
    onProgress?.(inputs.length, inputs.length);
    return results as AnalysisResult[];
  }

  /** Stops the workers; the pool can still be used, and starts them again if needed. */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Analyses articles once, on a pool of its own. */
export async function analyzeMany(
  inputs: ArticleInput[],
  onProgress?: (done: number, total: number) => void,
): Promise<AnalysisResult[]> {
  const pool = new AnalysisPool();
  try {
    return await pool.analyze(inputs, onProgress);
  } finally {
    await pool.close();
  }
}

// Yields to the event loop every 50 articles (~100 ms), so a server stays responsive while it reads.
async function inProcess(
  inputs: ArticleInput[],
  onProgress?: (done: number, total: number) => void,
): Promise<AnalysisResult[]> {
  const results: AnalysisResult[] = [];
  for (const [i, input] of inputs.entries()) {
    if (i % 50 === 49) {
      onProgress?.(i, inputs.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    results.push(safely(input));
  }
  return results;
}

/** Strings longer than this are seldom repeated (sentences, long names) and are left as they came. */
const sharedLength = 48;

/**
 * Makes equal short strings of an analysis one string, shared through `shared` across a reading.
 * A structured clone copies each string it carries: 10,000 articles arrive holding ~250,000 copies
 * of "person", "place", "Prime Minister", "Japan" and the names the corpus repeats, tens of
 * megabytes that an in-process analysis never had. Hand-written: the walk of plain data is short,
 * and no library interns the strings of a cloned object graph.
 */
function shareStrings<T extends object>(root: T, shared: Map<string, string>): T {
  const pending: object[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (typeof value === 'string') {
        if (value.length > sharedLength) continue;
        const one = shared.get(value);
        if (one === undefined) shared.set(value, value);
        else record[key] = one;
      } else if (typeof value === 'object' && value !== null) pending.push(value);
    }
  }
  return root;
}

function safely(input: ArticleInput): AnalysisResult {
  try {
    return analyzeArticle(input);
  } catch (error) {
    return { id: input.id, error: error instanceof Error ? error.message : String(error) };
  }
}
