/** A fixed-seed sample of the fuzz run (live-fuzz.ts); `npm run fuzz` runs ten thousand operations and more. */
import assert from 'node:assert/strict';
import { fuzzLiveServer } from './live-fuzz.js';

describe('a live server under random edits, knowledge-file edits and changes on disk', function () {
  this.timeout(60_000);

  it('ends with the diagnostics of a fresh server on the final disk, and never crashes', async () => {
    const operations = await fuzzLiveServer({
      runs: 1,
      seed: 20,
      minOperations: 20,
      maxOperations: 30,
      duringReading: false,
    });
    assert.ok(operations >= 20, `${operations} operations`);
  });
});
