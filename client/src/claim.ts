/**
 * `.txt` files open as plain text; a file becomes a "News article" only when the language server says
 * it is one of the corpus (named by `dateline.files`, below a `dateline.yaml`, or looking like an
 * article). `requirements.txt`, a licence or a log stays plain text, and its `[plaintext]` settings apply.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { methods, type IsArticleParams, type IsArticleReply } from '../../server/src/present/protocol.js';

/** Offers each open plain-text `.txt` document to the server, and switches the articles to `article`. */
export class ArticleClaims implements vscode.Disposable {
  /** Documents switched once: if the user switches one back to plain text, it stays so. */
  private readonly switched = new Set<string>();
  /** Documents the server said are not articles, logged once each (they are asked again after each reading). */
  private readonly refused = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [vscode.workspace.onDidOpenTextDocument((document) => void this.offer(document))];
  }

  /** Offers every open document again: after indexing, the server knows the files on disk. */
  offerAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.offer(document);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async offer(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    if (document.languageId !== 'plaintext' || !document.uri.path.endsWith('.txt') || this.switched.has(key))
      return;
    if (!this.client.isRunning()) return;
    let reply: IsArticleReply;
    try {
      const params: IsArticleParams = { uri: this.client.code2ProtocolConverter.asUri(document.uri) };
      reply = await this.client.sendRequest<IsArticleReply>(methods.isArticle, params);
    } catch (error) {
      this.log.warn(
        `Could not ask whether ${vscode.workspace.asRelativePath(document.uri)} is an article: ${String(error)}`,
      );
      return;
    }
    if (!reply.article) {
      if (this.refused.has(key)) return;
      this.refused.add(key);
      this.log.info(
        `${vscode.workspace.asRelativePath(document.uri)} is not an article of the corpus: left as plain text`,
      );
      return;
    }
    if (document.isClosed || this.switched.has(key)) return;
    this.switched.add(key);
    this.log.info(
      `${vscode.workspace.asRelativePath(document.uri)} is an article of the corpus: opened as a News article`,
    );
    await vscode.languages.setTextDocumentLanguage(document, 'article');
  }
}
