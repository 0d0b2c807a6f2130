/**
 * Acronyms across the corpus: every long form written for each, defined in parentheses
 * ("Long Form (LF)") or written out alone where its initials spell a defined acronym.
 */
import { addTo } from '../collections.js';
import { initialsMatch } from '../annotators/acronyms.js';
import type { AcronymEntry } from '../corpus-model.js';
import type { Knowledge, KnowledgeAcronym } from '../knowledge-model.js';
import { conventionKey } from '../names.js';
import { memoize2 } from '../memo.js';
import type { ArticleAnalysis, CorpusLocation, EntityMention, Span } from '../types.js';
import type { Claim, Reliability } from './reliability.js';
import { support, tieMargin } from './reliability.js';

/** Long forms of one acronym that are the same but for spelling conventions ("Programme"/"Program"). */
export interface ExpansionGroup {
  key: string;
  /** Each exact spelling, where it is written, and whether there as a definition. */
  spellings: Map<string, (CorpusLocation & { definition: boolean })[]>;
  articles: Set<string>;
  support: number;
}

/** An acronym as the rules see it. */
export interface IndexedAcronym extends AcronymEntry {
  groups: ExpansionGroup[];
  canonicalGroup?: ExpansionGroup;
  /** The exact spelling a fix writes: the most common one of the canonical long form. */
  canonicalSpelling?: string;
  knowledge?: KnowledgeAcronym;
  tie: boolean;
}

/** Collects every acronym, its uses, and the long forms written for it. */
export function collectAcronyms(articles: Iterable<ArticleAnalysis>, knowledge: Knowledge): IndexedAcronym[] {
  const entries = new Map<string, IndexedAcronym>();
  const entryOf = (acronym: string): IndexedAcronym => {
    let entry = entries.get(acronym);
    if (!entry) entries.set(acronym, (entry = { acronym, expansions: [], uses: [], groups: [], tie: false }));
    return entry;
  };
  // Where each spelling of each acronym is already recorded: a set, not a scan of the locations, so
  // a long form written in every article of a large corpus stays linear.
  const recorded = new Set<string>();
  const add = (entry: IndexedAcronym, text: string, location: CorpusLocation, definition: boolean): void => {
    const key = conventionKey(text);
    let group = entry.groups.find((g) => g.key === key);
    if (!group) entry.groups.push((group = { key, spellings: new Map(), articles: new Set(), support: 0 }));
    const locations = group.spellings.get(text) ?? [];
    const at = `${entry.acronym}\u0000${text}\u0000${location.articleId}\u0000${location.span.start}`;
    if (recorded.has(at)) return;
    recorded.add(at);
    locations.push({ articleId: location.articleId, span: location.span, definition });
    group.spellings.set(text, locations);
    group.articles.add(location.articleId);
  };

  const list = [...articles];
  for (const article of list) {
    for (const mention of article.acronyms) {
      const entry = entryOf(mention.acronym);
      if (mention.expansion) {
        add(entry, mention.expansion.text, { articleId: article.id, span: mention.expansion.span }, true);
      } else entry.uses.push({ articleId: article.id, span: mention.span });
    }
  }
  for (const pinned of knowledge.acronyms) entryOf(pinned.acronym).knowledge = pinned;

  // A long form written without its acronym still counts: "funded the Regional Water Board" is a
  // long form of the acronym another article defines.
  const defined = [...entries.values()].filter((e) => e.groups.length > 0 || e.knowledge);
  const byInitial = new Map<string, IndexedAcronym[]>();
  for (const entry of defined) {
    const initial = entry.acronym[0]!.toLowerCase();
    addTo(byInitial, initial, entry);
  }
  for (const article of list) {
    for (const { text, span } of longFormCandidates(article)) {
      for (const entry of byInitial.get(text[0]!.toLowerCase()) ?? []) {
        if (matchesInitials(entry.acronym, text)) add(entry, text, { articleId: article.id, span }, false);
      }
    }
  }
  return [...entries.values()];
}

const matchesInitials = memoize2(initialsMatch);
const candidatesOf = new WeakMap<ArticleAnalysis, { text: string; span: Span }[]>();

// Names of several words that could be an acronym's long form, computed once per analysis.
function longFormCandidates(article: ArticleAnalysis): { text: string; span: Span }[] {
  let candidates = candidatesOf.get(article);
  if (!candidates) {
    candidates = article.entities
      .filter((m) => !m.generic && m.type !== 'person' && m.type !== 'place')
      .map((m) => ({ text: m.text.replace(/^the\s+/i, ''), span: m.span }))
      .filter((c) => /\s/.test(c.text));
    candidatesOf.set(article, candidates);
  }
  return candidates;
}

/** The claims the acronyms make for truth discovery: which article writes which long form. */
export function claimsOfAcronyms(acronyms: IndexedAcronym[]): Claim[] {
  const claims: Claim[] = [];
  for (const entry of acronyms) {
    for (const group of entry.groups) {
      for (const articleId of group.articles)
        claims.push({ item: `acronym:${entry.acronym}`, value: group.key, articleId });
    }
  }
  return claims;
}

/** Chooses each acronym's canonical long form: pinned, else the best-supported one. */
export function nameAcronyms(acronyms: IndexedAcronym[], reliability: Reliability, articles: ArticleAnalysis[] = []): void {
  for (const entry of acronyms) {
    for (const group of entry.groups) group.support = support(reliability, group.articles);
    entry.groups.sort((a, b) => b.support - a.support || b.articles.size - a.articles.size);
    entry.expansions = entry.groups.flatMap((group) =>
      [...group.spellings].map(([text, locations]) => ({
        text,
        locations: locations.map(({ articleId, span }) => ({ articleId, span })),
      })),
    );
    if (entry.knowledge) {
      const key = conventionKey(entry.knowledge.expansion);
      const group = entry.groups.find((g) => g.key === key);
      if (group) entry.canonicalGroup = group;
      entry.canonical = entry.knowledge.expansion;
      entry.canonicalSpelling = entry.knowledge.expansion;
      entry.canonicalReason = 'pinned in the knowledge file';
      continue;
    }
    let [best, runnerUp] = entry.groups;
    if (!best) continue;
    entry.tie = runnerUp !== undefined && best.support - runnerUp.support < tieMargin;
    const n = (group: ExpansionGroup): string =>
      `${group.articles.size} article${group.articles.size === 1 ? '' : 's'}`;
    // One definition against one: the long form more articles write as a name, with or without the
    // acronym, is the likelier (a slip is written once; the body's name is written again).
    const named = entry.tie && runnerUp ? [writtenAsName(best, articles), writtenAsName(runnerUp, articles)] : undefined;
    if (named && named[0] !== named[1]) {
      if (named[1]! > named[0]!) {
        [best, runnerUp] = [runnerUp!, best];
        named.reverse();
        entry.groups.splice(entry.groups.indexOf(best), 1);
        entry.groups.unshift(best);
      }
      entry.tie = false;
    }
    entry.canonicalGroup = best;
    entry.canonicalSpelling = mostWritten(best);
    entry.canonical = entry.canonicalSpelling;
    entry.canonicalReason = !runnerUp
      ? `the only long form, in ${n(best)}`
      : entry.tie
        ? `a tie between ${n(best)} and ${n(runnerUp)}, neither more reliable`
        : named && named[0] !== named[1]
          ? `written as a name in ${named[0]} articles against ${named[1]}`
          : best.articles.size > runnerUp.articles.size
            ? `${n(best)} against ${n(runnerUp)}`
            : `${n(best)} against ${n(runnerUp)}, broken by reliability: the other article disagrees with the corpus on other facts`;
  }
}

// An analysis never changes its names once made, so its names by long-form key are computed once,
// not rescanned for every long form of every acronym.
const namesOf = new WeakMap<ArticleAnalysis, Map<string, EntityMention[]>>();

/** An article's names (not generic plurals) by the key a long form is compared by. */
export function namesByKey(article: ArticleAnalysis): Map<string, EntityMention[]> {
  let names = namesOf.get(article);
  if (!names) {
    names = new Map();
    for (const mention of article.entities) {
      if (!mention.generic) addTo(names, conventionKey(mention.text.replace(/^the\s+/i, '')), mention);
    }
    namesOf.set(article, names);
  }
  return names;
}

/** In how many articles a long form is written, as a definition or as a name. */
function writtenAsName(group: ExpansionGroup, articles: ArticleAnalysis[]): number {
  let count = 0;
  for (const article of articles) if (group.articles.has(article.id) || namesByKey(article).has(group.key)) count++;
  return count;
}

function mostWritten(group: ExpansionGroup): string {
  return [...group.spellings.entries()].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  )[0]![0];
}
