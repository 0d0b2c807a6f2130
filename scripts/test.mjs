// `npm test` after the build: the mocha suite, its files in parallel, one worker process per core (at
// least two): a file's tests still run one after another, in its own worker, so a file is as
// isolated as when run alone. The lint is `npm run lint`, which CI runs beside it (.ci/run): typed,
// it costs a third of the suite's CPU on two cores, which kept `npm test` over its 45 s.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const bin = new URL('../node_modules/.bin/mocha', import.meta.url).pathname;
const jobs = String(Math.max(2, availableParallelism()));
const mocha = spawn(bin, ['--parallel', '--jobs', jobs, ...process.argv.slice(2)], { stdio: 'inherit', shell: false });
mocha.on('close', (code, signal) => (process.exitCode = code ?? (signal ? 1 : 0)));
