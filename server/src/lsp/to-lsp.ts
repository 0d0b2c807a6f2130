/**
 * The only place where analysis offsets become LSP positions (ARCHITECTURE.md, invariant 3), and
 * where findings become diagnostics. Offsets and LSP characters are both UTF-16 code units; what
 * differs is that LSP counts them per line, and a line ends at "\n", "\r\n" or "\r".
 */
import type {
  Diagnostic,
  DiagnosticRelatedInformation,
  Position,
  Range,
  TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, Fix, Severity, Span } from '../analysis/index.js';
import { linesOf } from '../analysis/tokenize.js';
import { ruleUrl } from './rule-docs.js';

/** Line starts of one text, for converting offsets to positions and back. */
export class LineIndex {
  /** `starts`: where each line of `text` starts, as an analysis of it has them (`ArticleStructure.lineStarts`). */
  constructor(
    private readonly text: string,
    private readonly starts: readonly number[] = linesOf(text).map((line) => line.start),
  ) {}

  /** The position of an offset; offsets past the end clamp to the end. */
  offsetToPosition(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low]! };
  }

  /** The offset of a position; a character past the line's end clamps to the line's end. */
  positionToOffset(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)]!;
    const next = this.starts[position.line + 1] ?? this.text.length + 1;
    let end = next - 1;
    // The line's own end is before its line break.
    if (next <= this.text.length && this.text[end - 1] === '\r' && this.text[end] === '\n') end--;
    if (next > this.text.length) end = this.text.length;
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** The range of a span. */
  spanToRange(span: Span): Range {
    return { start: this.offsetToPosition(span.start), end: this.offsetToPosition(span.end) };
  }

  /** The number of lines. */
  get lineCount(): number {
    return this.starts.length;
  }
}

/** What converting a finding needs to know of the other articles: their URIs and texts. */
export interface ArticleLookup {
  uri(articleId: string): string;
  lines(articleId: string): LineIndex | undefined;
}

/** A fix as it travels in `diagnostic.data`: edits already in LSP terms, so code actions need no state. */
export interface FixData {
  title: string;
  changes: Record<string, LspTextEdit[]>;
}

/** The payload of every Dateline diagnostic (ARCHITECTURE.md, invariant 5). */
export interface DiagnosticData {
  ruleId: string;
  actual: string;
  expected: string[];
  fixes: FixData[];
}

/** Converts a finding to a diagnostic, its evidence to related information and its fixes to data. */
export function findingToDiagnostic(finding: Finding, articles: ArticleLookup): Diagnostic | undefined {
  const lines = articles.lines(finding.articleId);
  if (!lines) return undefined;
  const relatedInformation: DiagnosticRelatedInformation[] = [];
  for (const related of finding.related) {
    const other = articles.lines(related.location.articleId);
    if (!other) continue;
    relatedInformation.push({
      location: {
        uri: articles.uri(related.location.articleId),
        range: other.spanToRange(related.location.span),
      },
      message: related.message,
    });
  }
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    actual: finding.actual,
    expected: finding.expected,
    fixes: finding.fixes.map((fix) => fixToData(fix, articles)).filter((fix) => fix !== undefined),
  };
  return {
    range: lines.spanToRange(finding.span),
    severity: severityToLsp(finding.severity),
    code: finding.ruleId,
    codeDescription: { href: ruleUrl(finding.ruleId) },
    source: 'dateline',
    message: finding.message,
    relatedInformation,
    data,
  };
}

/** Converts a fix's offset edits to LSP text edits grouped by document URI. */
export function fixToData(fix: Fix, articles: ArticleLookup): FixData | undefined {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const edit of fix.edits) {
    const lines = articles.lines(edit.articleId);
    if (!lines) return undefined;
    const uri = articles.uri(edit.articleId);
    (changes[uri] ??= []).push({ range: lines.spanToRange(edit.span), newText: edit.newText });
  }
  return { title: fix.title, changes };
}

/** Converts an analysis severity to LSP's. */
export function severityToLsp(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}
