/** Warn when a name is spelled differently from the way the rest of the corpus spells the same entity. */
import type { ClusterMention } from '../corpus-model.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { textAt } from '../corpus/corpus-index.js';
import type { Form, Link } from '../corpus/clusters.js';
import { slipEvidence } from '../corpus/clusters.js';
import type { IndexedCluster, NamedForm } from '../corpus/naming.js';
import { describeRole } from '../corpus/clusters.js';
import damerauLevenshtein from 'damerau-levenshtein';
import { bareTokens, compareNames, isSlip, nameTokens, romanisedAlike } from '../names.js';
import type { Finding, Severity, Span } from '../types.js';
import type { CorpusRule } from './rule.js';
import { relatedLimit } from './rule.js';

/** Warn when a name is spelled differently from the way the rest of the corpus spells the same entity. */
export const nameVariant: CorpusRule = {
  id: 'name-variant',
  description: 'A name spelled differently from the way the rest of the corpus spells the same entity.',
  severity: 'warning',
  reads: ['names'],
  check(index) {
    const findings: Finding[] = [];
    for (const cluster of index.clusters) {
      const canonical = cluster.canonicalForm;
      if (!canonical || cluster.forms.length < 2) continue;
      const shared: CanonicalEvidence = { canonical };
      for (const form of cluster.forms) {
        if (form === canonical || isAccepted(cluster, form)) continue;
        findings.push(...findingsFor(index, cluster, form, shared));
      }
    }
    for (const cluster of index.clusters) findings.push(...slipFindings(index, cluster));
    findings.push(...possibleVariants(index));
    return findings;
  },
};

/**
 * "Jair Bolsanaro" (Brazilian President) and "Jair Bolsonaro" (no office given): a likely typo that no
 * office confirms stays two entities, but is said at information level, on the less supported side.
 */
function possibleVariants(index: CorpusIndex): Finding[] {
  const owner = new Map<object, { cluster: IndexedCluster; form: NamedForm }>();
  for (const cluster of index.clusters)
    for (const form of cluster.forms) owner.set(form.form, { cluster, form });
  const findings: Finding[] = [];
  for (const link of index.possible) {
    if (link.relation !== 'typo') continue;
    const a = owner.get(link.a);
    const b = owner.get(link.b);
    if (!a || !b || a.cluster === b.cluster || a.cluster.knowledge || b.cluster.knowledge) continue;
    const weight = (x: typeof a): number =>
      x.form.support * 1000 + x.form.form.mentions.length + x.form.form.partial.length;
    if (weight(a) === weight(b)) continue;
    const [right, wrong] = weight(a) > weight(b) ? [a, b] : [b, a];
    const comparison = compareNames(wrong.form.spelling, right.form.spelling);
    const evidence = bestEvidence(right.cluster, right.form);
    const related = right.cluster.mentions.slice(0, relatedLimit).map((m) => ({
      location: { articleId: m.articleId, span: m.span },
      message: `spelled “${m.text}” here`,
    }));
    for (const ref of wrong.form.form.mentions) {
      const local = spellingsIn(right.cluster, ref.articleId);
      const edit = replacementFor(
        ref.mention.text,
        right.form.spelling,
        comparison.reversed,
        comparison.relation === 'typo',
        local,
      );
      if (!edit) continue;
      findings.push(
        variantFinding(index, ref, edit, 'information', evidence, related, (actual) => [
          `“${ref.mention.text}” and “${right.form.spelling}” differ in ${describeDifference(actual, edit.newText)}: a likely typo.`,
          `Nothing confirms they are one ${right.cluster.type}: ${link.reason}; they are kept apart.`,
          `“${right.form.spelling}” is written in more places.`,
        ]),
      );
    }
  }
  return findings;
}

function isAccepted(cluster: IndexedCluster, form: NamedForm): boolean {
  const entity = cluster.knowledge;
  if (!entity) return false;
  return entity.aliases.some((alias) => nameTokens(alias).join(' ') === nameTokens(form.spelling).join(' '));
}

/** What every variant finding of one cluster cites, worked out once per cluster and only if needed. */
interface CanonicalEvidence {
  canonical: NamedForm;
  evidence?: ClusterMention;
  /** The first canonical mentions, as many as a finding cites (`relatedLimit`). */
  cited?: ClusterMention[];
  /** Each form's first link: a map, not a scan of the links for every form of a large cluster. */
  linkOf?: Map<Form, Link>;
}

function findingsFor(
  index: CorpusIndex,
  cluster: IndexedCluster,
  form: NamedForm,
  shared: CanonicalEvidence,
): Finding[] {
  const comparison = compareNames(form.spelling, cluster.canonical);
  // "P.V. Jane Roe" and "Pavan Vijay Jane Roe": one name, its given names written out or not.
  if (comparison.relation === 'different' || comparison.relation === 'same' || comparison.initials) return [];
  if (!shared.linkOf) {
    shared.linkOf = new Map();
    for (const l of cluster.links) {
      if (!shared.linkOf.has(l.a)) shared.linkOf.set(l.a, l);
      if (!shared.linkOf.has(l.b)) shared.linkOf.set(l.b, l);
    }
  }
  const link = shared.linkOf.get(form.form);
  // A spelling that romanisation explains is still a slip when written once against a well-attested
  // name; one written the same way in two articles or more is a habit (an outlet's spelling), however
  // close to a typo it looks.
  const habit = articlesOf(form.form) >= 2;
  const slip =
    !habit &&
    !givenNameOfAnother(index, cluster, form.spelling) &&
    (comparison.relation === 'typo' || slipEvidence(form.form, shared.canonical.form) !== undefined);
  const severity: Severity = !slip
    ? 'hint'
    : link?.strength === 'strong' && !cluster.tie
      ? 'warning'
      : 'information';
  shared.evidence ??= bestEvidence(cluster, shared.canonical);
  shared.cited ??= firstCanonical(cluster.mentions, relatedLimit);
  const evidence = shared.evidence;
  const related = shared.cited.map((m) => ({
    location: { articleId: m.articleId, span: m.span },
    message: `spelled “${m.text}” here`,
  }));
  const kind = slip ? 'a likely typo' : 'a romanisation variant';

  const findings: Finding[] = [];
  const refs = [...form.form.mentions, ...form.form.partial];
  for (const ref of refs) {
    const local = spellingsIn(cluster, ref.articleId);
    const edit = replacementFor(ref.mention.text, cluster.canonical, comparison.reversed, slip, local, allSpellings(cluster));
    if (!edit) continue;
    const kept =
      slip &&
      keptThrough(local, mentionsIn(cluster, ref.articleId), cluster.canonical, form.spelling) &&
      [...(writtenOtherwise(index).get(ref.articleId) ?? [])].some((other) => other !== cluster);
    const own = kept ? 'hint' : severity;
    const finding = variantFinding(index, ref, edit, own, evidence, related, (actual) => [
      `“${ref.mention.text}” and “${cluster.canonical}” differ in ${describeDifference(actual, edit.newText)}: ${kept ? 'this article writes it so every time, likely its own romanisation' : kind}.`,
      link
        ? `They are taken for one ${cluster.type}: ${link.reason}.`
        : `They are taken for one ${cluster.type}.`,
      `“${cluster.canonical}” is taken as right: ${cluster.canonicalReason}.`,
    ]);
    findings.push(cluster.tie ? asTie(finding) : finding);
  }
  return findings;
}

/**
 * A spelling an article keeps every time it writes the name ("Housni" twice, "Husni" never): the
 * outlet's way of writing it, as a habit across articles is, where the article writes another
 * person's name its own way too. A slip is made once; the words the canonical spelling has and this
 * one lacks are written nowhere in the article.
 */
function keptThrough(local: readonly string[], mentions: readonly string[], canonical: string, spelling: string): boolean {
  const [mine, theirs] = [nameTokens(spelling), nameTokens(canonical)];
  const variant = mine.filter((t) => !theirs.includes(t));
  const missing = theirs.filter((t) => !mine.includes(t));
  // Vowels and doubled letters are what romanisations disagree on ("Housni", "Husni"); a
  // consonant changed or moved is a slip however often it is repeated.
  if (variant.length === 0 || missing.length === 0 || !romanisedAlike(variant, missing)) return false;
  const writes = (text: string, tokens: string[]): boolean => nameTokens(text).some((t) => tokens.includes(t));
  return mentions.filter((text) => writes(text, variant)).length >= 2 && !local.some((text) => writes(text, missing));
}

/**
 * "John Roe" beside "Jon Roe", where the corpus writes another person's given name "John": the
 * spelling is a way the name is written here (a romanisation, or another name altogether), not a
 * key slipped.
 */
function givenNameOfAnother(index: CorpusIndex, cluster: IndexedCluster, spelling: string): boolean {
  const [x, y] = [nameTokens(spelling), nameTokens(cluster.canonical)];
  if (x.length !== y.length || x.length < 2 || x[0] === y[0] || x.slice(1).join(' ') !== y.slice(1).join(' ')) return false;
  const owners = givenNames(index).get(x[0]!);
  return owners !== undefined && [...owners].some((owner) => owner !== cluster);
}

const givenNamesOf = new WeakMap<CorpusIndex, Map<string, Set<IndexedCluster>>>();

/** Each given name the corpus writes in a full name, with the people it names. */
function givenNames(index: CorpusIndex): Map<string, Set<IndexedCluster>> {
  let names = givenNamesOf.get(index);
  if (!names) {
    names = new Map();
    for (const cluster of index.clusters) {
      if (cluster.type !== 'person') continue;
      for (const m of cluster.mentions) {
        const tokens = nameTokens(m.text);
        if (tokens.length < 2) continue;
        const owners = names.get(tokens[0]!) ?? new Set<IndexedCluster>();
        owners.add(cluster);
        names.set(tokens[0]!, owners);
      }
    }
    givenNamesOf.set(index, names);
  }
  return names;
}

/**
 * A one-against-one tie: nothing says which spelling is right, so the finding only says that they
 * differ, with no fix to apply (accepting the spelling, or pinning the name, settles it).
 */
function asTie(finding: Finding): Finding {
  return {
    ...finding,
    message: finding.message.replace(
      tooLittle,
      '; as many articles write each, so neither is taken as right',
    ),
    fixes: [],
  };
}

/**
 * A surname alone that is a slip for a word of its cluster's name ("Smiht" where the article, or the
 * corpus, writes "Jane Smith"): a warning, since the name it is a slip for is written in full.
 */
function slipFindings(index: CorpusIndex, cluster: IndexedCluster): Finding[] {
  const findings: Finding[] = [];
  for (const form of cluster.forms) {
    if (form.form.slips.length === 0) continue;
    const evidence = bestEvidence(cluster, cluster.canonicalForm ?? form);
    const related = firstCanonical(cluster.mentions, relatedLimit).map((m) => ({
      location: { articleId: m.articleId, span: m.span },
      message: `spelled “${m.text}” here`,
    }));
    for (const ref of form.form.slips) {
      // The word of the mention that is the slip: the whole of a surname alone, else the one word near `intended`.
      const meant = nameTokens(ref.written)[0] ?? ref.intended;
      const word = tokenSpans(ref.mention.text).find((w) => {
        const token = nameTokens(w.text)[0];
        return token !== undefined && token !== meant && (isSlip(token, meant) || isSlip(meant, token));
      });
      if (!word) continue;
      const edit = { start: word.start, end: word.end, newText: ref.written };
      const full = tokenSpans(ref.mention.text).length > 1;
      findings.push(
        variantFinding(index, ref, edit, 'warning', evidence, related, (actual) => [
          `“${actual}” and “${ref.written}” differ in ${describeDifference(actual, ref.written)}: a likely typo.`,
          full
            ? `The corpus writes the surname “${ref.written}” more often than this full name spells it.`
            : `The same article, or the corpus, writes the full name with “${ref.written}”, and no other name is spelled like “${actual}”.`,
        ]),
      );
    }
  }
  return findings;
}

const tooLittle = '; too little evidence to call it a mistake';

/** One finding on one mention: the differing part, the spelling the evidence gives, and the fix. */
function variantFinding(
  index: CorpusIndex,
  ref: { articleId: string; mention: { text: string; span: Span } },
  edit: { start: number; end: number; newText: string },
  severity: Severity,
  evidence: ClusterMention,
  related: Finding['related'],
  explain: (actual: string) => string[],
): Finding {
  const span: Span = { start: ref.mention.span.start + edit.start, end: ref.mention.span.start + edit.end };
  const actual = ref.mention.text.slice(edit.start, edit.end);
  return {
    ruleId: 'name-variant',
    severity,
    articleId: ref.articleId,
    span,
    message:
      `“${actual}” is spelled “${edit.newText}” ${writtenWhere(ref.articleId, related)} (${evidenceText(index, evidence)})` +
      (severity === 'information' ? tooLittle : ''),
    actual,
    expected: [edit.newText],
    related,
    fixes: [
      {
        title: `Replace with “${edit.newText}”`,
        edits: [{ articleId: ref.articleId, span, newText: edit.newText }],
      },
    ],
    explain: () => explain(actual),
  };
}

/** "in 2 other articles", "in another article", "elsewhere in this article": where the evidence is, in words. */
function writtenWhere(articleId: string, related: Finding['related']): string {
  const others = new Set(related.map((r) => r.location.articleId).filter((id) => id !== articleId)).size;
  if (others === 0) return 'elsewhere in this article';
  return others === 1 ? 'in another article' : `in ${others} other articles`;
}

/** The part of a mention to replace so that it reads like the canonical name, token-aligned. */
/**
 * The edit that writes a mention as the canonical name writes it. For a slip (`minimal`), only the
 * slipped word changes, in the spelling the article itself uses for that word elsewhere (`local`,
 * the article's other mentions of the name): "Jose Maria Rou" becomes "Jose Maria Roe", not the
 * canonical "José …", and a name written family name first stays so.
 */
function replacementFor(
  mention: string,
  canonical: string,
  reversed: boolean,
  minimal = false,
  local: readonly string[] = [],
  anywhere: readonly string[] = [],
): { start: number; end: number; newText: string } | undefined {
  // "Al-Rahim" alone, of "Omar Al Rahim": written as the canonical name writes those words.
  const words = nameTokens(mention);
  const whole = nameTokens(canonical);
  if (whole.some((_, i) => words.every((w, j) => whole[i + j] === w))) return undefined;
  const mine = tokenSpans(mention);
  const theirs = tokenSpans(canonical);
  const sameWord = (a: string, b: string): boolean =>
    minimal ? bareTokens(a).join(' ') === bareTokens(b).join(' ') : a.toLowerCase() === b.toLowerCase();
  const spellingsOf = (texts: readonly string[], word: string): string[] =>
    texts
      .flatMap((text) => tokenSpans(text).map((t) => t.text))
      // Not a transcript's capitals ("ROE:") for a word written in running text.
      .filter((t) => t !== word && sameWord(t, word) && (t !== t.toUpperCase() || word === word.toUpperCase()));
  // The canonical word as this article spells it, if it writes it elsewhere; else as the corpus
  // spells it closest to the slip, the slip being one edit from what was meant: "Pwjović" is
  // "Pejović", not the canonical "Pejovic".
  const spelled = (word: string, written: string): string => {
    if (!minimal) return word;
    const here = spellingsOf(local, word)[0];
    if (here) return here;
    let best = word;
    let distance = damerauLevenshtein(written, word).steps;
    for (const t of spellingsOf(anywhere, word)) {
      const d = damerauLevenshtein(written, t).steps;
      if (d < distance) [best, distance] = [t, d];
    }
    return best;
  };
  if (mine.length === 1) {
    // A surname alone: compare it with the canonical name's first and last tokens.
    const target = [theirs[theirs.length - 1]!, theirs[0]!].find(
      (t) => compareNames(mine[0]!.text, t.text).relation !== 'different',
    );
    if (!target || target.text === mine[0]!.text) return undefined;
    return { start: mine[0]!.start, end: mine[0]!.end, newText: spelled(target.text, mine[0]!.text) };
  }
  if (mine.length !== theirs.length) return { start: 0, end: mention.length, newText: canonical };
  const counterpart = (i: number): { text: string; start: number; end: number } =>
    theirs[reversed ? theirs.length - 1 - i : i]!;
  const differing = mine
    .map((t, i) => (sameWord(t.text, counterpart(i).text) ? -1 : i))
    .filter((i) => i >= 0);
  if (differing.length === 0) return undefined;
  if (minimal && differing.length === 1) {
    const i = differing[0]!;
    return { start: mine[i]!.start, end: mine[i]!.end, newText: spelled(counterpart(i).text, mine[i]!.text) };
  }
  if (reversed) return { start: 0, end: mention.length, newText: canonical };
  const first = differing[0]!;
  const last = differing[differing.length - 1]!;
  return {
    start: mine[first]!.start,
    end: mine[last]!.end,
    newText: canonical.slice(theirs[first]!.start, theirs[last]!.end),
  };
}

const otherwiseOf = new WeakMap<CorpusIndex, Map<string, Set<IndexedCluster>>>();

/**
 * The people each article writes with a word their canonical name does not have ("Housni" for
 * "Husni", "Kozlowska" for "Kozłowska"): an outlet that spells names its own way does so for
 * more than one.
 */
function writtenOtherwise(index: CorpusIndex): Map<string, Set<IndexedCluster>> {
  let byArticle = otherwiseOf.get(index);
  if (!byArticle) {
    byArticle = new Map();
    for (const cluster of index.clusters) {
      if (cluster.type !== 'person') continue;
      const canonical = new Set(nameTokens(cluster.canonical));
      for (const m of cluster.mentions)
        if (nameTokens(m.text).some((t) => !canonical.has(t))) {
          const set = byArticle.get(m.articleId) ?? new Set<IndexedCluster>();
          byArticle.set(m.articleId, set.add(cluster));
        }
    }
    otherwiseOf.set(index, byArticle);
  }
  return byArticle;
}

/** How one article writes a cluster's name, every mention and each way once: grouped once per cluster, not per finding. */
const writtenByArticle = new WeakMap<IndexedCluster, Map<string, { mentions: string[]; spellings: string[] }>>();

function writtenIn(cluster: IndexedCluster, articleId: string): { mentions: readonly string[]; spellings: readonly string[] } {
  let byArticle = writtenByArticle.get(cluster);
  if (!byArticle) {
    byArticle = new Map();
    for (const m of cluster.mentions) {
      const written = byArticle.get(m.articleId) ?? { mentions: [], spellings: [] };
      written.mentions.push(m.text);
      if (!written.spellings.includes(m.text)) written.spellings.push(m.text);
      byArticle.set(m.articleId, written);
    }
    writtenByArticle.set(cluster, byArticle);
  }
  return byArticle.get(articleId) ?? { mentions: [], spellings: [] };
}

/** The spellings of a cluster's name in one article, each once. */
const spellingsIn = (cluster: IndexedCluster, articleId: string): readonly string[] => writtenIn(cluster, articleId).spellings;

/** Every mention of a cluster in one article as written, repeats and all. */
const mentionsIn = (cluster: IndexedCluster, articleId: string): readonly string[] => writtenIn(cluster, articleId).mentions;

/** Every way the corpus writes a cluster's name, each once: computed once per cluster. */
const spellingsOfCluster = new WeakMap<IndexedCluster, string[]>();
function allSpellings(cluster: IndexedCluster): readonly string[] {
  let spellings = spellingsOfCluster.get(cluster);
  if (!spellings) spellingsOfCluster.set(cluster, (spellings = [...new Set(cluster.mentions.map((m) => m.text))]));
  return spellings;
}

/** The words of a name, without a nickname in quotes ("Jane “JJ” Roe" → Jane, Roe). */
function tokenSpans(text: string): { text: string; start: number; end: number }[] {
  return [...text.matchAll(/[^\s\-‐–]+/gu)].filter((m) => !/^[“"‘].*[”"’]$/u.test(m[0])).map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

function describeDifference(a: string, b: string): string {
  if (a.length === b.length) {
    const changed = [...a].filter((c, i) => c !== b[i]).length;
    return changed === 1 ? 'one letter' : `${changed} letters`;
  }
  return `spelling (“${a}” against “${b}”)`;
}

/** The canonical mention to cite: one written with an office if any, else the first. */
function bestEvidence(cluster: IndexedCluster, canonical: NamedForm): ClusterMention {
  // A set of the canonical form's mentions: a scan of them for every mention is quadratic in a cluster
  // written thousands of times ("Japan").
  const written = new Set(canonical.form.mentions.map((r) => r.mention));
  let first: ClusterMention | undefined;
  for (const m of cluster.mentions) {
    if (m.variant || !written.has(m.mention)) continue;
    if (m.mention.role) return m;
    first ??= m;
  }
  return first ?? cluster.mentions[0]!;
}

/** The first `limit` mentions that are not variants, without filtering all of a large cluster. */
function firstCanonical(mentions: ClusterMention[], limit: number): ClusterMention[] {
  const result: ClusterMention[] = [];
  for (const m of mentions) {
    if (result.length === limit) break;
    if (!m.variant) result.push(m);
  }
  return result;
}

/** "Utopian Prime Minister Jane Smith": the evidence as written, with its office. */
function evidenceText(index: CorpusIndex, mention: ClusterMention): string {
  const role = mention.mention.role;
  if (role && role.span.end <= mention.span.start && mention.span.start - role.span.end <= 2) {
    return textAt(index, {
      articleId: mention.articleId,
      span: { start: role.span.start, end: mention.span.end },
    });
  }
  return role ? `${mention.text}, ${describeRole(role)}` : mention.text;
}

/** The articles a spelling is written in, in full or as a surname alone. */
function articlesOf(form: Form): number {
  const ids = new Set<string>();
  for (const ref of form.mentions) ids.add(ref.articleId);
  for (const ref of form.partial) ids.add(ref.articleId);
  return ids.size;
}
