/**
 * The language server's entry point: `dateline-language-server --stdio` (Neovim, other editors) or
 * node IPC (VS Code). createConnection reads the transport from the command line.
 */
import type { Message, ResponseMessage } from 'vscode-languageserver/node.js';
import { createConnection, LSPErrorCodes, ProposedFeatures, ResponseError } from 'vscode-languageserver/node.js';
import { startServer } from './lsp/start-server.js';

/**
 * A request cancelled while it still waits in the queue (behind a burst of edits) is answered
 * "cancelled" at once and never runs.
 */
function cancelUndispatched(message: Message): ResponseMessage | undefined {
  if (!('id' in message) || message.id === undefined) return undefined;
  const cancelled = new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled before it ran');
  return { jsonrpc: message.jsonrpc, id: message.id as number | string | null, error: cancelled.toJson() };
}

startServer(createConnection(ProposedFeatures.all, { connectionStrategy: { cancelUndispatched } }));
