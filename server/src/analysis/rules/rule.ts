/** What a corpus rule is: an id, a default severity, and a check over the corpus index. */
import type { CorpusIndex, RuleInput } from '../corpus/corpus-index.js';
import type { Finding, RuleId, Severity } from '../types.js';

/** One rule: its file name is its id, and its id is every finding's Diagnostic.code. */
export interface CorpusRule {
  id: RuleId;
  /** One sentence for the README's `## Rules`. */
  description: string;
  /** The severity of its confident findings; weaker evidence lowers it in the finding itself. */
  severity: Severity;
  /** What of the index it reads: it runs again only when one of them changed. */
  reads: readonly RuleInput[];
  check(index: CorpusIndex): Finding[];
}

/**
 * The most places a finding lists as its evidence (LSP related information). The Problems panel
 * shows each as a row under the problem; past ten they are rows to scroll by, and the hover lists
 * every mention anyway. Each costs ~200 bytes in every diagnostic that carries it: with twenty,
 * 10,000 articles sent 36 MB of them.
 */
export const relatedLimit = 10;

/**
 * `Finding.explain` for steps already worked out. The function is made here, where it can hold
 * nothing but the steps; an arrow written in a rule holds what the rule's other closures read.
 */
export function explained(steps: string[]): () => string[] {
  return () => steps;
}
