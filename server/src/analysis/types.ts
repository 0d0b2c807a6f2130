/**
 * The data model of the analysis core. Everything here is plain data: offsets into an article's text
 * (UTF-16 code units, as JavaScript strings index), never editor positions (invariant 3).
 */

/** A half-open range [start, end) of UTF-16 code units in one article's text. */
export interface Span {
  start: number;
  end: number;
}

/** One article as the analysis receives it: a stable id (a URI or a path) and its text. */
export interface ArticleInput {
  id: string;
  text: string;
  /**
   * The year to give a page date that prints none ("LIMA, March 22 (Agency) —"), when the page
   * itself gives none either: the corpus's, worked out by `Corpus` from the other pages' dates.
   */
  year?: number;
}

/** The kinds of named thing Dateline highlights and links across articles. */
export type EntityType = 'person' | 'organization' | 'place' | 'event' | 'programme';

/** A title or office attached to a person mention: "Utopian Prime Minister" before "Jane Smith". */
export interface RoleMention {
  /** The office, normalised to Title Case without the holder's country or organisation: "Prime Minister". */
  title: string;
  /** The whole role phrase as written, e.g. "Utopian Prime Minister" or "Harbour Authority Director". */
  span: Span;
  /** The country the office belongs to, as a country's common name ("South Korea" from "South Korean"). */
  country?: string;
  /** The organisation the office belongs to, as written ("NATO", "European Commission"). */
  organization?: string;
}

/** One mention of a named entity in an article. */
export interface EntityMention {
  type: EntityType;
  /** The name itself, without any title: "Jane Smiht", "Tanaka", "Riga". */
  span: Span;
  text: string;
  /** The title or office written with this mention, if any. */
  role?: RoleMention;
  /** For a place: the country it is in ("Riga" → "Latvia"); a country names itself. */
  country?: string;
  /** True for a mention in a headline, where Title Case makes capitalisation no evidence of a name. */
  inHeadline?: boolean;
  /** True when the mention is a generic plural ("their Joint Safety Programmes"), not a name. */
  generic?: boolean;
  /**
   * True for a lone capitalised word that may be a surname ("Nadella said", with no full name in this
   * article): the corpus keeps it only when another article names a person with that surname.
   */
  tentative?: boolean;
}

/** An acronym as written, and its expansion when this mention defines it: "Long Form (LF)". */
export interface AcronymMention {
  acronym: string;
  span: Span;
  /** The long form this mention defines, when written as "Long Form (LF)" or "LF (Long Form)". */
  expansion?: { text: string; span: Span };
}

/** What a temporal expression's value was resolved against. */
export type DateAnchor = 'absolute' | 'dateline' | 'inferred' | 'unresolved';

/** A temporal expression and its normalised value. */
export interface DateMention {
  text: string;
  span: Span;
  /**
   * ISO 8601 at the precision stated: "2031", "2031-03", "2031-03-04", "2031-03-04T08:40+01:00",
   * an interval "2023/2026"; null when it cannot be resolved (a weekday in an undated article).
   */
  value: string | null;
  /** True when the value depends on an anchor (a weekday, "last July", "next year", "earlier that day"). */
  relative: boolean;
  anchor: DateAnchor;
  /** One sentence on how the value was found, for the hover: "weekday after the dateline (future tense: “will meet”)". */
  how: string;
  /** A weekday written with a full date ("Monday, March 4, 2031"), for the weekday-mismatch rule. */
  statedWeekday?: { name: string; span: Span };
}

/** An article's own date line: "08:40 GMT, March 4, 2031". */
export interface Dateline {
  text: string;
  span: Span;
  /** ISO 8601 at the precision stated: "2031-03-04T08:40+01:00" or "2031-03-04". */
  value: string;
  /** The calendar date alone, "YYYY-MM-DD", the anchor for relative dates. */
  date: string;
  /** The "Updated" stamp the page prints beside its date, if any: a fact of its own. */
  updated?: { text: string; span: Span; value: string; date: string };
  /** The same month and day printed again near the top of the page, in another year. */
  otherYear?: { text: string; span: Span; value: string; date: string };
}

/** Kinds of page furniture: text on the page that is not the article. */
export type FurnitureKind =
  | 'link-list'
  | 'site-widget'
  | 'newsletter'
  | 'author-bio'
  | 'comments'
  | 'credit'
  | 'navigation';

/** A run of lines that belongs to the page around the article, not to the article. */
export interface FurnitureBlock {
  span: Span;
  kind: FurnitureKind;
  /** Why it was taken for furniture, for the hover: "12 short Title Case lines separated by '-' lines". */
  reason: string;
}

/** The parts of an article: headline, dateline, body lines and page furniture. */
export interface ArticleStructure {
  /**
   * Where each line starts, the first at 0; a line ends at the line break ("\n", "\r\n" or "\r")
   * before the next start, the last at the end of the text. Offsets, not spans: 10,000 articles have
   * 280,000 lines.
   */
  lineStarts: number[];
  headline: Span | null;
  dateline: Dateline | null;
  /**
   * A page date that prints no year and got none ("March 22" of a wire dateline): its month and day,
   * "MM-DD", for the corpus to give it the year its other pages are dated in.
   */
  yearless?: string;
  furniture: FurnitureBlock[];
}

/** A mention of an event (a summit, a visit, a signing) and what the article says of its time. */
export interface EventMention {
  /** The phrase that names the event: "the alliance summit in Utopia", "the Riverton Summit". */
  text: string;
  span: Span;
  /** The head noun, lower case and singular: "summit", "meeting", "visit". */
  kind: string;
  organization?: string;
  /** The place it is in, and that place's country. */
  place?: { name: string; country?: string };
  /** A date the same sentence gives it: "scheduled to start Tuesday" → "2019-03-05". */
  date?: { value: string; span: Span };
  /** How the article places it relative to its own date: "future" for "upcoming", "will", "to be held". */
  tense: 'future' | 'past' | 'present' | 'unknown';
  /** The words that show the tense. */
  cue?: { text: string; span: Span };
}

/** Everything the analysis knows about one article, independent of the rest of the corpus. */
export interface ArticleAnalysis {
  id: string;
  text: string;
  structure: ArticleStructure;
  entities: EntityMention[];
  acronyms: AcronymMention[];
  dates: DateMention[];
  events: EventMention[];
}

/** LSP's four severities, and the level a rule may be set to. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * The stable rule ids, in the order `rules/index.ts` lists the rules; each is a file in rules/ and a
 * diagnostic's `code`. Written out here too so that the command line can check `--rule` without
 * loading the rules (a test keeps the two lists equal).
 */
export const ruleIds = [
  'name-variant',
  'acronym-expansion',
  'dateline-conflict',
  'weekday-mismatch',
  'role-conflict',
] as const;

/** One of `ruleIds`. */
export type RuleId = (typeof ruleIds)[number];

/** A place in the corpus: an article and a span in it. */
export interface CorpusLocation {
  articleId: string;
  span: Span;
}

/** One replacement of text in one article. */
export interface TextEdit {
  articleId: string;
  span: Span;
  newText: string;
}

/** A named set of edits that fixes a finding. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** A finding of a rule, with the evidence for it (invariant 4: provenance travels with the finding). */
export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  articleId: string;
  span: Span;
  /** What was expected and why, in one sentence, naming the evidence. */
  message: string;
  /** The text as written. */
  actual: string;
  /** The replacement(s) the evidence supports, best first. */
  expected: string[];
  /** The evidence in this and other articles. */
  related: { location: CorpusLocation; message: string }[];
  fixes: Fix[];
  /**
   * The reasoning, one step a line, for the hover card: worked out when asked, not when the rule
   * runs. 10,000 articles have 42,000 findings, and their explanations were 22 MB that only a hover
   * reads. The function must not hold the corpus index (`where(index, …)` inside it, or any closure
   * beside it that reads `index`): a finding outlives a rebuild of the index part its rule does not
   * read, and would keep the old part alive.
   */
  explain: () => string[];
}
