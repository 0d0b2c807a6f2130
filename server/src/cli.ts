/** Entry point of the `dateline` command: parse arguments, load the corpus, print, set the exit code. */
import type { Corpus, Knowledge } from './analysis/index.js';
import { rules } from './analysis/index.js';
import {
  AnalysisCache,
  analyserVersion,
  cacheable,
  hashText,
  type RunResult,
} from './cache/analysis-cache.js';
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
import { buildCorpus, loadInput, type LoadedInput } from './cli/load.js';
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
  const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const cache = request.cacheFile === undefined ? undefined : openCache(request.cacheFile, input.knowledge);
  const runKey = cache ? runDigest(request, input, colour) : '';
  const result =
    cache?.replay(runKey) ??
    (await run(request, input, colour, showProgress ? progress : undefined, cache && { cache, runKey }));
  if (showProgress) process.stderr.write('\r\x1b[K');
  for (const problem of input.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  for (const note of input.notes) process.stderr.write(`dateline: note: ${note}\n`);
  process.stdout.write(result.stdout);
  return result.exitCode;
}

/** Analyses the corpus (taking what the cache holds) and makes the output; the cache keeps both. */
async function run(
  request: Extract<CliRequest, { command: 'check' | 'annotate' }>,
  input: LoadedInput,
  colour: boolean,
  progress: ((done: number, total: number) => void) | undefined,
  caching: { cache: AnalysisCache; runKey: string } | undefined,
): Promise<RunResult> {
  const corpus = await buildCorpus(input, progress, caching?.cache);
  const result = output(request, input, corpus, makePaint(colour));
  if (caching) {
    caching.cache.keep(caching.runKey, result);
    saveCache(caching.cache, corpus);
  }
  return result;
}

/** What a command prints for a corpus, and its exit code. */
function output(
  request: Extract<CliRequest, { command: 'check' | 'annotate' }>,
  input: LoadedInput,
  corpus: Corpus,
  paint: ReturnType<typeof makePaint>,
): RunResult {
  const badInput = input.problems.length > 0;
  if (request.command === 'annotate') {
    const annotations = collectAnnotations(corpus, input);
    return {
      stdout:
        request.format === 'json'
          ? formatAnnotationsJson(annotations)
          : formatAnnotationsText(annotations, paint),
      exitCode: badInput ? EXIT_BAD_INPUT : 0,
    };
  }
  const reported = reportedFindings(corpus, input, request.quiet);
  const counts = countFindings(input, reported);
  const stdout =
    request.format === 'json'
      ? formatCheckJson(checkJson(corpus, input, reported))
      : request.format === 'sarif'
        ? formatCheckSarif(corpus, input, reported, rules, readVersion())
        : `${formatFindingsText(collectFindings(corpus, reported), paint)}${formatSummary(counts)}\n`;
  const exitCode = badInput
    ? EXIT_BAD_INPUT
    : counts.errors > 0 || counts.warnings > request.maxWarnings
      ? EXIT_FINDINGS
      : 0;
  return { stdout, exitCode };
}

/**
 * A digest of everything a run's output depends on besides the analyser and the analyses (which the
 * cache's own key and checksum cover): the request, the folder it is run from (paths print relative
 * to it), colour, the knowledge with its rule settings, and each file read with a hash of its text.
 */
function runDigest(request: CliRequest, input: LoadedInput, colour: boolean): string {
  return hashText(
    JSON.stringify({
      request: { ...request, cacheFile: undefined },
      cwd: process.cwd(),
      colour,
      knowledge: input.knowledge,
      knowledgeFile: input.knowledgeFile,
      articles: input.articles.map(({ file, text, context }) => [file, context === true, hashText(text)]),
      problems: input.problems,
      notes: input.notes,
    }),
  );
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
  const key = {
    analyser: analyserVersion(),
    knowledge: hashText(JSON.stringify({ ...knowledge, rules: {} })),
  };
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
    process.stderr.write(
      `dateline: note: cache ${cache.file} not written: ${error instanceof Error ? error.message : String(error)}\n`,
    );
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
