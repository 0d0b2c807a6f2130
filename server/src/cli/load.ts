/** The CLI's input: the articles named on the command line, read from disk, and the knowledge file. */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Knowledge, RuleId, Severity } from '../analysis/index.js';
import { emptyKnowledge } from '../analysis/knowledge-model.js';
import { defaultExclude, findArticles, findNearestKnowledgeFile, SkipTally } from '../io/find-articles.js';
import {
  decodeArticle,
  needsLegacyDecoders,
  noLegacyDecoders,
  readArticleBytes,
  type LegacyDecoders,
  type ReadResult,
} from '../io/read-article.js';

/** The default of `dateline.maxFileSize`, in bytes. */
export const defaultMaxFileSize = 2_000_000;

/** The name of the article read from standard input (`-`), in output and as its article id. */
export const stdinName = '<stdin>';

/** One article read from disk; its file path (as found from the arguments) is its article id. */
export interface LoadedArticle {
  file: string;
  text: string;
  /** Read for context only: a file named alone is checked against its folder, which is not reported on. */
  context?: true;
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
  /** Notes on what the folders held that was not read (a `.gitignore`, build folders); not problems. */
  notes: string[];
}

/** What to read: paths from the command line, an explicit knowledge file, rule settings to apply over it. */
export interface LoadRequest {
  paths: string[];
  knowledge?: string;
  rules: Partial<Record<RuleId, Severity | 'off'>>;
  maxFileSize?: number;
  /** Globs of files and folders never read, over `defaultExclude` (`--exclude`, repeatable). */
  exclude?: string[];
  /** Reads standard input, for a path `-`. */
  readStdin?: () => Promise<Uint8Array>;
}

/** Finds and reads every article and the knowledge file; never throws for a bad file, it reports it. */
export async function loadInput(request: LoadRequest): Promise<LoadedInput> {
  const maxBytes = request.maxFileSize ?? defaultMaxFileSize;
  const problems: InputProblem[] = [];
  const files: string[] = [];
  const seen = new Set<string>();
  // "seeds seeds/003.txt" names one article twice
  const add = (list: string[], file: string): void => {
    const key = resolve(file);
    if (!seen.has(key)) list.push(file);
    seen.add(key);
  };
  const namedFiles: string[] = [];
  // The exclude list of the server's `dateline.exclude` default, and what `--exclude` adds to it.
  const exclude = [...defaultExclude, ...(request.exclude ?? [])];
  const skipped = new SkipTally();
  const onSkip = skipped.record;
  for (const path of request.paths) {
    if (path === '-') continue;
    let found: string[];
    try {
      found = await findArticles(path, { exclude, onSkip });
    } catch (error) {
      problems.push({ file: path, line: 0, column: 0, message: describe(error) });
      continue;
    }
    // A folder's articles are paths below it; a file comes back as it was given.
    if (found.length === 1 && found[0] === path) namedFiles.push(path);
    for (const file of found) add(files, file);
  }
  const articles: LoadedArticle[] = [];
  if (request.paths.includes('-')) {
    const stdin = await readStdinArticle(request.readStdin, maxBytes);
    if (stdin.problem) problems.push(stdin.problem);
    if (stdin.article) articles.push(stdin.article);
  }
  for (const file of files) {
    const result = await readArticle(file, maxBytes);
    if (!result.ok) {
      problems.push({ file, ...result.problem });
      continue;
    }
    // Invalid UTF-8 is noted (exit 2) and the article, read with U+FFFD, is checked all the same.
    if (result.note) problems.push({ file, ...result.note });
    articles.push({ file, text: result.text });
  }
  for (const file of await contextOf(namedFiles, add, exclude)) {
    // A context file that cannot be read is not what was asked about: it is left out, without a note.
    const result = await readArticle(file, maxBytes);
    if (result.ok) articles.push({ file, text: result.text, context: true });
  }
  const knowledgeFile = request.knowledge ?? (await nearestKnowledgeFile(request.paths));
  let knowledge = emptyKnowledge;
  if (knowledgeFile !== undefined) {
    const result = await readArticle(knowledgeFile, maxBytes);
    if (!result.ok) problems.push({ file: knowledgeFile, ...result.problem });
    else {
      if (result.note) problems.push({ file: knowledgeFile, ...result.note });
      // Loaded only for a knowledge file (a bundle of its own): the YAML parser and the schema
      // validator are a third of what a run that replays its cached output would load otherwise.
      const { parseKnowledge } = await import('../knowledge/parse-knowledge.js');
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
  const notes = skipped.notes();
  return { articles, knowledge, ...(knowledgeFile !== undefined ? { knowledgeFile } : {}), problems, notes };
}

/** The knowledge file of the first folder argument (else the first file's folder), or of its nearest ancestor. */
async function nearestKnowledgeFile(paths: string[]): Promise<string | undefined> {
  let fallback: string | undefined;
  for (const path of paths) {
    // Standard input is an article of the current folder.
    if (path === '-') {
      fallback ??= '.';
      continue;
    }
    try {
      if ((await stat(path)).isDirectory()) return await findNearestKnowledgeFile(path);
      fallback ??= dirname(path);
    } catch {
      // a missing path is reported by loadInput
    }
  }
  return fallback === undefined ? undefined : findNearestKnowledgeFile(fallback);
}

/**
 * The other articles of each named file's folder ("check a/one.txt" reads a/), found as `check a/`
 * would find them, less those already read; `add` keeps the list free of repeats.
 */
async function contextOf(
  namedFiles: string[],
  add: (list: string[], file: string) => void,
  exclude: readonly string[],
): Promise<string[]> {
  const context: string[] = [];
  const folders = new Set<string>();
  for (const file of namedFiles) {
    const folder = dirname(file);
    if (folders.has(resolve(folder))) continue;
    folders.add(resolve(folder));
    try {
      for (const found of await findArticles(folder, { exclude })) add(context, found);
    } catch {
      // the folder went away or cannot be listed: the named file is checked on its own
    }
  }
  return context;
}

/** The article on standard input, or why it cannot be read, the same way a file is read. */
async function readStdinArticle(
  readStdin: (() => Promise<Uint8Array>) | undefined,
  maxBytes: number,
): Promise<{ article?: LoadedArticle; problem?: InputProblem }> {
  const at = { file: stdinName, line: 0, column: 0 };
  let bytes: Uint8Array;
  try {
    bytes = readStdin ? await readStdin() : new Uint8Array();
  } catch (error) {
    return { problem: { ...at, message: `cannot read: ${describe(error)}` } };
  }
  if (bytes.length > maxBytes) {
    return { problem: { ...at, message: `over the limit of ${maxBytes} bytes; not analysed` } };
  }
  const result = await decode(bytes);
  if (!result.ok) return { problem: { file: stdinName, ...result.problem } };
  const article = { file: stdinName, text: result.text };
  return result.note ? { article, problem: { file: stdinName, ...result.note } } : { article };
}

/** A file read as `readArticleFile` reads it, loading the legacy decoders if it needs them. */
async function readArticle(file: string, maxBytes: number): Promise<ReadResult> {
  const read = readArticleBytes(file, maxBytes);
  return read.ok ? decode(read.bytes) : read;
}

/** The decoders of files that are not UTF-8, once a file has needed them. */
let legacyDecoders: LegacyDecoders | undefined;

/**
 * Bytes decoded as `decodeArticle` decodes them. The decoders of other encodings (a bundle of their
 * own, 1.4 MB) are loaded only for a file that is not UTF-8: most runs never load them.
 */
async function decode(bytes: Uint8Array): Promise<ReadResult> {
  if (needsLegacyDecoders(bytes)) legacyDecoders ??= await import('../io/legacy-encoding.js');
  return decodeArticle(bytes, legacyDecoders ?? noLegacyDecoders);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // "ENOENT: no such file or directory, stat 'nope'" → "no such file or directory"
  const match = /^E[A-Z]+: ([^,]+)/.exec(error.message);
  return match ? match[1] : error.message;
}
