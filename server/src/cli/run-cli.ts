/** The `dateline` command as a function: arguments and streams in, exit code out (cli.ts runs it on the process's). */
import type { Corpus, Knowledge } from '../analysis/index.js';
import { rules } from '../analysis/index.js';
import {
  AnalysisCache,
  analyserVersion,
  cacheable,
  hashText,
  type RunResult,
} from '../cache/analysis-cache.js';
import { parseArgs, usage } from './args.js';
import type { CliRequest } from './args.js';
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
} from './format.js';
import { collectAnnotations, formatAnnotationsJson, formatAnnotationsText } from './format-annotations.js';
import { formatCheckSarif } from './format-sarif.js';
import { buildCorpus, loadInput, type LoadedInput } from './load.js';
import { readVersion } from './version.js';
import { packagedRuleDocs, ruleDocText } from '../io/rule-docs.js';
import { setRuleDocsBase } from '../present/index.js';

/** Where a run reads and writes: the process's streams, or a test's. */
export interface CliIo {
  /** Text, or the bytes of an output kept in the cache (`replay`), written as they are. */
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Standard input, read only for the path `-`. */
  stdin: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  env: Record<string, string | undefined>;
}

/** The exit code of errors, or of warnings above --max-warnings. */
const EXIT_FINDINGS = 1;
/** The exit code of bad input or arguments. */
export const EXIT_BAD_INPUT = 2;

/** Runs the command line and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`dateline: ${parsed.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const request = parsed.request;
  if (request.command === 'help') return write(io, usage, 0);
  if (request.command === 'version') return write(io, `${readVersion()}\n`, 0);
  return runCorpusCommand(request, io);
}

async function runCorpusCommand(
  request: Extract<CliRequest, { command: 'check' | 'annotate' }>,
  io: CliIo,
): Promise<number> {
  const input = await loadInput({ ...request, readStdin: () => readAll(io.stdin) });
  // A progress line only for a person watching a terminal: never with JSON or SARIF, never in a pipe.
  const showProgress = Boolean(io.stderr.isTTY) && request.format === 'text' && input.articles.length >= 200;
  const progress = (done: number, total: number): void => {
    io.stderr.write(`\rAnalysing articles ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
  };
  const colour = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  const cache =
    request.cacheFile === undefined ? undefined : openCache(request.cacheFile, input.knowledge, io);
  const runKey = cache ? runDigest(request, input, colour) : '';
  const result =
    cache?.replay(runKey) ??
    (await run(request, input, colour, showProgress ? progress : undefined, cache && { cache, runKey }, io));
  if (showProgress) io.stderr.write('\r\x1b[K');
  for (const problem of input.problems) io.stderr.write(`${formatProblem(problem)}\n`);
  for (const note of input.notes) io.stderr.write(`dateline: note: ${note}\n`);
  io.stdout.write(result.stdout);
  return result.exitCode;
}

/** Analyses the corpus (taking what the cache holds) and makes the output; the cache keeps both. */
async function run(
  request: Extract<CliRequest, { command: 'check' | 'annotate' }>,
  input: LoadedInput,
  colour: boolean,
  progress: ((done: number, total: number) => void) | undefined,
  caching: { cache: AnalysisCache; runKey: string } | undefined,
  io: CliIo,
): Promise<RunResult> {
  const corpus = await buildCorpus(input, progress, caching?.cache);
  const result = output(request, input, corpus, makePaint(colour));
  if (caching) {
    caching.cache.keep(caching.runKey, result);
    saveCache(caching.cache, corpus, io);
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
  let stdout: string;
  if (request.format === 'json') {
    // JSON is read on this machine: its rule links open the pages shipped in the package.
    setRuleDocsBase(packagedRuleDocs());
    stdout = formatCheckJson(checkJson(corpus, input, reported));
  } else if (request.format === 'sarif') {
    // SARIF is uploaded elsewhere (GitHub code scanning): each rule carries its page, not a link.
    const documented = rules.map((rule) => ({ ...rule, help: ruleDocText(rule.id) }));
    stdout = formatCheckSarif(corpus, input, reported, documented, readVersion());
  } else stdout = `${formatFindingsText(collectFindings(corpus, reported), paint)}${formatSummary(counts)}\n`;
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

/** The `--cache` file for this knowledge; a note on stderr (not an error) when an unusable one is ignored. */
function openCache(file: string, knowledge: Knowledge, io: CliIo): AnalysisCache {
  // Rule settings (from --rule too) change findings, never analyses: they are left out of the key.
  const key = {
    analyser: analyserVersion(),
    knowledge: hashText(JSON.stringify({ ...knowledge, rules: {} })),
  };
  const { cache, note } = AnalysisCache.open(file, key);
  const say = (said: string): void => void io.stderr.write(`dateline: note: ${said}\n`);
  if (note) say(note);
  // A body found corrupt when its analyses are first read.
  cache.onNote = say;
  return cache;
}

/**
 * Rewrites the cache with the articles analysed now, unless it holds exactly those already; a cache
 * that cannot be written is only a note.
 */
function saveCache(cache: AnalysisCache, corpus: Corpus, io: CliIo): void {
  const analyses = cacheable(corpus);
  if (!cache.needsSaving(analyses)) return;
  try {
    cache.save(analyses);
  } catch (error) {
    io.stderr.write(
      `dateline: note: cache ${cache.file} not written: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
}

/** All of standard input, for the path `-`. */
async function readAll(stream: CliIo['stdin']): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function write(io: CliIo, text: string, code: number): number {
  io.stdout.write(text);
  return code;
}
