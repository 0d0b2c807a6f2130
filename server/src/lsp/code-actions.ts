/**
 * Quick fixes: each diagnostic's own fix from `diagnostic.data` (no server state, invariant 5), the
 * same fix for every identical finding in the file or the workspace, and knowledge-file edits that
 * accept a spelling, keep a name distinct or pin an acronym.
 */
import type {
  CodeAction,
  CodeActionParams,
  Diagnostic,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { Finding } from '../analysis/index.js';
import { addAcronym, addAlias, addDistinct } from '../knowledge/edit-knowledge.js';
import { fixToData, LineIndex, type DiagnosticData, type FixData } from '../present/index.js';
import type { Workspace } from './workspace.js';

/** The code action kind of "fix all Dateline findings in this file". */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.dateline`;

/** The code actions for a range of an article. */
export function codeActions(workspace: Workspace, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  if (only?.some((kind) => fixAllKind.startsWith(kind) && kind !== CodeActionKind.QuickFix)) {
    const all = fixAllInFile(workspace, uri);
    return all ? [all] : [];
  }
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const data = diagnostic.data;
    if (diagnostic.source !== 'dateline' || !isDiagnosticData(data)) continue;
    data.fixes.forEach((fix, i) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0,
        edit: { changes: fix.changes },
      });
    });
    if (data.fixes.length > 0) actions.push(...fixEverywhere(workspace, uri, diagnostic, data));
    // In an untrusted workspace Dateline analyses but proposes no write to the knowledge file.
    if (workspace.trusted) actions.push(...knowledgeActions(workspace, uri, diagnostic, data));
  }
  return actions;
}

/** True when a diagnostic's data has the shape Dateline gives it: a client may send back anything. */
function isDiagnosticData(data: unknown): data is DiagnosticData {
  if (typeof data !== 'object' || data === null) return false;
  const { ruleId, actual, expected, fixes } = data as Record<string, unknown>;
  return (
    typeof ruleId === 'string' &&
    typeof actual === 'string' &&
    Array.isArray(expected) &&
    Array.isArray(fixes) &&
    fixes.every(
      (fix: unknown) =>
        typeof fix === 'object' &&
        fix !== null &&
        typeof (fix as FixData).title === 'string' &&
        typeof (fix as FixData).changes === 'object' &&
        (fix as FixData).changes !== null,
    )
  );
}

/** "Fix all `Hepkins` → `Hipkins` in this file" and "… in the workspace", when there is more than one. */
function fixEverywhere(
  workspace: Workspace,
  uri: string,
  diagnostic: Diagnostic,
  data: DiagnosticData,
): CodeAction[] {
  const same = (f: Finding): boolean =>
    f.ruleId === data.ruleId &&
    f.actual === data.actual &&
    f.expected[0] === data.expected[0] &&
    f.fixes.length > 0;
  const inFile = workspace.corpus.findings(uri).filter(same);
  const inWorkspace = workspace.corpus.ids().flatMap((id) => workspace.corpus.findings(id).filter(same));
  const actions: CodeAction[] = [];
  const label = `\`${data.actual}\` → \`${data.expected[0]}\``;
  if (inFile.length > 1) {
    actions.push({
      title: `Fix all ${label} in this file (${inFile.length})`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: merge(workspace, inFile),
    });
  }
  if (inWorkspace.length > inFile.length) {
    const files = new Set(inWorkspace.map((f) => f.articleId)).size;
    actions.push({
      title: `Fix all ${label} in the workspace (${inWorkspace.length} in ${files} files)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: merge(workspace, inWorkspace),
    });
  }
  return actions;
}

/** Every first fix of every fixable Dateline finding in a file, as one source action. */
export function fixAllInFile(workspace: Workspace, uri: string): CodeAction | undefined {
  const fixable = workspace.corpus
    .findings(uri)
    .filter((f) => f.fixes.length > 0 && (f.severity === 'warning' || f.severity === 'error'));
  if (fixable.length === 0) return undefined;
  return {
    title: `Fix all Dateline findings in this file (${fixable.length})`,
    kind: fixAllKind,
    edit: merge(workspace, fixable),
  };
}

function merge(workspace: Workspace, findings: Finding[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const finding of findings) {
    const data = fixToData(finding.fixes[0]!, workspace);
    if (!data) continue;
    for (const [uri, edits] of Object.entries(data.changes)) {
      for (const edit of edits) {
        // Two findings may carry the same edit ("all in file" fixes overlap); apply each once.
        const key = `${uri}:${edit.range.start.line}:${edit.range.start.character}`;
        if (seen.has(key)) continue;
        seen.add(key);
        (changes[uri] ??= []).push(edit);
      }
    }
  }
  return { changes };
}

/** Knowledge-file actions: accept a spelling, keep a name distinct, pin an acronym's expansion. */
function knowledgeActions(
  workspace: Workspace,
  uri: string,
  diagnostic: Diagnostic,
  data: DiagnosticData,
): CodeAction[] {
  const target = workspace.knowledgeUri ?? workspace.knowledgeLocation();
  if (!target) return [];
  const name = target.slice(target.lastIndexOf('/') + 1);
  const text = workspace.knowledgeText;
  const offset = workspace.lines(uri)?.positionToOffset(diagnostic.range.start);
  const annotation = offset === undefined ? undefined : workspace.corpus.annotationAt(uri, offset);
  const actions: CodeAction[] = [];
  const add = (title: string, updated: string | undefined): void => {
    if (updated === undefined || updated === text) return;
    actions.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: writeKnowledge(target, text, updated),
    });
  };
  if (data.ruleId === 'name-variant' && annotation?.kind === 'entity') {
    const { cluster, mention } = annotation;
    add(
      `Accept “${mention.text}” as a spelling of ${cluster.canonical} (${name})`,
      addAlias(text, cluster.canonical, cluster.type, mention.text),
    );
    add(
      `“${mention.text}” is a different ${cluster.type}: never flag it (${name})`,
      addDistinct(text, mention.text),
    );
  }
  if (data.ruleId === 'acronym-expansion' && annotation?.kind === 'acronym' && data.expected[0]) {
    add(
      `Pin ${annotation.entry.acronym} = “${data.expected[0]}” (${name})`,
      addAcronym(text, annotation.entry.acronym, data.expected[0]),
    );
  }
  return actions;
}

/** Replaces the knowledge file's text, creating the file when there is none. */
function writeKnowledge(uri: string, before: string | undefined, after: string): WorkspaceEdit {
  if (before === undefined) {
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        {
          textDocument: { uri, version: null },
          edits: [
            { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: after },
          ],
        },
      ],
    };
  }
  const lines = new LineIndex(before);
  return {
    changes: { [uri]: [{ range: lines.spanToRange({ start: 0, end: before.length }), newText: after }] },
  };
}
