/** A seeded sample of the replay of name edits (names-replay.ts); `npm run fuzz:names` runs thousands. */
import assert from 'node:assert/strict';
import { replayNames } from './names-replay.js';

describe('a corpus kept up to date through edits that change names', function () {
  this.timeout(30_000);

  it('equals a corpus built afresh after every operation: clusters, trust, acronyms, findings and annotations', () => {
    const operations = replayNames({ runs: 4, seed: 41, maxOperations: 40 });
    assert.ok(operations >= 40, `${operations} operations`);
  });
});
