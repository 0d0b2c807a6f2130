/**
 * A minimal LSP client for tests: starts the bundled server over stdio and waits on its
 * notifications, never on sleeps (anchor C's createOnNotificationPromise).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

const serverPath = fileURLToPath(new URL('../../../dist/server.cjs', import.meta.url));

/** A running server and the diagnostics it has published, by URI. */
export interface TestServer {
  connection: MessageConnection;
  process: ChildProcess;
  initialize: InitializeResult;
  diagnostics: Map<string, Diagnostic[]>;
  /** Every capability the server registered dynamically (`client/registerCapability`), from the start. */
  registrations: { method: string; registerOptions?: unknown }[];
  /** Every `window/logMessage` the server sent, from the start (warnings arrive during initialize). */
  logs: { type: number; message: string }[];
  /** Resolves when diagnostics for `uri` satisfy `predicate` (checked now and on every publish). */
  waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** Resolves when a notification arrives. */
  waitForNotification<T>(method: string, predicate?: (params: T) => boolean): Promise<T>;
  stop(): Promise<void>;
}

/** What else a test may set when starting the server: initialization options, the environment. */
export interface StartOptions {
  initializationOptions?: unknown;
  env?: NodeJS.ProcessEnv;
  /** What `workspace/configuration` answers for the `dateline` section (null: nothing set); a function answers per folder. */
  configuration?: unknown;
  /** The workspace folders (URIs), when there are several; the root is the first. */
  folders?: string[];
}

/** Starts the server on a workspace folder and completes the initialize handshake. */
export async function startTestServer(rootUri: string, capabilities: object = {}, options: StartOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: options.env ?? process.env });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, Diagnostic[]>();
  const waiters: { method: string; check: (params: unknown) => boolean; resolve: (params: unknown) => void }[] = [];
  const notify = (method: string, params: unknown): void => {
    for (const waiter of [...waiters]) {
      if (waiter.method === method && waiter.check(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    diagnostics.set(params.uri, params.diagnostics);
    notify('textDocument/publishDiagnostics', params);
  });
  const logs: { type: number; message: string }[] = [];
  connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
    logs.push(params);
    notify('window/logMessage', params);
  });
  connection.onNotification((method, params) => notify(method, params));
  const { configuration } = options;
  connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) =>
    params.items.map((item) => (typeof configuration === 'function' ? (configuration as (scopeUri?: string) => unknown)(item.scopeUri) : configuration) ?? null),
  );
  connection.onRequest('window/workDoneProgress/create', () => null);
  const registrations: { method: string; registerOptions?: unknown }[] = [];
  connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  connection.listen();
  const initialize = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: (options.folders ?? [rootUri]).map((uri, i) => ({ uri, name: `test${i}` })),
    // Versioned edits and file creation, as VS Code and Neovim take them, unless a test says otherwise.
    capabilities: { ...capabilities, workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, ...(capabilities as { workspace?: object }).workspace } },
    ...(options.initializationOptions === undefined ? {} : { initializationOptions: options.initializationOptions }),
  });
  await connection.sendNotification('initialized', {});
  const waitForNotification = <T>(method: string, predicate: (params: T) => boolean = () => true): Promise<T> =>
    new Promise((resolve) => waiters.push({ method, check: (p) => predicate(p as T), resolve: (p) => resolve(p as T) }));
  return {
    connection,
    process: child,
    initialize,
    diagnostics,
    registrations,
    logs,
    waitForNotification,
    async waitForDiagnostics(uri, predicate) {
      const now = diagnostics.get(uri);
      if (now && predicate(now)) return now;
      const params = await waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && predicate(p.diagnostics));
      return params.diagnostics;
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    },
  };
}

/** The text edits a workspace edit makes to one document, and the version they were computed against. */
export function editsOf(edit: WorkspaceEdit | null | undefined, uri: string): { edits: TextEdit[]; version: number | null } | undefined {
  for (const change of edit?.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) return { edits: change.edits as TextEdit[], version: change.textDocument.version };
  }
  return undefined;
}
