/**
 * The language server: the state its handlers share, initialize, the reading of the folders, and one
 * short handler per notification and custom request (anchor A). The requests about documents are in
 * requests.ts, what the client says at initialize in client-options.ts; the work is in workspace.ts
 * (what is in the corpus), diagnostics.ts (what to publish), and one module per feature.
 */
import type { Connection, InitializeParams, InitializeResult, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { methods, setRuleDocsBase, type IsArticleParams, type IsArticleReply, type TrustParams } from '../present/index.js';
import { packagedRuleDocs } from '../io/rule-docs.js';
import { abilitiesOf, noAbilities, readInitializationOptions, serverCapabilities } from './client-options.js';
import { collectGarbage } from './collect-garbage.js';
import { decodeLists, DiagnosticsPublisher } from './diagnostics.js';
import { EditQueue } from './edit-queue.js';
import { logReading, openCache, replayKey, saveCache } from './first-reading.js';
import type { HoverStyle } from './hover.js';
import { registerRequests } from './requests.js';
import { settingsOf } from './settings.js';
import { entities, timeline } from './views.js';
import { knowledgeFileNames } from '../io/find-articles.js';
import { readKnowledgeFile, type PlannedArticle, type Workspace } from './workspace.js';
import { Workspaces } from './workspaces.js';

/** Serves Dateline over an LSP connection until the client shuts it down. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  // One corpus per workspace folder (workspaces.ts); every handler works in the folder of its document.
  const workspaces = new Workspaces();
  const publisher = new DiagnosticsPublisher(connection, workspaces);
  /** What the client can take: filled in at initialize. */
  const client = noAbilities();
  const hoverStyle: HoverStyle = { commandLinks: false, diagnosticsInHover: false };
  let indexing: Promise<void> = Promise.resolve();
  /** Writes the caches of the reading just done, if they are not written yet. */
  let writeCaches: (() => void) | undefined;
  connection.onShutdown(() => writeCaches?.());
  /** What the reading asked for and not started yet does first (folders added or removed), or undefined. */
  let readQueued: (() => void)[] | undefined;

  /**
   * Reads everything again once the reading under way (if any) is over: one reading after another,
   * never two at once (each drops what the other learnt meanwhile), and one for however many asks
   * come before it starts. `prepare` runs first (the folders changed).
   */
  function readAgain(prepare?: () => void): Promise<void> {
    if (!readQueued) {
      const steps: (() => void)[] = (readQueued = []);
      const run = (): Promise<void> => {
        readQueued = undefined;
        for (const step of steps) step();
        return reindex();
      };
      indexing = indexing.then(run, run);
    }
    if (prepare) readQueued.push(prepare);
    return indexing;
  }
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

  /** Settings given at initialize, applied to every folder until the client's configuration is read. */
  let initialSettings: unknown;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaces.setFolders(folderPaths(folders));
    Object.assign(client, abilitiesOf(params.capabilities));
    const options = readInitializationOptions(params.initializationOptions);
    if (options.trusted !== undefined) workspaces.setTrusted(options.trusted);
    hoverStyle.commandLinks = options.commandLinks;
    hoverStyle.diagnosticsInHover = options.diagnosticsInHover;
    cacheFolderPath = options.cacheFolder;
    initialSettings = options.settings;
    applySettings(workspaces.all(), () => initialSettings);
    setRuleDocsBase(options.ruleDocs ?? packagedRuleDocs());
    return {
      capabilities: serverCapabilities(),
      serverInfo: { name: 'dateline-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (client.configure)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dateline' });
    // Through the protocol, so that every client (Neovim, Helix…) reports files created, changed and
    // deleted outside the editor; VS Code's client-side watcher alone told only VS Code.
    if (client.watch)
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{txt,yaml,yml}' },
          ...[...new Set(workspaces.all().flatMap((w) => w.settings.include))].map((globPattern) => ({
            globPattern,
          })),
        ],
      });
    // A folder added or removed: each folder keeps its corpus, a new one is read, a removed one's lists are cleared.
    if (client.changeFolders)
      connection.workspace.onDidChangeWorkspaceFolders((event) => void foldersChanged(event));
    void readAgain();
  });

  function foldersChanged(event: WorkspaceFoldersChangeEvent): Promise<void> {
    return readAgain(() => {
      const removed = new Set(folderPaths(event.removed.map((f) => f.uri)));
      const kept = workspaces
        .all()
        .flatMap((w) => w.folders)
        .filter((folder) => !removed.has(folder));
      const added = workspaces.setFolders([...kept, ...folderPaths(event.added.map((f) => f.uri))]);
      if (!client.configure) applySettings(added, () => initialSettings);
    });
  }

  /** Reads settings, the knowledge files and every article of every folder, then publishes everything. */
  async function reindex(): Promise<void> {
    if (client.configure) await readConfiguration();
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
    for (const workspace of workspaces.all()) workspace.analysisCache = openCache(connection, cacheFolderPath, workspace);
    const progress = client.reportProgress ? await connection.window.createWorkDoneProgress() : undefined;
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
      logReading(connection, workspace, workspaces.all().length > 1);
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
      for (const workspace of workspaces.all())
        saveCache(connection, workspace, publisher, replayedAll && differing === 0);
    };
    if (!replayedAll) {
      publisher.indexing = undefined;
      progress?.done();
      await publisher.sendStatus();
    }
    refreshViews();
    writeCaches?.();
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
    if (client.refresh.tokens) void connection.languages.semanticTokens.refresh();
    if (client.refresh.hints) void connection.languages.inlayHint.refresh();
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
      // A knowledge file created or deleted makes every text file below its folder an article, or no
      // longer one (Workspace.claims): which files those are, the folders are read again to tell.
      if (change.type !== FileChangeType.Changed && isKnowledgeFileName(change.uri)) void readAgain();
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

  connection.onDidChangeConfiguration(() => void readAgain());

  // The user trusted the workspace: knowledge-file fixes are offered from now on.
  connection.onNotification(methods.trust, (params: TrustParams | undefined) => {
    workspaces.setTrusted(params?.trusted === true);
  });

  connection.onRequest(methods.reindex, () => readAgain());
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
  registerRequests(connection, { workspaces, client, hoverStyle, analyseNow });

  documents.listen(connection);
  connection.listen();
}

/** The local paths of the workspace folders the client sent; folders of other schemes are not read. */
function folderPaths(uris: readonly string[]): string[] {
  return uris.filter((uri) => uri.startsWith('file:')).map((uri) => URI.parse(uri).fsPath);
}

/** True when a URI's file name is one a knowledge file may have (`dateline.yaml`), in whatever folder. */
function isKnowledgeFileName(uri: string): boolean {
  return knowledgeFileNames.some((name) => uri.endsWith(`/${name}`));
}
