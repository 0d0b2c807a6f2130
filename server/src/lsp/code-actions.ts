/**
 * Quick fixes: each diagnostic's own fix from `diagnostic.data` (no server state, invariant 5), the
 * same fix for every identical finding in the file or the workspace, and knowledge-file edits that
 * accept a spelling, keep a name distinct or pin an acronym. Every edit is versioned (versioned-edits.ts)
 * and stays inside the workspace (boundary.ts).
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
import { fixToData, type DiagnosticData, type FixData } from '../present/index.js';
import { knowledgeActions } from './knowledge-actions.js';
import { versionedEdit } from './versioned-edits.js';
import type { Workspace } from './workspace.js';

/** The code action kind of "fix all Dateline findings in this file". */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.dateline`;

/**
 * The code actions for a range of an article. With `resolveEdits`, knowledge-file actions come without
 * their edit, which `codeAction/resolve` computes against the file as it is when one is chosen.
 */
export function codeActions(
  workspace: Workspace,
  params: CodeActionParams,
  resolveEdits = false,
): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  if (only?.some((kind) => fixAllKind.startsWith(kind) && kind !== CodeActionKind.QuickFix)) {
    const all = fixAllInFile(workspace, uri);
    return all ? [all] : [];
  }
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const sent = diagnostic.data;
    if (diagnostic.source !== 'dateline' || !isDiagnosticData(sent)) continue;
    const now = current(workspace, uri, diagnostic, sent);
    if (!now) continue;
    const { data, offset } = now;
    data.fixes.forEach((fix, i) => {
      const edit = versionedFix(workspace, uri, fix);
      if (!edit) return;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0,
        edit,
      });
    });
    if (data.fixes.length > 0) actions.push(...fixEverywhere(workspace, uri, diagnostic, data));
    // In an untrusted workspace Dateline analyses but proposes no write to the knowledge file.
    if (workspace.trusted)
      actions.push(...knowledgeActions(workspace, uri, diagnostic, data, offset, resolveEdits));
  }
  return actions;
}

/**
 * The diagnostic's data as of the document's current version, and the offset of its finding. A
 * diagnostic the client holds from an older version (the user typed since, and the new list is not
 * out yet) has fixes at old offsets: they are recomputed from the current finding of the same rule
 * and words nearest to it, if any.
 */
function current(
  workspace: Workspace,
  uri: string,
  diagnostic: Diagnostic,
  data: DiagnosticData,
): { data: DiagnosticData; offset: number | undefined } | undefined {
  const version = workspace.version(uri);
  const lines = workspace.lines(uri);
  const at = lines?.positionToOffset(diagnostic.range.start);
  const stale = data.fixes.some(
    (fix) => fix.versions !== undefined && uri in fix.versions && fix.versions[uri] !== version,
  );
  if (!stale) return { data, offset: at };
  if (at === undefined) return undefined;
  const same = workspace
    .findings(uri)
    .filter((f) => f.ruleId === data.ruleId && f.actual === data.actual && f.expected[0] === data.expected[0])
    .sort((a, b) => Math.abs(a.span.start - at) - Math.abs(b.span.start - at));
  const finding = same[0];
  if (!finding) return undefined;
  const fixes = finding.fixes.map((fix) => fixToData(fix, workspace)).filter((fix) => fix !== undefined);
  return { data: { ...data, fixes }, offset: finding.span.start };
}

/** A fix's edits as versioned document changes, or undefined when one leaves what may be edited. */
function versionedFix(workspace: Workspace, from: string, fix: FixData): WorkspaceEdit | undefined {
  return versionedEdit(
    fix.changes,
    (uri) => fix.versions?.[uri] ?? workspace.version(uri),
    (uri) => workspace.mayEdit(uri, from),
  );
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
        (fix as FixData).changes !== null &&
        ((fix as FixData).versions === undefined ||
          (typeof (fix as FixData).versions === 'object' && (fix as FixData).versions !== null)),
    )
  );
}

/** "Fix all `Smiht` → `Smith` in this file" and "… in the workspace", when there is more than one. */
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
  const inFile = workspace.findings(uri).filter(same);
  const inWorkspace = workspace.corpus.ids().flatMap((id) => workspace.findings(id).filter(same));
  const actions: CodeAction[] = [];
  const label = `\`${data.actual}\` → \`${data.expected[0]}\``;
  if (inFile.length > 1) {
    const { edit, count } = merge(workspace, uri, inFile);
    if (count > 1)
      actions.push({
        title: `Fix all ${label} in this file (${count})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit,
      });
  }
  if (inWorkspace.length > inFile.length) {
    const { edit, count, files } = merge(workspace, uri, inWorkspace);
    if (count > inFile.length && files > 1)
      actions.push({
        title: `Fix all ${label} in the workspace (${count} in ${files} files)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit,
      });
  }
  return actions;
}

/** Every first fix of every fixable Dateline finding in a file, as one source action. */
export function fixAllInFile(workspace: Workspace, uri: string): CodeAction | undefined {
  const fixable = workspace
    .findings(uri)
    .filter((f) => f.fixes.length > 0 && (f.severity === 'warning' || f.severity === 'error'));
  const { edit, count } = merge(workspace, uri, fixable);
  if (count === 0) return undefined;
  return { title: `Fix all Dateline findings in this file (${count})`, kind: fixAllKind, edit };
}

/**
 * The first fixes of `findings` as one versioned edit, leaving out every fix that would touch a file
 * Dateline may not edit from `from` (outside the workspace, or any other file when it is untrusted).
 */
function merge(
  workspace: Workspace,
  from: string,
  findings: Finding[],
): { edit: WorkspaceEdit; count: number; files: number } {
  const changes: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  const allowed = new Map<string, boolean>();
  const mayEdit = (uri: string): boolean => {
    if (!allowed.has(uri)) allowed.set(uri, workspace.mayEdit(uri, from));
    return allowed.get(uri)!;
  };
  let count = 0;
  for (const finding of findings) {
    const data = fixToData(finding.fixes[0]!, workspace);
    if (!data || !Object.keys(data.changes).every(mayEdit)) continue;
    count++;
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
  const edit =
    versionedEdit(
      changes,
      (uri) => workspace.version(uri),
      () => true,
    ) ?? {};
  return { edit, count, files: Object.keys(changes).length };
}
