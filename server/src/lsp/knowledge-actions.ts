/**
 * Knowledge-file actions: accept a spelling, keep a name distinct, pin an acronym's expansion, ignore a
 * finding in one article. Each
 * edit is computed against the file as it is now (the editor's buffer, else the disk), as the smallest
 * range edit; a missing file is created with `ignoreIfExists` and then written. A file over the limits
 * (knowledge-limits.ts) gets no action at all, and costs nothing here.
 */
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { EntityType } from '../analysis/types.js';
import { addAcronym, addAlias, addDistinct, addIgnore } from '../knowledge/edit-knowledge.js';
import type { DiagnosticData } from '../present/index.js';
import { minimalEdit } from './versioned-edits.js';
import type { Workspace } from './workspace.js';

/**
 * What a knowledge action writes, kept in `CodeAction.data` until `codeAction/resolve`; `knowledge` is
 * the URI of the knowledge file it is for (in a multi-root workspace, the article's folder's).
 */
export type KnowledgeChange = { dateline: 'knowledge'; knowledge: string } & (
  | { op: 'alias'; canonical: string; type: EntityType; alias: string }
  | { op: 'distinct'; name: string }
  | { op: 'acronym'; acronym: string; expansion: string }
  | { op: 'ignore'; file: string; rule: string; text: string }
);

/**
 * The knowledge actions for one diagnostic whose finding starts at `offset` of the current text; with
 * `resolveEdits`, their edits are left to resolve.
 */
export function knowledgeActions(
  workspace: Workspace,
  uri: string,
  diagnostic: Diagnostic,
  data: DiagnosticData,
  offset: number | undefined,
  resolveEdits: boolean,
): CodeAction[] {
  if (workspace.knowledgeOverLimits) return [];
  const target = workspace.knowledgeUri ?? workspace.knowledgeLocation();
  if (!target || !workspace.mayEdit(target, uri)) return [];
  const name = target.slice(target.lastIndexOf('/') + 1);
  const annotation = offset === undefined ? undefined : workspace.corpus.annotationAt(uri, offset);
  const changes: [string, KnowledgeChange][] = [];
  if (data.ruleId === 'name-variant' && annotation?.kind === 'entity') {
    const { cluster, mention } = annotation;
    changes.push([
      `Accept “${mention.text}” as a spelling of ${cluster.canonical} (${name})`,
      {
        dateline: 'knowledge',
        knowledge: target,
        op: 'alias',
        canonical: cluster.canonical,
        type: cluster.type,
        alias: mention.text,
      },
    ]);
    changes.push([
      `“${mention.text}” is a different ${cluster.type}: never flag it (${name})`,
      { dateline: 'knowledge', knowledge: target, op: 'distinct', name: mention.text },
    ]);
  }
  if (data.ruleId === 'acronym-expansion' && annotation?.kind === 'acronym' && data.expected[0]) {
    const { acronym } = annotation.entry;
    changes.push([
      `Pin ${acronym} = “${data.expected[0]}” (${name})`,
      { dateline: 'knowledge', knowledge: target, op: 'acronym', acronym, expansion: data.expected[0] },
    ]);
  }
  if (data.actual !== '') {
    changes.push([
      `Ignore “${data.actual}” (${data.ruleId}) in this file (${name})`,
      {
        dateline: 'knowledge',
        knowledge: target,
        op: 'ignore',
        file: relativeTo(target, uri),
        rule: data.ruleId,
        text: data.actual,
      },
    ]);
  }
  const actions: CodeAction[] = [];
  for (const [title, change] of changes) {
    const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
    if (resolveEdits) action.data = change;
    else {
      const edit = knowledgeEdit(workspace, change);
      // The file says it already, or cannot be rewritten safely (a YAML error in it): no action.
      if (!edit) continue;
      action.edit = edit;
    }
    actions.push(action);
  }
  return actions;
}

/** True when a code action's data is a knowledge change (a client may send back anything). */
export function isKnowledgeChange(data: unknown): data is KnowledgeChange {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  const strings = (...keys: string[]): boolean => keys.every((key) => typeof d[key] === 'string');
  if (d['dateline'] !== 'knowledge' || !strings('knowledge')) return false;
  if (d['op'] === 'alias') return strings('canonical', 'type', 'alias');
  if (d['op'] === 'distinct') return strings('name');
  if (d['op'] === 'ignore') return strings('file', 'rule', 'text');
  return d['op'] === 'acronym' && strings('acronym', 'expansion');
}

/**
 * The edit that records `change` in the knowledge file as it is now: a range edit of the open buffer
 * (at its version) or of the file on disk, or create-then-insert when there is no file. Undefined when
 * the file already says it, breaks a limit, or cannot be rewritten safely.
 */
export function knowledgeEdit(workspace: Workspace, change: KnowledgeChange): WorkspaceEdit | undefined {
  const now = workspace.currentKnowledge();
  // The action was offered for another folder's knowledge file: never written to this one.
  if (!now || workspace.knowledgeOverLimits || now.uri !== change.knowledge) return undefined;
  const { uri, text, version } = now;
  const after = apply(text, change);
  if (after === undefined || after === text) return undefined;
  if (text === undefined) {
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
  return { documentChanges: [{ textDocument: { uri, version }, edits: [minimalEdit(text, after)] }] };
}

/**
 * The results of `apply` for the one knowledge text seen last: a client that cannot resolve actions
 * asks for every edit with every lightbulb, and a file near the size limit takes a second to rewrite.
 */
const applied: { text: string | undefined; results: Map<string, string | undefined> } = {
  text: undefined,
  results: new Map(),
};

function apply(text: string | undefined, change: KnowledgeChange): string | undefined {
  // Each result is a whole new text: a few dozen of them at most are kept.
  if (applied.text !== text || applied.results.size >= 32) {
    applied.text = text;
    applied.results.clear();
  }
  const key = JSON.stringify(change);
  if (applied.results.has(key)) return applied.results.get(key);
  const result = rewrite(text, change);
  applied.results.set(key, result);
  return result;
}

function rewrite(text: string | undefined, change: KnowledgeChange): string | undefined {
  switch (change.op) {
    case 'alias':
      return addAlias(text, change.canonical, change.type, change.alias);
    case 'distinct':
      return addDistinct(text, change.name);
    case 'acronym':
      return addAcronym(text, change.acronym, change.expansion);
    case 'ignore':
      return addIgnore(text, change);
  }
}

// "file:///work/news/a%20b.txt" from "file:///work/dateline.yaml" → "news/a b.txt"; an article outside
// the knowledge file's folder is named by its file name alone.
function relativeTo(knowledgeUri: string, uri: string): string {
  const folder = knowledgeUri.slice(0, knowledgeUri.lastIndexOf('/') + 1);
  const rest = uri.startsWith(folder) ? uri.slice(folder.length) : uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}
