/**
 * The language server's entry point: `dateline-language-server --stdio` (Neovim, other editors) or
 * node IPC (VS Code). createConnection reads the transport from the command line.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './lsp/start-server.js';

startServer(createConnection(ProposedFeatures.all));
