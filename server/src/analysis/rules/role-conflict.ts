/**
 * Warn when two people hold a single-holder office at the same date, or when a role is used outside
 * the tenure the knowledge file gives it.
 */
import { addTo } from '../collections.js';
import { memoize } from '../memo.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { baseName, where } from '../corpus/corpus-index.js';
import type { IndexedCluster } from '../corpus/naming.js';
import type { ClusterMention } from '../corpus-model.js';
import type { ArticleAnalysis, EntityMention, Finding, RoleMention } from '../types.js';
import type { CorpusRule } from './rule.js';
import { readableDate } from '../annotators/calendar.js';
import {
  arrivalCues,
  departureCues,
  organizationHeads,
  privateBodyNouns,
  singleHolderTitles,
  reportsChange,
  successionCues,
} from '../annotators/lexicon.js';
import { heldSpan, isGeneralTitle, officeKey, portfolioOf, sameOffice } from '../corpus/offices.js';
import { countryOfDemonym } from '../annotators/gazetteer.js';
import { identityConflicts } from './office-identity.js';
import { compareNames, nameTokens, romanisedAlike } from '../names.js';

// Memoised: a large corpus writes the same few titles tens of thousands of times.
const isSingleHolder = memoize((title: string) => singleHolderTitles.has(title.toLowerCase()));

/**
 * "former Prime Minister", "then-President", "the late King", "Former Water Resources Minister": not a
 * claim about the present holder. The cue may stand before the office's other capitalised words. Nor
 * is "replaced its chief executive, Jane Roe, with John Doe": the office she left.
 */
const notCurrent =
  /\b(former|ex-|late|then-?|outgoing|incoming|acting|interim|future)\s*(?:\p{Lu}[\p{L}-]*\s+){0,4}$|\b(?:replac(?:ed|es|ing)|dismiss(?:ed|es|ing)|sack(?:ed|s|ing)|fired|ousted|removed)\s+(?:its|his|her|their|the)\s+$/iu;

interface Holding {
  cluster: IndexedCluster;
  mention: ClusterMention;
  role: RoleMention;
  office: string;
  /** The office without whose it is: "Energy Minister", "Governor". */
  title: string;
  date: string;
  inferred: boolean;
  /** The country was taken from the places around it, not written with the office: never evidence against another holder. */
  guessed: boolean;
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
    const conflicts = [...conflictsBetweenHolders(index, holdings, knownAs(holdings)), ...conflictsWithTenure(index, holdings)];
    const flagged = new Set(conflicts.map((f) => `${f.articleId}:${f.span.start}`));
    return [...conflicts, ...identityConflicts(index, flagged)];
  },
};

function collectHoldings(index: CorpusIndex): Holding[] {
  const holdings: Holding[] = [];
  const unowned: Holding[] = [];
  // "Minister Roe", with no portfolio.
  const bare: { cluster: IndexedCluster; mention: ClusterMention; role: RoleMention }[] = [];
  // "President of the Harbour Workers' Union" and "HWU president": one office, named by its acronym.
  const acronymOf = new Map<string, string>();
  for (const entry of index.acronyms)
    for (const expansion of entry.expansions) acronymOf.set(expansion.text.toLowerCase(), entry.acronym);
  // "Governor of Riverton County" and "Governor of Riverton": one office, its place written with or
  // without the kind of place it is.
  const named = (owner: string): string => {
    const bare = owner.replace(/^the\s+/iu, '');
    return acronymOf.get(bare.toLowerCase()) ?? withoutKindOfPlace(bare);
  };
  for (const cluster of index.clusters) {
    if (cluster.type !== 'person') continue;
    // Per title, once per cluster rather than once per mention.
    const qualifiers = new Map<string, string | undefined>();
    const qualifierFor = (role: RoleMention): string | undefined => {
      const key = officeKey(role);
      if (!qualifiers.has(key)) qualifiers.set(key, qualifierFromCluster(cluster, key));
      return qualifiers.get(key);
    };
    for (const mention of cluster.mentions) {
      const role = mention.mention.role;
      if (!role) continue;
      const portfolio = portfolioOf(role);
      if (!portfolio && /^minister$/iu.test(role.title) && !role.country) bare.push({ cluster, mention, role });
      if (!portfolio && !isSingleHolder(role.title)) continue;
      const article = index.articles.get(mention.articleId)!;
      if (notCurrent.test(article.text.slice(Math.max(0, role.span.start - 60), role.span.start))) continue;
      const written = portfolio
        ? (role.country ?? qualifierFor(role))
        : (role.country ?? bodyNamed(article, role) ?? qualifierFor(role));
      const found =
        written ?? (portfolio ? countryAround(article, mention.mention) : ownerBefore(article, role));
      const qualifier = found && found !== role.country ? named(found) : found;
      const date = article.structure.dateline?.date ?? index.inferred.get(mention.articleId)?.date;
      if (!date) continue;
      const title = portfolio ? `${capitalised(portfolio)} Minister` : chairOf(role.title);
      const holding = {
        cluster,
        mention,
        role,
        office: `${title} of ${qualifier}`,
        title,
        date,
        inferred: !article.structure.dateline,
        guessed: written === undefined,
      };
      if (qualifier) holdings.push(holding);
      // "president of the farmers' association" names a body, though not which: never the country's president.
      else if (!role.organization) unowned.push(holding);
    }
  }
  headsAsNamed(holdings);
  holdings.push(...ministersOfTheArticle(index, holdings, bare));
  // "Governor Jane Roe" in a corpus whose every governor named with a state is of one state: that one,
  // guessed, so never evidence against another holder.
  const owners = new Map<string, Set<string>>();
  for (const h of holdings)
    if (!h.guessed) owners.set(h.title, (owners.get(h.title) ?? new Set<string>()).add(h.office));
  for (const holding of unowned) {
    const only = owners.get(holding.title);
    if (only?.size !== 1) continue;
    const office = [...only][0]!;
    // "committee chair Jane Roe": a body written in lower case, which a sole owner of another kind is not.
    const text = index.articles.get(holding.mention.articleId)!.text;
    const body = bodyBefore(text, holding.role);
    if (body && !office.toLowerCase().endsWith(body)) continue;
    holdings.push({ ...holding, office, guessed: true });
  }
  return holdings;
}

/**
 * "Minister Roe" in an article whose every minister with a portfolio holds one office ("Utopia's
 * Minister of Energy, John Doe" in a press release of that ministry): that office, guessed, so never
 * evidence against another holder. Not for someone the corpus names a minister of any portfolio: then
 * the office is that person's own, and unknown here.
 */
function ministersOfTheArticle(
  index: CorpusIndex,
  holdings: Holding[],
  bare: { cluster: IndexedCluster; mention: ClusterMention; role: RoleMention }[],
): Holding[] {
  const isMinister = (h: Holding): boolean => h.title.endsWith(' Minister');
  const ministers = new Set<IndexedCluster>();
  const byArticle = new Map<string, Holding[]>();
  for (const h of holdings) {
    if (!isMinister(h)) continue;
    ministers.add(h.cluster);
    if (!h.guessed) addTo(byArticle, h.mention.articleId, h);
  }
  const guessed: Holding[] = [];
  for (const { cluster, mention, role } of bare) {
    if (ministers.has(cluster) || cluster.roles.some((r) => portfolioOf(r))) continue;
    const offices = new Map((byArticle.get(mention.articleId) ?? []).map((h) => [h.office, h]));
    if (offices.size !== 1) continue;
    const [office, model] = [...offices][0]!;
    const article = index.articles.get(mention.articleId)!;
    if (notCurrent.test(article.text.slice(Math.max(0, role.span.start - 60), role.span.start))) continue;
    guessed.push({ ...model, cluster, mention, role, office, guessed: true });
  }
  return guessed;
}

/**
 * The country of a minister named without one: the one country of the places written before the
 * name in its sentence ("In Lima, Foreign Minister Jane Roe said"), else of the place that opens the
 * article's first paragraph, a wire dateline's city ("LIMA, March 3 (Agency) —").
 */
function countryAround(article: ArticleAnalysis, mention: EntityMention): string | undefined {
  const text = article.text;
  const { from } = sentenceBounds(text, mention.span);
  // Only places written before the name: one after it is often where the holder goes or what the
  // sentence is about ("Foreign Minister Jane Roe, who flies to Riverton on Monday").
  const before = mention.span.start;
  // Not a place inside a quotation: "We go to Riverton calm," Foreign Minister Jane Roe said.
  const quoted = (at: number): boolean => (text.slice(from, at).match(/["“”]/gu)?.length ?? 0) % 2 === 1;
  const near = new Set(
    article.entities
      .filter(
        (e) =>
          e.type === 'place' &&
          e.country &&
          e.span.start >= from &&
          e.span.end <= before &&
          !quoted(e.span.start),
      )
      .map((e) => e.country!),
  );
  // "Utopia's", "Utopian": countries the sentence names without a place's name.
  for (const word of text.slice(from, before).matchAll(/\p{Lu}\p{L}+/gu)) {
    const country = countryOfDemonym(word[0]);
    if (country && !quoted(from + word.index!)) near.add(country);
  }
  if (near.size > 0) return near.size === 1 ? [...near][0] : undefined;
  return openerCountry(article);
}

/** The country an article is filed from: its opening city's, else the one its places name most. */
function homeCountry(article: ArticleAnalysis): string | undefined {
  const opener = openerCountry(article);
  if (opener) return opener;
  const counts = new Map<string, number>();
  for (const e of article.entities) if (e.type === 'place' && e.country) counts.set(e.country, (counts.get(e.country) ?? 0) + 1);
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return first && (!second || first[1] > second[1]) ? first[0] : undefined;
}

/** The country of the place that opens a paragraph, a wire dateline's city ("LIMA, March 3 (Agency) —"). */
function openerCountry(article: ArticleAnalysis): string | undefined {
  const text = article.text;
  const opener = article.entities.find(
    (e) =>
      e.type === 'place' &&
      text[e.span.end] === ',' &&
      /^[^\p{L}]*$/u.test(text.slice(text.lastIndexOf('\n', e.span.start) + 1, e.span.start)),
  );
  return opener?.country;
}

/**
 * The organisation "its president", "whose chairman" or "the bank's president" refers to: the
 * nearest organisation named before it in the article (one whose name ends in that noun, for "the
 * bank's"), within a few sentences.
 */
function ownerBefore(article: ArticleAnalysis, role: RoleMention): string | undefined {
  const before = article.text.slice(Math.max(0, role.span.start - 40), role.span.start);
  const match = /\b(?:its|whose|the (\p{Ll}+)['’]s)\s+$/iu.exec(before);
  if (!match) return undefined;
  const noun = match[1]?.toLowerCase();
  let owner: EntityMention | undefined;
  for (const e of article.entities) {
    if (e.span.start >= role.span.start) break;
    if (e.type !== 'organization' || role.span.start - e.span.end > 600) continue;
    if (noun && e.text.split(/\s+/).pop()!.toLowerCase() !== noun) continue;
    owner = e;
  }
  return owner?.text;
}

/** "Chairwoman", "Chairperson", "Chair": one office. */
const chairOf = (title: string): string => (/^chair(?:man|woman|person)?$/iu.test(title) ? 'Chair' : title);

/**
 * "Jane Roe, who heads the Harbour Workers' Union" and "the union's president, John Doe": one office,
 * where the corpus gives the body's head one title only.
 */
function headsAsNamed(holdings: Holding[]): void {
  const titles = new Map<string, Set<string>>();
  const qualifier = (h: Holding): string => h.office.slice(h.title.length + 4);
  for (const h of holdings)
    if (!h.role.country && h.title !== 'Head') titles.set(qualifier(h), (titles.get(qualifier(h)) ?? new Set<string>()).add(h.title));
  for (const h of holdings) {
    if (h.title !== 'Head' || h.role.country) continue;
    const named = titles.get(qualifier(h));
    if (named?.size !== 1) continue;
    h.title = [...named][0]!;
    h.office = `${h.title} of ${qualifier(h)}`;
  }
}

/**
 * The organisation a role names. One written in lower case ("president of the dock workers' union",
 * "the authority, chaired by") is the nearest organisation named before it whose name ends in that
 * noun; none if the article names none, since "the union" alone may be any union.
 */
function bodyNamed(article: ArticleAnalysis, role: RoleMention): string | undefined {
  const written = role.organization;
  if (!written || !/^\p{Ll}/u.test(written)) return written;
  const stem = (word: string): string => word.toLowerCase().replace(/['’]s?$/u, '').slice(0, 5);
  const words = written.split(/\s+of\s+/u)[0]!.split(/\s+/u).map(stem);
  const noun = words.pop()!;
  let owner: EntityMention | undefined;
  for (const e of article.entities) {
    if (e.span.start >= role.span.start) break;
    if (e.type !== 'organization') continue;
    const name = e.text.split(/\s+/u).map(stem);
    // "the farmers' association" is not "the Traders' Association": its words must be the name's.
    if (name[name.length - 1] === noun && words.every((w) => name.includes(w))) owner = e;
  }
  return owner?.text;
}

const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * "Prime Minister Aiko Tanaka" names no country; "Japanese Prime Minister Aiko Tanaka" elsewhere does.
 * The office however it is written: "Energy Minister" here, "Utopia's Minister of Energy" there.
 */
function qualifierFromCluster(cluster: IndexedCluster, key: string): string | undefined {
  const qualifiers = new Set(
    cluster.roles
      .filter((r) => officeKey(r) === key)
      .map((r) => r.country ?? r.organization)
      // "the dock workers' union", in lower case, may be any union.
      .filter((owner): owner is string => owner !== undefined && !/^\p{Ll}/u.test(owner))
      .map(withoutKindOfPlace),
  );
  return qualifiers.size === 1 ? [...qualifiers][0] : undefined;
}

/** "Riverton County", "Riverton State": Riverton, whose governor or mayor is one office however written. */
const withoutKindOfPlace = (owner: string): string =>
  owner.replace(/^(\p{Lu}.*?)\s+(?:County|State|Province|Prefecture|Region|District|Municipality|City)$/u, '$1');

/**
 * Each holder's dates in an office span a tenure the corpus attests ("UN Secretary-General" on
 * 2021-11-01 and 2021-11-13); another person named to that office inside it, or on the same date,
 * conflicts. Successive holders whose attested dates do not interleave are a change of office.
 */
/**
 * The offices each person is named to, with their country or body written, in two or more articles:
 * who the corpus knows them as.
 */
function knownAs(holdings: Holding[]): Map<IndexedCluster, Set<string>> {
  const articles = new Map<IndexedCluster, Map<string, Set<string>>>();
  for (const h of holdings) {
    if (h.guessed || h.inferred) continue;
    const offices = articles.get(h.cluster) ?? new Map<string, Set<string>>();
    offices.set(h.office, (offices.get(h.office) ?? new Set<string>()).add(h.mention.articleId));
    articles.set(h.cluster, offices);
  }
  const known = new Map<IndexedCluster, Set<string>>();
  for (const [cluster, offices] of articles)
    for (const [office, ids] of offices) if (ids.size >= 2) known.set(cluster, (known.get(cluster) ?? new Set<string>()).add(office));
  return known;
}

function conflictsBetweenHolders(index: CorpusIndex, holdings: Holding[], known: Map<IndexedCluster, Set<string>>): Finding[] {
  const byOffice = new Map<string, Holding[]>();
  for (const h of holdings) if (!h.inferred) addTo(byOffice, h.office.toLowerCase(), h);
  const findings: Finding[] = [];
  for (const all of byOffice.values()) {
    const group = all.filter((h) => !h.guessed);
    const tenure = new Map<IndexedCluster, Tenure>();
    for (const h of group) {
      const t = tenure.get(h.cluster);
      if (!t) tenure.set(h.cluster, { from: h.date, to: h.date });
      else {
        if (h.date < t.from) t.from = h.date;
        if (h.date > t.to) t.to = h.date;
      }
    }
    if (tenure.size === 0) continue;
    const byHolder = new Map<IndexedCluster, Holding[]>();
    for (const h of group) addTo(byHolder, h.cluster, h);
    if (tenure.size > 1) {
      for (const { holding: h, current } of staleHoldings(group, tenure)) {
        // The holder named later is the current one; the other is stale. Named as late: a tie.
        const span = tenure.get(current)!;
        const mine = tenure.get(h.cluster)!;
        const other = nearest(byHolder.get(current)!, h.date);
        // Named as late, but in one article against several: not a tie.
        const outnumbered =
          articlesOf(byHolder.get(h.cluster)!) === 1 && articlesOf(byHolder.get(current)!) >= 2;
        if (onePerson(h.cluster, current)) continue;
        findings.push(
          conflictFinding(index, h, other, current, mine.to === span.to && !outnumbered, span.to, mine.to),
        );
      }
    }
    const flagged = new Set(findings.map((f) => `${f.articleId}:${f.span.start}`));
    findings.push(...loneHoldings(index, all, byHolder, tenure, flagged, known));
    for (const f of findings) flagged.add(`${f.articleId}:${f.span.start}`);
    findings.push(...guessedInside(index, all, byHolder, tenure, flagged));
  }
  const flagged = new Set(findings.map((f) => `${f.articleId}:${f.span.start}`));
  findings.push(...titleGivenToSomeoneElse(index, flagged));
  return findings;
}

/** A person written with a title in a dated article: "Judge Jane Roe", "the union's president, John Doe". */
interface Titled {
  cluster: IndexedCluster;
  mention: ClusterMention;
  role: RoleMention;
  /** The title, normalised as offices are ("Energy Minister" and "Minister of Energy" are one). */
  key: string;
  /** Whose the office is, where written: a country or a body. */
  owner?: string;
  /** A body written in lower case before the title: "committee" in "committee chair Jane Roe". */
  body?: string;
  date: string;
}

/** "committee" in "committee chair Jane Roe", "union" in "union president John Doe". */
function bodyBefore(text: string, role: RoleMention): string | undefined {
  const body = /(\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, role.span.start - 30), role.span.start))?.[1];
  return body && (organizationHeads.has(body) || privateBodyNouns.has(body)) ? body : undefined;
}

/**
 * A title given to someone the corpus knows as someone else, while two or more other articles give
 * it to another person around that date ("Judge Jane Roe" here, where Roe is a mayor in three
 * articles and the judge is John Doe in two): a name put in the wrong place. It reads titles whether
 * or not one person holds them at a time, so only where the one named is written in other articles
 * with other titles and never this one, the other holder is the only one of that title around the
 * date (or the only one this article also names without it, or of the country it is filed from), a
 * body or country written on both sides agrees, and the corpus reports no change of holder.
 */
function titleGivenToSomeoneElse(index: CorpusIndex, flagged: Set<string>): Finding[] {
  const titled: Titled[] = [];
  for (const cluster of index.clusters) {
    if (cluster.type !== 'person') continue;
    for (const mention of cluster.mentions) {
      const role = mention.mention.role;
      if (!role) continue;
      const article = index.articles.get(mention.articleId)!;
      const date = article.structure.dateline?.date;
      if (!date || notCurrent.test(article.text.slice(Math.max(0, role.span.start - 60), role.span.start))) continue;
      const owner = role.country ?? (role.organization && /^\p{Lu}/u.test(role.organization) ? role.organization : undefined);
      const body = bodyBefore(article.text, role);
      titled.push({ cluster, mention, role, key: officeKey(role), owner: owner && withoutKindOfPlace(owner), body, date });
    }
  }
  const byKey = new Map<string, Titled[]>();
  const keysOf = new Map<IndexedCluster, Titled[]>();
  for (const t of titled) {
    addTo(byKey, t.key, t);
    addTo(keysOf, t.cluster, t);
  }
  const findings: Finding[] = [];
  for (const t of titled) {
    if (flagged.has(`${t.mention.articleId}:${heldSpan(t).start}`)) continue;
    const own = keysOf.get(t.cluster)!;
    const elsewhere = own.filter((o) => o.mention.articleId !== t.mention.articleId);
    // Known by other titles in other articles, never by this one.
    // "Minister Jane Roe" there may be the same office as "Foreign Minister Jane Roe" here.
    if (elsewhere.length === 0 || elsewhere.some((o) => o.key === t.key || isGeneralTitle(o.role) || sameOffice(o.role, t.role)))
      continue;
    const time = Date.parse(t.date.slice(0, 10));
    const oneHolder = portfolioOf(t.role) !== undefined || isSingleHolder(t.role.title);
    const candidates = new Map<IndexedCluster, Titled[]>();
    for (const other of byKey.get(t.key)!) {
      if (other.cluster === t.cluster || other.mention.articleId === t.mention.articleId) continue;
      if (t.owner && other.owner && t.owner !== other.owner) continue;
      // A title many hold at once ("Senator", "Judge") is one office only with its owner written on both sides.
      if (!oneHolder && (!t.owner || !other.owner)) continue;
      // "committee chair" here, the chair of a company there.
      const bodyOf = (n: Titled): string | undefined => n.body ?? n.owner?.split(/\s+/u).pop()?.toLowerCase();
      if ((t.body || other.body) && bodyOf(t) !== bodyOf(other)) continue;
      if (Math.abs(Date.parse(other.date.slice(0, 10)) - time) / 86_400_000 <= LONE_MARGIN_DAYS)
        addTo(candidates, other.cluster, other);
    }
    // The other holder named in two articles; or in one, for an office of one holder, with whose
    // office it is written on both sides ("Utopia's Secretary of Mining" is no holder of Riverland's
    // mining ministry), where two or more articles know the one named here by other titles.
    const once = oneHolder && articlesOf(elsewhere) >= 2 && t.owner !== undefined;
    let holders = [...candidates].filter(
      ([, named]) => articlesOf(named) >= 2 || (once && named.some((n) => n.owner === t.owner)),
    );
    if (holders.length > 1) {
      // Named in this article, but not with this title: whose title the name took.
      const here = holders.filter(
        ([cluster]) =>
          cluster.mentions.some((m) => m.articleId === t.mention.articleId) &&
          !keysOf.get(cluster)!.some((o) => o.key === t.key && o.mention.articleId === t.mention.articleId),
      );
      holders = here.length > 0 ? here : holders;
    }
    if (holders.length > 1) {
      // As in "his two counterparts, Jane Roe and John Doe": the one of the country the article is filed from.
      const home = homeCountry(index.articles.get(t.mention.articleId)!);
      holders = holders.filter(([, named]) => named.some((n) => n.owner === home));
    }
    if (holders.length !== 1) continue;
    const [current, named] = holders[0]!;
    if (onePerson(t.cluster, current)) continue;
    const asHoldings = (list: Titled[]): Holding[] =>
      list.map((n) => ({ ...n, office: n.role.title, title: n.role.title, inferred: false, guessed: n.owner === undefined }));
    if (changeOfHolder(index, asHoldings(named), asHoldings([t]), t.cluster)) continue;
    findings.push(titleFinding(index, t, nearest(asHoldings(named), t.date), current, elsewhere));
  }
  return findings;
}

function titleFinding(index: CorpusIndex, t: Titled, other: Holding, current: IndexedCluster, elsewhere: Titled[]): Finding {
  const span = heldSpan(t);
  const title = t.role.title;
  const known = [...new Set(elsewhere.map((o) => o.role.title))].join(', ');
  const articles = new Set(elsewhere.map((o) => o.mention.articleId)).size;
  return {
    ruleId: 'role-conflict',
    severity: 'warning',
    articleId: t.mention.articleId,
    span,
    message: `${t.cluster.canonical} is called ${title} here, on ${readableDate(t.date)}, but ${baseName(other.mention.articleId)} names ${current.canonical} ${title} ${other.date === t.date ? 'on the same day' : `on ${readableDate(other.date)}`}`,
    actual: index.articles.get(t.mention.articleId)!.text.slice(span.start, span.end),
    expected: [],
    related: [
      {
        location: { articleId: other.mention.articleId, span: other.mention.span },
        message: `${current.canonical}, ${title}, ${other.date}`,
      },
    ],
    fixes: [],
    explain: () => [
      `Two or more other articles name ${current.canonical} ${title} around ${t.date}; ${where(index, other.mention)} is the nearest in date.`,
      `${t.cluster.canonical} is called ${known} in ${articles === 1 ? 'another article' : `${articles} other articles`}, and ${title} nowhere else: the title is likely given to the wrong name.`,
    ],
  };
}

/**
 * Two holders whose names differ by a slip or a romanisation ("Tarek Abdel-Ghaffar", "Tarig
 * Abdelghaffar"), kept apart by the linking: likely one person written two ways, which is the
 * name-variant rule's to say, not two holders of one office.
 */
const onePerson = (a: IndexedCluster, b: IndexedCluster): boolean =>
  compareNames(a.canonical, b.canonical).relation !== 'different' ||
  nested(a.canonical, b.canonical) ||
  fullNamesRomanisedAlike(a.canonical, b.canonical);

/** "Nabil bin Rawi" and "Nabeel Ben Rawi": two full names romanised apart. */
function fullNamesRomanisedAlike(a: string, b: string): boolean {
  const [x, y] = [nameTokens(a), nameTokens(b)];
  return x.length >= 2 && y.length >= 2 && romanisedAlike(x, y);
}

/**
 * "Jane Roe" and "Jane Mary Roe", "Omar Kelbani" and "Omar Sami al-Kelbani": one name written with and
 * without a middle name or an Arabic article, the same first and last words.
 */
export function nested(a: string, b: string): boolean {
  const words = (name: string): string[] =>
    name
      .toLowerCase()
      .split(/\s+/u)
      .map((w) => w.replace(/^(?:al|el|ad|ar|as|at|az|an)-/u, ''));
  const [x, y] = [words(a), words(b)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return (
    short.length >= 2 &&
    short[0] === long[0] &&
    short[short.length - 1] === long[long.length - 1] &&
    short.every((w) => long.includes(w))
  );
}

/** In how many articles holdings are written. */
const articlesOf = (holdings: { mention: ClusterMention }[]): number => new Set(holdings.map((h) => h.mention.articleId)).size;

/** Days either side of a holder's attested tenure in which another holder named once is not a successor. */
const LONE_MARGIN_DAYS = 14;

/**
 * A holder named to an office in one article only, just outside the tenure of a holder the corpus
 * names to it in several ("Foreign Minister Jane Roe" once, three days before four articles name
 * John Doe): a name given to the wrong office, unless the corpus reports a change of holder near
 * either of them.
 */
function loneHoldings(
  index: CorpusIndex,
  all: Holding[],
  byHolder: Map<IndexedCluster, Holding[]>,
  tenure: Map<IndexedCluster, Tenure>,
  flagged: Set<string>,
  known: Map<IndexedCluster, Set<string>>,
): Finding[] {
  const findings: Finding[] = [];
  const named = new Map<IndexedCluster, Holding[]>();
  for (const h of all) addTo(named, h.cluster, h);
  // The holders named to the office in several articles, counted once, not once per lone holder.
  const attested = [...tenure].filter(([holder]) => articlesOf(byHolder.get(holder)!) >= 2);
  // Named to it in one article, and known as nobody else: the holder, against someone the corpus
  // knows in two or more articles as the holder of another office.
  const once = [...tenure].filter(([holder]) => articlesOf(byHolder.get(holder)!) === 1 && !known.has(holder));
  for (const [lone, holdings] of named) {
    if (articlesOf(holdings) !== 1) continue;
    // Named in other articles, never to this office: someone the corpus knows as someone else.
    if (new Set(lone.mentions.map((m) => m.articleId)).size < 2) continue;
    const h = holdings[0]!;
    if (flagged.has(`${h.mention.articleId}:${heldSpan(h).start}`)) continue;
    const time = Date.parse(h.date.slice(0, 10));
    let best: { cluster: IndexedCluster; distance: number } | undefined;
    const someoneElse = [...(known.get(lone) ?? [])].some((office) => office !== h.office);
    for (const [other, span] of someoneElse ? [...attested, ...once] : attested) {
      if (other === lone) continue;
      const from = Date.parse(span.from.slice(0, 10));
      const to = Date.parse(span.to.slice(0, 10));
      const distance = Math.max(0, from - time, time - to) / 86_400_000;
      if (distance <= LONE_MARGIN_DAYS && (!best || distance < best.distance))
        best = { cluster: other, distance };
    }
    if (!best || onePerson(lone, best.cluster)) continue;
    if (changeOfHolder(index, byHolder.get(best.cluster)!, holdings, lone)) continue;
    const current = best.cluster;
    const span = tenure.get(current)!;
    findings.push(
      conflictFinding(index, h, nearest(byHolder.get(current)!, h.date), current, false, span.to, h.date),
    );
  }
  return findings;
}

/**
 * Someone named to an office written without whose it is ("Infrastructure Minister Jane Roe"), on a
 * date inside the tenure of the one holder the corpus names to it, with its country, in several
 * articles: another person's name given to the office. A guessed holding is never evidence against
 * anyone, but it can be the slip; not where the corpus reports a change of holder near either.
 */
function guessedInside(
  index: CorpusIndex,
  all: Holding[],
  byHolder: Map<IndexedCluster, Holding[]>,
  tenure: Map<IndexedCluster, Tenure>,
  flagged: Set<string>,
): Finding[] {
  const attested = [...tenure].filter(([holder]) => articlesOf(byHolder.get(holder)!) >= 2);
  if (attested.length !== 1) return [];
  const [holder, span] = attested[0]!;
  const findings: Finding[] = [];
  for (const h of all) {
    if (!h.guessed || h.inferred || tenure.has(h.cluster) || h.date < span.from || h.date > span.to) continue;
    if (flagged.has(`${h.mention.articleId}:${heldSpan(h).start}`)) continue;
    if (onePerson(h.cluster, holder) || changeOfHolder(index, byHolder.get(holder)!, [h], h.cluster)) continue;
    findings.push(conflictFinding(index, h, nearest(byHolder.get(holder)!, h.date), holder, false, span.to, h.date));
  }
  return findings;
}

/**
 * Whether the corpus reports a change of holder between someone named to an office once and the
 * holder it names in several articles. The direction matters: named before the holder's tenure, the
 * one-off holder must have left ("resigned", "former") or the holder come in ("new", "appointed");
 * named after it, the other way round. "Jane Roe resigned" says nothing of a minister named before
 * her. Named inside the tenure, any cue will do.
 */
function changeOfHolder(index: CorpusIndex, holder: Holding[], once: Holding[], onceCluster: IndexedCluster): boolean {
  // Before the name and its office, or after it about that office: "Jane Roe, a former banker" is no
  // former holder.
  const near = (held: Holding): string => {
    const text = index.articles.get(held.mention.articleId)!.text;
    const start = Math.min(held.role.span.start, held.mention.span.start);
    const before = text.slice(Math.max(0, start - 24), Math.max(held.role.span.end, held.mention.span.end));
    const after = text.slice(held.mention.span.end, held.mention.span.end + 40);
    const office = held.title.split(/\s+/u).pop()!;
    const about = new RegExp(`^[^.]*?\\b((?:former|new|newly)\\s+(?:\\S+\\s+){0,2}${office}|until\\b.*)`, 'iu').exec(after);
    return `${before} ${about?.[1] ?? ''}`;
  };
  const dates = holder.map((h) => h.date).sort();
  const date = once[0]!.date;
  // Next to the office: "the new minister", "the former minister", "minister until March".
  const arrived = (words: string): boolean => reportsChange(arrivalCues, words) || /\b(?:new|newly)\b/iu.test(words);
  const left = (words: string): boolean => reportsChange(departureCues, words) || /\b(?:former|until)\b/iu.test(words);
  const either = (words: string): boolean => arrived(words) || left(words);
  const [holderCue, onceCue] =
    date < dates[0]! ? [arrived, left] : date > dates[dates.length - 1]! ? [left, arrived] : [either, either];
  const sentenceCue =
    date < dates[0]! ? departureCues : date > dates[dates.length - 1]! ? arrivalCues : successionCues;
  return (
    holder.some((h) => holderCue(near(h))) ||
    once.some((h) => onceCue(near(h))) ||
    onceCluster.mentions.some((m) => reportsChange(sentenceCue, sentenceAt(index, m)))
  );
}

/** The sentence around a mention, or the 160 characters either side of it in a long one. */
function sentenceAt(index: CorpusIndex, m: ClusterMention): string {
  const text = index.articles.get(m.articleId)!.text;
  const { from, to } = sentenceBounds(text, m.span, 160);
  return text.slice(from, to);
}

/** The sentence around a span: from the last full stop or line break before it to the next, at most `reach` either side. */
function sentenceBounds(
  text: string,
  span: { start: number; end: number },
  reach = Infinity,
): { from: number; to: number } {
  const from = Math.max(
    text.lastIndexOf('. ', span.start) + 1,
    text.lastIndexOf('\n', span.start) + 1,
    span.start - reach,
  );
  const stops = [text.indexOf('. ', span.end), text.indexOf('\n', span.end)].filter((i) => i >= 0);
  return { from, to: Math.min(...stops, span.end + reach, text.length) };
}

/** The first and last date a holder is named to one office. */
interface Tenure {
  from: string;
  to: string;
}

/**
 * Each holding that another holder's tenure covers, with that holder: the first, in tenure order,
 * whose tenure starts on or before the holding's date and lasts at least as late as the holding's own
 * holder is named. Listed by that holder, then in group order. Swept by date over a min-tree of
 * holders by the end of their tenure, so an office with thousands of holders is not held against
 * every one of its holdings (quadratic on a large corpus).
 */
function staleHoldings(
  group: Holding[],
  tenure: Map<IndexedCluster, Tenure>,
): { holding: Holding; current: IndexedCluster }[] {
  const holders = [...tenure.keys()];
  const spans = [...tenure.values()];
  const orderOf = new Map(holders.map((cluster, i) => [cluster, i]));
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const byEnd = holders.map((_, i) => i).sort((a, b) => compare(spans[a]!.to, spans[b]!.to));
  const slotOf = new Int32Array(holders.length);
  byEnd.forEach((holder, slot) => (slotOf[holder] = slot));
  const byStart = holders.map((_, i) => i).sort((a, b) => compare(spans[a]!.from, spans[b]!.from));
  const byDate = group.map((_, i) => i).sort((a, b) => compare(group[a]!.date, group[b]!.date));
  const started = new MinTree(holders.length);
  const hits: { holding: number; current: number }[] = [];
  let next = 0;
  for (const g of byDate) {
    const h = group[g]!;
    while (next < byStart.length && spans[byStart[next]!]!.from <= h.date) {
      started.set(slotOf[byStart[next]!]!, byStart[next]!);
      next++;
    }
    const own = orderOf.get(h.cluster)!;
    const ownEnd = spans[own]!.to;
    // The first slot whose tenure ends on or after this holder's own last date.
    let low = 0;
    let high = byEnd.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (spans[byEnd[mid]!]!.to < ownEnd) low = mid + 1;
      else high = mid;
    }
    const current = Math.min(started.min(low, slotOf[own]!), started.min(slotOf[own]! + 1, byEnd.length));
    if (current < holders.length) hits.push({ holding: g, current });
  }
  hits.sort((a, b) => a.current - b.current || a.holding - b.holding);
  return hits.map((hit) => ({ holding: group[hit.holding]!, current: holders[hit.current]! }));
}

/** Minimum over a range of slots; an empty slot holds `size`, more than any value set. */
class MinTree {
  private readonly values: Int32Array;
  constructor(private readonly size: number) {
    this.values = new Int32Array(2 * size).fill(size);
  }
  set(slot: number, value: number): void {
    let i = slot + this.size;
    this.values[i] = value;
    for (i >>= 1; i >= 1; i >>= 1) this.values[i] = Math.min(this.values[2 * i]!, this.values[2 * i + 1]!);
  }
  /** The minimum over slots [from, to). */
  min(from: number, to: number): number {
    let result = this.size;
    for (let l = from + this.size, r = to + this.size; l < r; l >>= 1, r >>= 1) {
      if (l & 1) result = Math.min(result, this.values[l++]!);
      if (r & 1) result = Math.min(result, this.values[--r]!);
    }
    return result;
  }
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
  const cited = where(index, other.mention);
  return {
    ruleId: 'role-conflict',
    severity: tie ? 'information' : 'warning',
    articleId: h.mention.articleId,
    span: heldSpan(h),
    message: `${h.cluster.canonical} is called ${h.office} here, on ${readableDate(h.date)}, but ${baseName(other.mention.articleId)} names ${current.canonical} ${sameDate ? 'on the same day' : `on ${readableDate(other.date)}`}`,
    actual: index.articles.get(h.mention.articleId)!.text.slice(heldSpan(h).start, heldSpan(h).end),
    expected: [],
    related: [
      {
        location: { articleId: other.mention.articleId, span: other.mention.span },
        message: `${current.canonical}, ${other.office}, ${other.date}`,
      },
    ],
    fixes: [],
    explain: () => [
      `${h.office} has one holder at a time.`,
      `On ${h.date} this article names ${h.cluster.canonical}; ${cited} names ${current.canonical} ${when}.`,
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
      explain: () => [
        `The article is dated ${h.date}${h.inferred ? ' (inferred)' : ''}.`,
        `The knowledge file gives ${h.cluster.canonical}'s tenure as ${h.role.title} from ${span}.`,
      ],
    });
  }
  return findings;
}
