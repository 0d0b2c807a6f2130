/**
 * Two commands that act on the finding under the cursor (or where a hover link says): "Show
 * reasoning", which opens the server's full reasoning (`dateline/reasoning`) as a read-only Markdown
 * page, and "Accept Spelling", which records the name as written in the knowledge file through the
 * server's own quick fix, so the edit is made where every knowledge-file edit is made.
 */
import * as vscode from 'vscode';
import type { LanguageClient, Position } from 'vscode-languageclient/node.js';
import { methods, type MentionsParams, type ReasoningReply } from '../../server/src/present/protocol.js';

/** The reasoning pages: documents of their own scheme, so VS Code shows them read-only. */
export class ReasoningPages implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'dateline-reasoning';
  private readonly pages = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private count = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.pages.get(uri.toString()) ??
      'This page is gone: hover the finding and choose Show reasoning again.'
    );
  }

  /** Asks the server for the reasoning at a place (the cursor when none is given) and opens it beside the article. */
  async show(client: LanguageClient | undefined, uri?: string, position?: Position): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const target = uri ?? editor?.document.uri.toString();
    const at = position ?? editor?.selection.active;
    if (!client || !target || !at) return;
    const params: MentionsParams = {
      textDocument: { uri: target },
      position: { line: at.line, character: at.character },
    };
    const reply = await client.sendRequest<ReasoningReply>(methods.reasoning, params);
    if (!reply) {
      void vscode.window.showInformationMessage('Dateline has nothing to say at the cursor.');
      return;
    }
    const name = decodeURIComponent(target.slice(target.lastIndexOf('/') + 1));
    const page = vscode.Uri.from({
      scheme: ReasoningPages.scheme,
      path: `/Why ${name} line ${at.line + 1}.md`,
      query: String(++this.count),
    });
    this.pages.set(page.toString(), reply.markdown);
    this.changed.fire(page);
    const document = await vscode.workspace.openTextDocument(page);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

/** Runs the server's "Accept “…” as a spelling of …" quick fix for the finding at the cursor. */
export async function acceptSpelling(log: vscode.LogOutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const at = editor.selection.active;
  // The last argument asks VS Code to resolve the actions, so a deferred knowledge-file edit is made now.
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      new vscode.Range(at, at),
      vscode.CodeActionKind.QuickFix.value,
      20,
    )) ?? [];
  const accept = actions.find((action) => action.title.startsWith('Accept “'));
  if (!accept) {
    void vscode.window.showInformationMessage(
      'Dateline: put the cursor on a name flagged as spelled differently, then accept its spelling.',
    );
    return;
  }
  if (accept.edit) await vscode.workspace.applyEdit(accept.edit);
  if (accept.command)
    await vscode.commands.executeCommand(accept.command.command, ...(accept.command.arguments ?? []));
  log.info(accept.title);
}
