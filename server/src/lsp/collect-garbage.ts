/**
 * A full garbage collection, once the first reading of a corpus is done. Reading 10,000 articles
 * leaves a hundred megabytes and more of garbage (the workers' replies, the index's scratch) that V8
 * keeps resident until memory is short: an idle server would hold far more than it uses. Node
 * exposes `gc` only with `--expose-gc`, which an editor's launch of the server does not pass; the
 * flag is set at run time and the function taken from a fresh context, as jest-leak-detector does.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/** Collects garbage now: a major collection, tens of milliseconds on a large heap. */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
