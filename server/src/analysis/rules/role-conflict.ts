/**
 * Warn when two people hold a single-holder office at the same date, or when a role is used outside
 * the tenure the knowledge file gives it.
 */
import { addTo } from '../collections.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { where } from '../corpus/corpus-index.js';
import type { IndexedCluster } from '../corpus/naming.js';
import type { ClusterMention } from '../corpus-model.js';
import type { Finding, RoleMention } from '../types.js';
import type { CorpusRule } from './rule.js';

/**
 * Offices one person holds at a time, once qualified by a country or an organisation. Generic
 * titles only; "Minister" alone is not here (a government has many).
 */
const singleHolderTitles = new Set([
  'prime minister', 'president', 'secretary general', 'secretary-general', 'chancellor', 'king', 'queen',
  'emperor', 'pope', 'premier', 'chief executive', 'ceo', 'governor', 'mayor', 'foreign minister',
  'defence minister', 'defense minister', 'finance minister', 'chairman', 'chair', 'director general',
  'director-general', 'high representative', 'speaker',
]);

/** "former Prime Minister", "then-President", "the late King": not a claim about the present holder. */
const notCurrent = /\b(former|ex-|late|then-?|outgoing|incoming|acting|interim|future)\s*$/i;

interface Holding {
  cluster: IndexedCluster;
  mention: ClusterMention;
  role: RoleMention;
  office: string;
  date: string;
  inferred: boolean;
}

export const roleConflict: CorpusRule = {
  id: 'role-conflict',
  description: 'Two people holding one single-holder office at the same date, or a role outside its known tenure.',
  severity: 'warning',
  check(index) {
    const holdings = collectHoldings(index);
    return [...conflictsBetweenHolders(index, holdings), ...conflictsWithTenure(index, holdings)];
  },
};

function collectHoldings(index: CorpusIndex): Holding[] {
  const holdings: Holding[] = [];
  for (const cluster of index.clusters) {
    if (cluster.type !== 'person') continue;
    for (const mention of cluster.mentions) {
      const role = mention.mention.role;
      if (!role || !singleHolderTitles.has(role.title.toLowerCase())) continue;
      const article = index.articles.get(mention.articleId)!;
      if (notCurrent.test(article.text.slice(Math.max(0, role.span.start - 12), role.span.start))) continue;
      const qualifier = role.country ?? role.organization ?? qualifierFromCluster(cluster, role.title);
      if (!qualifier) continue;
      const date = article.structure.dateline?.date ?? index.inferred.get(mention.articleId)?.date;
      if (!date) continue;
      holdings.push({
        cluster,
        mention,
        role,
        office: `${qualifier} ${role.title}`,
        date,
        inferred: !article.structure.dateline,
      });
    }
  }
  return holdings;
}

/** "Prime Minister Fumio Kishida" names no country; "Japanese Prime Minister Fumio Kishida" elsewhere does. */
function qualifierFromCluster(cluster: IndexedCluster, title: string): string | undefined {
  const qualifiers = new Set(
    cluster.roles.filter((r) => r.title.toLowerCase() === title.toLowerCase()).map((r) => r.country ?? r.organization).filter(Boolean),
  );
  return qualifiers.size === 1 ? [...qualifiers][0] : undefined;
}

function conflictsBetweenHolders(index: CorpusIndex, holdings: Holding[]): Finding[] {
  const byOfficeAndDate = new Map<string, Holding[]>();
  for (const h of holdings) {
    if (h.inferred) continue;
    const key = `${h.office.toLowerCase()}|${h.date}`;
    addTo(byOfficeAndDate, key, h);
  }
  // The latest date each person is named in each office, computed once rather than per comparison.
  const latestAs = new Map<IndexedCluster, Map<string, string>>();
  for (const h of holdings) {
    const offices = latestAs.get(h.cluster) ?? new Map<string, string>();
    if ((offices.get(h.office) ?? '') < h.date) offices.set(h.office, h.date);
    latestAs.set(h.cluster, offices);
  }
  const findings: Finding[] = [];
  for (const group of byOfficeAndDate.values()) {
    const holders = [...new Set(group.map((h) => h.cluster))];
    if (holders.length < 2) continue;
    // The holder whose latest mention as this office is older is the stale one: an article naming
    // the previous office-holder after the change.
    const latest = (c: IndexedCluster): string => latestAs.get(c)?.get(group[0]!.office) ?? '';
    holders.sort((a, b) => (latest(b) > latest(a) ? 1 : latest(b) < latest(a) ? -1 : 0));
    const current = holders[0]!;
    const tie = latest(holders[0]!) === latest(holders[1]!);
    for (const h of group) {
      if (h.cluster === current) continue;
      const other = group.find((g) => g.cluster === current)!;
      findings.push({
        ruleId: 'role-conflict',
        severity: tie ? 'information' : 'warning',
        articleId: h.mention.articleId,
        span: h.role.span,
        message: `${h.cluster.canonical} is called ${h.office} on ${h.date}, but ${where(index, other.mention)} names ${current.canonical} ${other.office} on the same date`,
        actual: index.articles.get(h.mention.articleId)!.text.slice(h.role.span.start, h.role.span.end),
        expected: [],
        related: [{ location: { articleId: other.mention.articleId, span: other.mention.span }, message: `${current.canonical}, ${other.office}, ${other.date}` }],
        fixes: [],
        explanation: [
          `${h.office} has one holder at a time.`,
          `On ${h.date} this article names ${h.cluster.canonical}; ${where(index, other.mention)} names ${current.canonical}.`,
          tie
            ? 'Neither is named later than the other, so the corpus cannot tell which is right.'
            : `${current.canonical} is named ${h.office} as late as ${latest(current)}; ${h.cluster.canonical} only until ${latest(h.cluster)}.`,
        ],
      });
    }
  }
  return findings;
}

function conflictsWithTenure(index: CorpusIndex, holdings: Holding[]): Finding[] {
  const findings: Finding[] = [];
  for (const h of holdings) {
    const entity = h.cluster.knowledge;
    if (!entity) continue;
    const tenure = entity.roles.find((r) => r.title.toLowerCase() === h.role.title.toLowerCase());
    if (!tenure) continue;
    const before = tenure.from !== undefined && h.date < tenure.from;
    const after = tenure.to !== undefined && h.date.slice(0, tenure.to.length) > tenure.to;
    if (!before && !after) continue;
    const span = `${tenure.from ?? '…'} to ${tenure.to ?? '…'}`;
    findings.push({
      ruleId: 'role-conflict',
      severity: 'warning',
      articleId: h.mention.articleId,
      span: h.role.span,
      message: `${h.cluster.canonical} held ${h.role.title} from ${span} (knowledge file), not on ${h.date}`,
      actual: index.articles.get(h.mention.articleId)!.text.slice(h.role.span.start, h.role.span.end),
      expected: [],
      related: [],
      fixes: [],
      explanation: [
        `The article is dated ${h.date}${h.inferred ? ' (inferred)' : ''}.`,
        `The knowledge file gives ${h.cluster.canonical}'s tenure as ${h.role.title} from ${span}.`,
      ],
    });
  }
  return findings;
}
