/** The CLI's input: the articles named on the command line, read from disk, and the knowledge file. */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Knowledge, RuleId, Severity } from '../analysis/index.js';
import { Corpus, emptyKnowledge } from '../analysis/index.js';
import { findArticles, findNearestKnowledgeFile } from '../io/find-articles.js';
import { readArticleFile } from '../io/read-article.js';
import { parseKnowledge } from '../knowledge/parse-knowledge.js';
import type { AnalysisCache } from '../cache/analysis-cache.js';
import { analyzeMany } from '../workers/analysis-pool.js';

/** The default of `dateline.maxFileSize`, in bytes. */
export const defaultMaxFileSize = 2_000_000;

/** One article read from disk; its file path (as found from the arguments) is its article id. */
export interface LoadedArticle {
  file: string;
  text: string;
}

/** A file that could not be used, at a 0-based line and column: the exit-code-2 kind of trouble. */
export interface InputProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Everything read for one run: the good articles, the knowledge, and what went wrong. */
export interface LoadedInput {
  articles: LoadedArticle[];
  knowledge: Knowledge;
  knowledgeFile?: string;
  problems: InputProblem[];
}

/** What to read: paths from the command line, an explicit knowledge file, rule settings to apply over it. */
export interface LoadRequest {
  paths: string[];
  knowledge?: string;
  rules: Partial<Record<RuleId, Severity | 'off'>>;
  maxFileSize?: number;
}

/** Finds and reads every article and the knowledge file; never throws for a bad file, it reports it. */
export async function loadInput(request: LoadRequest): Promise<LoadedInput> {
  const maxBytes = request.maxFileSize ?? defaultMaxFileSize;
  const problems: InputProblem[] = [];
  const files: string[] = [];
  const seen = new Set<string>();
  for (const path of request.paths) {
    let found: string[];
    try {
      found = await findArticles(path);
    } catch (error) {
      problems.push({ file: path, line: 0, column: 0, message: describe(error) });
      continue;
    }
    for (const file of found) {
      // "seeds seeds/003.txt" names one article twice
      const key = resolve(file);
      if (!seen.has(key)) files.push(file);
      seen.add(key);
    }
  }
  const articles: LoadedArticle[] = [];
  for (const file of files) {
    const result = readArticleFile(file, maxBytes);
    if (!result.ok) {
      problems.push({ file, ...result.problem });
      continue;
    }
    // Invalid UTF-8 is noted (exit 2) and the article, read with U+FFFD, is checked all the same.
    if (result.note) problems.push({ file, ...result.note });
    articles.push({ file, text: result.text });
  }
  const knowledgeFile = request.knowledge ?? (await nearestKnowledgeFile(request.paths));
  let knowledge = emptyKnowledge;
  if (knowledgeFile !== undefined) {
    const result = readArticleFile(knowledgeFile, maxBytes);
    if (!result.ok) problems.push({ file: knowledgeFile, ...result.problem });
    else {
      if (result.note) problems.push({ file: knowledgeFile, ...result.note });
      const parsed = parseKnowledge(result.text);
      knowledge = parsed.knowledge;
      for (const problem of parsed.problems) {
        problems.push({
          file: knowledgeFile,
          line: problem.line,
          column: problem.column,
          message: problem.message,
        });
      }
    }
  }
  if (Object.keys(request.rules).length > 0)
    knowledge = { ...knowledge, rules: { ...knowledge.rules, ...request.rules } };
  return { articles, knowledge, ...(knowledgeFile !== undefined ? { knowledgeFile } : {}), problems };
}

/** The corpus of the loaded articles; an article the analysis fails on becomes a problem instead. */
export async function buildCorpus(
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

/** The knowledge file of the first folder argument (else the first file's folder), or of its nearest ancestor. */
async function nearestKnowledgeFile(paths: string[]): Promise<string | undefined> {
  let fallback: string | undefined;
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) return await findNearestKnowledgeFile(path);
      fallback ??= dirname(path);
    } catch {
      // a missing path is reported by loadInput
    }
  }
  return fallback === undefined ? undefined : findNearestKnowledgeFile(fallback);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // "ENOENT: no such file or directory, stat 'nope'" → "no such file or directory"
  const match = /^E[A-Z]+: ([^,]+)/.exec(error.message);
  return match ? match[1] : error.message;
}
