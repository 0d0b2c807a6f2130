/** The `dateline` command as a function: arguments and streams in, exit code out (cli.ts runs it on the process's). */
import { rules } from '../analysis/index.js';
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
import { buildCorpus, loadInput } from './load.js';
import { readVersion } from './version.js';
import { packagedRuleDocs, ruleDocText } from '../io/rule-docs.js';
import { setRuleDocsBase } from '../present/index.js';

/** Where a run reads and writes: the process's streams, or a test's. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
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
  const parsed = parseArgs(
    argv,
    rules.map((rule) => rule.id),
  );
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
  const corpus = await buildCorpus(input, showProgress ? progress : undefined);
  if (showProgress) io.stderr.write('\r\x1b[K');
  for (const problem of input.problems) io.stderr.write(`${formatProblem(problem)}\n`);
  for (const note of input.notes) io.stderr.write(`dateline: note: ${note}\n`);
  const paint = makePaint(Boolean(io.stdout.isTTY) && !io.env.NO_COLOR);
  const badInput = input.problems.length > 0;
  if (request.command === 'annotate') {
    const output = collectAnnotations(corpus, input);
    io.stdout.write(
      request.format === 'json' ? formatAnnotationsJson(output) : formatAnnotationsText(output, paint),
    );
    return badInput ? EXIT_BAD_INPUT : 0;
  }
  const reported = reportedFindings(corpus, input, request.quiet);
  const counts = countFindings(input, reported);
  if (request.format === 'json') {
    // JSON is read on this machine: its rule links open the pages shipped in the package.
    setRuleDocsBase(packagedRuleDocs());
    io.stdout.write(formatCheckJson(checkJson(corpus, input, reported)));
  } else if (request.format === 'sarif') {
    // SARIF is uploaded elsewhere (GitHub code scanning): each rule carries its page, not a link.
    const documented = rules.map((rule) => ({ ...rule, help: ruleDocText(rule.id) }));
    io.stdout.write(formatCheckSarif(corpus, input, reported, documented, readVersion()));
  } else {
    const findings = collectFindings(corpus, reported);
    io.stdout.write(`${formatFindingsText(findings, paint)}${formatSummary(counts)}\n`);
  }
  if (badInput) return EXIT_BAD_INPUT;
  return counts.errors > 0 || counts.warnings > request.maxWarnings ? EXIT_FINDINGS : 0;
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
