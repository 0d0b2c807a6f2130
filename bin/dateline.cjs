#!/usr/bin/env node
// The `dateline` command: runs the bundled CLI that `npm run build` makes.
require('../dist/cli.cjs');
