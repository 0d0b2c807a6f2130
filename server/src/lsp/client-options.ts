/**
 * What the client says at initialize: what it can do (its capabilities) and the options VS Code's
 * client sends (trust, rule pages, command links, the cache folder, the first settings); and what the
 * server offers in return.
 */
import type { ClientCapabilities, ServerCapabilities } from 'vscode-languageserver';
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver';
import type { InitializationOptions } from '../present/index.js';
import { fixAllKind } from './code-actions.js';
import { legend } from './semantic-tokens.js';
import type { EditSupport } from './versioned-edits.js';

/** What the client can take, as the handlers ask it: nothing until initialize says otherwise. */
export interface ClientAbilities {
  /** Answers `workspace/configuration` and takes a registration for configuration changes. */
  configure: boolean;
  /** Takes a dynamic registration of file watchers. */
  watch: boolean;
  /** Reports workspace folders added and removed. */
  changeFolders: boolean;
  /** Resolves a code action's edit when it is chosen. */
  resolveEdits: boolean;
  /** Takes versioned edits, and file creation among them. */
  editSupport: EditSupport;
  /** Shows work-done progress the server creates. */
  reportProgress: boolean;
  /** Re-asks for semantic tokens and inlay hints when told to. */
  refresh: { tokens: boolean; hints: boolean };
}

/** A client that has said nothing yet. */
export function noAbilities(): ClientAbilities {
  return {
    configure: false,
    watch: false,
    changeFolders: false,
    resolveEdits: false,
    editSupport: { documentChanges: false, create: false },
    reportProgress: false,
    refresh: { tokens: false, hints: false },
  };
}

/** What the client's capabilities say it can take. */
export function abilitiesOf(capabilities: ClientCapabilities): ClientAbilities {
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  return {
    configure: capabilities.workspace?.configuration === true,
    watch: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    changeFolders: capabilities.workspace?.workspaceFolders === true,
    resolveEdits: capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
    editSupport: {
      documentChanges: workspaceEdit?.documentChanges === true,
      create: workspaceEdit?.resourceOperations?.includes('create') === true,
    },
    reportProgress: capabilities.window?.workDoneProgress === true,
    refresh: {
      tokens: capabilities.workspace?.semanticTokens?.refreshSupport === true,
      hints: capabilities.workspace?.inlayHint?.refreshSupport === true,
    },
  };
}

/** The initialization options as the server uses them; the rest of the options are the first settings. */
export interface ReadOptions {
  /** Whether the workspace is trusted, when the client sent options at all (undefined: it sent none). */
  trusted?: boolean;
  /** Whether hover cards may link to the client's commands. */
  commandLinks: boolean;
  /** Whether the client shows the diagnostics at the hovered spot above the hover card. */
  diagnosticsInHover: boolean;
  /** Where the rule pages are, when the client says. */
  ruleDocs?: string;
  /** Where analyses are kept between sessions, when the client gave a storage folder. */
  cacheFolder?: string;
  /** The settings to apply until the client's configuration is read. */
  settings: unknown;
}

/**
 * Reads `initializationOptions`. VS Code's client says whether the workspace is trusted; editors
 * without workspace trust say nothing, and are trusted. Rule links open the pages shipped beside this
 * server, or where VS Code's client says they are.
 */
export function readInitializationOptions(raw: unknown): ReadOptions {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { commandLinks: false, diagnosticsInHover: false, settings: raw };
  const {
    trusted,
    ruleDocs,
    commandLinks,
    diagnosticsInHover,
    cacheFolder,
    ...settings
  } = raw as {
    [K in keyof InitializationOptions]?: unknown;
  };
  return {
    trusted: trusted !== false,
    commandLinks: commandLinks === true,
    diagnosticsInHover: diagnosticsInHover === true,
    ...(typeof ruleDocs === 'string' ? { ruleDocs } : {}),
    ...(typeof cacheFolder === 'string' && cacheFolder !== '' ? { cacheFolder } : {}),
    settings,
  };
}

/** What the server offers every client (a new object each time: the connection may add to it). */
export function serverCapabilities(): ServerCapabilities {
  return {
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
  };
}
