/**
 * The VS Code extension: starts the Dateline language server, and adds what only VS Code has: the
 * commands, the log, the status bar item, the Timeline and Entities views, and `.txt` files switched
 * to the article language when the server claims them (claim.ts). Diagnostics, hovers, tokens and
 * fixes are plain LSP and need no code here.
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
  looksLikeArticle,
  methods,
  type CorpusStatus,
  type InitializationOptions,
  type MentionsParams,
  type TrustParams,
} from '../../server/src/present/protocol.js';
import { ArticleClaims } from './claim.js';
import { acceptSpelling, ReasoningPages } from './reasoning.js';
import { EntitiesTree, reveal, TimelineTree } from './views.js';

let client: LanguageClient | undefined;
let claims: ArticleClaims | undefined;

/** Registers the commands and views, and starts the language server unless Dateline is disabled here. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Dateline', { log: true });
  const status = vscode.window.createStatusBarItem('dateline.status', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Dateline corpus';
  status.command = 'workbench.actions.view.problems';
  const reasoning = new ReasoningPages();
  const timeline = new TimelineTree(() => client);
  const entities = new EntitiesTree(() => client);
  const refreshViews = (): void => {
    timeline.refresh();
    entities.refresh();
  };

  const start = async (): Promise<void> => {
    if (client) return;
    status.text = '$(sync~spin) Dateline';
    status.show();
    client = createClient(context, log);
    log.info(`Starting the language server (${context.asAbsolutePath('dist/server.cjs')})`);
    await client.start();
    const started = client;
    let lastSummary = '';
    claims = new ArticleClaims(started, log);
    claims.offerAll();
    started.onNotification(methods.status, (corpus: CorpusStatus) => {
      showStatus(status, corpus);
      if (corpus.indexing) return;
      const summary = `Corpus: ${corpus.articles} articles, ${corpus.warnings} warnings${corpus.skipped ? `, ${corpus.skipped} files not analysed` : ''}`;
      // A status follows every check; the log says only what changed.
      if (summary !== lastSummary) log.info(summary);
      lastSummary = summary;
      claims?.offerAll();
      refreshViews();
    });
    void vscode.commands.executeCommand('setContext', 'dateline.running', true);
  };
  const stop = async (): Promise<void> => {
    const running = client;
    client = undefined;
    claims?.dispose();
    claims = undefined;
    status.hide();
    void vscode.commands.executeCommand('setContext', 'dateline.running', false);
    refreshViews();
    if (running) {
      log.info('Stopping the language server');
      await running.stop();
    }
  };

  context.subscriptions.push(
    log,
    status,
    { dispose: () => void stop() },
    vscode.window.registerTreeDataProvider('dateline.timeline', timeline),
    vscode.window.registerTreeDataProvider('dateline.entities', entities),
    // Untrusted, the server offers no edit beyond the current document; once trusted it may.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(methods.trust, { trusted: true } satisfies TrustParams);
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('dateline.enable')) return;
      if (enabled()) await start();
      else await stop();
    }),
    vscode.commands.registerCommand('dateline.reindex', reindex),
    vscode.commands.registerCommand('dateline.showMentions', showMentions),
    vscode.commands.registerCommand('dateline.restartServer', async () => {
      log.info('Restarting the language server (Dateline: Restart Language Server)');
      await stop();
      if (enabled()) await start();
      else log.warn('Dateline is disabled for this workspace (dateline.enable); not started');
    }),
    vscode.commands.registerCommand('dateline.showLog', () => log.show()),
    vscode.commands.registerCommand('dateline.openKnowledgeFile', () => openKnowledgeFile(log)),
    vscode.commands.registerCommand('dateline.disableForWorkspace', async () => {
      await vscode.workspace
        .getConfiguration('dateline')
        .update('enable', false, vscode.ConfigurationTarget.Workspace);
      log.info('Disabled for this workspace: dateline.enable is false in the workspace settings');
    }),
    vscode.commands.registerCommand('dateline.enableForWorkspace', async () => {
      await vscode.workspace
        .getConfiguration('dateline')
        .update('enable', true, vscode.ConfigurationTarget.Workspace);
    }),
    vscode.commands.registerCommand('dateline.openRuleDocs', (rule: unknown) => openRuleDocs(context, rule)),
    vscode.commands.registerCommand('dateline.refreshViews', refreshViews),
    vscode.workspace.registerTextDocumentContentProvider(ReasoningPages.scheme, reasoning),
    vscode.commands.registerCommand('dateline.showReasoning', (uri?: string, position?: Position) =>
      reasoning.show(client, uri, position),
    ),
    vscode.commands.registerCommand('dateline.acceptSpelling', () => acceptSpelling(log)),
    vscode.commands.registerCommand('dateline.reveal', reveal),
  );
  if (!enabled()) {
    log.info('Dateline is disabled for this workspace (dateline.enable is false)');
    return;
  }
  // Activated by a plain-text file in a folder with no knowledge file, the server starts (and reads
  // the folder) only once a text file that looks like an article is open. The listener comes first:
  // a document opened while the folder is searched below must not be missed.
  const waiting = vscode.workspace.onDidOpenTextDocument(async (document) => {
    if (client || !enabled() || !looksLikeArticleDocument(document)) return;
    waiting.dispose();
    await start();
  });
  context.subscriptions.push(waiting);
  if (await hasArticles()) {
    waiting.dispose();
    await start();
  } else if (!client)
    log.info(
      'No dateline.yaml, no dateline.files and no article open: waiting for a text file that looks like an article',
    );
}

/** True when the workspace has a knowledge file, names its articles, or has an article open. */
async function hasArticles(): Promise<boolean> {
  if (vscode.workspace.getConfiguration('dateline').get<string[]>('files', []).length > 0) return true;
  if (vscode.workspace.textDocuments.some((d) => d.languageId === 'article' || looksLikeArticleDocument(d)))
    return true;
  const knowledge = await vscode.workspace.findFiles(
    '**/{dateline.yaml,.dateline.yaml}',
    '**/node_modules/**',
    1,
  );
  return knowledge.length > 0;
}

/** The cheap check of activation: a plain-text `.txt` document whose text looks like an article. */
function looksLikeArticleDocument(document: vscode.TextDocument): boolean {
  return (
    document.languageId === 'plaintext' &&
    document.uri.path.endsWith('.txt') &&
    looksLikeArticle(document.uri.path, document.getText()).article
  );
}

/** Stops the language server; VS Code awaits the returned promise on shutdown. */
export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}

function enabled(): boolean {
  return vscode.workspace.getConfiguration('dateline').get<boolean>('enable', true);
}

function createClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
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
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'article' },
      { scheme: 'untitled', language: 'article' },
      // Plain-text files are sent too, so that the server can say which are articles (claim.ts).
      { scheme: 'file', language: 'plaintext', pattern: '**/*.txt' },
      { scheme: 'file', pattern: '**/dateline.yaml' },
    ],
    // Files changed on disk (git checkout, another editor) are watched by the server's own dynamic
    // registration of workspace/didChangeWatchedFiles, the same for every editor: none here.
    synchronize: { configurationSection: 'dateline' },
    // The server's messages and, with `dateline.trace.server`, the protocol trace go to one log.
    outputChannel: log,
    traceOutputChannel: log,
    // A function, so that a restarted server is told the trust of the moment. The storage folder
    // keeps the server's analysis cache (the workspace's own, else the extension's global one).
    initializationOptions: (): InitializationOptions => ({
      trusted: vscode.workspace.isTrusted,
      ruleDocs: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(),
      cacheFolder: (context.storageUri ?? context.globalStorageUri).fsPath,
      commandLinks: true,
      // VS Code shows a diagnostic's message above the hover card: the card need not repeat it.
      diagnosticsInHover: true,
    }),
    // The hover's "Show reasoning" and "N mentions" links run these two commands, and no other.
    markdown: { isTrusted: { enabledCommands: ['dateline.showReasoning', 'dateline.showMentions'] } },
    errorHandler: restartVisibly(log),
  };
  return new LeveledClient('dateline', 'Dateline', serverOptions, clientOptions, log);
}

/**
 * A LanguageClient whose messages, and the server's `window/logMessage`, go to the log at their own
 * level: the library writes every one as an info line ("[info] [Warn - 6:03:26 AM] …").
 */
class LeveledClient extends LanguageClient {
  constructor(
    id: string,
    name: string,
    serverOptions: ServerOptions,
    clientOptions: LanguageClientOptions,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super(id, name, serverOptions, clientOptions);
  }

  override debug(message: string, data?: unknown): void {
    this.log.debug(withData(message, data));
  }

  override info(message: string, data?: unknown): void {
    this.log.info(withData(message, data));
  }

  override warn(message: string, data?: unknown): void {
    this.log.warn(withData(message, data));
  }

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    this.log.error(withData(message, data));
    // As the library does by default: an error of the client itself is also shown; the server's are logged.
    if (showNotification) void vscode.window.showErrorMessage(`Dateline: ${message}`);
  }
}

function withData(message: string, data: unknown): string {
  if (data === undefined || data === null) return message;
  const detail =
    data instanceof Error
      ? (data.stack ?? data.message)
      : typeof data === 'string'
        ? data
        : JSON.stringify(data);
  return `${message}\n${detail}`;
}

function showStatus(status: vscode.StatusBarItem, corpus: CorpusStatus): void {
  const count = (n: number, what: string): string => `${n.toLocaleString()} ${what}${n === 1 ? '' : 's'}`;
  status.text = corpus.indexing
    ? `$(sync~spin) Dateline: indexing ${corpus.indexing.total ? `${count(corpus.indexing.done, 'article')} / ${corpus.indexing.total.toLocaleString()}` : '…'}`
    : `$(book) Dateline: ${count(corpus.articles, 'article')} · ${count(corpus.warnings, 'warning')}`;
  status.tooltip = `Dateline reads ${count(corpus.articles, 'article')} as one corpus${corpus.skipped ? `; ${count(corpus.skipped, 'file')} not analysed (see Problems)` : ''}. Click for the Problems panel.`;
}

/** How many times a crashed server is restarted within `restartWindowMs` before Dateline gives up. */
const maxRestarts = 4;
const restartWindowMs = 3 * 60 * 1000;

/**
 * The client library's restart policy (4 restarts in 3 minutes), made visible: each restart shows a
 * warning, and giving up shows an error, instead of a silent restart or a silent stop.
 */
function restartVisibly(log: vscode.LogOutputChannel): ErrorHandler {
  let restarts: number[] = [];
  return {
    error: (_error, _message, count) =>
      // A few broken messages in a row are survivable; a stream of them means the channel is gone.
      count !== undefined && count <= 3 ? { action: ErrorAction.Continue } : { action: ErrorAction.Shutdown },
    closed: () => {
      const now = Date.now();
      restarts = [...restarts.filter((at) => now - at < restartWindowMs), now];
      if (restarts.length <= maxRestarts) {
        log.warn(`The language server stopped; restarting (${restarts.length}/${maxRestarts})`);
        void vscode.window.showWarningMessage(
          `Dateline's language server stopped; restarting (${restarts.length}/${maxRestarts})`,
        );
        return { action: CloseAction.Restart, handled: true };
      }
      log.error(`The language server stopped ${restarts.length} times in 3 minutes; not restarting`);
      void vscode.window.showErrorMessage(
        `Dateline's language server stopped ${restarts.length} times in 3 minutes and will not be restarted. ` +
          'See the Dateline log; "Dateline: Restart Language Server" starts it again.',
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

/** Opens the knowledge file (`dateline.knowledgeFile` in the first folder), offering to create it. */
async function openKnowledgeFile(log: vscode.LogOutputChannel): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage(
      'Dateline: open a folder of articles first; the knowledge file lives in it.',
    );
    return;
  }
  const name = vscode.workspace
    .getConfiguration('dateline', folder.uri)
    .get<string>('knowledgeFile', 'dateline.yaml');
  const uri = vscode.Uri.joinPath(folder.uri, name);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    const create = 'Create it';
    const answer = await vscode.window.showInformationMessage(
      `There is no ${name} in ${folder.name} yet. It pins names, offices, events and acronyms the corpus cannot settle.`,
      create,
    );
    if (answer !== create) return;
    const starter =
      '# Dateline knowledge file: where it speaks, it wins over the corpus.\nentities: []\nevents: []\nacronyms: {}\ndistinct: []\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starter));
    log.info(`Created ${vscode.workspace.asRelativePath(uri)}`);
  }
  await vscode.window.showTextDocument(uri);
}

/** Opens a rule's page (docs/rules/<rule>.md, shipped with the extension) in the Markdown preview. */
async function openRuleDocs(context: vscode.ExtensionContext, rule: unknown): Promise<void> {
  const rules = [
    'name-variant',
    'acronym-expansion',
    'dateline-conflict',
    'weekday-mismatch',
    'role-conflict',
  ];
  const id =
    typeof rule === 'string' && rules.includes(rule)
      ? rule
      : await vscode.window.showQuickPick(rules, { placeHolder: 'Which rule?' });
  if (!id) return;
  await vscode.commands.executeCommand(
    'markdown.showPreview',
    vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`),
  );
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
