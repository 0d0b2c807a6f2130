/**
 * Findings as diagnostics: their evidence as related information, their fixes as edits that travel
 * in `diagnostic.data` (ARCHITECTURE.md, invariant 5). The language server publishes these, and
 * `dateline check --format json` prints them, so both front ends say the same thing.
 */
import type { Diagnostic, DiagnosticRelatedInformation, TextEdit } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Finding, Fix, Severity } from '../analysis/index.js';
import type { LineIndex } from './line-index.js';

/** What converting a finding needs to know of the articles: their URIs and their lines. */
export interface ArticleLookup {
  uri(articleId: string): string;
  lines(articleId: string): LineIndex | undefined;
  /** The editor's version of an article's text (null: the file on disk); absent outside the server. */
  version?(articleId: string): number | null;
}

/** A fix as it travels in `diagnostic.data`: edits already in LSP terms, so code actions need no state. */
export interface FixData {
  title: string;
  changes: Record<string, TextEdit[]>;
  /** The version of each document's text the edits were computed against (the server's fixes only). */
  versions?: Record<string, number | null>;
}

/** The payload of every Dateline diagnostic (ARCHITECTURE.md, invariant 5). */
export interface DiagnosticData {
  ruleId: string;
  actual: string;
  expected: string[];
  fixes: FixData[];
}

/**
 * The folder URI of the rule pages (`docs/rules/<rule-id>.md`, shipped in the package and the vsix),
 * set by a front end that knows where they are (the language server and the CLI: io/rule-docs.ts).
 * Unset, findings carry no link: never one to a page that does not exist.
 */
let ruleDocsBase: string | undefined;

/** Points rule links into a folder of `<rule-id>.md` pages; undefined: no links. */
export function setRuleDocsBase(uri: string | undefined): void {
  ruleDocsBase = uri?.replace(/\/+$/, '');
}

/** Where a rule is documented, its page under the rule-docs folder; undefined when no front end has said where that is. */
export function ruleUrl(ruleId: string): string | undefined {
  return ruleDocsBase === undefined ? undefined : `${ruleDocsBase}/${ruleId}.md`;
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
  const href = ruleUrl(finding.ruleId);
  return {
    range: lines.spanToRange(finding.span),
    severity: severityToLsp(finding.severity),
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'dateline',
    message: finding.message,
    relatedInformation,
    data,
  };
}

/** Converts a fix's offset edits to LSP text edits grouped by document URI. */
export function fixToData(fix: Fix, articles: ArticleLookup): FixData | undefined {
  const changes: Record<string, TextEdit[]> = {};
  const versions: Record<string, number | null> = {};
  for (const edit of fix.edits) {
    const lines = articles.lines(edit.articleId);
    if (!lines) return undefined;
    const uri = articles.uri(edit.articleId);
    (changes[uri] ??= []).push({ range: lines.spanToRange(edit.span), newText: edit.newText });
    if (articles.version) versions[uri] = articles.version(edit.articleId);
  }
  return articles.version ? { title: fix.title, changes, versions } : { title: fix.title, changes };
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
