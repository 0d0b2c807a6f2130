// `npm test` after the build: the lint and the mocha suite side by side, since the suite spends much
// of its time waiting on the servers and commands it starts. Mocha runs its files in parallel, one
// worker process per core (at least two): a file's tests still run one after another, in its own
// worker, so a file is as isolated as when run alone. The lint's output is held back and printed
// after mocha's, so the two never interleave; the exit code is the first failure's.
// Hand-written: a dozen lines, where npm-run-all or concurrently would interleave or add a dependency.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** Runs an npm bin, its output piped (held) or inherited; resolves to its exit code and what it printed. */
function run(command, args, hold) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit', shell: false });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const jobs = String(Math.max(2, availableParallelism()));
const [lint, mocha] = await Promise.all([
  run(bin('eslint'), ['--max-warnings', '0', '.'], true),
  run(bin('mocha'), ['--parallel', '--jobs', jobs, ...process.argv.slice(2)], false),
]);
if (lint.output) process.stdout.write(`\n== lint\n${lint.output}`);
if (lint.code !== 0) console.error('lint failed');
process.exitCode = mocha.code || lint.code;
