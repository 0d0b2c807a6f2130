/**
 * Linking entity mentions across articles into clusters: one cluster per person, organisation,
 * place, event or programme, whatever each article calls it.
 *
 * Mentions are first grouped by a key that ignores case, hyphens, diacritics and name order; a
 * surname alone joins the full name written in the same article. Then forms that differ by a likely
 * typo or a romanisation join when their context agrees (the same office of the same country or
 * organisation), and never when it disagrees ("Pedersen" the minister, "Petersen" the general).
 */
import { addTo } from '../collections.js';
import type { KnowledgeEntity, Knowledge } from '../knowledge-model.js';
import { memoize, memoize2 } from '../memo.js';
import { unknownWords } from '../known-names.js';
import { bareTokens, compareNames, conventionKey, initialsSplit, transliterationSkeleton, isSlip, nameKey, nameTokens, slipEdits, soundCodes } from '../names.js';
import type { ArticleAnalysis, EntityMention, EntityType, RoleMention } from '../types.js';
import { headsABody, isGeneralTitle, sameOffice } from './offices.js';

/** A mention and the article it is in. */
export interface MentionRef {
  articleId: string;
  mention: EntityMention;
}

/** All mentions that share one normal form of a name ("fumio kishida"). */
export interface Form {
  key: string;
  type: EntityType;
  /** Mentions written with this form in full. */
  mentions: MentionRef[];
  /** Surname-alone mentions that the same article ties to this form ("Tanaka" after "Aiko Tanaka"). */
  partial: MentionRef[];
  /**
   * Surnames alone that the corpus ties to this entity but that several of its forms share: they
   * belong to the entity, yet say nothing of which form is spelled right (no support).
   */
  adopted: MentionRef[];
  /** Mentions with one word that is a slip for a word the corpus writes more ("Smiht" for "Smith"). */
  slips: SlipRef[];
}

/** A mention with one word that is a typist's slip for `intended` (normal form, `nameTokens`), written `written`. */
export interface SlipRef extends MentionRef {
  intended: string;
  written: string;
}

/** Why two forms were taken for one entity, or kept as only possibly one. */
export interface Link {
  a: Form;
  b: Form;
  relation: 'typo' | 'transliteration';
  /** 'strong': the same office of the same country or organisation; 'weak': nothing contradicts. */
  strength: 'strong' | 'weak';
  reason: string;
}

/** Forms linked into one entity, before its canonical name is chosen. */
export interface ClusterDraft {
  type: EntityType;
  forms: Form[];
  links: Link[];
  knowledge?: KnowledgeEntity;
}

/** The result of linking: clusters, and pairs only weakly alike (reported, not merged). */
export interface Linking {
  drafts: ClusterDraft[];
  possible: Link[];
}

/** Links every non-generic entity mention of the corpus into clusters. */
export function linkMentions(articles: Iterable<ArticleAnalysis>, knowledge: Knowledge): Linking {
  const forms = new Map<string, Form>();
  const formOf = (type: EntityType, key: string, id = `${type}|${key}`): Form => {
    let form = forms.get(id);
    if (!form) forms.set(id, (form = { key, type, mentions: [], partial: [], adopted: [], slips: [] }));
    return form;
  };
  const loneSurnames: LoneRef[] = [];
  const unsure: PlacedMention[] = [];

  for (const article of articles) {
    const { placed, lone, tentative } = formsOfArticle(article);
    for (const ref of placed) {
      const form = formOf(ref.type, ref.key, ref.id);
      (ref.partial ? form.partial : form.mentions).push(ref);
    }
    loneSurnames.push(...lone);
    unsure.push(...tentative);
  }
  confirmTentativeNames(unsure, forms, formOf);

  retypeByCorpus(forms);
  const all = [...forms.values()];
  const sets = new UnionFind<Form>(all);
  const knowledgeOf = new Map<Form, KnowledgeEntity>();
  for (const entity of knowledge.entities) {
    const pinned = [entity.name, ...entity.aliases]
      .map((name) => forms.get(`${entity.type}|${keyOf(entity.type, name)}`))
      .filter((form): form is Form => form !== undefined);
    for (const form of pinned) {
      sets.union(pinned[0]!, form);
      knowledgeOf.set(form, entity);
    }
  }

  const distinct = new Set(knowledge.distinct.map((d) => nameKey(d.name)));
  const links: Link[] = [];
  const possible: Link[] = [];
  for (const [a, b] of blocks(all)) {
    const link = compareForms(a!, b!);
    if (!link || distinct.has(nameKey(textOf(link.a))) || distinct.has(nameKey(textOf(link.b)))) continue;
    if (link.strength === 'strong' || link.relation === 'transliteration') {
      sets.union(link.a, link.b);
      links.push(link);
    } else possible.push(link);
  }

  const shortNames = joinShortForms(all, sets);

  placeLoneSurnames(loneSurnames, all, shortNames, sets, forms, formOf);
  return { drafts: draftsOf(forms, sets, links, knowledgeOf), possible };
}

/**
 * Full names only tentatively a person's: a name the corpus writes elsewhere as a person's joins
 * that form; one that differs from such a name by a slip in one word becomes a form of its own, for
 * the linking to compare ("Jane Roe" in a French paragraph; "Jnae Roe" there too, a slip). The rest
 * were probably no names ("Viele Bürger").
 */
function confirmTentativeNames(
  unsure: PlacedMention[],
  forms: Map<string, Form>,
  formOf: (type: EntityType, key: string) => Form,
): void {
  if (unsure.length === 0) return;
  // Each person's name with one word left out, so that a name one word off is a lookup.
  const byRest = new Map<string, string[][]>();
  for (const form of forms.values()) {
    if (form.type !== 'person' || form.mentions.length === 0) continue;
    const tokens = form.key.split(' ');
    if (tokens.length < 2) continue;
    tokens.forEach((_, i) => addTo(byRest, tokens.filter((__, j) => j !== i).join(' '), tokens));
  }
  for (const ref of unsure) {
    const known = forms.get(ref.id);
    if (known && known.type === 'person' && known.mentions.length > 0) {
      known.mentions.push(ref);
      continue;
    }
    const tokens = ref.key.split(' ');
    const near = tokens.some((token, i) =>
      (byRest.get(tokens.filter((_, j) => j !== i).join(' ')) ?? []).some((other) =>
        other.some((word) => !tokens.includes(word) && isSlip(token, word)),
      ),
    );
    if (near) formOf('person', ref.key).mentions.push(ref);
  }
}

/**
 * Surnames alone that no full name of their own article explains: each joins the one cluster that
 * writes it, else is a slip for a full name (of its article, or the corpus's), else its own person.
 */
function placeLoneSurnames(
  loneSurnames: LoneRef[],
  all: Form[],
  shortNames: Map<Form, string[]>,
  sets: UnionFind<Form>,
  forms: Map<string, Form>,
  formOf: (type: EntityType, key: string) => Form,
): void {
  const reversed = new Set<Form>();
  // A surname alone in an article without the full name joins the one cluster that has it.
  const byEdgeToken = new Map<string, Form[]>();
  for (const form of all) {
    if (form.type !== 'person' || form.mentions.length === 0) continue;
    // Keys are sorted; the surname is an edge of the name as written ("Park" of "Park Ji Hoon").
    const edges = new Set<string>();
    for (const name of [textOf(form), ...(shortNames.get(form) ?? [])]) {
      const tokens = nameTokens(name);
      if (tokens.length >= 2) for (const token of edgesOf(name, tokens)) edges.add(token);
    }
    for (const token of edges) addTo(byEdgeToken, token, form);
  }
  const slips = new SlipIndex(byEdgeToken.keys());
  const nonPersons = new Map<string, Form>();
  for (const form of all) if (form.type !== 'person' && form.mentions.length > 0) nonPersons.set(nameKey(textOf(form)), form);
  const nameWords = new Set<string>();
  for (const form of all)
    if (form.type === 'person' && form.mentions.length > 0) for (const token of nameTokens(textOf(form))) nameWords.add(token);
  // How often the corpus writes each word as a surname, alone or as the edge of a full name.
  const writtenAs = new Map<string, number>();
  for (const ref of loneSurnames) writtenAs.set(nameTokens(ref.mention.text)[0]!, (writtenAs.get(nameTokens(ref.mention.text)[0]!) ?? 0) + 1);
  for (const [token, hosts] of byEdgeToken)
    writtenAs.set(token, (writtenAs.get(token) ?? 0) + hosts.reduce((n, f) => n + f.mentions.length + f.partial.length, 0));
  for (const ref of loneSurnames) {
    const token = nameTokens(ref.mention.text)[0]!;
    const owners = byEdgeToken.get(token) ?? [];
    const hosts = new Set(owners.map((f) => sets.find(f)));
    if (hosts.size === 1) {
      // One form writes this surname: the mention attests that form's spelling. Several forms of the
      // entity share it ("Jane Smith", "Jnae Smith"): it attests none of them against the others.
      if (owners.length === 1) owners[0]!.partial.push(ref);
      else owners[0]!.adopted.push(ref);
      continue;
    }
    // "Rhine" alone, taken for a surname here, where other articles name it a place or a body and no
    // person's name has the word: that place or body.
    if (hosts.size === 0 && !nameWords.has(token) && !ref.mention.role) {
      const other = nonPersons.get(nameKey(ref.mention.text));
      if (other) {
        other.mentions.push(ref);
        continue;
      }
    }
    // A word some full name of the corpus has ("Vilca" of "Germán Vilca Ticona") is that word, no slip.
    if (hosts.size === 0 && nameWords.has(token)) {
      if (!ref.mention.tentative) formOf('person', nameKey(ref.mention.text)).mentions.push(ref);
      continue;
    }
    if (hosts.size === 0 && ref.near) {
      // A slip for a full name of its own article, unless the corpus writes this surname more often
      // than the full name's: then the full name holds the slip ("Jane Smiht … Smith said").
      const near = forms.get(formId('person', ref.near.key));
      if (near && (writtenAs.get(token) ?? 0) <= (writtenAs.get(ref.near.intended) ?? 0)) {
        sets.find(near).slips.push({ articleId: ref.articleId, mention: ref.mention, intended: ref.near.intended, written: ref.near.written });
        continue;
      }
      if (near && !reversed.has(near)) {
        reversed.add(near);
        for (const full of near.mentions)
          if (full.articleId === ref.articleId)
            near.slips.push({ articleId: full.articleId, mention: full.mention, intended: token, written: ref.mention.text });
      }
    } else if (hosts.size === 0) {
      const slip = slipHost(token, ref.mention.tentative === true, slips, byEdgeToken, sets);
      // Across articles a slip is rare and what it stands for is common: "Smiht" once, "Smith" often.
      if (slip && 2 * (writtenAs.get(token) ?? 0) <= (writtenAs.get(slip.intended) ?? 0)) {
        slip.form.slips.push({ articleId: ref.articleId, mention: ref.mention, intended: slip.intended, written: slip.written });
        continue;
      }
    }
    // A tentative surname that no article gives in full was probably no person at all ("Xbox").
    if (!ref.mention.tentative) formOf('person', nameKey(ref.mention.text)).mentions.push(ref);
  }

}

/** The clusters as drafts: each union-find group's forms that hold a mention, its links and knowledge. */
function draftsOf(
  forms: Map<string, Form>,
  sets: UnionFind<Form>,
  links: Link[],
  knowledgeOf: Map<Form, KnowledgeEntity>,
): ClusterDraft[] {
  // Each link filed under its cluster's root once, rather than every cluster scanning every link.
  const linksByRoot = new Map<Form, Link[]>();
  for (const link of links) addTo(linksByRoot, sets.find(link.a), link);
  const groups = new Map<Form, Form[]>();
  for (const form of forms.values()) {
    const root = sets.has(form) ? sets.find(form) : form;
    const group = groups.get(root) ?? [];
    group.push(form);
    groups.set(root, group);
  }
  return [...groups.values()]
    .map((group) => ({
      type: group[0]!.type,
      forms: group.filter((f) => f.mentions.length + f.partial.length + f.adopted.length + f.slips.length > 0),
      links: linksByRoot.get(sets.has(group[0]!) ? sets.find(group[0]!) : group[0]!) ?? [],
      knowledge: group.map((f) => knowledgeOf.get(f)).find((k) => k !== undefined),
    }))
    .filter((draft) => draft.forms.length > 0);
}

/**
 * A person's name written short joins the one longer name it is part of: "Ana Ruiz" and "Ruiz
 * Pérez" of "Ana Ruiz Pérez", "John Smith" of "John Paul Smith". Its mentions then attest that name's
 * spelling, as a surname alone does; a short form with one word slipped ("Ana Ruis") becomes a slip
 * of it. A short name that fits two longer names, or whose office contradicts the longer name's,
 * stays apart. Longer names absorb first, so a name fits the longest one it is part of. Returns each
 * long form's short spellings, which name it too (a surname alone may be the short form's edge).
 */
function joinShortForms(all: Form[], sets: UnionFind<Form>): Map<Form, string[]> {
  const shortNames = new Map<Form, string[]>();
  // Each person's words found once, not for every candidate that shares one. Only a form with
  // mentions is asked, and its first mention, which its text is, does not change here.
  const tokensOf = new Map<Form, string[]>();
  for (const form of all) {
    if (form.type !== 'person' || form.mentions.length === 0) continue;
    const tokens = nameTokens(textOf(form));
    if (tokens.length >= 2) tokensOf.set(form, tokens);
  }
  const persons = [...tokensOf.keys()];
  const groups = new Map<Form, Form[]>();
  for (const form of persons) addTo(groups, sets.find(form), form);
  // Only a longer name hosts a short one, and the shortest short one has two words: a two-word name
  // is never a host, and most names are two words (each listed under "John" beside thousands).
  const byToken = new Map<string, Form[]>();
  for (const [form, tokens] of tokensOf)
    if (tokens.length >= 3) for (const token of new Set(tokens)) addTo(byToken, token, form);
  const tokens = (f: Form): string[] => tokensOf.get(f) ?? nameTokens(textOf(f));
  const length = (f: Form): number => tokens(f).length;
  // A form with initials for given names ("P.V. Roe") joined its written-out form by them; the
  // length of the name is the written-out form's.
  const spelledOut = (f: Form): boolean => initialsSplit(textOf(f)) === undefined;
  const full = (g: Form[]): Form[] => (g.some(spelledOut) ? g.filter(spelledOut) : g);
  const sorted = [...groups.values()].sort((a, b) => length(full(b)[0]!) - length(full(a)[0]!));
  for (const group of sorted) {
    const spelled = full(group);
    const n = length(spelled[0]!);
    if (spelled.some((f) => length(f) !== n) || group.some((f) => f.mentions.length === 0)) continue;
    const lead = spelled.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
    const leadTokens = tokens(lead);
    const candidates = new Set(leadTokens.flatMap((t) => byToken.get(t) ?? []));
    const written = lead.mentions.length;
    const hosts = [...candidates].filter((l) => {
      if (l.mentions.length === 0 || length(l) <= n || sets.find(l) === sets.find(lead)) return false;
      const match = shortMatchOf(textOf(lead), textOf(l));
      // Words before a name written more often alone are more likely a stray word than given names
      // ("Water Jane Roe" once, after "Minister of Environment and", against "Jane Roe").
      return match !== undefined && (match.head || l.mentions.length > written);
    });
    const roots = new Set(hosts.map((l) => sets.find(l)));
    // "Jane Roe" of "Jane Maria Roe" and of "Ana Jane Maria Roe": hosts that are one name written
    // longer and shorter are one host.
    if (roots.size > 1 && nested(hosts)) for (const l of hosts) sets.union(hosts[0]!, l);
    else if (roots.size !== 1) continue;
    const host = hosts.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
    if (compareRoles(group.flatMap(rolesOf), rolesOf(host)).verdict === 'veto') continue;
    const matches = group.map((f) => (spelled.includes(f) ? shortMatchOf(textOf(f), textOf(host)) : {}));
    if (matches.some((m) => m === undefined)) continue;
    // A short form slipped on its own (no same-length form links it) must be rare beside the host.
    const hostWritten = (groups.get(sets.find(host)) ?? [host]).reduce((k, f) => k + f.mentions.length, 0);
    const alone = group.length === 1 && matches[0]!.slip !== undefined;
    if (alone && (articleIds(lead).size !== 1 || hostWritten < 2 * lead.mentions.length)) {
      // "Jane Maria Roe" once, with a slip in "Roe", where "Jane Roe" is written in several articles:
      // the long name holds the slip.
      const hostForms = groups.get(sets.find(host)) ?? [host];
      const intended = nameTokens(textOf(lead)).find((t) => isSlip(matches[0]!.slip!, t));
      if (hostForms.length !== 1 || articleIds(host).size !== 1 || 2 * hostWritten > lead.mentions.length || !intended) continue;
      const written = wordOf(textOf(lead), intended);
      lead.slips.push(...host.mentions.map((ref) => ({ ...ref, intended, written })));
      host.mentions = [];
      sets.union(lead, host);
      continue;
    }
    group.forEach((form, i) => {
      // A spelling written in two articles or more is a habit (an outlet's romanisation), no slip.
      const slip = articleIds(form).size < 2 ? matches[i]!.slip : undefined;
      if (slip) {
        const written = wordOf(textOf(host), slip);
        host.slips.push(...form.mentions.map((ref) => ({ ...ref, intended: slip, written })));
      } else {
        host.partial.push(...form.mentions);
        addTo(shortNames, host, textOf(form));
      }
      host.partial.push(...form.partial);
      host.adopted.push(...form.adopted);
      host.slips.push(...form.slips);
      form.mentions = [];
      form.partial = [];
      form.adopted = [];
      form.slips = [];
      // What later finds the short form by its key (a surname alone slipped near it) reaches the host.
      sets.union(host, form);
    });
  }
  return shortNames;
}

/** Whether names, from the shortest, each fit into the next: "Jane Roe", "Jane Maria Roe", "Ana Jane Maria Roe". */
function nested(forms: Form[]): boolean {
  const byLength = [...forms].sort((a, b) => nameTokens(textOf(a)).length - nameTokens(textOf(b)).length);
  return byLength.every((f, i) => {
    if (i === 0) return true;
    const match = shortMatchOf(textOf(byLength[i - 1]!), textOf(f));
    return match !== undefined && match.slip === undefined;
  });
}

// A name's text is its first mention's, which stays while it has mentions (only those are asked):
// the same two names are matched again at every rebuild, most of them a candidate that does not fit.
// 10,000 articles ask about 260,000 pairs, so the cache holds more than the default before it drops
// them all (some 20 MB at most).
const shortMatchOf = memoize2(
  (short: string, long: string) => shortMatch(nameTokens(short), nameTokens(long)),
  500_000,
);

/**
 * Whether `short` is `long` with words left out: from its first word on ("Ana Ruiz" of "Ana Ruiz
 * Pérez", `head`) or its last words ("Ruiz Pérez"), each word the same or, once, a slip of it.
 * Gives the long name's word that was slipped, if one was. Words from inside the long name ("Luis
 * Roe" of "José Luis Roe dos Santos") must be written exactly.
 */
function shortMatch(short: string[], long: string[]): { slip?: string; head?: boolean } | undefined {
  // "Vestby" of "Westby": a romanisation is the same word; one a slip could make is a slip.
  const same = (a: string, b: string): boolean => a === b || (transliterationSkeleton(a) === transliterationSkeleton(b) && !isSlip(a, b));
  const fits = (a: string, b: string): 'same' | 'slip' | undefined => (same(a, b) ? 'same' : isSlip(a, b) ? 'slip' : undefined);
  const head = headMatch(short, long, fits);
  if (head) return head;
  // "Luis Roe" of "José Luis Roe dos Santos": words from inside the name, as written.
  for (let from = 1; from + short.length < long.length; from++)
    if (headMatch(short, long.slice(from), (a, b) => (a === b ? 'same' : undefined))) return { head: true };
  const tail = long.slice(long.length - short.length);
  const tailFits = short.map((t, i) => fits(t, tail[i]!));
  if (!tailFits.every(Boolean) || tailFits.filter((f) => f === 'slip').length > 1) return undefined;
  const at = tailFits.indexOf('slip');
  return at < 0 ? {} : { slip: tail[at]! };
}

function headMatch(
  short: string[],
  long: string[],
  fits: (a: string, b: string) => 'same' | 'slip' | undefined,
): { slip?: string; head: true } | undefined {
  if (!fits(short[0]!, long[0]!)) return undefined;
  let slip: string | undefined = fits(short[0]!, long[0]!) === 'slip' ? long[0]! : undefined;
  let j = 1;
  for (let i = 1; i < short.length; i++) {
    while (j < long.length && !fits(short[i]!, long[j]!)) j++;
    if (j >= long.length) return undefined;
    if (fits(short[i]!, long[j]!) === 'slip') {
      if (slip) return undefined;
      slip = long[j]!;
    }
    j++;
  }
  return slip ? { slip, head: true } : { head: true };
}

/**
 * A name one article calls an organisation ("Riverton Holding CEO Jane Roe") is no person in
 * another that only has its shape to go on ("buy Riverton Holding"): a person form that never
 * carries an office joins the other type's form of the same name.
 */
function retypeByCorpus(forms: Map<string, Form>): void {
  const others = new Map<string, Form>();
  for (const form of forms.values())
    if (form.type !== 'person' && form.mentions.length > 0) others.set(nameKey(textOf(form)), form);
  if (others.size === 0) return;
  for (const [id, form] of forms) {
    if (form.type !== 'person') continue;
    const other = others.get(form.key);
    if (!other || [...form.mentions, ...form.partial].some((ref) => ref.mention.role)) continue;
    other.mentions.push(...form.mentions);
    other.partial.push(...form.partial);
    other.adopted.push(...form.adopted);
    other.slips.push(...form.slips);
    forms.delete(id);
  }
}

/**
 * A mention and the form it goes to: one object, which the form then holds as its `MentionRef`
 * (a large corpus has a quarter of a million mentions). `id` is the form's map key, "person|fumio
 * kishida": built once here, not on every rebuild.
 */
interface PlacedMention extends MentionRef {
  type: EntityType;
  key: string;
  id: string;
  /** A surname alone that the article ties to this form. */
  partial: boolean;
}

/** A surname alone that the article ties to no full name, and the one full name of the article it may be a slip for. */
interface LoneRef extends MentionRef {
  near: { key: string; intended: string; written: string } | undefined;
}

/** Where one article's mentions go: a form's full mentions, a form's surname-alone mentions, or nowhere yet. */
interface ArticleForms {
  placed: PlacedMention[];
  lone: LoneRef[];
  /** Full names only tentatively a person's (in a paragraph that is not English): the corpus confirms them. */
  tentative: PlacedMention[];
}

// An analysis never changes once made (Corpus.upsert makes a new one), so what it contributes to
// the linking is computed once; a rebuild after a keystroke only redoes the edited article's share.
const articleForms = new WeakMap<ArticleAnalysis, ArticleForms>();

// One string per form, not one per mention: a large corpus holds a quarter of a million mentions of
// a few thousand forms, and their ids were that many copies of "place|japan".
const formId = memoize2((type: string, key: string) => `${type}|${key}`);

function formsOfArticle(article: ArticleAnalysis): ArticleForms {
  const cached = articleForms.get(article);
  if (cached) return cached;
  const result: ArticleForms = { placed: [], lone: [], tentative: [] };
  const inArticle = article.entities.filter((m) => !m.generic && nameTokens(m.text).length > 0);
  const fullPersons = inArticle.filter((m) => m.type === 'person' && !m.tentative && nameTokens(m.text).length > 1);
  const hostsByEdge = edgeTokenHosts(fullPersons);
  const articleId = article.id;
  for (const mention of inArticle) {
    const tokens = nameTokens(mention.text);
    if (mention.tentative && tokens.length !== 1) {
      const key = nameKey(mention.text);
      result.tentative.push({ articleId, mention, type: 'person', key, id: formId('person', key), partial: false });
      continue;
    }
    if (mention.type === 'person' && tokens.length === 1) {
      const host = uniqueHost(tokens[0]!, hostsByEdge);
      if (host) {
        const key = nameKey(host.text);
        result.placed.push({ articleId, mention, type: 'person', key, id: formId('person', key), partial: true });
      } else {
        // Which way a slip goes (this word, or the full name's) is for the corpus to say.
        const slip = hostsByEdge.has(tokens[0]!) ? undefined : slipInArticle(tokens[0]!, mention, hostsByEdge);
        const near = slip ? { key: nameKey(slip.host.text), intended: slip.intended, written: wordOf(slip.host.text, slip.intended) } : undefined;
        result.lone.push({ articleId, mention, near });
      }
      continue;
    }
    const key = keyOf(mention.type, mention.text);
    result.placed.push({
      articleId,
      mention,
      type: mention.type,
      key,
      id: formId(mention.type, key),
      partial: false,
    });
  }
  articleForms.set(article, result);
  return result;
}

/** The grouping key of a name: order-free for people, spelling-convention-free for the rest. */
export function keyOf(type: EntityType, name: string): string {
  return type === 'person' ? nameKey(name) : conventionKey(name);
}

/** The full names of an article by their edge tokens: the first one written, and every name key seen. */
type EdgeHosts = Map<string, { first: EntityMention; keys: Set<string>; all: EntityMention[] }>;

// Built once per article: looking each surname up is then a map lookup, not a scan of every full
// name (quadratic on a long article).
function edgeTokenHosts(fullPersons: EntityMention[]): EdgeHosts {
  const hosts: EdgeHosts = new Map();
  for (const m of fullPersons) {
    const tokens = nameTokens(m.text).join(' ').split(' ');
    if (tokens.length < 2) continue;
    // A long name is also known by a middle part: "Lula" of "Luiz Inácio Lula da Silva".
    const edges = tokens.length >= 4 ? tokens.filter((t) => t.length > 3) : edgesOf(m.text, tokens);
    for (const token of new Set(edges)) {
      const entry = hosts.get(token);
      if (entry) {
        entry.keys.add(nameKey(m.text));
        entry.all.push(m);
      } else hosts.set(token, { first: m, keys: new Set([nameKey(m.text)]), all: [m] });
    }
  }
  return hosts;
}

/**
 * The tokens a name may be known by alone: its first and last ("Park" of "Park Ji Hoon"), and the
 * surname without its particles ("Berg" of "Jan-Erik von Berg", besides "von Berg").
 */
function edgesOf(name: string, tokens: string[]): string[] {
  const bare = bareTokens(name);
  const edges = [tokens[0]!, tokens[tokens.length - 1]!, bare[bare.length - 1]!];
  // "Roe" of "John Roe Jr.": the surname stands before a generation's mark.
  if (generational.test(bare[bare.length - 1]!) && bare.length >= 3) edges.push(bare[bare.length - 2]!);
  return [...new Set(edges)];
}

/** "Jr.", "Sr.", "III" after a surname, in normal form. */
const generational = /^(?:jr|sr|ii|iii|iv)$/u;

/** The one full name in the article that `token` is the surname (or family name written first) of. */
function uniqueHost(token: string, hostsByEdge: EdgeHosts): EntityMention | undefined {
  const entry = hostsByEdge.get(token);
  return entry && entry.keys.size === 1 ? entry.first : undefined;
}

/**
 * The one full name of the article that a surname alone is a slip for ("Smiht" after "Jane Smith"):
 * a slip is likelier than a second person of nearly the same name whom the article never introduces.
 * A word only tentatively a name must be longer, since ordinary words are short.
 */
function slipInArticle(
  token: string,
  mention: EntityMention,
  hostsByEdge: EdgeHosts,
): { host: EntityMention; intended: string } | undefined {
  if (mention.tentative && token.length < 5) return undefined;
  // The nearest spelling wins: one slip of the finger is likelier than two ("Smiht" is "Smith", not "Smithe").
  const nearest = nearestSlips(token, hostsByEdge.keys());
  const entry = nearest.length === 1 ? hostsByEdge.get(nearest[0]!)! : undefined;
  // "the two Roes", "the Does": a name made plural, no slip.
  if (!entry || token === `${nearest[0]}s` || token === `${nearest[0]}es`) return undefined;
  if (entry.keys.size === 1) return { host: entry.first, intended: nearest[0]! };
  // Two people of the article share the surname ("Justice Jane Roe … the police chief John Roe"):
  // the slip is of the surname all the same, and a reader takes it for the one named last before it.
  const before = entry.all.filter((m) => m.span.end <= mention.span.start).pop();
  return before ? { host: before, intended: nearest[0]! } : undefined;
}

/** The words `token` is a slip for at the fewest edits: one slip of the finger is likelier than two. */
function nearestSlips(token: string, words: Iterable<string>): string[] {
  let best: string[] = [];
  let fewest = Number.POSITIVE_INFINITY;
  for (const word of words) {
    const edits = slipEdits(token, word);
    if (edits === undefined || edits > fewest) continue;
    if (edits < fewest) [best, fewest] = [[], edits];
    best.push(word);
  }
  return best;
}

/**
 * The one cluster whose full name a lone surname is a slip for, across the corpus: the name must be
 * written in full at least twice, or the slip could as well be the right spelling.
 */
function slipHost(
  token: string,
  tentative: boolean,
  index: SlipIndex,
  byEdgeToken: Map<string, Form[]>,
  sets: UnionFind<Form>,
): { form: Form; intended: string; written: string } | undefined {
  // A short capitalised word is often a slip of nothing ("Ross" for "Rose"): four letters are a
  // tentative surname's slip only for a name written often (below).
  if (tentative && token.length < 4) return undefined;
  let found: { form: Form; intended: string; written: string } | undefined;
  for (const edge of nearestSlips(token, index.near(token))) {
    const roots = new Set((byEdgeToken.get(edge) ?? []).map((f) => sets.find(f)));
    if (found || roots.size !== 1) return undefined;
    const form = [...roots][0]!;
    found = { form, intended: edge, written: wordOf(textOf(byEdgeToken.get(edge)![0]!), edge) };
  }
  if (!found) return undefined;
  const written = (byEdgeToken.get(found.intended) ?? []).reduce((n, f) => n + f.mentions.length + f.partial.length, 0);
  return written >= (tentative && token.length < 5 ? 3 : 2) ? found : undefined;
}

/**
 * Words by their one-letter deletions, so that the words one edit away from a query are found
 * without comparing it with every word (the symmetric-deletion idea of SymSpell; no maintained npm
 * package keeps such an index for a changing word set, so it is written here).
 */
class SlipIndex {
  private readonly byDeletion = new Map<string, string[]>();
  constructor(words: Iterable<string>) {
    for (const word of words) for (const key of deletions(word)) addTo(this.byDeletion, key, word);
  }
  /** The indexed words within one edit of `word`: a superset, to be checked with `isSlip`. */
  near(word: string): Set<string> {
    const result = new Set<string>();
    for (const key of deletions(word)) for (const w of this.byDeletion.get(key) ?? []) result.add(w);
    return result;
  }
}

/**
 * A word and each way of dropping one of its letters. Remembered: every rebuild indexes the corpus's
 * surnames anew, some 20,000 at 10,000 articles, each with its deletions. The set is only read.
 */
const deletions = memoize((word: string): ReadonlySet<string> => {
  const result = new Set([word]);
  for (let i = 0; i < word.length; i++) result.add(word.slice(0, i) + word.slice(i + 1));
  return result;
});

/** The word of a name as written whose normal form is `token`: "Smith" of "Jane Smith" for "smith". */
export function wordOf(name: string, token: string): string {
  const words = name.split(/[\s\-‐–]+/u);
  // "Roe" of "Jane de Roe" for "deroe": the word that ends a surname with particles.
  return (
    words.find((word) => nameTokens(word)[0] === token) ??
    words.findLast((word) => word.length > 0 && token.endsWith(nameTokens(word)[0] ?? '\0')) ??
    token
  );
}

function textOf(form: Form): string {
  return form.mentions[0]?.mention.text ?? form.key;
}

/**
 * Candidate pairs: forms of one type and token count that sound alike token by token, or that are
 * equal but for one token ("Grégory Doucat" and "Grégory Doucet" differ in sound, not in a word).
 */
function blocks(forms: Form[]): Form[][] {
  const byKey = new Map<string, Form[]>();
  const add = (key: string, form: Form): void => {
    const block = byKey.get(key) ?? [];
    block.push(form);
    byKey.set(key, block);
  };
  for (const form of forms) {
    if (form.mentions.length === 0) continue;
    for (const key of blockKeys(form.type, textOf(form))) add(key, form);
  }
  const seen = new Set<string>();
  const pairs: Form[][] = [];
  for (const block of byKey.values()) {
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const id = `${block[i]!.key}|${block[j]!.key}`;
        if (block[i] === block[j] || seen.has(id)) continue;
        seen.add(id);
        pairs.push([block[i]!, block[j]!]);
      }
    }
  }
  return pairs;
}

// The block keys of a name are a pure function of its type and spelling: built once per spelling,
// not for every form of every rebuild.
const blockKeysByType = new Map<EntityType, (name: string) => string[]>();

function blockKeys(type: EntityType, name: string): string[] {
  let keysOf = blockKeysByType.get(type);
  if (!keysOf) {
    keysOf = memoize((text: string): string[] => {
      const tokens = nameTokens(text);
      if (tokens.length < 2) return [];
      const sounds = tokens
        .map((t) => soundCodes(t)[0])
        .sort()
        .join('.');
      // The differing token keeps its first letter ("Doucat"/"Doucet"): without it, every "John X" of
      // a large corpus would be compared with every other.
      return [
        `${type}|${tokens.length}|${sounds}`,
        ...tokens.map(
          (token, i) =>
            `${type}|${tokens.length}|${i}|${token[0]}|${tokens.filter((__, j) => j !== i).join(' ')}`,
        ),
        ...(type === 'person' ? initialsKeys(text, tokens) : []),
        // "Kary Vestby" and "Kari Westby": romanised apart in every word.
        `${type}|${tokens.length}|skeleton|${tokens.map(transliterationSkeleton).join(' ')}`,
      ];
    });
    blockKeysByType.set(type, keysOf);
  }
  return keysOf(name);
}

/**
 * "P.V. Jane Roe" and "Pavan Vijay Jane Roe" share a key: the first letters of the given names, and
 * the words after them. A name written out has one key for each of its first one to three words.
 */
function initialsKeys(text: string, tokens: string[]): string[] {
  const split = initialsSplit(text);
  if (split) return [`initials|${split.initials.map((i) => i[0]).join('')}|${split.rest.join(' ')}`];
  const keys: string[] = [];
  for (let k = 1; k <= Math.min(3, tokens.length - 1); k++)
    keys.push(`initials|${tokens.slice(0, k).map((t) => t[0]).join('')}|${tokens.slice(k).join(' ')}`);
  return keys;
}

function compareForms(a: Form, b: Form): Link | undefined {
  const comparison = compareNames(textOf(a), textOf(b));
  if (comparison.relation === 'different' || comparison.relation === 'same') return undefined;
  const relation = comparison.relation;
  if (a.type !== 'person') {
    // "European Comission" and "European Commission": one word off, the rest the same.
    if (comparison.differing.length !== 1 || comparison.identical < 1) return undefined;
    return { a, b, relation, strength: 'strong', reason: 'the same name but for one word' };
  }
  if (comparison.identical < 1 && relation === 'typo') return undefined;
  const context = compareRoles(rolesOf(a), rolesOf(b));
  if (context.verdict === 'veto') {
    // "the Attorney-General and Commissioner for Justice": one person is often given two offices, so
    // a slip the corpus can side (written once, against a spelling written twice as often) outweighs
    // them; not in an article that writes both ("Minister Lars Pedersen met General Lars Petersen").
    const side = slipSide(a, b);
    if (!side) return undefined;
    const rightArticles = articleIds(side.right);
    if ([...articleIds(side.slip)].some((id) => rightArticles.has(id))) return undefined;
    return { a, b, relation, strength: 'strong', reason: side.reason };
  }
  const prior = context.verdict === 'weak' ? slipEvidence(a, b) : undefined;
  if (prior) return { a, b, relation, strength: 'strong', reason: prior };
  return { a, b, relation, strength: context.verdict, reason: context.reason };
}

/**
 * The prior of the noisy channel: which of two spellings is the slip, if the corpus can tell. A slip
 * is written once, in one article, where the corpus writes the other spelling at least twice as
 * often, or in that same article; when both are written as often, the spelling that is a name people
 * are given beats one that is not ("Satya" against "Satyaa"). A spelling repeated across articles is
 * a habit (a romanisation, or another person), not a slip.
 */
export function slipSide(a: Form, b: Form): { slip: Form; right: Form; reason: string } | undefined {
  // Full mentions, and each other article that writes the surname alone where the surname is the
  // word that differs: "Roe said" there attests "Jane Roe" against "Jane Reo", not against "Jnae
  // Roe". An article that also writes the full name is counted once, by its full mentions.
  const differing = differingWords(a, b);
  const count = (f: Form): number => {
    if (!differing) return f.mentions.length;
    const full = new Set(f.mentions.map((ref) => ref.articleId));
    const alone = new Set(
      f.partial
        .filter((ref) => !full.has(ref.articleId) && nameTokens(ref.mention.text)[0] === differing.get(f))
        .map((ref) => ref.articleId),
    );
    return f.mentions.length + alone.size;
  };
  const times = (n: number): string => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  let side: { slip: Form; right: Form; reason: string } | undefined;
  const [rare, common] = count(a) <= count(b) ? [a, b] : [b, a];
  if (count(common) >= 2 && count(common) >= 2 * count(rare))
    side = { slip: rare, right: common, reason: `“${textOf(common)}” is written ${times(count(common))}, “${textOf(rare)}” ${times(count(rare))}` };
  else {
    const unknownA = unknownWords(nameTokens(textOf(a)));
    const unknownB = unknownWords(nameTokens(textOf(b)));
    if (unknownA !== unknownB) {
      const [slip, right] = unknownA > unknownB ? [a, b] : [b, a];
      side = { slip, right, reason: `“${textOf(right)}” is spelled as names are, “${textOf(slip)}” is not` };
    }
  }
  const slipArticles = articleIds(side?.slip ?? rare);
  if (slipArticles.size !== 1) return undefined;
  const rightArticles = articleIds(side?.right ?? common);
  if ([...slipArticles].some((id) => rightArticles.has(id)))
    return side ?? { slip: rare, right: common, reason: `the same article writes “${textOf(common)}” elsewhere` };
  return side;
}

/** The one word in which two names of as many words differ, for each name; undefined if not one. */
function differingWords(a: Form, b: Form): Map<Form, string> | undefined {
  const ta = nameTokens(textOf(a));
  const tb = nameTokens(textOf(b));
  if (ta.length !== tb.length) return undefined;
  const at = ta.flatMap((t, i) => (t === tb[i] ? [] : [i]));
  return at.length === 1 ? new Map([[a, ta[at[0]!]!], [b, tb[at[0]!]!]]) : undefined;
}

/** The reason a slip links two forms, if the prior says one is a slip for the other. */
export function slipEvidence(a: Form, b: Form): string | undefined {
  return slipSide(a, b)?.reason;
}

function articleIds(form: Form): Set<string> {
  const ids = new Set<string>();
  for (const ref of form.mentions) ids.add(ref.articleId);
  for (const ref of form.partial) ids.add(ref.articleId);
  return ids;
}

function rolesOf(form: Form): RoleMention[] {
  const roles: RoleMention[] = [];
  for (const ref of form.mentions) if (ref.mention.role) roles.push(ref.mention.role);
  for (const ref of form.partial) if (ref.mention.role) roles.push(ref.mention.role);
  return roles;
}

/** Whether two sets of offices say "the same person" (strong), say nothing (weak), or "two people" (veto). */
export function compareRoles(
  a: RoleMention[],
  b: RoleMention[],
): { verdict: 'strong' | 'weak' | 'veto'; reason: string } {
  if (a.length === 0 || b.length === 0) return { verdict: 'weak', reason: 'no office is given for both' };
  let titleMatch: RoleMention | undefined;
  for (const ra of a) {
    for (const rb of b) {
      // "Minister Roe" against "Water Minister Jane Roe": a general title sets no one apart.
      if (isGeneralTitle(ra) || isGeneralTitle(rb)) titleMatch ??= ra;
      if (!sameOffice(ra, rb)) {
        // "Vice President" and "President": written loosely of one person as often as of two; "the
        // company's president and chief executive": one person's two titles.
        if (unranked(ra) === unranked(rb) || (headsABody(ra) && headsABody(rb))) titleMatch ??= ra;
        continue;
      }
      const qa = qualifierOf(ra);
      const qb = qualifierOf(rb);
      if (qa && qb && sameQualifier(qa, qb))
        return { verdict: 'strong', reason: `both are ${describeRole(ra)}` };
      if (qa && qb) continue;
      titleMatch = ra;
    }
  }
  if (titleMatch) return { verdict: 'weak', reason: `both are called ${titleMatch.title}` };
  return { verdict: 'veto', reason: 'their offices differ' };
}

/** A title without the words that make it a lesser office: "Executive Vice President" → "president". */
const unranked = (role: RoleMention): string =>
  role.title.toLowerCase().replace(/^(?:(?:vice|deputy|assistant|associate|executive|senior|joint)[\s-]+)+/u, '');

// "Riverton" and "Riverton Holding" name one company: one is the other's first words.
function sameQualifier(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(`${short} `);
}

/** Whose office it is; none for a body written in lower case ("the authority"), which may be any. */
function qualifierOf(role: RoleMention): string | undefined {
  if (!role.country && role.organization && /^\p{Ll}/u.test(role.organization)) return undefined;
  return (role.country ?? role.organization)?.toLowerCase();
}

/** "Prime Minister of Utopia", "Harbour Authority Director", "President". */
export function describeRole(role: Pick<RoleMention, 'title' | 'country' | 'organization'>): string {
  if (role.country) return `${role.title} of ${role.country}`;
  return role.organization ? `${role.organization} ${role.title}` : role.title;
}

/** A plain union-find over objects. */
class UnionFind<T> {
  private readonly parent = new Map<T, T>();
  constructor(items: T[]) {
    for (const item of items) this.parent.set(item, item);
  }
  has(item: T): boolean {
    return this.parent.has(item);
  }
  find(item: T): T {
    let root = item;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(item, root);
    return root;
  }
  union(a: T, b: T): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}
