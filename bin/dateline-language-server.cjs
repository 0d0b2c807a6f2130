#!/usr/bin/env node
// The language server over stdio (`--stdio`), node IPC (`--node-ipc`) or a socket (`--socket=PORT`).
require('../dist/server.cjs');
