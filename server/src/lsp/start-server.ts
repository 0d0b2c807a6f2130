/**
 * The language server: capabilities, and one short handler per request (anchor A). The work is in
 * workspace.ts (what is in the corpus), diagnostics.ts (what to publish), and one module per feature.
 */
import { join } from 'node:path';
import type {
  CancellationToken,
  Connection,
  InitializeParams,
  InitializeResult,
  TextDocumentPositionParams,
  WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { AnalysisCache, analyserVersion, cacheable, hashText } from '../cache/analysis-cache.js';
import { codeActions, fixAllKind } from './code-actions.js';
import {
  methods,
  ruleUrl,
  setRuleDocsBase,
  type InitializationOptions,
  type IsArticleParams,
  type IsArticleReply,
  type ReasoningReply,
  type TrustParams,
} from '../present/index.js';
import { isKnowledgeChange, knowledgeEdit } from './knowledge-actions.js';
import { editForClient, versionedEdit, type EditSupport } from './versioned-edits.js';
import { collectGarbage } from './collect-garbage.js';
import { decodeLists, DiagnosticsPublisher, encodeLists } from './diagnostics.js';
import { EditQueue } from './edit-queue.js';
import { hoverAt, reasoningAt, type HoverStyle } from './hover.js';
import { definition, highlights, prepareRename, references, rename } from './navigation.js';
import { documentSymbols, foldingRanges, inlayHints, workspaceSymbols } from './outline.js';
import { legend, semanticTokens } from './semantic-tokens.js';
import { packagedRuleDocs } from '../io/rule-docs.js';
import { settingsOf } from './settings.js';
import { entities, timeline } from './views.js';
import { readKnowledgeFile, type PlannedArticle, type Workspace } from './workspace.js';
import { Workspaces } from './workspaces.js';

/**
 * A request handler that does not run when the client cancelled the request while it waited (the
 * client moved on: typing, scrolling); the handlers themselves are synchronous and short.
 */
function answer<P, R>(
  handler: (params: P) => R,
): (params: P, token: CancellationToken) => R | ResponseError<void> {
  return (params, token) =>
    token.isCancellationRequested
      ? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled')
      : handler(params);
}

/** Serves Dateline over an LSP connection until the client shuts it down. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  // One corpus per workspace folder (workspaces.ts); every handler works in the folder of its document.
  const workspaces = new Workspaces();
  const publisher = new DiagnosticsPublisher(connection, workspaces);
  let canConfigure = false;
  let canWatch = false;
  let canChangeFolders = false;
  let canResolveEdits = false;
  let editSupport: EditSupport = { documentChanges: false, create: false };
  let canReportProgress = false;
  let canRefresh = { tokens: false, hints: false };
  const hoverStyle: HoverStyle = { commandLinks: false };
  let indexing: Promise<void> = Promise.resolve();
  /** Writes the caches of the reading just done, if they are not written yet. */
  let writeCaches: (() => void) | undefined;
  connection.onShutdown(() => writeCaches?.());
  /** Where analyses are kept between sessions: in the client's storage folder, if it gave one. */
  let cacheFolderPath: string | undefined;
  // Edits are analysed once they settle, each document's latest text once; see edit-queue.ts.
  const edits = new EditQueue((uris) => {
    // Each document's own list is always sent (unless unchanged since last sent): while it waited
    // here, every publication skipped it as stale, the first reading's too, and its text may be
    // the very text that reading took from disk, which changes nothing and names no dependent.
    const ids = new Set<string>(uris);
    const touched = new Set<Workspace>();
    for (const uri of uris) {
      const document = documents.get(uri);
      // Closed meanwhile: onDidClose has put its text on disk back.
      if (!document) continue;
      const workspace = workspaces.of(uri);
      touched.add(workspace);
      for (const id of workspace.openArticle(uri, document.getText(), document.version, document.languageId))
        ids.add(id);
    }
    // The index and the rules now, in this one pause, rather than in whichever request comes next.
    for (const workspace of touched) workspace.corpus.refresh();
    publisher.publish(ids);
  });
  // A list for a document whose newer text is not analysed yet would point at the old text.
  publisher.isStale = (uri) => edits.isPending(uri);

  /**
   * For the requests that return edits (code actions, rename): the edits queued are analysed now when
   * `uri` has some, so that what is offered is computed on, and versioned for, the text the client
   * holds; an edit of an older version would be refused (or, by a client without versioned changes,
   * applied to the wrong text). Requests that only read (hover, tokens) answer from the corpus as it is.
   */
  const analyseNow = (uri: string): void => {
    if (edits.isPending(uri)) edits.flush();
  };

  const offsetOf = (params: TextDocumentPositionParams): number | undefined =>
    workspaces.of(params.textDocument.uri).lines(params.textDocument.uri)?.positionToOffset(params.position);
  /** The workspace of a request's document. */
  const of = (params: { textDocument: { uri: string } }): Workspace => workspaces.of(params.textDocument.uri);
  /** Settings given at initialize, applied to every folder until the client's configuration is read. */
  let initialSettings: unknown;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaces.setFolders(folderPaths(folders));
    const capabilities = params.capabilities;
    canConfigure = capabilities.workspace?.configuration === true;
    canWatch = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canChangeFolders = capabilities.workspace?.workspaceFolders === true;
    const workspaceEdit = capabilities.workspace?.workspaceEdit;
    editSupport = {
      documentChanges: workspaceEdit?.documentChanges === true,
      create: workspaceEdit?.resourceOperations?.includes('create') === true,
    };
    canResolveEdits =
      capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    canReportProgress = capabilities.window?.workDoneProgress === true;
    canRefresh = {
      tokens: capabilities.workspace?.semanticTokens?.refreshSupport === true,
      hints: capabilities.workspace?.inlayHint?.refreshSupport === true,
    };
    // VS Code's client says whether the workspace is trusted; editors without workspace trust say nothing.
    // Rule links open the pages shipped beside this server, or where VS Code's client says they are.
    const raw: unknown = params.initializationOptions;
    let ruleDocs: string = packagedRuleDocs();
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      const {
        trusted,
        ruleDocs: sent,
        commandLinks,
        cacheFolder,
        ...options
      } = raw as {
        [K in keyof InitializationOptions]?: unknown;
      };
      workspaces.setTrusted(trusted !== false);
      hoverStyle.commandLinks = commandLinks === true;
      if (typeof sent === 'string') ruleDocs = sent;
      if (typeof cacheFolder === 'string' && cacheFolder !== '') cacheFolderPath = cacheFolder;
      initialSettings = options;
    } else initialSettings = raw;
    applySettings(workspaces.all(), () => initialSettings);
    setRuleDocsBase(ruleDocs);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        referencesProvider: true,
        definitionProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        inlayHintProvider: true,
        semanticTokensProvider: { legend, full: true, range: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'dateline-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (canConfigure)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dateline' });
    // Through the protocol, so that every client (Neovim, Helix…) reports files created, changed and
    // deleted outside the editor; VS Code's client-side watcher alone told only VS Code.
    if (canWatch)
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{txt,yaml,yml}' },
          ...[...new Set(workspaces.all().flatMap((w) => w.settings.include))].map((globPattern) => ({
            globPattern,
          })),
        ],
      });
    // A folder added or removed: each folder keeps its corpus, a new one is read, a removed one's lists are cleared.
    if (canChangeFolders)
      connection.workspace.onDidChangeWorkspaceFolders((event) => void foldersChanged(event));
    indexing = reindex();
  });

  async function foldersChanged(event: WorkspaceFoldersChangeEvent): Promise<void> {
    await indexing;
    const removed = new Set(folderPaths(event.removed.map((f) => f.uri)));
    const kept = workspaces
      .all()
      .flatMap((w) => w.folders)
      .filter((folder) => !removed.has(folder));
    const added = workspaces.setFolders([...kept, ...folderPaths(event.added.map((f) => f.uri))]);
    if (!canConfigure) applySettings(added, () => initialSettings);
    indexing = reindex();
  }

  /** Reads settings, the knowledge files and every article of every folder, then publishes everything. */
  async function reindex(): Promise<void> {
    if (canConfigure) await readConfiguration();
    for (const workspace of workspaces.all()) loadKnowledgeFromDisk(workspace);
    // Counts sent before the corpus is read are partial: the status says it is still indexing.
    publisher.indexing = { done: 0, total: 0 };
    // Open articles first: their diagnostics arrive before the rest of the corpus is read.
    publisher.publish(
      documents
        .all()
        .map((d) => d.uri)
        .filter((uri) => workspaces.of(uri).corpus.article(uri)),
    );
    for (const workspace of workspaces.all()) workspace.analysisCache = openCache(workspace);
    const progress = canReportProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Dateline', 0, 'Indexing articles', false);
    // Folder after folder; the counts of the folders read before are added to the current one's.
    let before = 0;
    // Folders whose lists were replayed from the cache: all of them, so far.
    let replayed = 0;
    const folders = workspaces.all();
    for (const [i, workspace] of folders.entries()) {
      let total = 0;
      // A folder whose cache kept lists is read whole first: unchanged, its lists are published
      // before anything is analysed, and, the last folder, the status says every list is out.
      const replay =
        workspace.analysisCache?.hasKept && replayed === i
          ? async (planned: PlannedArticle[]): Promise<boolean> => {
              const kept = workspace.analysisCache?.replay(replayKey(workspace, planned));
              if (!kept) return false;
              await publisher.replay(decodeLists(kept.stdout), [
                ...workspace.problems.keys(),
                ...(workspace.knowledgeUri ? [workspace.knowledgeUri] : []),
              ]);
              replayed++;
              if (replayed === folders.length) {
                publisher.indexing = undefined;
                progress?.done();
                // Written out before the reading goes on to read the analyses, which holds the thread for a while.
                await publisher.sendStatus();
              }
              return true;
            }
          : undefined;
      await workspace.indexFolders(
        (done, inFolder) => {
          total = inFolder;
          const all = before + inFolder;
          if (replayed === folders.length) return;
          progress?.report(
            Math.round(((before + done) / Math.max(all, 1)) * 100),
            `Indexing articles ${(before + done).toLocaleString('en')} / ${all.toLocaleString('en')}`,
          );
          publisher.indexing = { done: before + done, total: all };
          void publisher.sendStatus();
        },
        undefined,
        replay,
      );
      before += total;
    }
    const replayedAll = replayed === folders.length;
    // The reading's garbage (the workers' replies, the index's scratch) goes before the lists are
    // made and sent: what the server keeps then lies in fewer pages of the heap than when the garbage
    // of sending thousands of lists is mixed in, and the status that says the reading is done shows
    // what a user's system monitor will (10,000 articles, measured when this was changed: 540 MB RSS,
    // against 600–690 MB collecting after sending).
    const refreshing = performance.now();
    for (const workspace of workspaces.all()) {
      logReading(workspace);
      workspace.corpus.refresh();
    }
    edits.expectCost(performance.now() - refreshing);
    collectGarbage();
    // After a replay, every list is checked against the index now built: one that differs from what
    // was replayed is sent again (the digests replayed are those kept); the rest are not.
    const differing = await publisher.publishAll(replayed === 0);
    // The caches are written once the status is out (writing holds the thread for a while), or at
    // once if the client asks the server to shut down meanwhile.
    writeCaches = (): void => {
      writeCaches = undefined;
      for (const workspace of workspaces.all()) saveCache(workspace, replayedAll && differing === 0);
    };
    if (!replayedAll) {
      publisher.indexing = undefined;
      progress?.done();
      await publisher.sendStatus();
    }
    refreshViews();
    writeCaches?.();
  }

  /**
   * What a folder's published lists depend on beyond the analyser and the knowledge file (the cache's
   * own key): the rule levels of the settings, where rule pages are, and each article in corpus order
   * with a hash of its text, its editor version (fixes carry it) and its note on encoding.
   */
  function replayKey(workspace: Workspace, articles: { id: string; hash: string }[]): string {
    return hashText(
      JSON.stringify({
        rules: workspace.settings.rules,
        ruleDocs: ruleUrl(''),
        articles: articles.map(({ id, hash }) => [
          id,
          hash,
          workspace.version(id),
          workspace.notes.get(id)?.message ?? null,
        ]),
      }),
    );
  }

  /**
   * A folder's analysis cache for its knowledge file now, or none; an unusable file is ignored with a
   * note. One file per workspace folder: a global storage folder is shared by every workspace.
   */
  function openCache(workspace: Workspace): AnalysisCache | undefined {
    const folder = workspace.folders[0];
    if (!cacheFolderPath || folder === undefined) return undefined;
    const file = join(
      cacheFolderPath,
      `analyses-${hashText(folder)
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 16)}.cache`,
    );
    const key = { analyser: analyserVersion(), knowledge: hashText(workspace.knowledgeText ?? '') };
    const { cache, note } = AnalysisCache.open(file, key);
    const say = (said: string): void => connection.console.info(`Dateline: ${said}`);
    if (note) say(note);
    // A body found corrupt when its analyses are first read.
    cache.onNote = say;
    return cache;
  }

  /**
   * Writes what a folder's first reading analysed, unless its cache holds exactly that already, with
   * the lists published for it (for `replay` at the next start), unless those were `replayed`.
   */
  function saveCache(workspace: Workspace, replayed: boolean): void {
    const cache = workspace.analysisCache;
    workspace.analysisCache = undefined;
    if (!cache) return;
    if (!replayed) {
      const ids = workspace.corpus.ids();
      const key = replayKey(
        workspace,
        ids.map((id) => ({ id, hash: hashText(workspace.corpus.article(id)!.text) })),
      );
      cache.keep(key, { stdout: encodeLists(publisher.listsToKeep(ids)), exitCode: 0 });
    }
    const analyses = cacheable(workspace.corpus);
    if (!cache.needsSaving(analyses)) return;
    try {
      cache.save(analyses);
    } catch (error) {
      connection.console.warn(`Dateline: cache ${cache.file} not written: ${String(error)}`);
    }
  }

  /** The log says what was read and what was left out, so that "why is my file not checked?" has an answer. */
  function logReading(workspace: Workspace): void {
    const folder = workspace.folders[0];
    const where = folder === undefined ? '' : workspaces.all().length > 1 ? ` (${folder})` : '';
    for (const note of workspace.skipNotes) connection.console.info(`Dateline: ${note}${where}`);
    const articles = workspace.corpus.ids().length;
    connection.console.info(
      `Read ${articles} article${articles === 1 ? '' : 's'} in ${folder ?? 'no folder'}; ` +
        (workspace.settings.files.length
          ? `the files dateline.files names (${workspace.settings.files.join(', ')})`
          : 'text files below a dateline.yaml or with paragraphs of prose and a date; other text files stay plain text'),
    );
  }

  /** Each folder's `dateline` settings, as the client has them for that folder (`scope: resource`). */
  async function readConfiguration(): Promise<void> {
    const list = workspaces.all();
    const sections = await connection.workspace.getConfiguration(
      list.map((workspace) => {
        const folder = workspace.folders[0];
        return folder === undefined
          ? { section: 'dateline' }
          : { scopeUri: URI.file(folder).toString(), section: 'dateline' };
      }),
    );
    const raw = sections as unknown[];
    applySettings(list, (i) => raw[i]);
  }

  /** Applies settings as the client sent them, to each folder; what is ignored is said once in the output channel. */
  function applySettings(list: readonly Workspace[], raw: (i: number) => unknown): void {
    const warnings = new Set<string>();
    list.forEach((workspace, i) => {
      const read = settingsOf(raw(i), workspace.folders[0]);
      for (const warning of read.warnings) warnings.add(warning);
      workspace.setSettings(read.settings);
    });
    for (const warning of warnings) connection.console.warn(warning);
  }

  function loadKnowledgeFromDisk(workspace: Workspace): void {
    const uri = workspace.knowledgeLocation();
    const open = uri ? documents.get(uri) : undefined;
    if (open) return void workspace.setKnowledge(open.uri, open.getText(), open.version);
    const read = uri ? readKnowledgeFile(uri) : { text: undefined };
    if ('error' in read) return workspace.setKnowledgeUnreadable(uri!, read.error);
    // No file yet: quick fixes will create it where `dateline.knowledgeFile` says.
    workspace.setKnowledge(read.text === undefined ? undefined : uri, read.text);
  }

  function refreshViews(): void {
    if (canRefresh.tokens) void connection.languages.semanticTokens.refresh();
    if (canRefresh.hints) void connection.languages.inlayHint.refresh();
  }

  function knowledgeChanged(): void {
    void publisher.publishAll().then(refreshViews);
  }

  documents.onDidChangeContent(({ document }) => {
    const workspace = workspaces.of(document.uri);
    if (workspace.isKnowledge(document.uri)) {
      workspace.setKnowledge(document.uri, document.getText(), document.version);
      return knowledgeChanged();
    }
    if (!workspace.isArticle(document.uri, document.languageId)) return;
    edits.changed(document.uri);
  });

  documents.onDidClose(async ({ document }) => {
    const workspace = workspaces.of(document.uri);
    if (workspace.isKnowledge(document.uri)) {
      loadKnowledgeFromDisk(workspace);
      return knowledgeChanged();
    }
    // Closed before its changes were analysed: its list, skipped as stale until now, is owed too.
    const waited = edits.isPending(document.uri);
    edits.forget(document.uri);
    // Its own list too, even when the text on disk is the one it had: its fixes were for the editor's version.
    if (workspace.isOpen(document.uri))
      publisher.schedule([document.uri, ...workspace.closeArticle(document.uri)]);
    else if (waited) publisher.schedule([document.uri]);
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      const workspace = workspaces.of(change.uri);
      if (workspace.isKnowledge(change.uri) || change.uri === workspace.knowledgeLocation()) {
        loadKnowledgeFromDisk(workspace);
        knowledgeChanged();
      } else if (change.type === FileChangeType.Deleted && !workspace.isArticle(change.uri)) {
        // A folder, or a file that is no article: whatever was read below it is gone.
        publisher.schedule(workspace.folderDeleted(change.uri));
      } else if (workspace.isArticle(change.uri) && !workspace.isOpen(change.uri)) {
        const ids =
          change.type === FileChangeType.Deleted
            ? workspace.fileDeleted(change.uri)
            : workspace.readFromDisk(change.uri);
        publisher.schedule([...ids, change.uri]);
      }
    }
  });

  connection.onDidChangeConfiguration(async () => {
    await indexing;
    indexing = reindex();
  });

  // The user trusted the workspace: knowledge-file fixes are offered from now on.
  connection.onNotification(methods.trust, (params: TrustParams | undefined) => {
    workspaces.setTrusted(params?.trusted === true);
  });

  connection.onRequest(methods.reindex, async () => {
    await indexing;
    indexing = reindex();
    await indexing;
  });
  // The VS Code client opens `.txt` files as plain text and asks; it makes them articles when we say so.
  connection.onRequest(methods.isArticle, (params: IsArticleParams): IsArticleReply => ({
    article: workspaces.of(params.uri).corpus.article(params.uri) !== undefined,
  }));
  connection.onRequest(methods.timeline, () => ({
    events: workspaces.all().flatMap((workspace) => timeline(workspace).events),
  }));
  connection.onRequest(methods.entities, () => ({
    entities: workspaces.all().flatMap((workspace) => entities(workspace).entities),
  }));
  connection.onRequest(
    methods.mentions,
    answer((params: TextDocumentPositionParams) => {
      const offset = offsetOf(params);
      return offset === undefined ? [] : references(of(params), params.textDocument.uri, offset);
    }),
  );

  connection.onHover(
    answer((params) => {
      const offset = offsetOf(params);
      return offset === undefined ? null : hoverAt(of(params), params.textDocument.uri, offset, hoverStyle);
    }),
  );
  connection.onRequest(
    methods.reasoning,
    answer((params: TextDocumentPositionParams): ReasoningReply => {
      const offset = offsetOf(params);
      const markdown = offset === undefined ? null : reasoningAt(of(params), params.textDocument.uri, offset);
      return markdown === null ? null : { markdown };
    }),
  );
  connection.onReferences(
    answer((params) => {
      const offset = offsetOf(params);
      return offset === undefined ? [] : references(of(params), params.textDocument.uri, offset);
    }),
  );
  connection.onDefinition(
    answer((params) => {
      const offset = offsetOf(params);
      return offset === undefined ? null : definition(of(params), params.textDocument.uri, offset);
    }),
  );
  connection.onDocumentHighlight(
    answer((params) => {
      const offset = offsetOf(params);
      return offset === undefined ? [] : highlights(of(params), params.textDocument.uri, offset);
    }),
  );
  connection.onPrepareRename(
    answer((params) => {
      analyseNow(params.textDocument.uri);
      const offset = offsetOf(params);
      return offset === undefined ? null : prepareRename(of(params), params.textDocument.uri, offset);
    }),
  );
  connection.onRenameRequest(
    answer((params) => {
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
      return (edit && editForClient(edit, editSupport)) ?? null;
    }),
  );
  connection.onCodeAction(
    answer((params) => {
      // Fixes carry the version they are computed against: the client's latest text, analysed now if
      // it is still waiting in the edit queue (a stale diagnostic's fix is then recomputed for it).
      analyseNow(params.textDocument.uri);
      return codeActions(of(params), params, canResolveEdits).flatMap((action) => {
        if (!action.edit) return [action];
        const edit = editForClient(action.edit, editSupport);
        return edit ? [{ ...action, edit }] : [];
      });
    }),
  );
  connection.onCodeActionResolve(
    answer((action) => {
      if (!isKnowledgeChange(action.data)) return action;
      const workspace = workspaces.of(action.data.knowledge);
      if (!workspace.trusted) return action;
      const edit = knowledgeEdit(workspace, action.data);
      const forClient = edit && editForClient(edit, editSupport);
      return forClient ? { ...action, edit: forClient } : action;
    }),
  );
  connection.onDocumentSymbol(answer((params) => documentSymbols(of(params), params.textDocument.uri)));
  connection.onWorkspaceSymbol(
    answer((params) => workspaces.all().flatMap((workspace) => workspaceSymbols(workspace, params.query))),
  );
  connection.onFoldingRanges(answer((params) => foldingRanges(of(params), params.textDocument.uri)));
  connection.languages.inlayHint.on(
    answer((params) => inlayHints(of(params), params.textDocument.uri, params.range)),
  );
  connection.languages.semanticTokens.on(
    answer((params) => semanticTokens(of(params), params.textDocument.uri)),
  );
  connection.languages.semanticTokens.onRange(
    answer((params) => semanticTokens(of(params), params.textDocument.uri, params.range)),
  );

  documents.listen(connection);
  connection.listen();
}

/** The local paths of the workspace folders the client sent; folders of other schemes are not read. */
function folderPaths(uris: readonly string[]): string[] {
  return uris.filter((uri) => uri.startsWith('file:')).map((uri) => URI.parse(uri).fsPath);
}
