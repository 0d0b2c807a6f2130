/**
 * The requests about a place in a document or the whole workspace (hover, navigation, rename, code
 * actions, outline, tokens), one short handler each: each finds the document's workspace and the
 * offset, and hands them to its feature module.
 */
import type { CancellationToken, Connection, TextDocumentPositionParams } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { methods, type ReasoningReply } from '../present/index.js';
import type { ClientAbilities } from './client-options.js';
import { codeActions } from './code-actions.js';
import { hoverAt, reasoningAt, type HoverStyle } from './hover.js';
import { isKnowledgeChange, knowledgeEdit } from './knowledge-actions.js';
import { definition, highlights, prepareRename, references, rename } from './navigation.js';
import { documentSymbols, foldingRanges, inlayHints, workspaceSymbols } from './outline.js';
import { semanticTokens } from './semantic-tokens.js';
import { editForClient, versionedEdit } from './versioned-edits.js';
import type { Workspace } from './workspace.js';
import type { Workspaces } from './workspaces.js';

/**
 * A request handler that does not run when the client cancelled the request while it waited (the
 * client moved on: typing, scrolling); the handlers themselves are synchronous and short.
 */
function answer<P, R>(
  handler: (params: P) => R,
): (params: P, token: CancellationToken) => R | ResponseError<void> {
  return (params, token) =>
    token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled') : handler(params);
}

/** What the requests share with the rest of the server. */
export interface RequestContext {
  workspaces: Workspaces;
  /** What the client can take; read at each request, as initialize fills it in. */
  client: ClientAbilities;
  hoverStyle: HoverStyle;
  /** Analyses the edits waiting for `uri` now, for the requests that return edits. */
  analyseNow: (uri: string) => void;
}

/** Registers the handlers of the requests about documents and the workspace. */
export function registerRequests(connection: Connection, context: RequestContext): void {
  registerReadRequests(connection, context);
  registerEditRequests(connection, context);
}

/** The offset a request points at in its document, if the document is known. */
function offsetIn(workspaces: Workspaces, params: TextDocumentPositionParams): number | undefined {
  return workspaces.of(params.textDocument.uri).lines(params.textDocument.uri)?.positionToOffset(params.position);
}

/** The requests that only read: they answer from the corpus as it is, even with edits waiting. */
function registerReadRequests(connection: Connection, { workspaces, hoverStyle }: RequestContext): void {
  const offsetOf = (params: TextDocumentPositionParams): number | undefined => offsetIn(workspaces, params);
  /** The workspace of a request's document. */
  const of = (params: { textDocument: { uri: string } }): Workspace => workspaces.of(params.textDocument.uri);

  connection.onRequest(methods.mentions, answer((params: TextDocumentPositionParams) => {
    const offset = offsetOf(params);
    return offset === undefined ? [] : references(of(params), params.textDocument.uri, offset);
  }));

  connection.onHover(answer((params) => {
    const offset = offsetOf(params);
    return offset === undefined ? null : hoverAt(of(params), params.textDocument.uri, offset, hoverStyle);
  }));
  connection.onRequest(methods.reasoning, answer((params: TextDocumentPositionParams): ReasoningReply => {
    const offset = offsetOf(params);
    const markdown = offset === undefined ? null : reasoningAt(of(params), params.textDocument.uri, offset);
    return markdown === null ? null : { markdown };
  }));
  connection.onReferences(answer((params) => {
    const offset = offsetOf(params);
    return offset === undefined ? [] : references(of(params), params.textDocument.uri, offset);
  }));
  connection.onDefinition(answer((params) => {
    const offset = offsetOf(params);
    return offset === undefined ? null : definition(of(params), params.textDocument.uri, offset);
  }));
  connection.onDocumentHighlight(answer((params) => {
    const offset = offsetOf(params);
    return offset === undefined ? [] : highlights(of(params), params.textDocument.uri, offset);
  }));
  connection.onDocumentSymbol(answer((params) => documentSymbols(of(params), params.textDocument.uri)));
  connection.onWorkspaceSymbol(
    answer((params) => workspaces.all().flatMap((workspace) => workspaceSymbols(workspace, params.query))),
  );
  connection.onFoldingRanges(answer((params) => foldingRanges(of(params), params.textDocument.uri)));
  connection.languages.inlayHint.on(
    answer((params) => inlayHints(of(params), params.textDocument.uri, params.range)),
  );
  connection.languages.semanticTokens.on(answer((params) => semanticTokens(of(params), params.textDocument.uri)));
  connection.languages.semanticTokens.onRange(
    answer((params) => semanticTokens(of(params), params.textDocument.uri, params.range)),
  );
}

/**
 * The requests that return edits (rename, code actions): the edits waiting for their document are
 * analysed first, so that what they return is versioned for the text the client holds.
 */
function registerEditRequests(connection: Connection, { workspaces, client, analyseNow }: RequestContext): void {
  const offsetOf = (params: TextDocumentPositionParams): number | undefined => offsetIn(workspaces, params);
  /** The workspace of a request's document. */
  const of = (params: { textDocument: { uri: string } }): Workspace => workspaces.of(params.textDocument.uri);
  connection.onPrepareRename(answer((params) => {
    analyseNow(params.textDocument.uri);
    const offset = offsetOf(params);
    return offset === undefined ? null : prepareRename(of(params), params.textDocument.uri, offset);
  }));
  connection.onRenameRequest(answer((params) => {
    analyseNow(params.textDocument.uri);
    const offset = offsetOf(params);
    const from = params.textDocument.uri;
    const workspace = of(params);
    const changes =
      offset === undefined ? undefined : rename(workspace, from, offset, params.newName)?.changes;
    if (!changes) return null;
    // Files outside the workspace (links to articles elsewhere), or every other file when untrusted, keep their spelling.
    const inside = Object.fromEntries(
      Object.entries(changes).filter(([uri]) => workspace.mayEdit(uri, from)),
    );
    const edit = versionedEdit(
      inside,
      (uri) => workspace.version(uri),
      () => true,
    );
    return (edit && editForClient(edit, client.editSupport)) ?? null;
  }));
  connection.onCodeAction(answer((params) => {
    // Fixes carry the version they are computed against: the client's latest text, analysed now if
    // it is still waiting in the edit queue (a stale diagnostic's fix is then recomputed for it).
    analyseNow(params.textDocument.uri);
    return codeActions(of(params), params, client.resolveEdits).flatMap((action) => {
      if (!action.edit) return [action];
      const edit = editForClient(action.edit, client.editSupport);
      return edit ? [{ ...action, edit }] : [];
    });
  }));
  connection.onCodeActionResolve(answer((action) => {
    if (!isKnowledgeChange(action.data)) return action;
    const workspace = workspaces.of(action.data.knowledge);
    if (!workspace.trusted) return action;
    const edit = knowledgeEdit(workspace, action.data);
    const forClient = edit && editForClient(edit, client.editSupport);
    return forClient ? { ...action, edit: forClient } : action;
  }));
}
