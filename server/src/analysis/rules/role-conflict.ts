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
  'prime minister',
  'president',
  'secretary general',
  'secretary-general',
  'chancellor',
  'king',
  'queen',
  'emperor',
  'pope',
  'premier',
  'chief executive',
  'ceo',
  'governor',
  'mayor',
  'foreign minister',
  'defence minister',
  'defense minister',
  'finance minister',
  'chairman',
  'chair',
  'director general',
  'director-general',
  'high representative',
  'speaker',
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

/** Warn when two people hold one single-holder office at once, or a role is used outside its known tenure. */
export const roleConflict: CorpusRule = {
  id: 'role-conflict',
  description:
    'Two people holding one single-holder office at the same date, or a role outside its known tenure.',
  severity: 'warning',
  reads: ['names', 'article-dates'],
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
    cluster.roles
      .filter((r) => r.title.toLowerCase() === title.toLowerCase())
      .map((r) => r.country ?? r.organization)
      .filter(Boolean),
  );
  return qualifiers.size === 1 ? [...qualifiers][0] : undefined;
}

/**
 * Each holder's dates in an office span a tenure the corpus attests ("UN Secretary-General" on
 * 2021-11-01 and 2021-11-13); another person named to that office inside it, or on the same date,
 * conflicts. Successive holders whose attested dates do not interleave are a change of office.
 */
function conflictsBetweenHolders(index: CorpusIndex, holdings: Holding[]): Finding[] {
  const byOffice = new Map<string, Holding[]>();
  for (const h of holdings) if (!h.inferred) addTo(byOffice, h.office.toLowerCase(), h);
  const findings: Finding[] = [];
  for (const group of byOffice.values()) {
    const tenure = new Map<IndexedCluster, { from: string; to: string }>();
    for (const h of group) {
      const t = tenure.get(h.cluster);
      tenure.set(
        h.cluster,
        t
          ? { from: h.date < t.from ? h.date : t.from, to: h.date > t.to ? h.date : t.to }
          : { from: h.date, to: h.date },
      );
    }
    if (tenure.size < 2) continue;
    const byHolder = new Map<IndexedCluster, Holding[]>();
    for (const h of group) addTo(byHolder, h.cluster, h);
    const reported = new Set<ClusterMention>();
    for (const [current, span] of tenure) {
      for (const h of group) {
        if (h.cluster === current || reported.has(h.mention) || h.date < span.from || h.date > span.to)
          continue;
        // The holder named later is the current one; the other is stale. Named as late: a tie.
        const mine = tenure.get(h.cluster)!;
        if (mine.to > span.to) continue;
        const tie = mine.to === span.to;
        const other = nearest(byHolder.get(current)!, h.date);
        reported.add(h.mention);
        findings.push(conflictFinding(index, h, other, current, tie, span.to, mine.to));
      }
    }
  }
  return findings;
}

// The current holder's mention closest in date to the stale one: the most telling evidence.
function nearest(holdings: Holding[], date: string): Holding {
  const time = Date.parse(date.slice(0, 10));
  let best = holdings[0]!;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const h of holdings) {
    const distance = Math.abs(Date.parse(h.date.slice(0, 10)) - time);
    if (distance < bestDistance) [best, bestDistance] = [h, distance];
  }
  return best;
}

function conflictFinding(
  index: CorpusIndex,
  h: Holding,
  other: Holding,
  current: IndexedCluster,
  tie: boolean,
  currentLatest: string,
  staleLatest: string,
): Finding {
  const sameDate = other.date === h.date;
  const when = sameDate ? 'on the same date' : `on ${other.date}`;
  return {
    ruleId: 'role-conflict',
    severity: tie ? 'information' : 'warning',
    articleId: h.mention.articleId,
    span: h.role.span,
    message: `${h.cluster.canonical} is called ${h.office} on ${h.date}, but ${where(index, other.mention)} names ${current.canonical} ${other.office} ${when}`,
    actual: index.articles.get(h.mention.articleId)!.text.slice(h.role.span.start, h.role.span.end),
    expected: [],
    related: [
      {
        location: { articleId: other.mention.articleId, span: other.mention.span },
        message: `${current.canonical}, ${other.office}, ${other.date}`,
      },
    ],
    fixes: [],
    explanation: [
      `${h.office} has one holder at a time.`,
      `On ${h.date} this article names ${h.cluster.canonical}; ${where(index, other.mention)} names ${current.canonical} ${when}.`,
      tie
        ? 'Neither is named later than the other, so the corpus cannot tell which is right.'
        : `${current.canonical} is named ${h.office} as late as ${currentLatest}, around this date too; ${h.cluster.canonical} only until ${staleLatest}.`,
    ],
  };
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
