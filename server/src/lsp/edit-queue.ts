/**
 * Edits analysed once they settle. `didChange` only marks its document: the analysis runs when no
 * change has come for a moment (or after a longer wait while changes keep coming), and then takes each
 * document's latest text. A burst of 5,000 keystrokes is a handful of analyses, not 5,000 queued
 * behind one another; hovers and other requests meanwhile answer from the corpus as it is.
 */

/**
 * Quiet time after the last change before its document is analysed: about one keystroke's gap, or
 * half of what an analysis costs when that is more (a pause in typing is then worth the wait: a name
 * edit in a corpus of hundreds of articles rebuilds the index, which no request can interrupt).
 */
const settleMs = { least: 80, most: 400 };

/** While changes never pause, analyse at least this often, so diagnostics do not freeze. */
const minimumMaxWaitMs = 1000;

/**
 * While changes never pause, analysis takes at most this share of the time: a request that comes in
 * meanwhile waits for it only that often (one in twenty: the hover p95 stays clear of it).
 */
const busyShare = 1 / 20;

/** Documents changed and not yet analysed, and the timer that will analyse them. */
export class EditQueue {
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest pending change came. */
  private since = 0;
  /** How long the last analysis took: the next one waits in proportion. */
  private lastCostMs = 0;
  /** What a rebuild of the index and the rules cost when last measured: a floor for `lastCostMs`. */
  private expectedMs = 0;

  /** `analyse` receives the documents to analyse, each once; it reads their latest text itself. */
  constructor(private readonly analyse: (uris: string[]) => void) {}

  /**
   * What an analysis is expected to cost before one has run: the first reading's index and rules
   * (what a name edit rebuilds). Without it, the first forced analysis of a burst would come after a
   * second and stall every request for as long as the rebuild takes.
   */
  expectCost(ms: number): void {
    this.expectedMs = ms;
  }

  /** A document changed: analyse it once its changes settle. */
  changed(uri: string): void {
    const now = performance.now();
    if (this.pending.size === 0) this.since = now;
    this.pending.add(uri);
    const cost = Math.max(this.lastCostMs, this.expectedMs);
    const maxWait = Math.max(minimumMaxWaitMs, cost / busyShare);
    const settle = Math.min(settleMs.most, Math.max(settleMs.least, cost / 2));
    const delay = Math.max(0, Math.min(settle, this.since + maxWait - now));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), delay);
  }

  /** True when a document has changes not analysed yet. */
  isPending(uri: string): boolean {
    return this.pending.has(uri);
  }

  /** Drops a document's pending changes (it was closed: its text on disk is read instead). */
  forget(uri: string): void {
    this.pending.delete(uri);
  }

  /** Analyses every pending document now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const uris = [...this.pending];
    this.pending.clear();
    const started = performance.now();
    this.analyse(uris);
    this.lastCostMs = performance.now() - started;
  }
}
