/**
 * The `dateline` command as a function: arguments and streams in, exit code out (cli.ts runs it on the
 * process's). This half reads the input and the cache; a run whose output the cache kept prints it
 * from here, and only another run loads the analysis (cli-analysis.ts, a bundle of its own), whose
 * loading is most of a replayed run otherwise.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Knowledge } from '../analysis/index.js';
import { AnalysisCache, analyserVersion, hashText } from '../cache/analysis-cache.js';
import { packagedRuleDocs } from '../io/rule-docs.js';
import { parseArgs, usage } from './args.js';
import type { CliRequest } from './args.js';
import { EXIT_BAD_INPUT } from './exit-codes.js';
import { loadInput, type LoadedInput } from './load.js';
import { formatProblem } from './one-line.js';
import { readVersion } from './version.js';

/** Where a run reads and writes: the process's streams, or a test's. */
export interface CliIo {
  /** Text, or the bytes of an output kept in the cache (`replay`), written as they are. */
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Standard input, read only for the path `-`. */
  stdin: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  env: Record<string, string | undefined>;
}

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
    (await (
      await import('./cli-analysis.js')
    ).runAnalysis(
      request,
      input,
      colour,
      showProgress ? progress : undefined,
      cache && { cache, runKey },
      io,
    ));
  if (showProgress) io.stderr.write('\r\x1b[K');
  for (const problem of input.problems) io.stderr.write(`${formatProblem(problem)}\n`);
  for (const note of input.notes) io.stderr.write(`dateline: note: ${note}\n`);
  io.stdout.write(result.stdout);
  return result.exitCode;
}

/**
 * The analysing half's file: dist/cli-analysis.cjs beside this bundle, or the compiled module
 * (out/server/src/cli/cli-analysis.js) when run unbundled, as the tests do.
 */
function analysisFile(): string {
  const candidates = [
    new URL('./cli-analysis.cjs', import.meta.url),
    new URL('./cli-analysis.js', import.meta.url),
  ];
  const paths = candidates.map((url) => fileURLToPath(url));
  return paths.find((path) => existsSync(path)) ?? paths[0]!;
}

/**
 * A digest of everything a run's output depends on besides the analyser and the analyses (which the
 * cache's own key and checksum cover): the request, the folder it is run from (paths print relative
 * to it), colour, where the rule pages are (JSON links them: the same bundles installed elsewhere
 * link elsewhere), the knowledge with its rule settings, and each file read with a hash of its text.
 */
function runDigest(request: CliRequest, input: LoadedInput, colour: boolean): string {
  return hashText(
    JSON.stringify({
      request: { ...request, cacheFile: undefined },
      cwd: process.cwd(),
      colour,
      ruleDocs: packagedRuleDocs(),
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
    // Both halves: this one reads the input and makes the key the output is kept under.
    analyser: analyserVersion([fileURLToPath(import.meta.url), analysisFile()]),
    knowledge: hashText(JSON.stringify({ ...knowledge, rules: {} })),
  };
  const { cache, note } = AnalysisCache.open(file, key);
  const say = (said: string): void => void io.stderr.write(`dateline: note: ${said}\n`);
  if (note) say(note);
  // A body found corrupt when its analyses are first read.
  cache.onNote = say;
  return cache;
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
