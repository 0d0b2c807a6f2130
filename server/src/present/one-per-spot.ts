/**
 * Never two findings on the same words. Two rules may flag overlapping text: in "the Africa Union
 * (AU)", where the corpus writes "African Union (AU)", name-variant flags "Africa" and
 * acronym-expansion flags "Africa Union". A reporter should see one finding there, with one fix, so
 * the strongest is kept and the others' evidence and reasoning are folded into it. The language
 * server and the CLI both take their findings through here, so both show the same ones.
 */
import type { Finding, Severity } from '../analysis/index.js';
import { relatedLimit } from '../analysis/rules/rule.js';

const strength: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/**
 * The findings of one article with overlapping ones merged: of each run of findings whose spans
 * overlap, the strongest is kept (higher severity, then one with a fix, then the narrower span, which
 * points at the very words to change, then the earlier rule), carrying the evidence and reasoning of
 * the ones it overlaps. Findings that overlap nothing are returned as they are, in their order.
 */
export function onePerSpot(findings: readonly Finding[]): Finding[] {
  if (findings.length < 2) return [...findings];
  const order = findings.map((finding, index) => ({ finding, index }));
  order.sort((a, b) => a.finding.span.start - b.finding.span.start || a.index - b.index);
  const kept: { finding: Finding; index: number }[] = [];
  // Runs of overlapping spans, found in one sweep by start; each run is settled on its own.
  let run: typeof order = [];
  let runEnd = -1;
  for (const item of order) {
    if (run.length > 0 && !overlaps(item.finding, runEnd, run)) {
      kept.push(...settle(run));
      run = [];
    }
    run.push(item);
    runEnd = Math.max(runEnd, item.finding.span.end);
  }
  kept.push(...settle(run));
  return kept.sort((a, b) => a.index - b.index).map((item) => item.finding);
}

// A finding joins the run when it starts before the run ends; an empty span ("|" at one point) joins
// a run that holds another empty span at the same point.
function overlaps(finding: Finding, runEnd: number, run: { finding: Finding }[]): boolean {
  const { start, end } = finding.span;
  if (start < runEnd) return true;
  return start === end && run.some((r) => r.finding.span.start === start && r.finding.span.end === start);
}

/** Keeps the strongest of a run, then any other that overlaps no finding kept; folds each of the rest into the first kept it overlaps. */
function settle<T extends { finding: Finding; index: number }>(run: T[]): T[] {
  if (run.length === 1) return run;
  const ranked = [...run].sort((a, b) => rank(b.finding) - rank(a.finding) || a.index - b.index);
  const kept: { item: T; folded: Finding[] }[] = [];
  for (const item of ranked) {
    const host = kept.find((k) => spansOverlap(k.item.finding, item.finding));
    if (host) host.folded.push(item.finding);
    else kept.push({ item, folded: [] });
  }
  return kept.map(({ item, folded }) =>
    folded.length === 0 ? item : { ...item, finding: foldInto(item.finding, folded) },
  );
}

// Severity first; then a finding with a fix over one without; then the narrower span.
function rank(finding: Finding): number {
  const width = finding.span.end - finding.span.start;
  return strength[finding.severity] * 1e9 + (finding.fixes.length > 0 ? 1e8 : 0) - Math.min(width, 1e8 - 1);
}

function spansOverlap(a: Finding, b: Finding): boolean {
  if (a.span.start === a.span.end || b.span.start === b.span.end)
    return a.span.start <= b.span.end && b.span.start <= a.span.end;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/** The kept finding with the folded findings' evidence after its own and their reasoning after its. */
function foldInto(kept: Finding, folded: Finding[]): Finding {
  const seen = new Set(kept.related.map((r) => locationKey(r.location)));
  const related = [...kept.related];
  for (const other of folded) {
    for (const r of other.related) {
      const key = locationKey(r.location);
      if (seen.has(key) || related.length >= relatedLimit) continue;
      seen.add(key);
      related.push(r);
    }
  }
  const explainKept = kept.explain;
  return {
    ...kept,
    related,
    explain: () => [
      ...explainKept(),
      ...folded.flatMap((other) => [`Also (${other.ruleId}): ${other.message}.`, ...other.explain()]),
    ],
  };
}

function locationKey(location: { articleId: string; span: { start: number; end: number } }): string {
  return `${location.articleId}#${location.span.start}-${location.span.end}`;
}
