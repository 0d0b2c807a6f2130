/**
 * The half of the `dateline` command that analyses: builds the corpus (taking what the cache holds),
 * makes the output and keeps it in the cache. run-cli.ts loads it only when a run cannot replay the
 * output its cache kept, so that such a run does not load the analysis; it is bundled on its own, as
 * dist/cli-analysis.cjs.
 */
import { Corpus, rules } from '../analysis/index.js';
import { type AnalysisCache, cacheable, type RunResult } from '../cache/analysis-cache.js';
import { packagedRuleDocs, ruleDocText } from '../io/rule-docs.js';
import { setRuleDocsBase } from '../present/index.js';
import { analyzeMany } from '../workers/analysis-pool.js';
import type { CliRequest } from './args.js';
import { EXIT_BAD_INPUT, EXIT_FINDINGS } from './exit-codes.js';
import {
  checkJson,
  collectFindings,
  countFindings,
  formatCheckJson,
  formatFindingsText,
  formatSummary,
  makePaint,
  reportedFindings,
} from './format.js';
import { collectAnnotations, formatAnnotationsJson, formatAnnotationsText } from './format-annotations.js';
import { formatCheckSarif } from './format-sarif.js';
import type { LoadedArticle, LoadedInput } from './load.js';
import type { CliIo } from './run-cli.js';
import { readVersion } from './version.js';

/** Analyses the corpus (taking what the cache holds) and makes the output; the cache keeps both. */
export async function runAnalysis(
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

/** The corpus of the loaded articles; an article the analysis fails on becomes a problem instead. */
async function buildCorpus(
  input: LoadedInput,
  onProgress?: (done: number, total: number) => void,
  cache?: AnalysisCache,
): Promise<Corpus> {
  const corpus = new Corpus();
  corpus.setKnowledge(input.knowledge);
  // Articles whose analysis the cache holds for their very text are not analysed again.
  const cached = input.articles.map((article) => cache?.take(article.file, article.text));
  const missing = input.articles.filter((_, i) => !cached[i]);
  const fresh = await analyzeMany(
    missing.map((article) => ({ id: article.file, text: article.text })),
    onProgress,
  );
  let next = 0;
  const results = cached.map((analysis) => analysis ?? fresh[next++]!);
  const analysed: LoadedArticle[] = [];
  results.forEach((result, i) => {
    const article = input.articles[i]!;
    if ('error' in result) {
      // Invariant 2 says analysis never throws; if it does, the other articles are still checked.
      if (article.context) return;
      input.problems.push({
        file: article.file,
        line: 0,
        column: 0,
        message: `internal error: analysis failed: ${result.error}`,
      });
    } else {
      corpus.adopt(result);
      analysed.push(article);
    }
  });
  input.articles = analysed;
  return corpus;
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
