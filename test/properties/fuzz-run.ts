/**
 * `npm run fuzz`: the fuzz run of live-fuzz.ts at full size. `FUZZ_OPERATIONS` (default 10,000) is
 * the least number of operations; `FUZZ_SEED` draws another sequence (batch n of ten runs uses seed
 * + n); `FUZZ_DURING_READING=0` starts the operations only once the server has read the folder.
 * Prints what it did and how long it took; exits 1 with fast-check's counterexample, its seed and
 * path when a run ends unequal or a server crashes.
 *
 * `FUZZ_REPLAY='{"seed":103,"path":"4"}'` (what a failure printed) runs that one case again, and
 * `FUZZ_SHRINK=1` lets fast-check shrink a failure to a small case (each step a live run).
 */
import { fuzzLiveServer } from './live-fuzz.js';

const target = Number(process.env.FUZZ_OPERATIONS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? 1);
const maxOperations = 200;
const duringReading = process.env.FUZZ_DURING_READING !== '0';
const shrink = process.env.FUZZ_SHRINK === '1';
const started = Date.now();
let operations = 0;
let runs = 0;
const replay = process.env.FUZZ_REPLAY
  ? (JSON.parse(process.env.FUZZ_REPLAY) as { seed: number; path: string })
  : undefined;
if (replay) {
  operations = await fuzzLiveServer({ runs: 1, ...replay, maxOperations, duringReading, shrink });
  process.stdout.write(`replayed ${JSON.stringify(replay)}: ${operations} operations, equal\n`);
} else {
  // Batches of runs, each batch with its own seed, until the operations reach the target.
  for (let batch = 0; operations < target; batch++) {
    const count = 10;
    process.stdout.write(`batch seed ${seed + batch}\n`);
    operations += await fuzzLiveServer({ runs: count, seed: seed + batch, maxOperations, duringReading, shrink });
    runs += count;
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `${runs} runs, ${operations.toLocaleString('en')} operations, ${seconds.toFixed(0)} s\n`,
    );
  }
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `done: ${operations.toLocaleString('en')} operations in ${runs} runs (each compared with a fresh server), ` +
      `${seconds.toFixed(0)} s, seed ${seed}\n`,
  );
}
