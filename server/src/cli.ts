/** Entry point of the `dateline` command: parse arguments, load the corpus, print, set the exit code. */
import type { Corpus, Knowledge } from './analysis/index.js';
import { rules } from './analysis/index.js';
import { AnalysisCache, analyserVersion, cacheable, hashText } from './cache/analysis-cache.js';
import { parseArgs, usage } from './cli/args.js';
import type { CliRequest } from './cli/args.js';
import {
  checkJson,
  collectFindings,
  countFindings,
  formatCheckJson,
  formatFindingsText,
  formatProblem,
  formatSummary,
  makePaint,
  reportedFindings,
} from './cli/format.js';
import {
  collectAnnotations,
  formatAnnotationsJson,
  formatAnnotationsText,
} from './cli/format-annotations.js';
import { formatCheckSarif } from './cli/format-sarif.js';
import { buildCorpus, loadInput } from './cli/load.js';
import { readVersion } from './cli/version.js';

/** Exit codes: errors, or warnings above --max-warnings; bad input or arguments. */
const EXIT_FINDINGS = 1;
const EXIT_BAD_INPUT = 2;

/** Runs the command line and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const parsed = parseArgs(
    argv,
    rules.map((rule) => rule.id),
  );
  if (!parsed.ok) {
    process.stderr.write(`dateline: ${parsed.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const request = parsed.request;
  if (request.command === 'help') return write(usage, 0);
  if (request.command === 'version') return write(`${readVersion()}\n`, 0);
  return runCorpusCommand(request);
}

async function runCorpusCommand(
  request: Extract<CliRequest, { command: 'check' | 'annotate' }>,
): Promise<number> {
  const input = await loadInput({ ...request, readStdin });
  // A progress line only for a person watching a terminal: never with JSON or SARIF, never in a pipe.
  const showProgress =
    Boolean(process.stderr.isTTY) && request.format === 'text' && input.articles.length >= 200;
  const progress = (done: number, total: number): void => {
    process.stderr.write(`\rAnalysing articles ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
  };
  const cache = request.cacheFile === undefined ? undefined : openCache(request.cacheFile, input.knowledge);
  const corpus = await buildCorpus(input, showProgress ? progress : undefined, cache);
  if (showProgress) process.stderr.write('\r\x1b[K');
  if (cache) saveCache(cache, corpus);
  for (const problem of input.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  for (const note of input.notes) process.stderr.write(`dateline: note: ${note}\n`);
  const paint = makePaint(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  const badInput = input.problems.length > 0;
  if (request.command === 'annotate') {
    const output = collectAnnotations(corpus, input);
    process.stdout.write(
      request.format === 'json' ? formatAnnotationsJson(output) : formatAnnotationsText(output, paint),
    );
    return badInput ? EXIT_BAD_INPUT : 0;
  }
  const reported = reportedFindings(corpus, input, request.quiet);
  const counts = countFindings(input, reported);
  if (request.format === 'json') process.stdout.write(formatCheckJson(checkJson(corpus, input, reported)));
  else if (request.format === 'sarif')
    process.stdout.write(formatCheckSarif(corpus, input, reported, rules, readVersion()));
  else {
    const findings = collectFindings(corpus, reported);
    process.stdout.write(`${formatFindingsText(findings, paint)}${formatSummary(counts)}\n`);
  }
  if (badInput) return EXIT_BAD_INPUT;
  return counts.errors > 0 || counts.warnings > request.maxWarnings ? EXIT_FINDINGS : 0;
}

/** All of standard input, for the path `-`. */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The `--cache` file for this knowledge; a note on stderr (not an error) when an unusable one is ignored. */
function openCache(file: string, knowledge: Knowledge): AnalysisCache {
  // Rule settings (from --rule too) change findings, never analyses: they are left out of the key.
  const key = { analyser: analyserVersion(), knowledge: hashText(JSON.stringify({ ...knowledge, rules: {} })) };
  const { cache, note } = AnalysisCache.open(file, key);
  if (note) process.stderr.write(`dateline: note: ${note}\n`);
  return cache;
}

/**
 * Rewrites the cache with the articles analysed now, unless it holds exactly those already; a cache
 * that cannot be written is only a note.
 */
function saveCache(cache: AnalysisCache, corpus: Corpus): void {
  const analyses = cacheable(corpus);
  if (!cache.needsSaving(analyses)) return;
  try {
    cache.save(analyses);
  } catch (error) {
    process.stderr.write(`dateline: note: cache ${cache.file} not written: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

function write(text: string, code: number): number {
  process.stdout.write(text);
  return code;
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `dateline: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT_BAD_INPUT;
  },
);
