/**
 * Choosing each cluster's canonical name: pinned by the knowledge file, else the form that the most
 * trusted articles write (see reliability.ts), with the tie said out loud rather than broken by a coin.
 */
import type { ClusterMention, EntityCluster } from '../corpus-model.js';
import { memoize } from '../memo.js';
import { unknownWords } from '../known-names.js';
import { nameTokens } from '../names.js';
import type { CorpusLocation } from '../types.js';
import type { ClusterDraft, Form, Link } from './clusters.js';
import { keyOf } from './clusters.js';
import type { Claim, Reliability } from './reliability.js';
import { support, tieMargin, trustOf } from './reliability.js';

/** A form of a cluster's name with its support. */
export interface NamedForm {
  form: Form;
  /** The spelling most often written for this form. */
  spelling: string;
  /** Trust-weighted count of the articles that write it. */
  support: number;
  articles: string[];
}

/** A cluster as the rules see it: the public cluster plus its forms, links and whether it is a tie. */
export interface IndexedCluster extends EntityCluster {
  forms: NamedForm[];
  /** The canonical form; undefined when pinned by the knowledge file to a name no article writes. */
  canonicalForm?: NamedForm;
  links: Link[];
  /** True when two forms have the same support: no spelling can be called right. */
  tie: boolean;
}

/** The claims a cluster makes for truth discovery: which article writes which form of the name. */
export function claimsOf(drafts: ClusterDraft[]): Claim[] {
  const claims: Claim[] = [];
  for (const draft of drafts) {
    const item = `${draft.type}:${draft.forms[0]!.key}`;
    for (const form of draft.forms) {
      // "Mogherini said" alone still says how that article spells her surname. Once per article:
      // truth discovery counts articles, not mentions.
      for (const articleId of articlesOf(form)) claims.push({ item, value: form.key, articleId });
    }
  }
  return claims;
}

/** Names every cluster and marks which mentions are variants of the canonical name. */
export function nameClusters(drafts: ClusterDraft[], reliability: Reliability): IndexedCluster[] {
  return drafts.map((draft) => nameCluster(draft, reliability));
}

function nameCluster(draft: ClusterDraft, reliability: Reliability): IndexedCluster {
  const forms = draft.forms
    .filter((form) => form.mentions.length > 0)
    .map((form): NamedForm => {
      const articles = articlesOf(form);
      return { form, spelling: preferredSpelling(form), support: support(reliability, articles), articles };
    })
    .sort(byPrior);

  let canonical: string;
  let canonicalReason: string;
  let canonicalForm: NamedForm | undefined = forms[0];
  let tie = false;
  if (draft.knowledge) {
    const pinnedKey = keyOf(draft.type, draft.knowledge.name);
    canonical = draft.knowledge.name;
    canonicalForm = forms.find((f) => f.form.key === pinnedKey);
    const line = draft.knowledge.origin ? `, line ${draft.knowledge.origin.line + 1}` : '';
    canonicalReason = `pinned in the knowledge file${line}`;
  } else if (canonicalForm) {
    canonical = canonicalForm.spelling;
    const runnerUp = forms[1];
    // Equal support is no tie when one spelling is written twice as often (within the same articles).
    const written = (f: NamedForm): number => f.form.mentions.length;
    tie =
      runnerUp !== undefined &&
      canonicalForm.support - runnerUp.support < tieMargin &&
      written(canonicalForm) < 2 * written(runnerUp) &&
      unknownOf(canonicalForm) === unknownOf(runnerUp);
    canonicalReason = reasonFor(canonicalForm, runnerUp, tie, reliability);
  } else {
    // Only surname-alone mentions: the surname is all the corpus knows.
    const partial = draft.forms[0]!.partial[0] ?? draft.forms[0]!.adopted[0] ?? draft.forms[0]!.slips[0]!;
    canonical = partial.mention.text;
    canonicalReason = 'only the surname is written';
  }

  const mentions: ClusterMention[] = [];
  for (const form of draft.forms) {
    const isCanonical = canonicalForm?.form === form || (draft.knowledge && isPinned(draft, form));
    for (const refs of [form.mentions, form.partial, form.adopted, form.slips]) {
      for (const ref of refs) {
        mentions.push({
          articleId: ref.articleId,
          span: ref.mention.span,
          text: ref.mention.text,
          mention: ref.mention,
          variant: !isCanonical || refs === form.slips,
        });
      }
    }
  }
  mentions.sort((a, b) =>
    a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.span.start - b.span.start,
  );

  return {
    id: `${draft.type}:${canonical}`,
    type: draft.type,
    canonical,
    canonicalReason,
    ...(draft.knowledge ? { knowledge: draft.knowledge } : {}),
    mentions,
    roles: rolesOf(mentions),
    forms,
    ...(canonicalForm ? { canonicalForm } : {}),
    links: draft.links,
    tie,
  };
}

/**
 * Best-supported first: the trust-weighted count of articles, except that within one article's worth
 * of support a spelling written twice as often wins (a slip is written once; the name, many times).
 */
function byPrior(a: NamedForm, b: NamedForm): number {
  const written = (f: NamedForm): number => f.form.mentions.length;
  if (Math.abs(a.support - b.support) < 1) {
    if (written(a) >= 2 * written(b)) return -1;
    if (written(b) >= 2 * written(a)) return 1;
    // As often written: a spelling of names people are given beats one that is not.
    const unknown = unknownOf(a) - unknownOf(b);
    if (unknown !== 0) return unknown;
  }
  return b.support - a.support || b.form.mentions.length - a.form.mentions.length;
}

/** How many words of a form's spelling are not names people are given (known-names.ts). */
function unknownOf(form: NamedForm): number {
  return form.form.type === 'person' ? unknownWords(nameTokens(form.spelling)) : 0;
}

function isPinned(draft: ClusterDraft, form: Form): boolean {
  const entity = draft.knowledge!;
  return [entity.name, ...entity.aliases].some((name) => keyOf(draft.type, name) === form.key);
}

/** The spelling written most often, preferring body text over headlines and mixed case over capitals. */
// "FUMIO KISHIDA" in a caption says little about how the name is spelled; memoised: "Japan" is written thousands of times.
const isShouting = memoize(
  (text: string) => text === text.toUpperCase() && /\p{Lu}{2}/u.test(text) && nameTokens(text).length > 1,
);

function preferredSpelling(form: Form): string {
  const counts = new Map<string, number>();
  // An article writes one spelling many times in a row: a run is counted before the map is touched.
  // The weights are halves, so the sums are exact in any order.
  let run: string | undefined;
  let runCount = 0;
  for (const ref of form.mentions) {
    const { text, inHeadline } = ref.mention;
    if (text !== run) {
      if (run !== undefined) counts.set(run, (counts.get(run) ?? 0) + runCount);
      run = text;
      runCount = 0;
    }
    runCount += inHeadline ? 0.5 : 1;
  }
  if (run !== undefined) counts.set(run, (counts.get(run) ?? 0) + runCount);
  // Capitals weighed once per spelling, not per mention: the weights are powers of two, so the
  // product of a sum is exactly the sum of the products.
  let best: string | undefined;
  let bestCount = 0;
  for (const [text, count] of counts) {
    const weighed = isShouting(text) ? count * 0.25 : count;
    if (
      best === undefined ||
      weighed > bestCount ||
      (weighed === bestCount && text.localeCompare(best) < 0)
    ) {
      best = text;
      bestCount = weighed;
    }
  }
  return best!;
}

// Claims and naming both need each form's articles; a form is made anew by every rebuild.
const articlesOfForm = new WeakMap<Form, string[]>();

/** The distinct articles that write a form, in the order of its mentions. */
function articlesOf(form: Form): string[] {
  let articles = articlesOfForm.get(form);
  if (!articles) {
    const distinct = new Set<string>();
    for (const ref of form.mentions) distinct.add(ref.articleId);
    for (const ref of form.partial) distinct.add(ref.articleId);
    articlesOfForm.set(form, (articles = [...distinct]));
  }
  return articles;
}

function reasonFor(
  best: NamedForm,
  runnerUp: NamedForm | undefined,
  tie: boolean,
  reliability: Reliability,
): string {
  const articles = (n: number): string => `${n} article${n === 1 ? '' : 's'}`;
  if (!runnerUp) return `the only spelling, in ${articles(best.articles.length)}`;
  if (tie) {
    return `a tie: ${articles(best.articles.length)} write “${best.spelling}”, ${articles(runnerUp.articles.length)} “${runnerUp.spelling}”, and neither is more reliable`;
  }
  if (best.articles.length > runnerUp.articles.length) {
    return `${articles(best.articles.length)} write “${best.spelling}”, ${articles(runnerUp.articles.length)} “${runnerUp.spelling}”`;
  }
  const trust = (form: NamedForm): string =>
    (form.articles.reduce((sum, id) => sum + trustOf(reliability, id), 0) / form.articles.length).toFixed(2);
  return (
    `${articles(best.articles.length)} against ${articles(runnerUp.articles.length)}, broken by reliability: ` +
    `the article${runnerUp.articles.length === 1 ? '' : 's'} writing “${runnerUp.spelling}” disagree${runnerUp.articles.length === 1 ? 's' : ''} ` +
    `with the rest of the corpus on other facts (trust ${trust(runnerUp)} against ${trust(best)})`
  );
}

function rolesOf(mentions: ClusterMention[]): EntityCluster['roles'] {
  const roles = new Map<string, EntityCluster['roles'][number]>();
  for (const { mention, articleId } of mentions) {
    const role = mention.role;
    if (!role) continue;
    const key = `${role.title}|${role.country ?? ''}|${role.organization ?? ''}`;
    let entry = roles.get(key);
    if (!entry) {
      entry = {
        title: role.title,
        ...(role.country ? { country: role.country } : {}),
        ...(role.organization ? { organization: role.organization } : {}),
        locations: [],
      };
      roles.set(key, entry);
    }
    const location: CorpusLocation = { articleId, span: role.span };
    entry.locations.push(location);
  }
  return [...roles.values()];
}
