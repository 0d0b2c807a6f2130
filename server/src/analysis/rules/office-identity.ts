/**
 * An office given to someone the corpus knows as something else: "Governor Jane Roe" in one article,
 * where other articles call her a judge and never a governor. The office may be written without its
 * country ("Minister Roe"), so no holder can be compared; who she is elsewhere still can.
 */
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { baseName } from '../corpus/corpus-index.js';
import type { IndexedCluster } from '../corpus/naming.js';
import type { ClusterMention } from '../corpus-model.js';
import type { ArticleAnalysis, Finding, RoleMention } from '../types.js';
import { officeKinds, privateBodyNouns, reportsChange, successionCues } from '../annotators/lexicon.js';
import { headTitles, heldSpan, officeKey, portfolioOf, sameOffice } from '../corpus/offices.js';

/** "Judge and Justice": titles joined for a sentence. */
const readableList = (items: string[]): string => new Intl.ListFormat('en', { type: 'conjunction' }).format(items);

/** The kind of office a title names; "head" for one that heads a named body; undefined for a bare "President". */
export function officeKind(role: RoleMention): string | undefined {
  const title = role.title.toLowerCase();
  if (/\bminister\b/u.test(title) || portfolioOf(role)) return 'minister';
  const kind = officeKinds.get(title);
  if (kind) return kind;
  return role.organization && !role.country && headTitles.has(title) ? 'head' : undefined;
}


/** Offices of the state: the head of a company or a union named to one of these is a slip. */
const stateKinds = new Set(['minister', 'governor', 'mayor', 'police', 'legislator', 'diplomat', 'monarch', 'judge']);

/** "former", "new", "until", "acting": the office is not, or not yet, the person's settled one. */
const changeNear = /\b(?:former|ex-|late|then-?|new|newly|until|acting|interim|incoming|outgoing|future|elect|candidate|became|becomes|become|moved|moving)\b/iu;

interface Held {
  mention: ClusterMention;
  role: RoleMention;
  kind: string;
}

/**
 * Whether one person may hold both offices: of one kind (ministers sharing a portfolio, or either
 * written without one), or the head of a body and anything else, unless the body is a company, a
 * union or an association and the other office is the state's: a minister may chair a council, not
 * run a port operator.
 */
function compatible(here: Held, other: Held): boolean {
  if (here.kind === other.kind) {
    if (here.kind !== 'minister') return true;
    return !portfolioOf(here.role) || !portfolioOf(other.role) || sameOffice(here.role, other.role);
  }
  if (here.kind === 'head') return !(stateKinds.has(other.kind) && headsPrivateBody(here.role));
  if (other.kind === 'head') return compatible(other, here);
  return false;
}

/** Titles only a company or a civic body has: "chief executive", "managing director". */
const privateTitles = new Set(['chief executive', 'ceo', 'managing director', 'executive director']);

/** "chief executive of Harbour Holding", "the dock workers' union's president": no office of the state. */
function headsPrivateBody(role: RoleMention): boolean {
  if (privateTitles.has(role.title.toLowerCase())) return true;
  const body = role.organization?.split(/\s+of\s+/u)[0]!.split(/\s+/u).pop()!.toLowerCase().replace(/['’]s?$/u, '');
  return body !== undefined && privateBodyNouns.has(body);
}

/**
 * A head's title written without its body, given the body the words before it name: "the bank's
 * president", "union president", and "its president" after an organisation the article names.
 */
function withBody(article: ArticleAnalysis, role: RoleMention): RoleMention {
  if (role.organization || role.country || !headTitles.has(role.title.toLowerCase())) return role;
  const before = article.text.slice(Math.max(0, role.span.start - 40), role.span.start);
  const match = /\b(?:(its|whose)|the\s+(\p{Ll}+)['’]s|(\p{Ll}+))\s+$/u.exec(before);
  if (!match) return role;
  const noun = match[2] ?? match[3];
  if (noun) return privateBodyNouns.has(noun) ? { ...role, organization: noun } : role;
  let owner: string | undefined;
  for (const e of article.entities) {
    if (e.span.start >= role.span.start) break;
    if (e.type === 'organization' && role.span.start - e.span.end < 400) owner = e.text;
  }
  return owner ? { ...role, organization: owner } : role;
}

/**
 * Each mention whose office its person holds nowhere else, while two or more other articles agree on
 * an office that cannot go with it ("Governor Jane Roe" once; "Judge Jane Roe" in two articles). A
 * minister's other portfolio counts only where another person is named to it. Not where the corpus
 * reports a change of office near the person, and not for a surname alone that another person shares.
 */
export function identityConflicts(index: CorpusIndex, flagged: Set<string>): Finding[] {
  const findings: Finding[] = [];
  const surnames = new Map<string, number>();
  // Ministers with a portfolio, by office key: who else is named to an office, counted once.
  const ministries = new Map<string, { sample: RoleMention; holders: { cluster: IndexedCluster; articleId: string }[] }>();
  const officesBy = new Map<IndexedCluster, Map<string, Office>>();
  for (const cluster of index.clusters) {
    if (cluster.type !== 'person') continue;
    const last = cluster.canonical.split(/\s+/).pop()!.toLowerCase();
    surnames.set(last, (surnames.get(last) ?? 0) + 1);
    const offices = new Map<string, Office>();
    for (const mention of cluster.mentions) {
      const written = mention.mention.role;
      if (!written) continue;
      const article = index.articles.get(mention.articleId)!;
      const role = withBody(article, written);
      const kind = officeKind(role);
      if (!kind) continue;
      const text = article.text;
      if (changeNear.test(text.slice(Math.max(0, role.span.start - 40), role.span.start))) continue;
      const held = { mention, role, kind };
      const portfolio = kind === 'minister' ? portfolioOf(role) : undefined;
      const signature = `${kind}|${portfolio ?? ''}`;
      const office = offices.get(signature) ?? { sample: held, held: [], articles: new Set<string>() };
      office.held.push(held);
      office.articles.add(mention.articleId);
      offices.set(signature, office);
      if (portfolio) {
        const key = officeKey(role);
        const ministry = ministries.get(key) ?? { sample: role, holders: [] };
        ministry.holders.push({ cluster, articleId: mention.articleId });
        ministries.set(key, ministry);
      }
    }
    if (offices.size >= 2) officesBy.set(cluster, offices);
  }
  // Named elsewhere to the same ministry by someone else.
  const namedElsewhere = (role: RoleMention, cluster: IndexedCluster, articleId: string): boolean =>
    [...ministries.values()].some(
      (m) => sameOffice(m.sample, role) && m.holders.some((h) => h.cluster !== cluster && h.articleId !== articleId),
    );
  for (const [cluster, offices] of officesBy) {
    for (const office of offices.values()) {
      // Two articles giving this office make two offices, not a slip.
      if (office.articles.size !== 1) continue;
      const here = office.sample;
      const articleId = here.mention.articleId;
      // "Minister Roe" says nothing for or against "Water Minister Roe".
      const bareMinister = (o: Held): boolean => o.kind === 'minister' && !portfolioOf(o.role);
      const others = [...offices.values()].filter(
        (o) => o !== office && !(here.kind === 'minister' && portfolioOf(here.role) && bareMinister(o.sample)) && [...o.articles].some((id) => id !== articleId),
      );
      const elsewhere = new Set(others.flatMap((o) => [...o.articles].filter((id) => id !== articleId)));
      if (elsewhere.size < 2) continue;
      // The other articles agree with each other, and none with this one.
      if (others.some((o) => o.held.some((x) => compatible(here, x) || compatible(x, here)))) continue;
      if (others.some((o) => others.some((p) => !compatible(o.sample, p.sample) && !compatible(p.sample, o.sample)))) continue;
      if (here.kind === 'minister' && others.every((o) => o.sample.kind === 'minister') && !namedElsewhere(here.role, cluster, articleId))
        continue;
      if (changeReported(index, cluster, articleId)) continue;
      const evidence = others.flatMap((o) => o.held.filter((h) => h.mention.articleId !== articleId));
      for (const h of office.held) {
        if (!nameTells(h.mention, cluster, surnames)) continue;
        const span = heldSpan(h);
        if (flagged.has(`${articleId}:${span.start}`)) continue;
        findings.push(identityFinding(index, cluster, h, span, evidence));
      }
    }
  }
  return findings;
}

/** One kind of office a person is given (a minister by portfolio), with where. */
interface Office {
  sample: Held;
  held: Held[];
  articles: Set<string>;
}

/** "appointed", "sworn in", "resigned" in a sentence naming the person in that article. */
function changeReported(index: CorpusIndex, cluster: IndexedCluster, articleId: string): boolean {
  const text = index.articles.get(articleId)!.text;
  return cluster.mentions
    .filter((m) => m.articleId === articleId)
    .some((m) => reportsChange(successionCues, text.slice(Math.max(0, m.span.start - 160), m.span.end + 160)));
}

/** A full name, or a surname no other person in the corpus has. */
function nameTells(mention: ClusterMention, cluster: IndexedCluster, surnames: Map<string, number>): boolean {
  if (/\s/u.test(mention.text.trim())) return true;
  const last = cluster.canonical.split(/\s+/).pop()!.toLowerCase();
  return (surnames.get(last) ?? 0) <= 1;
}


function identityFinding(
  index: CorpusIndex,
  cluster: IndexedCluster,
  h: Held,
  span: { start: number; end: number },
  elsewhere: Held[],
): Finding {
  const titles = [...new Set(elsewhere.map((o) => o.role.title))];
  const articles = [...new Set(elsewhere.map((o) => o.mention.articleId))].filter((id) => id !== h.mention.articleId);
  const others = articles.length === 1 ? 'another article calls' : `${articles.length} other articles call`;
  const text = index.articles.get(h.mention.articleId)!.text;
  return {
    ruleId: 'role-conflict',
    severity: 'warning',
    articleId: h.mention.articleId,
    span,
    message: `${cluster.canonical} is called ${h.role.title} here, but ${others} ${cluster.canonical} ${readableList(titles)}`,
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
