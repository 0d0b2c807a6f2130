/**
 * `check --format sarif`: SARIF 2.1.0 for GitHub code scanning and other CI viewers, built with
 * node-sarif-builder. One run; the rules with their help text; each finding a result whose evidence
 * in other articles is `relatedLocations` and whose fixes are SARIF fixes; input problems are
 * notifications of the invocation. Lines and columns are 1-based, columns in UTF-16 code units.
 */
import { pathToFileURL } from 'node:url';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Corpus, Fix, Severity, Span } from '../analysis/index.js';
import type { ReportedFile } from './format.js';
import { lookupOf } from './format.js';
import type { InputProblem, LoadedInput } from './load.js';

type Result = SarifResultBuilder['result'];
type Run = SarifRunBuilder['run'];
type PhysicalLocation = NonNullable<NonNullable<Result['locations']>[number]['physicalLocation']>;
type Region = NonNullable<PhysicalLocation['region']>;
type SarifFix = NonNullable<Result['fixes']>[number];

/** What SARIF needs of a rule: its id, the sentence that describes it, its default severity. */
export interface SarifRule {
  id: string;
  description: string;
  severity: Severity;
  /** The rule's page (Markdown), shipped in the package as docs/rules/<rule-id>.md. */
  help?: string;
}

/** Relative paths are resolved against this base, the folder `dateline` ran in. */
const sourceRoot = '%SRCROOT%';

/** The whole SARIF log of a `check`, pretty-printed. */
export function formatCheckSarif(
  corpus: Corpus,
  input: LoadedInput,
  reported: ReportedFile[],
  rules: readonly SarifRule[],
  version: string,
): string {
  const lookup = lookupOf(corpus);
  const region = (articleId: string, span: Span): Region => {
    const range = lookup.lines(articleId)!.spanToRange(span);
    // SARIF counts from 1; its endColumn is the column just after the last character, as LSP's end.
    return {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    };
  };
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: 'dateline',
    toolDriverVersion: version,
  });
  for (const rule of rules) {
    // No helpUri: the pages live in the package, not at an address a SARIF viewer could open; the
    // help carries the whole page instead, which GitHub code scanning shows under each alert.
    const builder = new SarifRuleBuilder().initSimple({
      ruleId: rule.id,
      shortDescriptionText: rule.description,
    });
    builder.rule.help = {
      text: rule.help ? plainText(rule.help) : rule.description,
      markdown: rule.help ?? rule.description,
    };
    builder.rule.defaultConfiguration = { level: levelOf(rule.severity) };
    run.addRule(builder);
  }
  for (const { findings } of reported) {
    for (const finding of findings) {
      const result = new SarifResultBuilder().initSimple({
        level: levelOf(finding.severity),
        messageText: finding.message,
        ruleId: finding.ruleId,
      });
      result.result.locations = [
        { physicalLocation: physical(finding.articleId, region(finding.articleId, finding.span)) },
      ];
      if (finding.related.length > 0) {
        result.result.relatedLocations = finding.related.map((related, i) => ({
          id: i + 1,
          physicalLocation: physical(
            related.location.articleId,
            region(related.location.articleId, related.location.span),
          ),
          message: { text: related.message },
        }));
      }
      const fixes = finding.fixes.map((fix) => fixToSarif(fix, region));
      if (fixes.length > 0) result.result.fixes = fixes;
      run.addResult(result);
    }
  }
  const sarif = new SarifBuilder();
  sarif.addRun(run);
  const log = sarif.buildSarifOutput();
  completeRun(log.runs[0]!, input.problems);
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The columns' unit, the base of relative paths, and the input problems as notifications. */
function completeRun(run: Run, problems: InputProblem[]): void {
  run.columnKind = 'utf16CodeUnits';
  run.originalUriBaseIds = { [sourceRoot]: { uri: `${pathToFileURL(process.cwd()).href}/` } };
  for (const artifact of run.artifacts ?? []) {
    if (artifact.location && !isAbsoluteUri(artifact.location.uri ?? ''))
      artifact.location.uriBaseId = sourceRoot;
  }
  run.invocations = [
    {
      executionSuccessful: problems.length === 0,
      toolExecutionNotifications: problems.map((problem) => ({
        level: 'error' as const,
        message: { text: problem.message },
        locations: [
          {
            physicalLocation: physical(problem.file, {
              startLine: problem.line + 1,
              startColumn: problem.column + 1,
            }),
          },
        ],
      })),
    },
  ];
}

/** A fix as SARIF: its edits as replacements, grouped by file. */
function fixToSarif(fix: Fix, region: (articleId: string, span: Span) => Region): SarifFix {
  const byFile = new Map<string, { deletedRegion: Region; insertedContent: { text: string } }[]>();
  for (const edit of fix.edits) {
    let replacements = byFile.get(edit.articleId);
    if (!replacements) byFile.set(edit.articleId, (replacements = []));
    replacements.push({
      deletedRegion: region(edit.articleId, edit.span),
      insertedContent: { text: edit.newText },
    });
  }
  return {
    description: { text: fix.title },
    artifactChanges: [...byFile].map(([file, replacements]) => ({
      artifactLocation: artifactLocation(file),
      replacements,
    })),
  };
}

function physical(file: string, region: Region): PhysicalLocation {
  return { artifactLocation: artifactLocation(file), region };
}

/** A path as a SARIF artifact location: relative to where dateline ran, or a file URL when absolute. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (/^([a-zA-Z]:)?[\\/]/.test(file)) return { uri: pathToFileURL(file).href };
  // "news/2024 #3.txt" → "news/2024%20%233.txt"; "<stdin>" → "%3Cstdin%3E"
  return { uri: file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: sourceRoot };
}

function isAbsoluteUri(uri: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(uri);
}

/** SARIF levels: information and hints are notes. */
function levelOf(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

// "## Example\n\nTwo articles write *Minister Jane Roe*" → "Example\n\nTwo articles write Minister
// Jane Roe": the page without its Markdown marks, for viewers that show help as plain text.
function plainText(markdown: string): string {
  return markdown
    .replace(/^#+\s*/gm, '')
    .replace(/\*\*?([^*]+)\*\*?/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}
