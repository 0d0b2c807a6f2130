/**
 * Offices written beside a name with a comma, the way news introduces people:
 *
 *   - after the name: "Jane Roe, Utopia's minister of water since May, said", "John Doe, the chief executive
 *     of Harbour Holding, said", "Jane Roe, head of the Water Authority,";
 *   - before it, with a complement: "Utopia's Minister of Water and Energy, Jane Roe, said",
 *     "the Minister of Energy of the Republic of Utopia, John Doe".
 *
 * Titles written straight before a name ("Energy Minister Jane Roe", "Utopia's water minister, Jane
 * Roe") are titles.ts's and entity-typing.ts's. No library reads appositives for offices, so this is hand-written.
 */
import type { RoleMention } from '../types.js';
import { countryOfDemonym, lookupPlace } from './gazetteer.js';
import { businessNouns, functionWords, organizationHeads, portfolioWords, titleExpansions, titles } from './lexicon.js';

/** Titles that an appositive may give on their own, beyond those that stand before a name. */
const appositiveTitles = new Set([...titles, 'head']);

/** A title's words: the last one or two words of a phrase, in the title list. */
function titleEnding(words: string[]): number | undefined {
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const phrase = words
      .slice(words.length - n)
      .join(' ')
      .toLowerCase()
      .replace(/-/gu, ' ');
    if (appositiveTitles.has(phrase)) return words.length - n;
  }
  return undefined;
}

/** "Utopia's", "Utopian", "the Utopian": the country a qualifier names, if any. */
function countryNamed(qualifier: string): string | undefined {
  const name = qualifier
    .replace(/['’]s$/u, '')
    .replace(/^the\s+/iu, '')
    .trim();
  if (!name) return undefined;
  const place = lookupPlace(name);
  return countryOfDemonym(name) ?? (place?.kind === 'country' ? place.country : undefined);
}

const capitalisedWords = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:of|and|for|to|the|de|du|des|la|le|\p{Lu}[\p{L}.'’-]*))*$/u;

/**
 * The office an "of" complement adds: a minister's portfolio in lower case ("minister of environment
 * and water"), or the country or organisation that holds the office ("of the Republic of Utopia",
 * "of Harbour Holding").
 */
function complement(
  title: string,
  of: string | undefined,
): { title: string; country?: string; organization?: string } | undefined {
  if (!of) return { title: normalTitle(title) };
  const text = of.replace(/^the\s+/iu, '').trim();
  // "Minister of Water": the complement is the portfolio; "Water Minister of Utopia": whose it is.
  const minister = /^minister$/iu.test(title);
  // "Minister of Energy of the Republic of Utopia": the portfolio, then whose it is.
  const [portfolio, owner] = minister ? splitOwner(text) : [undefined, text];
  const result: { title: string; country?: string; organization?: string } = {
    title: portfolio ? `${title} of ${titleCase(portfolio)}` : normalTitle(title),
  };
  if (!owner) return result;
  const country = countryNamed(owner) ?? countryNamed(owner.replace(/^republic of\s+/iu, ''));
  if (country) result.country = country;
  else if (capitalisedWords.test(owner) || (headsBody(title) && namesBody(owner))) result.organization = owner;
  else if (headsBody(title) && describedName(owner)) result.organization = describedName(owner);
  else if (!minister) return undefined;
  return result;
}

/** Titles that head a body, one holder at a time: "president of the dock workers' union". */
const bodyHeadTitles = new Set(['head', 'president', 'chairman', 'chairwoman', 'chairperson', 'chair', 'chief executive', 'director', 'director general', 'executive director', 'managing director', 'secretary general']);
const headsBody = (title: string): boolean => bodyHeadTitles.has(title.toLowerCase());

/**
 * Bodies one person heads, written in lower case: "the dock workers' union", "the authority".
 * Not a committee, a court or a parliament, which legislators and judges chair, nor a delegation or
 * a team, which anyone may lead for a day.
 */
const bodyNouns = new Set(
  [...organizationHeads, 'consortium', 'operator', 'utility', 'firm', 'cooperative', 'regulator'].filter(
    (noun) => !['committee', 'court', 'parliament', 'congress', 'senate', 'assembly', 'cabinet', 'government', 'administration', 'police', 'forces', 'force', 'army', 'navy', 'office', 'house', 'diet', 'times', 'post', 'news', 'press', 'service', 'services'].includes(noun),
  ),
);
const namesBody = (phrase: string): boolean =>
  bodyNouns.has(phrase.trim().split(/\s+/u).pop()!.toLowerCase().replace(/['’]s?$/u, ''));

/**
 * "the Utopian transmission operator Gridco", "the state miner Riverton Mining": a body's name after
 * a description of it in lower case that ends in the kind of body it is.
 */
function describedName(phrase: string): string | undefined {
  const match = /(?:^|\s)([\p{Ll}]+)\s+(\p{Lu}[\p{L}.'’&-]*(?:\s+\p{Lu}[\p{L}.'’&-]*){0,3})$/u.exec(phrase.trim());
  if (!match) return undefined;
  const noun = match[1]!;
  return bodyNouns.has(noun) || businessNouns.has(noun) || noun === 'miner' ? match[2] : undefined;
}

/** "Energy of the Republic of Utopia" → ["Energy", "the Republic of Utopia"]; "Water and Energy" → ["Water and Energy"]. */
function splitOwner(text: string): [string | undefined, string | undefined] {
  const at = text.search(/\s+of\s+/iu);
  // "Minister of Energy" names a portfolio; "minister of North Rhine-Westphalia", whose office it is.
  const owner = countryNamed(text) || (capitalisedWords.test(text) && !portfolioWords.has(text.split(/\s+/u)[0]!.toLowerCase()) && lookupPlace(text) !== undefined);
  if (at < 0) return owner ? [undefined, text] : [text, undefined];
  return [text.slice(0, at), text.slice(at).replace(/^\s+of\s+/iu, '')];
}

/** A title in its usual form: "Chief Executive Officer" is the Chief Executive. */
const normalTitle = (title: string): string => titleExpansions[title.toLowerCase()] ?? title;

function titleCase(phrase: string): string {
  return phrase
    .split(/[\s-]+/)
    .map((w) =>
      functionWords.has(w.toLowerCase()) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join(' ');
}

/** What ends an appositive's office: a comma, a full stop, or a clause or place that follows it. */
const appositiveEnd = String.raw`(?=[,;)]|\.(?:\s|$)|\s+(?:said|says|told|who|which|that|whose|in|on|with|since|until|standing|speaking|added|wrote)\b)`;

/** A title's words, up to three, none of them a word that ends the appositive or opens a complement. */
const titleWords = String.raw`(?!(?:of|for|at|in|on|with|who|which|that|since|until)\b)[\p{L}-]+`;

const appositiveAfter = new RegExp(
  String.raw`^,\s+(?:(?:now|currently)\s+)?(?:(?:Hon['’]ble|Hon\.|Honourable)\s+)?(?:the\s+)?(?:((?:\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)*|(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)['’]s)\s+|(\p{Lu}\p{L}+)\s+)?((?:(?:deputy|vice|acting)\s+)?${titleWords}(?:\s+${titleWords}){0,2})(?:\s+(?:of|for|at)\s+([^,;:()"“”\n]{1,70}?))?(?:\s+\(\p{Lu}[\p{Lu}\d&]{1,9}\)|\s+\(\p{Lu}[^()\n]{1,60}\))?(?:\s+(since|until)\s+[^,;:()"“”\n]{1,30}?)?\s*${appositiveEnd}`,
  'u',
);

/** "Jane Roe, who heads the Water Authority,": the body she heads. */
const headsAfter = new RegExp(
  String.raw`^,\s+who\s+(?:(heads|leads|runs|directs)|(chairs))\s+(?:(?:the|an?|its)\s+)?([^,;:()"“”\n]{2,70}?)\s*${appositiveEnd}`,
  'u',
);

/** The role an appositive after a name gives it: "Jane Roe, Utopia's minister of water, said". */
export function roleAfter(text: string, end: number): RoleMention | undefined {
  const after = text.slice(end, end + 140);
  const match = appositiveAfter.exec(after);
  // "Jane Roe, minister of water until May": an office she no longer holds.
  if (match?.[5] === 'until') return undefined;
  if (match) return roleOf(match, end, match[1] ?? match[2]);
  const heads = headsAfter.exec(after);
  if (!heads) return undefined;
  const body = heads[3]!;
  if (!capitalisedWords.test(body) && !namesBody(body) && !namesBody(body.split(/\s+of\s+/u)[0]!)) return undefined;
  const verb = end + heads[0].indexOf(heads[1] ?? heads[2]!);
  const span = { start: verb, end: end + heads[0].indexOf(body) + body.length };
  return { title: heads[2] ? 'Chair' : 'Head', span, organization: body };
}

/**
 * "Jane Roe was sworn in as Minister of Energy", "John Doe, who took office as Utopia's water
 * minister,", "Jane Roe was elected chair of the authority", "John Doe has been chief executive of
 * Harbour Holding since 2017": an office taken or held, so held on the page's date. Not "will be
 * sworn in": an office to come is not held yet; nor "was": one held once.
 */
const takenAs =
  /^,?\s+(?:who\s+)?(?:(?:was\s+|has\s+been\s+|had\s+been\s+|is\s+)?(?:sworn\s+in|appointed|named|elected|installed|confirmed|took\s+office|takes\s+office|(?:took|takes)\s+the\s+oath(?:\s+of\s+office)?)(?:\s+(?:today|yesterday|on\s+\p{Lu}\p{Ll}+(?:\s+\d{1,2})?))?(?:\s+as)?|(?:is|has\s+been|became|becomes|remains))\s+(?=\S)/u;

/** "The assembly approved Jane Roe as …", "the board appointed John Doe as …": the name between the verb and "as". */
const namedBefore = /\b(?:appointed|named|approved|confirmed|elected|installed|chose|picked)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$/u;

/** The office a name is said to have taken, written after it. */
export function roleTakenAs(text: string, start: number, end: number): RoleMention | undefined {
  const taken =
    takenAs.exec(text.slice(end, end + 80)) ??
    (namedBefore.test(text.slice(Math.max(0, start - 40), start)) ? /^\s+as\s+(?=\S)/u.exec(text.slice(end, end + 10)) : null);
  if (!taken) return undefined;
  // Read what follows "as" the way an appositive is read: ", Utopia's Minister of Energy".
  const from = end + taken[0].length;
  const match = appositiveAfter.exec(`, ${text.slice(from, from + 140)}`);
  if (!match || match[5] === 'until') return undefined;
  return roleOf(match, from - 2, match[1] ?? match[2]);
}

/**
 * "Harbour Holding, headed by Jane Roe", "the dock workers' union (DWU), led by Jane Roe", "the water
 * ministry headed by Jane Roe": the body written before the name, which the name heads.
 */
const ledBy = new RegExp(
  String.raw`(?:\b(?:[Tt]he|[Ii]ts)\s+((?:[\p{Ll}'’-]+\s+){0,4}[\p{Ll}'’-]+)|(\p{Lu}[\p{L}'’&.-]*(?:\s+(?:of|and|for|the|de|\p{Lu}[\p{L}'’&.-]*)){0,6}))(?:\s+\((\p{Lu}[\p{Lu}\d&]{1,9})\))?,?\s+(?:(led|headed|run|directed)|(chaired))\s+by\s+(?:(?:Dr|Mr|Mrs|Ms|Prof|Eng|Sir|Dame)\.?\s+)?$`,
  'u',
);

/** "Its chief executive is Jane Roe", "the union's president is John Doe": the body's head, named after the verb. */
const headIs =
  /\b(?:[Ii]ts|[Tt]heir|[Tt]he\s+\p{Ll}+['’]s)\s+((?:deputy\s+|vice\s+)?(?:chief executive|president|chairman|chairwoman|chairperson|chair|director general|director|managing director|executive director|head|secretary general))\s+(?:is|remains)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$/u;

/** The office a passive "led by" before a name gives it, or a head named after "is". */
export function roleLedBy(text: string, start: number): RoleMention | undefined {
  const before = text.slice(Math.max(0, start - 160), start);
  const is = headIs.exec(before);
  if (is) {
    const at = start - before.length + is.index + is[0].indexOf(is[1]!);
    return { title: titleCase(is[1]!), span: { start: at, end: at + is[1]!.length } };
  }
  const match = ledBy.exec(before);
  if (!match) return undefined;
  const at = start - before.length;
  const span = { start: at + match.index, end: at + match.index + match[0].trimEnd().length };
  const lower = match[1];
  if (lower) {
    // "the environment and water ministry headed by": the minister of its portfolio.
    const ministry = /^(.+?)\s+ministry$/u.exec(lower);
    if (ministry) return { title: `Minister of ${titleCase(ministry[1]!)}`, span };
    if (!namesBody(lower)) return undefined;
  }
  const name = (match[2] ?? '').replace(/^(?:(?:The|In|At|On|For|By|And|But|A|An)\s+)+/u, '');
  if (!lower && !match[3] && !namesBody(name)) return undefined;
  return { title: match[5] ? 'Chair' : 'Head', span, organization: match[3] ?? lower ?? name };
}

/**
 * The role an appositive before a name gives it, when the office has a complement that titles.ts's
 * titleBefore does not read: "Utopia's Minister of Water, Jane Roe", "the Minister of Energy of the
 * Republic of Utopia, John Doe".
 */
export function roleBefore(text: string, start: number, end: number): RoleMention | undefined {
  const before = text.slice(Math.max(0, start - 140), start);
  if (!/,\s+$/u.test(before)) return undefined;
  // The name closes the apposition ("the Minister of Water, Jane Roe, said"); "To the Minister of
  // Water, Jane Roe wrote" makes her the writer, not the minister.
  if (!/^(?:\s*[,.;:?)]|\s+(?:and|who)\b|\s*$)/u.test(text.slice(end, end + 8))) return undefined;
  const clause = before.replace(/,\s+$/u, '');
  const at = start - before.length;
  // The clause from the last sentence break, comma or bracket: "…, and the Minister of Trade".
  const from =
    Math.max(
      clause.lastIndexOf(', '),
      clause.lastIndexOf('. '),
      clause.lastIndexOf('\n'),
      clause.lastIndexOf('('),
      // "…hide," said the Minister: a closing quote ends the clause before.
      clause.lastIndexOf('" '),
      clause.lastIndexOf('” '),
    ) + 1;
  const role = officeInClause(clause, from, at);
  if (role) return role;
  // "Utopia's Minister of Culture, Sport and Tourism, Jane Roe": the commas of a
  // portfolio's list are the office's own.
  const listed = listedPortfolio.exec(clause);
  if (!listed || !listed[1]!.includes(',')) return undefined;
  const items = listed[1]!.split(/,\s+|,?\s+and\s+/u);
  if (!items.every((item) => portfolioWords.has(item.split(/\s+/u)[0]!.toLowerCase()))) return undefined;
  return officeInClause(clause, listed.index + (/^[.;(\n]/u.test(listed[0]) ? 1 : 0), at);
}

/** One or two capitalised words of a portfolio's list: "Transport", "Natural Resources". */
const portfolioItem = String.raw`\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?`;

/** A clause that ends in an office's list of portfolios: "Utopia's Minister of Culture, Sport and Tourism". */
const listedPortfolio = new RegExp(
  String.raw`(?:^|[.;(\n]|(?<=,\s))[^,.;(\n]*?\b(?:of|for)\s+(?:the\s+)?(${portfolioItem}(?:,\s+${portfolioItem})*,?\s+and\s+${portfolioItem})$`,
  'u',
);

/** The office a clause that ends just before a name's comma gives it, from the clause's first word `from`. */
function officeInClause(clause: string, from: number, at: number): RoleMention | undefined {
  const words = [...clause.slice(from).matchAll(/[\p{L}'’.-]+/gu)];
  // The first "of" or "for" that closes a title: "is the Minister of …", "Utopia's Minister for …".
  for (let k = 1; k < words.length - 1; k++) {
    if (!/^(?:of|for)$/iu.test(words[k]![0])) continue;
    const ending = titleEnding(words.slice(Math.max(0, k - 3), k).map((w) => w[0]));
    if (ending === undefined) return undefined;
    let first = Math.max(0, k - 3) + ending;
    // "the environment minister of North Rhine-Westphalia": the portfolio before the title is its own.
    const portfolio = words[first - 1]?.[0];
    if (portfolio && /^minister$/iu.test(words[first]![0]) && portfolioWords.has(portfolio)) first--;
    // "Utopia's new Minister of Energy": "new" says since when, not whose.
    let back = first - 1;
    while (back > 0 && /^(?:new|newly|recently|current|incumbent|appointed)$/iu.test(words[back]![0])) back--;
    const prior = words[back]?.[0];
    // "Utopia's", "Utopian": whose office; "a minister of …" names no one office.
    if (prior && /^(?:an?|one|former|ex|late)$/iu.test(prior)) return undefined;
    const qualifier = prior && (/['’]s$/u.test(prior) || countryNamed(prior)) ? prior : undefined;
    const title = words
      .slice(first, k)
      .map((w) => w[0])
      .join(' ');
    const of = clause.slice(from + words[k + 1]!.index!);
    const office = complement(titleCase(title), of.trim());
    if (!office) return undefined;
    const titleStart = at + from + words[first]!.index!;
    return withOwner(office, { start: titleStart, end: at + clause.length }, qualifier);
  }
  return capitalisedTitleBefore(words, at + from);
}

/**
 * "The state Attorney-General, Jane Roe", "the Harbour Authority Chairman, John Doe", "Utopia's
 * Resident Electoral Commissioner, Jane Roe": an office written in capitals with no complement,
 * opening its clause. After whose it is ("Utopia's"), capitalised words are the title's own.
 */
function capitalisedTitleBefore(words: RegExpMatchArray[], clauseStart: number): RoleMention | undefined {
  const texts = words.map((w) => w[0]);
  const at = titleEnding(texts);
  if (at === undefined || texts.slice(at).some((w) => !/^\p{Lu}/u.test(w))) return undefined;
  // "He will meet Utopia's Chief Minister, Jane Roe": the capitalised words that end the clause.
  let lead = at;
  while (lead > 0 && (/^\p{Lu}/u.test(texts[lead - 1]!) || (texts[lead - 1] === 'and' && /^\p{Lu}/u.test(texts[lead - 2] ?? '')))) lead--;
  // The lower-case words that may open the office: "…," said the state Attorney-General, Jane Roe.
  if (/^(?:state|federal|national|county|regional|provincial)$/u.test(texts[lead - 1] ?? '')) lead--;
  if (/^(?:the|its)$/iu.test(texts[lead - 1] ?? '')) lead--;
  if (/^(?:said|says|added|adds|told|wrote)$/u.test(texts[lead - 1] ?? '')) lead--;
  // "the Press Secretary to the Governor, Jane Roe": the office is the one the preposition hangs on.
  else if (/^(?:to|of|for|at|in|on|with|from|by|under|against)$/u.test(texts[lead - 1] ?? '')) return undefined;
  // "…," said the Cabinet Secretary, Jane Roe: the quote's verb opens the clause.
  if (/^(?:said|says|added|adds|told|wrote)$/u.test(texts[lead] ?? '')) lead++;
  if (/^(?:the|its)$/iu.test(texts[lead] ?? '')) lead++;
  if (texts[lead] && /^(?:state|federal|national|county|regional|provincial)$/u.test(texts[lead]!)) lead++;
  const owner = texts.slice(lead, at);
  // "Utopia's Resident Electoral Commissioner", "South Utopia's Justice and Security Minister": whose
  // office up to the possessive, the title's own words after it.
  const possessive = owner.findIndex((w) => /['’]s$/u.test(w));
  const whose = possessive >= 0 ? owner.slice(0, possessive + 1) : owner;
  const own = owner.slice(whose.length);
  if (whose.length > 4 || whose.some((w) => !/^\p{Lu}/u.test(w))) return undefined;
  if (own.length > 4 || own.some((w, i) => !/^\p{Lu}/u.test(w) && (w !== 'and' || i === 0 || i === own.length - 1))) return undefined;
  const first = possessive >= 0 ? lead + whose.length : at;
  const qualifier = whose.length > 0 ? whose.join(' ') : undefined;
  const title = titleCase(texts.slice(first).join(' ').replace(/-/gu, ' '));
  const span = { start: clauseStart + words[first]!.index!, end: clauseStart + words[texts.length - 1]!.index! + texts[texts.length - 1]!.length };
  return withOwner({ title: normalTitle(title) }, span, qualifier);
}

function roleOf(
  match: RegExpExecArray,
  matchStart: number,
  written: string | undefined,
): RoleMention | undefined {
  let qualifier = written;
  const words = match[3]!.split(/\s+/);
  const at = titleEnding(words);
  if (at === undefined) return undefined;
  // "water minister": a word before "minister" is its portfolio.
  const portfolio = at > 0 && /^minister$/iu.test(words[words.length - 1]!) && !countryNamed(words[at - 1]!);
  const from = portfolio ? at - 1 : at;
  const lead = words.slice(from);
  if (lead.some((w) => functionWords.has(w.toLowerCase()))) return undefined;
  // "Harbour Holding chief executive": the capitalised words before the title name whose it is.
  const prefix = words.slice(0, from);
  if (prefix.length > 0 && prefix.every((w) => /^\p{Lu}/u.test(w))) qualifier = [qualifier, ...prefix].filter(Boolean).join(' ');
  const office = complement(titleCase(lead.join(' ')), match[4]?.trim());
  if (!office) return undefined;
  // "the village head", "the team leader": the head of something no organisation's name ends in,
  // so of no body the article names ("the authority head" is the authority's).
  const owner = prefix.join(' ');
  if (!match[4] && prefix.length > 0 && prefix.every((w) => /^\p{Ll}/u.test(w) && !functionWords.has(w)) && headsBody(lead.join(' ')) && !namesBody(owner))
    office.organization = owner;
  const titleText = lead.join(' ');
  const at3 = match[0].indexOf(match[3]!);
  const start = matchStart + at3 + match[3]!.lastIndexOf(titleText);
  const end = match[4]
    ? matchStart + match[0].indexOf(match[4], at3 + match[3]!.length) + match[4].trimEnd().length
    : start + titleText.length;
  return withOwner(office, { start, end }, qualifier);
}

function withOwner(
  office: { title: string; country?: string; organization?: string },
  span: { start: number; end: number },
  qualifier: string | undefined,
): RoleMention {
  const role: RoleMention = { title: office.title, span };
  const country = office.country ?? (qualifier ? countryNamed(qualifier) : undefined);
  if (country) role.country = country;
  else if (office.organization) role.organization = office.organization;
  else if (qualifier) role.organization = qualifier.replace(/['’]s$/u, '');
  return role;
}
