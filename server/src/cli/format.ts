/**
 * The CLI's output: findings as compiler-style lines or JSON, problems, the summary. Lines and columns
 * are 1-based, columns in UTF-16 code units, like compilers print them.
 */
import type { Corpus, Finding, Severity, Span } from '../analysis/index.js';
import { offsetToLineColumn } from '../io/positions.js';
import type { InputProblem, LoadedInput } from './load.js';

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

/** A 1-based range in a file, as JSON output gives it. */
export interface JsonRange {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One finding in `check --format json`. */
export interface JsonFinding extends JsonRange {
  severity: Severity;
  rule: string;
  message: string;
  expected: string[];
  related: (JsonRange & { message: string })[];
}

/** A problem with an input file, 1-based, in JSON output. */
export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The whole of `check --format json`. */
export interface CheckJson {
  articles: string[];
  findings: JsonFinding[];
  problems: JsonProblem[];
}

/** How many findings of each kind, for the summary line and the exit code. */
export interface FindingCounts {
  articles: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** The 1-based range of a span in a text, in a file. */
export function spanToRange(file: string, text: string, span: Span): JsonRange {
  const start = offsetToLineColumn(text, span.start);
  const end = offsetToLineColumn(text, span.end);
  return {
    file,
    line: start.line + 1,
    column: start.column + 1,
    endLine: end.line + 1,
    endColumn: end.column + 1,
  };
}

/** A problem as `file:line:col: message`, 1-based. */
export function formatProblem(problem: InputProblem): string {
  return `${problem.file}:${problem.line + 1}:${problem.column + 1}: ${problem.message}`;
}

/** A problem as JSON, 1-based. */
export function problemToJson(problem: InputProblem): JsonProblem {
  return { file: problem.file, line: problem.line + 1, column: problem.column + 1, message: problem.message };
}

/** Every finding of every loaded article, in file order, as JSON ranges. */
export function collectFindings(corpus: Corpus, input: LoadedInput): JsonFinding[] {
  const textOf = (id: string): string => corpus.article(id)?.text ?? '';
  return input.articles.flatMap((article) =>
    corpus.findings(article.file).map((finding) => findingToJson(finding, textOf)),
  );
}

/** One finding as JSON, its related locations resolved in their own articles' text. */
export function findingToJson(finding: Finding, textOf: (id: string) => string): JsonFinding {
  return {
    ...spanToRange(finding.articleId, textOf(finding.articleId), finding.span),
    severity: finding.severity,
    rule: finding.ruleId,
    message: finding.message,
    expected: finding.expected,
    related: finding.related.map((related) => ({
      ...spanToRange(related.location.articleId, textOf(related.location.articleId), related.location.span),
      message: related.message,
    })),
  };
}

/** Counts findings by severity; hints count with the infos. */
export function countFindings(articles: number, findings: JsonFinding[]): FindingCounts {
  const counts: FindingCounts = { articles, errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** The findings as text: `file:line:col: severity rule-id: message`, then `  see file:line:col: message` per evidence. */
export function formatFindingsText(findings: JsonFinding[], paint: Paint): string {
  const lines: string[] = [];
  for (const finding of findings) {
    const where = paint('bold', `${finding.file}:${finding.line}:${finding.column}:`);
    lines.push(`${where} ${paint(finding.severity, finding.severity)} ${finding.rule}: ${finding.message}`);
    for (const related of finding.related) {
      lines.push(paint('dim', `  see ${related.file}:${related.line}:${related.column}: ${related.message}`));
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** The summary line: "3 articles, 1 warning, 0 errors, 2 infos". */
export function formatSummary(counts: FindingCounts): string {
  const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
  return [
    plural(counts.articles, 'article'),
    plural(counts.warnings, 'warning'),
    plural(counts.errors, 'error'),
    plural(counts.infos, 'info', 'infos'),
  ].join(', ');
}

/** The whole of `check --format json`, pretty-printed. */
export function formatCheckJson(input: LoadedInput, findings: JsonFinding[]): string {
  const output: CheckJson = {
    articles: input.articles.map((article) => article.file),
    findings,
    problems: input.problems.map(problemToJson),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
