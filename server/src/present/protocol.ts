/**
 * Dateline's own messages between the VS Code client and the language server, beside LSP's: their
 * method names and payloads. The client imports this module too, so both sides name each message
 * once; it imports nothing, so it adds only these few lines to the client's bundle.
 */

/** The method names of Dateline's own notifications and requests. */
export const methods = {
  /** Server → client notification: the corpus summary for the status bar (`CorpusStatus`). */
  status: 'dateline/status',
  /** Client → server notification: the user trusted the workspace (`TrustParams`). */
  trust: 'dateline/trust',
  /** Client → server request: read every article and the knowledge file again; no params, no result. */
  reindex: 'dateline/reindex',
  /** Client → server request: every mention of the entity at a position (`MentionsParams` → `Location[]`). */
  mentions: 'dateline/mentions',
} as const;

/** The corpus summary sent as `dateline/status` for the client's status bar. */
export interface CorpusStatus {
  articles: number;
  /** Warnings and errors across the corpus. */
  warnings: number;
  /** Files not analysed (binary, invalid, too large). */
  skipped: number;
  /** While the workspace is read: how many articles of how many. */
  indexing?: { done: number; total: number };
}

/** What the client sends as `initializationOptions`, beside the `dateline` settings. */
export interface InitializationOptions {
  /** The workspace's trust; editors without workspace trust send none (trusted). */
  trusted?: boolean;
  /** A folder the server may keep its analysis cache in (the extension's storage), if any. */
  cacheFolder?: string;
}

/** The params of `dateline/trust`. */
export interface TrustParams {
  trusted?: boolean;
}

/** The params of `dateline/mentions`: a document and a 0-based position in it (UTF-16 characters). */
export interface MentionsParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}
