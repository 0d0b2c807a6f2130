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
import { compareNames, conventionKey, nameKey, nameTokens, soundCodes } from '../names.js';
import type { ArticleAnalysis, EntityMention, EntityType, RoleMention } from '../types.js';

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
  /** Surname-alone mentions that the same article ties to this form ("Kishida" after "Fumio Kishida"). */
  partial: MentionRef[];
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
    if (!form) forms.set(id, (form = { key, type, mentions: [], partial: [] }));
    return form;
  };
  const loneSurnames: MentionRef[] = [];

  for (const article of articles) {
    const { placed, lone } = formsOfArticle(article);
    for (const ref of placed) {
      const form = formOf(ref.type, ref.key, ref.id);
      (ref.partial ? form.partial : form.mentions).push(ref);
    }
    loneSurnames.push(...lone);
  }

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

  // A surname alone in an article without the full name joins the one cluster that has it.
  const byEdgeToken = new Map<string, Form[]>();
  for (const form of all) {
    if (form.type !== 'person' || form.mentions.length === 0) continue;
    // Keys are sorted; the surname is an edge of the name as written ("Yoon" of "Yoon Suk Yeol").
    const tokens = nameTokens(textOf(form));
    if (tokens.length < 2) continue;
    for (const token of new Set([tokens[0]!, tokens[tokens.length - 1]!])) addTo(byEdgeToken, token, form);
  }
  for (const ref of loneSurnames) {
    const token = nameTokens(ref.mention.text)[0]!;
    const hosts = new Set((byEdgeToken.get(token) ?? []).map((f) => sets.find(f)));
    if (hosts.size === 1) [...hosts][0]!.partial.push(ref);
    // A tentative surname that no article gives in full was probably no person at all ("Xbox").
    else if (!ref.mention.tentative) formOf('person', nameKey(ref.mention.text)).mentions.push(ref);
  }

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
  const drafts = [...groups.values()]
    .map((group) => ({
      type: group[0]!.type,
      forms: group.filter((f) => f.mentions.length + f.partial.length > 0),
      links: linksByRoot.get(sets.has(group[0]!) ? sets.find(group[0]!) : group[0]!) ?? [],
      knowledge: group.map((f) => knowledgeOf.get(f)).find((k) => k !== undefined),
    }))
    .filter((draft) => draft.forms.length > 0);
  return { drafts, possible };
}

/**
 * A name one article calls an organisation ("Activision Blizzard CEO Bobby Kotick") is no person in
 * another that only has its shape to go on ("buy Activision Blizzard"): a person form that never
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

/** Where one article's mentions go: a form's full mentions, a form's surname-alone mentions, or nowhere yet. */
interface ArticleForms {
  placed: PlacedMention[];
  lone: MentionRef[];
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
  const result: ArticleForms = { placed: [], lone: [] };
  const inArticle = article.entities.filter((m) => !m.generic && nameTokens(m.text).length > 0);
  const fullPersons = inArticle.filter((m) => m.type === 'person' && nameTokens(m.text).length > 1);
  const hostsByEdge = edgeTokenHosts(fullPersons);
  const articleId = article.id;
  for (const mention of inArticle) {
    const tokens = nameTokens(mention.text);
    if (mention.tentative && tokens.length !== 1) continue;
    if (mention.type === 'person' && tokens.length === 1) {
      const host = uniqueHost(tokens[0]!, hostsByEdge);
      if (host) {
        const key = nameKey(host.text);
        result.placed.push({
          articleId,
          mention,
          type: 'person',
          key,
          id: formId('person', key),
          partial: true,
        });
      } else result.lone.push({ articleId, mention });
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
type EdgeHosts = Map<string, { first: EntityMention; keys: Set<string> }>;

// Built once per article: looking each surname up is then a map lookup, not a scan of every full
// name (quadratic on a long article).
function edgeTokenHosts(fullPersons: EntityMention[]): EdgeHosts {
  const hosts: EdgeHosts = new Map();
  for (const m of fullPersons) {
    const tokens = nameTokens(m.text).join(' ').split(' ');
    if (tokens.length < 2) continue;
    // A long name is also known by a middle part: "Lula" of "Luiz Inácio Lula da Silva".
    const edges =
      tokens.length >= 4 ? tokens.filter((t) => t.length > 3) : [tokens[0]!, tokens[tokens.length - 1]!];
    for (const token of new Set(edges)) {
      const entry = hosts.get(token);
      if (entry) entry.keys.add(nameKey(m.text));
      else hosts.set(token, { first: m, keys: new Set([nameKey(m.text)]) });
    }
  }
  return hosts;
}

/** The one full name in the article that `token` is the surname (or family name written first) of. */
function uniqueHost(token: string, hostsByEdge: EdgeHosts): EntityMention | undefined {
  const entry = hostsByEdge.get(token);
  return entry && entry.keys.size === 1 ? entry.first : undefined;
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
      ];
    });
    blockKeysByType.set(type, keysOf);
  }
  return keysOf(name);
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
  if (context.verdict === 'veto') return undefined;
  return { a, b, relation, strength: context.verdict, reason: context.reason };
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
      if (ra.title.toLowerCase() !== rb.title.toLowerCase()) continue;
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

// "Activision" and "Activision Blizzard" name one company: one is the other's first words.
function sameQualifier(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(`${short} `);
}

function qualifierOf(role: RoleMention): string | undefined {
  return (role.country ?? role.organization)?.toLowerCase();
}

/** "New Zealand Prime Minister", "NATO Secretary General", "President". */
export function describeRole(role: RoleMention): string {
  const qualifier = role.country ?? role.organization;
  return qualifier ? `${qualifier} ${role.title}` : role.title;
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
