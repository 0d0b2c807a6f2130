/** Warn when an acronym's long form differs from the one the rest of the corpus (or the knowledge file) gives it. */
import { initialsMatch } from '../annotators/acronyms.js';
import { foreignWords } from '../annotators/lexicon.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { ExpansionGroup, IndexedAcronym } from '../corpus/acronym-index.js';
import { namesByKey } from '../corpus/acronym-index.js';
import { bareTokens } from '../names.js';
import type { CorpusLocation, Finding } from '../types.js';
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

function findingsFor(index: CorpusIndex, entry: IndexedAcronym): Finding[] {
  const canonical = entry.canonicalSpelling;
  if (!canonical || (entry.groups.length < 2 && !(entry.knowledge && !entry.canonicalGroup))) return [];
  const findings: Finding[] = [];
  for (const group of entry.groups) {
    if (group === entry.canonicalGroup) continue;
    const written = [...group.spellings.keys()][0] ?? group.key;
    const against = comparedWith(entry, group, written);
    const right = against.spelling;
    // Long forms in two languages that share under half their words are a translation or a gloss
    // ("Agência Nacional de Águas", "National Water Agency"), not a word slipped: information, no fix.
    const gloss = !entry.knowledge && sharedWords(written, right) < 0.5 && foreign(written) !== foreign(right);
    // Two long forms whose initials do not spell the acronym are translations of another language's
    // name, which outlets word their own way: a slip changes one word of one, the rest kept.
    const translated = !entry.knowledge && !spells(entry.acronym, written) && !spells(entry.acronym, right);
    const reworded = translated && wordsChanged(written, right) !== 1;
    const severity = gloss || reworded || against.tie ? 'information' : 'warning';
    const n = against.group?.articles.size ?? 0;
    const cited = against.group ? [...against.group.spellings.values()].flat() : [];
    const related = cited.slice(0, relatedLimit).map((location) => ({
      location: { articleId: location.articleId, span: location.span },
      message: `${entry.acronym} written out as “${right}” here`,
    }));
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
          (entry.knowledge && !against.group
            ? `the knowledge file gives “${right}”`
            : `${n === 1 ? 'another article writes' : `${n} articles write`} “${right}”`) +
          (against.tie ? '; too little evidence to call either right' : ''),
        actual,
        expected: [right],
        related,
        // A tie gives no fix: nothing says which long form is right (pinning one settles it).
        fixes: against.tie || gloss || reworded
          ? []
          : [
              {
                title: `Replace with “${right}”`,
                edits: [{ articleId: location.articleId, span: location.span, newText: right }],
              },
            ],
        explain: () => [
          `${entry.acronym} is written out ${entry.groups.length} ways in the corpus.`,
          against.group === entry.canonicalGroup
            ? `“${right}” is taken as right: ${entry.canonicalReason ?? ''}.`
            : `“${right}” is the long form nearest this one, in its language, and is written in more articles.`,
          `“${actual}” is written in ${group.articles.size} article${group.articles.size === 1 ? '' : 's'}.`,
        ],
      });
    }
  }
  return findings;
}

/**
 * The long form a group is wrong against: the canonical one, unless that is another language's and
 * another long form, in the group's own language and written in more articles, shares most of its
 * words ("Riverton Capital City Authority" against "Otorita Ibu Kota Riverton": the slip "Otorita Ibu
 * Kota Utopia" is one word off the second).
 */
function comparedWith(
  entry: IndexedAcronym,
  group: ExpansionGroup,
  written: string,
): { spelling: string; group?: ExpansionGroup; tie: boolean } {
  const canonical = { spelling: entry.canonicalSpelling!, group: entry.canonicalGroup, tie: entry.tie };
  if (entry.knowledge || sharedWords(written, canonical.spelling) >= 0.5) return canonical;
  let best: { spelling: string; group: ExpansionGroup; shared: number } | undefined;
  for (const other of entry.groups) {
    if (other === group || other === entry.canonicalGroup || other.articles.size <= group.articles.size) continue;
    const spelling = [...other.spellings.keys()][0] ?? other.key;
    const shared = sharedWords(written, spelling);
    if (shared >= 0.5 && foreign(spelling) === foreign(written) && (!best || shared > best.shared)) best = { spelling, group: other, shared };
  }
  if (!best) return canonical;
  // Twice the articles, or two against one, make the nearer long form right; fewer, a tie.
  return { spelling: best.spelling, group: best.group, tie: best.group.articles.size < 2 * group.articles.size };
}

/** Whether a long form's initials spell the acronym. */
const spells = (acronym: string, longForm: string): boolean => initialsMatch(acronym.replace(/[^\p{L}\d]/gu, ''), longForm);

/** How many words two long forms of as many words differ in; Infinity when their lengths differ. */
function wordsChanged(a: string, b: string): number {
  const [x, y] = [bareTokens(a), bareTokens(b)];
  return x.length === y.length ? x.filter((w, i) => w !== y[i]).length : Infinity;
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
  const words = longForm.toLowerCase().split(/\s+/);
  if (words.some((w) => foreignWords.has(w))) return true;
  // English linking words say English, though a name in it keeps its accents ("Council of Atacameño Peoples").
  if (words.some((w) => englishLinks.has(w))) return false;
  return /[^\p{ASCII}]/u.test(longForm);
}

const englishLinks = new Set(['of', 'the', 'and', 'for', 'on']);
