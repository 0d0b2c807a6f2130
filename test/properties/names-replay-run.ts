/**
 * `npm run fuzz:names`: the replay of names-replay.ts at full size. `FUZZ_OPERATIONS` (default 5,000)
 * is the least number of operations that change a text; `FUZZ_SEED` draws another sequence (batch n
 * of ten runs uses seed + n). Exits 1 with fast-check's counterexample, seed and path on a difference;
 * `FUZZ_REPLAY='{"seed":3,"path":"4"}'` runs that one case again.
 */
import { replayNames } from './names-replay.js';

const target = Number(process.env.FUZZ_OPERATIONS ?? 5_000);
const seed = Number(process.env.FUZZ_SEED ?? 1);
const maxOperations = 60;
const started = Date.now();
const replay = process.env.FUZZ_REPLAY
  ? (JSON.parse(process.env.FUZZ_REPLAY) as { seed: number; path: string })
  : undefined;
if (replay) {
  const operations = replayNames({ runs: 1, ...replay, maxOperations });
  process.stdout.write(`replayed ${JSON.stringify(replay)}: ${operations} operations, equal\n`);
} else {
  let operations = 0;
  let runs = 0;
  for (let batch = 0; operations < target; batch++) {
    operations += replayNames({ runs: 10, seed: seed + batch, maxOperations });
    runs += 10;
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `batch seed ${seed + batch}: ${runs} runs, ${operations.toLocaleString('en')} operations, ${seconds.toFixed(0)} s\n`,
    );
  }
  process.stdout.write(
    `done: ${operations.toLocaleString('en')} operations in ${runs} runs, each compared with a fresh corpus, seed ${seed}\n`,
  );
}
