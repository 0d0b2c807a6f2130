// Mocha's settings. The test files run longest first: `npm test` runs them in parallel, each worker
// taking the next file as it finishes one, so a long file started last would run alone at the end
// while the other workers wait. The order is only an order: every file still runs, and no file
// depends on another's having run (ARCHITECTURE.md, "Testing").
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

/** The longest test files, longest first (measured one at a time; `npm run bench` has no figures for tests). */
const longest = [
  'lsp/faults',
  'lsp/safety',
  'properties/analysis',
  'eval/corpora',
  'cli/pack',
  'lsp/server',
  'analysis/bad-input',
  'properties/live-fuzz',
  'workers/analysis-pool',
  'properties/knowledge-file',
  'lsp/first-reading',
  'cli/cli',
  'cli/ci',
].map((name) => `out/test/${name}.test.js`);

/** Every compiled test file under `dir`, sorted. */
function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? testFiles(path) : entry.name.endsWith('.test.js') ? [path] : [];
    })
    .sort();
}

const all = testFiles('out/test');
module.exports = {
  spec: [...longest.filter((file) => all.includes(file)), ...all.filter((file) => !longest.includes(file))],
  timeout: 30000,
  reporter: 'spec',
};
