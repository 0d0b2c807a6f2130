/**
 * An office given to someone the corpus knows as something else: "Governor Jane Roe" in one article,
 * where other articles call her a judge and never a governor. The office may be written without its
 * country ("Minister Roe"), so no holder can be compared; who she is elsewhere still can.
 */
import { addTo } from '../collections.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { baseName } from '../corpus/corpus-index.js';
import type { IndexedCluster } from '../corpus/naming.js';
import type { ClusterMention } from '../corpus-model.js';
import type { Finding, RoleMention } from '../types.js';
import { officeKinds, successionCues } from '../annotators/lexicon.js';

/** "Judge and Justice": titles joined for a sentence. */
const readableList = (items: string[]): string => new Intl.ListFormat('en', { type: 'conjunction' }).format(items);

/** The kind of office a title names, or undefined for a title that may head any body. */
export function officeKind(role: RoleMention): string | undefined {
  const title = role.title.toLowerCase();
  if (/\bminister\b/u.test(title)) return 'minister';
  return officeKinds.get(title);
}

/** "former", "new", "until", "acting": the office is not, or not yet, the person's settled one. */
const changeNear = /\b(?:former|ex-|late|then-?|new|newly|until|acting|interim|incoming|outgoing|future|elect|candidate|became|becomes|become|moved|moving)\b/iu;

interface Held {
  mention: ClusterMention;
  role: RoleMention;
  kind: string;
}

/**
 * Each mention whose office is of a kind its person holds nowhere else, while two or more articles
 * give that person an office of another kind. Not where the corpus reports a change of office near
 * the person, and not for a surname alone that another person shares.
 */
export function identityConflicts(index: CorpusIndex, flagged: Set<string>): Finding[] {
  const findings: Finding[] = [];
  const surnames = new Map<string, number>();
  for (const cluster of index.clusters)
    if (cluster.type === 'person') {
      const last = cluster.canonical.split(/\s+/).pop()!.toLowerCase();
      surnames.set(last, (surnames.get(last) ?? 0) + 1);
    }
  for (const cluster of index.clusters) {
    if (cluster.type !== 'person') continue;
    const held: Held[] = [];
    for (const mention of cluster.mentions) {
      const role = mention.mention.role;
      const kind = role && officeKind(role);
      if (!role || !kind) continue;
      const text = index.articles.get(mention.articleId)!.text;
      if (changeNear.test(text.slice(Math.max(0, role.span.start - 40), role.span.start))) continue;
      held.push({ mention, role, kind });
    }
    if (held.length < 2) continue;
    const articlesByKind = new Map<string, Set<string>>();
    for (const h of held) {
      const set = articlesByKind.get(h.kind) ?? new Set<string>();
      articlesByKind.set(h.kind, set.add(h.mention.articleId));
    }
    if (articlesByKind.size < 2) continue;
    // The kind the corpus settles on: given in two or more articles, and in more than any other.
    const ranked = [...articlesByKind].sort((a, b) => b[1].size - a[1].size);
    const [settled, settledIn] = ranked[0]!;
    if (settledIn.size < 2 || ranked[1]![1].size >= settledIn.size) continue;
    const byArticle = new Map<string, Held[]>();
    for (const h of held) if (h.kind !== settled) addTo(byArticle, h.mention.articleId, h);
    for (const [articleId, odd] of byArticle) {
      // An odd kind in one article only; a second article giving it makes two offices, not a slip.
      if ((articlesByKind.get(odd[0]!.kind)?.size ?? 0) > 1) continue;
      if (changeReported(index, cluster, articleId)) continue;
      for (const h of odd) {
        if (!nameTells(h.mention, cluster, surnames)) continue;
        const span = heldSpan(h);
        if (flagged.has(`${articleId}:${span.start}`)) continue;
        findings.push(identityFinding(index, cluster, h, span, settled, held));
      }
    }
  }
  return findings;
}

/** "appointed", "sworn in", "resigned" in a sentence naming the person in that article. */
function changeReported(index: CorpusIndex, cluster: IndexedCluster, articleId: string): boolean {
  const text = index.articles.get(articleId)!.text;
  return cluster.mentions
    .filter((m) => m.articleId === articleId)
    .some((m) => successionCues.test(text.slice(Math.max(0, m.span.start - 160), m.span.end + 160)));
}

/** A full name, or a surname no other person in the corpus has. */
function nameTells(mention: ClusterMention, cluster: IndexedCluster, surnames: Map<string, number>): boolean {
  if (/\s/u.test(mention.text.trim())) return true;
  const last = cluster.canonical.split(/\s+/).pop()!.toLowerCase();
  return (surnames.get(last) ?? 0) <= 1;
}

function heldSpan(h: Held): { start: number; end: number } {
  const role = h.role.span;
  const name = h.mention.span;
  const apart = Math.max(role.start, name.start) - Math.min(role.end, name.end);
  return apart <= 3 ? { start: Math.min(role.start, name.start), end: Math.max(role.end, name.end) } : name;
}

function identityFinding(
  index: CorpusIndex,
  cluster: IndexedCluster,
  h: Held,
  span: { start: number; end: number },
  settled: string,
  held: Held[],
): Finding {
  const elsewhere = held.filter((o) => o.kind === settled);
  const titles = [...new Set(elsewhere.map((o) => o.role.title))];
  const articles = [...new Set(elsewhere.map((o) => o.mention.articleId))].filter((id) => id !== h.mention.articleId);
  const others = articles.length === 1 ? 'another article calls' : `${articles.length} other articles call`;
  const text = index.articles.get(h.mention.articleId)!.text;
  return {
    ruleId: 'role-conflict',
    severity: 'warning',
    articleId: h.mention.articleId,
    span,
    message: `${cluster.canonical} is called ${h.role.title} here, but ${others} ${cluster.canonical} ${readableList(titles)}, never a ${h.kind}`,
    actual: text.slice(span.start, span.end),
    expected: [],
    related: elsewhere
      .filter((o, i) => o.mention.articleId !== h.mention.articleId && elsewhere.findIndex((p) => p.mention.articleId === o.mention.articleId) === i)
      .map((o) => ({
        location: { articleId: o.mention.articleId, span: o.role.span },
        message: `${cluster.canonical}, ${o.role.title}, in ${baseName(o.mention.articleId)}`,
      })),
    fixes: [],
    explain: () => [
      `A person rarely holds two kinds of office at once.`,
      `${articles.map(baseName).join(', ')} call ${cluster.canonical} ${readableList(titles)}; this article alone calls ${cluster.canonical} ${h.role.title}, and none reports a change of office.`,
      'The name may belong to someone else here, or the office to another person.',
    ],
  };
}
