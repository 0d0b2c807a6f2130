/**
 * The corpus index as consumers (the language server, the CLI) read it: entity clusters with every
 * mention and spelling, acronyms with every expansion, dated events, and what sits at an offset.
 */
import type { KnowledgeEntity, KnowledgeOrigin } from './knowledge-model.js';
import type {
  AcronymMention,
  CorpusLocation,
  DateMention,
  Dateline,
  EntityMention,
  EntityType,
  Span,
} from './types.js';

/** One mention of a cluster, as written in one article. */
export interface ClusterMention extends CorpusLocation {
  text: string;
  mention: EntityMention;
  /** True when this spelling differs from the canonical name beyond a surname-alone or case. */
  variant: boolean;
}

/** Everything the corpus says is one person, organisation, place, event or programme. */
export interface EntityCluster {
  /** Stable within one corpus state: the type and the canonical name, "person:Jane Smith". */
  id: string;
  type: EntityType;
  canonical: string;
  /** Why the canonical name is this one: "pinned in dateline.yaml:4", "3 of 4 mentions, in 3 articles". */
  canonicalReason: string;
  knowledge?: KnowledgeEntity;
  mentions: ClusterMention[];
  /** The offices written with its mentions, each with where. */
  roles: { title: string; country?: string; organization?: string; locations: CorpusLocation[] }[];
  /** The acronym the corpus defines for it, if any ("NATO"). */
  acronym?: string;
}

/** One long form written for an acronym, with where. */
export interface AcronymExpansion {
  text: string;
  locations: CorpusLocation[];
}

/** An acronym across the corpus: every expansion written for it, and the one taken as right. */
export interface AcronymEntry {
  acronym: string;
  expansions: AcronymExpansion[];
  /** The expansion taken as right (knowledge file, else the best-supported one), if any. */
  canonical?: string;
  canonicalReason?: string;
  /** Every use of the acronym itself. */
  uses: CorpusLocation[];
}

/** An event on the corpus timeline: one summit, visit or signing, however each article names it. */
export interface CorpusEvent {
  id: string;
  name: string;
  kind: string;
  place?: string;
  country?: string;
  organization?: string;
  /** ISO 8601 date or interval; absent when no article dates it. */
  date?: string;
  /** Where the date comes from: an article's sentence, or the knowledge file. */
  dateSources: { location?: CorpusLocation; origin?: KnowledgeOrigin; value: string; how: string }[];
  mentions: (CorpusLocation & { text: string; tense: 'future' | 'past' | 'present' | 'unknown' })[];
}

/** An article's date as inferred from the events it mentions, when it has no dateline. */
export interface InferredDate {
  /** "YYYY-MM-DD" */
  date: string;
  /** The events that date it, with the article's own mention and the corpus date. */
  evidence: { event: CorpusEvent; mention: CorpusLocation; reasoning: string }[];
}

/** What sits at an offset of an article, for hover, references, rename and highlights. */
export type Annotation =
  | { kind: 'entity'; span: Span; cluster: EntityCluster; mention: ClusterMention }
  | { kind: 'acronym'; span: Span; entry: AcronymEntry; mention: AcronymMention }
  | { kind: 'date'; span: Span; date: DateMention; anchor?: DateAnchorInfo }
  | { kind: 'dateline'; span: Span; dateline: Dateline };

/** The anchor a relative date was resolved against: the article's dateline or an inferred date. */
export interface DateAnchorInfo {
  source: 'dateline' | 'inferred';
  date: string;
  /** The dateline it came from, when it is the article's own. */
  dateline?: Dateline;
  inferred?: InferredDate;
}
