/** Warn when an acronym's long form differs from the one the rest of the corpus (or the knowledge file) gives it. */
import { foreignWords } from '../annotators/lexicon.js';
import { addTo } from '../collections.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { IndexedAcronym } from '../corpus/acronym-index.js';
import { bareTokens, conventionKey } from '../names.js';
import type { ArticleAnalysis, CorpusLocation, EntityMention, Finding } from '../types.js';
import type { CorpusRule } from './rule.js';
import { relatedLimit } from './rule.js';

/** Warn when an acronym is written out differently from the way the rest of the corpus (or the knowledge file) writes it. */
export const acronymExpansion: CorpusRule = {
  id: 'acronym-expansion',
  description: 'An acronym expanded differently from the way the rest of the corpus expands it.',
  severity: 'warning',
  reads: ['names'],
  check(index) {
    return index.acronyms.flatMap((entry) => findingsFor(index, entry));
  },
};

// An analysis never changes its names once made, so its names by long-form key are computed once,
// not rescanned for every long form of every acronym it writes.
const namesOf = new WeakMap<ArticleAnalysis, Map<string, EntityMention[]>>();

function namesByKey(article: ArticleAnalysis): Map<string, EntityMention[]> {
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

function findingsFor(index: CorpusIndex, entry: IndexedAcronym): Finding[] {
  const right = entry.canonicalSpelling;
  if (!right || (entry.groups.length < 2 && !(entry.knowledge && !entry.canonicalGroup))) return [];
  const canonicalLocations = entry.canonicalGroup ? [...entry.canonicalGroup.spellings.values()].flat() : [];
  const related = canonicalLocations.slice(0, relatedLimit).map((location) => ({
    location: { articleId: location.articleId, span: location.span },
    message: `${entry.acronym} written out as “${right}” here`,
  }));
  const n = entry.canonicalGroup?.articles.size ?? 0;
  const severityOf = entry.tie ? 'information' : 'warning';

  const findings: Finding[] = [];
  for (const group of entry.groups) {
    if (group === entry.canonicalGroup) continue;
    // Long forms in two languages that share under half their words are a translation or a gloss
    // ("Agência Nacional de Águas", "National Water Agency"), not a word slipped: information, no fix.
    const written = [...group.spellings.keys()][0] ?? group.key;
    const gloss = !entry.knowledge && sharedWords(written, right) < 0.5 && foreign(written) !== foreign(right);
    const severity = gloss ? 'information' : severityOf;
    const flagged = new Set<string>();
    const locations: CorpusLocation[] = [...group.spellings.values()].flat();
    // The same wrong long form written again in the same article without the acronym:
    // "The Joint Safety Program aims …" after "Joint Safety Program (JCSP)".
    for (const articleId of group.articles) {
      const article = index.articles.get(articleId);
      for (const mention of (article && namesByKey(article).get(group.key)) ?? []) {
        locations.push({ articleId, span: mention.span });
      }
    }
    for (const location of locations) {
      const key = `${location.articleId}#${location.span.start}`;
      if (flagged.has(key)) continue;
      flagged.add(key);
      const actual = index.articles
        .get(location.articleId)!
        .text.slice(location.span.start, location.span.end);
      findings.push({
        ruleId: 'acronym-expansion',
        severity,
        articleId: location.articleId,
        span: location.span,
        message:
          `“${actual}” is not what ${entry.acronym} stands for elsewhere: ` +
          (entry.knowledge
            ? `the knowledge file gives “${right}”`
            : `${n === 1 ? 'another article writes' : `${n} articles write`} “${right}”`) +
          (entry.tie ? '; too little evidence to call either right' : ''),
        actual,
        expected: [right],
        related,
        // A tie gives no fix: nothing says which long form is right (pinning one settles it).
        fixes: entry.tie || gloss
          ? []
          : [
              {
                title: `Replace with “${right}”`,
                edits: [{ articleId: location.articleId, span: location.span, newText: right }],
              },
            ],
        explain: () => [
          `${entry.acronym} is written out ${entry.groups.length} ways in the corpus.`,
          `“${right}” is taken as right: ${entry.canonicalReason ?? ''}.`,
          `“${actual}” is written in ${group.articles.size} article${group.articles.size === 1 ? '' : 's'}.`,
        ],
      });
    }
  }
  return findings;
}

/** The share of the shorter long form's words that the other also writes, ignoring case and accents. */
function sharedWords(a: string, b: string): number {
  const words = (s: string): Set<string> => new Set(bareTokens(s).filter((w) => w.length > 2));
  const [x, y] = [words(a), words(b)];
  const shorter = x.size <= y.size ? x : y;
  const longer = shorter === x ? y : x;
  if (shorter.size === 0) return 1;
  let shared = 0;
  for (const w of shorter) if (longer.has(w)) shared++;
  return shared / shorter.size;
}

/** Whether a long form reads as another language than English: accents, or another language's little words. */
function foreign(longForm: string): boolean {
  return /[^\p{ASCII}]/u.test(longForm) || longForm.toLowerCase().split(/\s+/).some((w) => foreignWords.has(w));
}
