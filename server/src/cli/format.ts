/**
 * The CLI's output: findings as linter lines or JSON, problems, the summary. Text is 1-based, columns
 * in UTF-16 code units; JSON carries LSP diagnostics (0-based), converted by the same module as the
 * language server's (present/findings.ts), so both say the same thing.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus, Finding, Severity } from '../analysis/index.js';
import {
  findingToDiagnostic,
  onePerSpot,
  fixToData,
  LineIndex,
  type ArticleLookup,
  type Diagnostic,
  type TextEdit,
} from '../present/index.js';
import type { InputProblem, LoadedInput } from './load.js';
import { oneLine, quoteFileName } from './one-line.js';

/** Wraps text in a terminal style, or leaves it as it is when colours are off. */
export type Paint = (style: Style, text: string) => string;

/** The few styles the CLI uses. */
export type Style = 'error' | 'warning' | 'information' | 'hint' | 'dim' | 'bold';

const ansi: Record<Style, [string, string]> = {
  error: ['\x1b[31m', '\x1b[39m'],
  warning: ['\x1b[33m', '\x1b[39m'],
  information: ['\x1b[34m', '\x1b[39m'],
  hint: ['\x1b[2m', '\x1b[22m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  bold: ['\x1b[1m', '\x1b[22m'],
};

/** ANSI colours when `enabled`, else plain text. */
export function makePaint(enabled: boolean): Paint {
  return enabled ? (style, text) => `${ansi[style][0]}${text}${ansi[style][1]}` : (_style, text) => text;
}

/** A 1-based position in a file, for text output and problems. */
export interface TextLocation {
  file: string;
  line: number;
  column: number;
}

/** A finding as text output needs it: where (1-based), what, and the evidence. */
export interface TextFinding extends TextLocation {
  severity: Severity;
  rule: string;
  message: string;
  related: (TextLocation & { message: string })[];
}

/** A problem with an input file, 1-based, in JSON output. */
export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A fix in `check --format json`: its title and its edits to this file, LSP ranges. */
export interface JsonFix {
  title: string;
  edits: TextEdit[];
}

/**
 * `check --format json`: per file, LSP diagnostics with their fixes (0-based lines, UTF-16 characters);
 * the articles read for context only; problems.
 */
export interface CheckJson {
  files: { path: string; diagnostics: (Diagnostic & { fixes: JsonFix[] })[] }[];
  context: string[];
  problems: JsonProblem[];
}

/** The findings `check` reports for one article it was asked about. */
export interface ReportedFile {
  file: string;
  findings: Finding[];
}

/** How many findings of each kind, for the summary line and the exit code. */
export interface FindingCounts {
  /** Articles checked: those named or in a named folder. */
  articles: number;
  /** Articles read only for context, not reported on. */
  context: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** A problem as JSON, 1-based. */
export function problemToJson(problem: InputProblem): JsonProblem {
  return { file: problem.file, line: problem.line + 1, column: problem.column + 1, message: problem.message };
}

/** Converts offsets the way the language server does (present/), for the corpus's articles by path. */
export function lookupOf(corpus: Corpus): ArticleLookup & { lines(id: string): LineIndex | undefined } {
  const cache = new Map<string, LineIndex>();
  return {
    uri: (id) => pathToFileURL(resolve(id)).href,
    lines: (id) => {
      const article = corpus.article(id);
      if (!article) return undefined;
      let lines = cache.get(id);
      if (!lines) cache.set(id, (lines = new LineIndex(article.text, article.structure.lineStarts)));
      return lines;
    },
  };
}

/**
 * What `check` reports: the findings of the articles asked about, in file order, not of those read
 * for context; only errors when `quiet`.
 */
export function reportedFindings(corpus: Corpus, input: LoadedInput, quiet: boolean): ReportedFile[] {
  return input.articles
    .filter((article) => !article.context)
    .map(({ file }) => ({
      file,
      findings: onePerSpot(corpus.findings(file)).filter((finding) => !quiet || finding.severity === 'error'),
    }));
}

/** The reported findings with 1-based positions, for text output. */
export function collectFindings(corpus: Corpus, reported: ReportedFile[]): TextFinding[] {
  const lookup = lookupOf(corpus);
  const at = (id: string, offset: number): TextLocation => {
    const position = lookup.lines(id)!.offsetToPosition(offset);
    return { file: id, line: position.line + 1, column: position.character + 1 };
  };
  return reported.flatMap(({ findings }) =>
    // Fields are added to `at`'s new object, not spread with it: see `mentionOf` in entity-context.ts.
    findings.map((finding) =>
      Object.assign(at(finding.articleId, finding.span.start), {
        severity: finding.severity,
        rule: finding.ruleId,
        message: finding.message,
        related: finding.related.map((r) =>
          Object.assign(at(r.location.articleId, r.location.span.start), { message: r.message }),
        ),
      }),
    ),
  );
}

/** `check --format json`: every reported article with its diagnostics and fixes, as the language server publishes them. */
export function checkJson(corpus: Corpus, input: LoadedInput, reported: ReportedFile[]): CheckJson {
  const lookup = lookupOf(corpus);
  return {
    files: reported.map(({ file, findings }) => ({
      path: file,
      diagnostics: findings.flatMap((finding) => {
        const diagnostic = findingToDiagnostic(finding, lookup);
        if (!diagnostic) return [];
        const { data: _data, ...plain } = diagnostic;
        const fixes = finding.fixes.map((fix) => ({
          title: fix.title,
          edits: (fixToData(fix, lookup)?.changes[lookup.uri(file)] ?? []).map((edit) => ({
            range: edit.range,
            newText: edit.newText,
          })),
        }));
        return [Object.assign(plain, { fixes })];
      }),
    })),
    context: input.articles.filter((article) => article.context).map((article) => article.file),
    problems: input.problems.map(problemToJson),
  };
}

/** Counts the reported findings by severity, hints with the infos, and the articles checked and read for context. */
export function countFindings(input: LoadedInput, reported: ReportedFile[]): FindingCounts {
  const context = input.articles.filter((article) => article.context).length;
  const counts: FindingCounts = { articles: reported.length, context, errors: 0, warnings: 0, infos: 0 };
  for (const finding of reported.flatMap((file) => file.findings)) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/**
 * The findings as linter lines, `file:line:col severity message [rule]` (1-based, UTF-16 columns), each
 * followed by its evidence, indented: `  see file:line:col: message`.
 */
export function formatFindingsText(findings: TextFinding[], paint: Paint): string {
  const lines: string[] = [];
  for (const finding of findings) {
    const where = paint('bold', `${quoteFileName(finding.file)}:${finding.line}:${finding.column}`);
    lines.push(
      `${where} ${paint(finding.severity, finding.severity)} ${oneLine(finding.message)} ${paint('dim', `[${finding.rule}]`)}`,
    );
    for (const related of finding.related) {
      const file = quoteFileName(related.file);
      lines.push(
        paint('dim', `  see ${file}:${related.line}:${related.column}: ${oneLine(related.message)}`),
      );
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * The summary line: "3 articles, 1 warning, 0 errors, 2 infos"; when articles were read for context,
 * "checked 1 of 12 articles; the other 11 were read for context, 1 warning, 0 errors, 0 infos".
 */
export function formatSummary(counts: FindingCounts): string {
  const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
  const total = counts.articles + counts.context;
  const articles =
    counts.context === 0
      ? plural(counts.articles, 'article')
      : `checked ${counts.articles} of ${plural(total, 'article')}; the other ${counts.context} ${counts.context === 1 ? 'was' : 'were'} read for context`;
  return [
    articles,
    plural(counts.warnings, 'warning'),
    plural(counts.errors, 'error'),
    plural(counts.infos, 'info', 'infos'),
  ].join(', ');
}

/** `check --format json`, pretty-printed. */
export function formatCheckJson(output: CheckJson): string {
  return `${JSON.stringify(output, null, 2)}\n`;
}
