/**
 * The VS Code extension: starts the Dateline language server and forwards two commands to it.
 * Everything else (diagnostics, hovers, tokens, fixes) is plain LSP and needs no code here.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node.js';
import type {
  ErrorHandler,
  LanguageClientOptions,
  Location,
  Position,
  ServerOptions,
} from 'vscode-languageclient/node.js';
import {
  methods,
  type CorpusStatus,
  type InitializationOptions,
  type MentionsParams,
  type TrustParams,
} from '../../server/src/present/protocol.js';

let client: LanguageClient | undefined;

/** Starts the language server over node IPC and registers the extension's commands. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    // `--inspect=6009` lets "Attach to Node Process" reach the server while the extension runs.
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const outputChannel = vscode.window.createOutputChannel('Dateline');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'article' },
      { scheme: 'untitled', language: 'article' },
      { scheme: 'file', pattern: '**/dateline.yaml' },
    ],
    // Files changed on disk (git checkout, another editor) are watched by the server's own dynamic
    // registration of workspace/didChangeWatchedFiles, the same for every editor: none here.
    synchronize: { configurationSection: 'dateline' },
    outputChannel,
    // A function, so that a restarted server is told the trust of the moment. The storage folder
    // keeps the server's analysis cache (the workspace's own, else the extension's global one).
    initializationOptions: (): InitializationOptions => ({
      trusted: vscode.workspace.isTrusted,
      cacheFolder: (context.storageUri ?? context.globalStorageUri).fsPath,
    }),
    errorHandler: restartVisibly(),
  };
  client = new LanguageClient('dateline', 'Dateline', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    // Untrusted, the server offers no edit beyond the current document; once trusted it may.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(methods.trust, { trusted: true } satisfies TrustParams);
    }),
    vscode.commands.registerCommand('dateline.reindex', reindex),
    vscode.commands.registerCommand('dateline.showMentions', showMentions),
  );
  const status = vscode.window.createStatusBarItem('dateline.status', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Dateline corpus';
  status.text = '$(sync~spin) Dateline';
  status.command = 'workbench.actions.view.problems';
  status.show();
  context.subscriptions.push(status);
  await client.start();
  client.onNotification(methods.status, (corpus: CorpusStatus) => {
    const count = (n: number, what: string): string => `${n.toLocaleString()} ${what}${n === 1 ? '' : 's'}`;
    status.text = corpus.indexing
      ? `$(sync~spin) Dateline: indexing ${corpus.indexing.total ? `${count(corpus.indexing.done, 'article')} / ${corpus.indexing.total.toLocaleString()}` : '…'}`
      : `$(book) Dateline: ${count(corpus.articles, 'article')} · ${count(corpus.warnings, 'warning')}`;
    status.tooltip = `Dateline reads ${count(corpus.articles, 'article')} as one corpus${corpus.skipped ? `; ${count(corpus.skipped, 'file')} not analysed (see Problems)` : ''}. Click for the Problems panel.`;
  });
}

/** Stops the language server; VS Code awaits the returned promise on shutdown. */
export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}

/** How many times a crashed server is restarted within `restartWindowMs` before Dateline gives up. */
const maxRestarts = 4;
const restartWindowMs = 3 * 60 * 1000;

/**
 * The client library's restart policy (4 restarts in 3 minutes), made visible: each restart shows a
 * warning, and giving up shows an error, instead of a silent restart or a silent stop.
 */
function restartVisibly(): ErrorHandler {
  let restarts: number[] = [];
  return {
    error: (_error, _message, count) =>
      // A few broken messages in a row are survivable; a stream of them means the channel is gone.
      count !== undefined && count <= 3 ? { action: ErrorAction.Continue } : { action: ErrorAction.Shutdown },
    closed: () => {
      const now = Date.now();
      restarts = [...restarts.filter((at) => now - at < restartWindowMs), now];
      if (restarts.length <= maxRestarts) {
        void vscode.window.showWarningMessage(
          `Dateline's language server stopped; restarting (${restarts.length}/${maxRestarts})`,
        );
        return { action: CloseAction.Restart, handled: true };
      }
      void vscode.window.showErrorMessage(
        `Dateline's language server stopped ${restarts.length} times in 3 minutes and will not be restarted. ` +
          'See the Dateline output channel; "Developer: Reload Window" starts it again.',
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

/** Asks the server to re-read every article and the knowledge file. */
async function reindex(): Promise<void> {
  await client?.sendRequest(methods.reindex);
}

/**
 * Shows every mention of the entity at a position in the references peek view: the position given
 * as arguments by a caller that has one, else (from the command palette) the active editor's cursor.
 */
async function showMentions(uri?: vscode.Uri | string, position?: vscode.Position | Position): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : (uri ?? editor?.document.uri);
  const at = position ?? editor?.selection.active;
  if (!client || !target || !at) return;
  const params: MentionsParams = {
    textDocument: { uri: client.code2ProtocolConverter.asUri(target) },
    position: { line: at.line, character: at.character },
  };
  const found = await client.sendRequest<Location[] | null>(methods.mentions, params);
  const locations = (await client.protocol2CodeConverter.asReferences(found)) ?? [];
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    target,
    new vscode.Position(at.line, at.character),
    locations,
  );
}
