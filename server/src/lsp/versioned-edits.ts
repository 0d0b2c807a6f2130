/**
 * Edits as Dateline offers them: one `TextDocumentEdit` per document, carrying the version of the text
 * it was computed against, so that a client holding a newer text refuses it instead of applying it at
 * old offsets; and the smallest range edit that turns one text into another.
 */
import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex } from '../present/index.js';

/** The version an edit of a document was computed against: the editor's, or null for the file on disk. */
export type VersionOf = (uri: string) => number | null;

/** `changes` by URI as versioned document changes; undefined when any URI may not be edited. */
export function versionedEdit(
  changes: Record<string, TextEdit[]>,
  versionOf: VersionOf,
  mayEdit: (uri: string) => boolean,
): WorkspaceEdit | undefined {
  const documentChanges: TextDocumentEdit[] = [];
  for (const [uri, edits] of Object.entries(changes)) {
    if (!mayEdit(uri)) return undefined;
    documentChanges.push({ textDocument: { uri, version: versionOf(uri) }, edits });
  }
  return { documentChanges };
}

/**
 * The one edit that turns `before` into `after`: what lies between their common start and their common
 * end. Adding an entry to a list of a thousand lines is then a few characters inserted, not the file
 * replaced, and an edit made meanwhile elsewhere in the file survives.
 */
export function minimalEdit(before: string, after: string): TextEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  // Never split a surrogate pair or a CRLF: positions must name whole characters and line ends.
  while (
    start > 0 &&
    (isLowSurrogate(before.charCodeAt(start)) || (before[start - 1] === '\r' && before[start] === '\n'))
  )
    start--;
  while (
    end > 0 &&
    (isLowSurrogate(before.charCodeAt(before.length - end)) ||
      (before[before.length - end - 1] === '\r' && before[before.length - end] === '\n'))
  )
    end--;
  const lines = new LineIndex(before);
  return {
    range: lines.spanToRange({ start, end: before.length - end }),
    newText: after.slice(start, after.length - end),
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** What the client said it can apply (`workspace.workspaceEdit` in its capabilities). */
export interface EditSupport {
  documentChanges: boolean;
  create: boolean;
}

/**
 * `edit` as the client can take it: as it is when the client takes versioned document changes; else
 * as plain `changes` by URI (the client cannot refuse a stale one then), and undefined when it needs
 * a file created that the client cannot create.
 */
export function editForClient(edit: WorkspaceEdit, support: EditSupport): WorkspaceEdit | undefined {
  const documentChanges = edit.documentChanges ?? [];
  const creates = documentChanges.some((change) => 'kind' in change);
  if (support.documentChanges && (!creates || support.create)) return edit;
  if (creates) return undefined;
  const changes: Record<string, TextEdit[]> = {};
  for (const change of documentChanges)
    if ('textDocument' in change)
      (changes[change.textDocument.uri] ??= []).push(...(change.edits as TextEdit[]));
  return { changes };
}
