/**
 * What a workspace knowledge file (dateline.yaml) tells the analysis, as plain data. Loading and
 * validating the file is knowledge/'s job; the analysis only reads this model.
 */
import type { EntityType, RuleId, Severity } from './types.js';

/** Where a knowledge entry is written: 0-based line and column in the knowledge file. */
export interface KnowledgeOrigin {
  line: number;
  column: number;
}

/** An office an entity holds, with its tenure when known. */
export interface KnowledgeRole {
  title: string;
  organization?: string;
  country?: string;
  /** ISO 8601 dates at any precision ("2021-10", "2021-10-04"); open-ended when absent. */
  from?: string;
  to?: string;
  origin?: KnowledgeOrigin;
}

/** A pinned entity: its canonical name, type, the spellings accepted for it, and its roles. */
export interface KnowledgeEntity {
  name: string;
  type: EntityType;
  aliases: string[];
  roles: KnowledgeRole[];
  origin?: KnowledgeOrigin;
}

/** A pinned event and when and where it happened. */
export interface KnowledgeEvent {
  name: string;
  aliases: string[];
  place?: string;
  start: string;
  end?: string;
  origin?: KnowledgeOrigin;
}

/** A pinned acronym expansion. */
export interface KnowledgeAcronym {
  acronym: string;
  expansion: string;
  origin?: KnowledgeOrigin;
}

/** A name the user has said is its own name, never a variant of a similar one. */
export interface KnowledgeDistinctName {
  name: string;
  origin?: KnowledgeOrigin;
}

/**
 * One finding the user has said to ignore in one article: "name-variant on “Smiht” in a.txt". The
 * file is a path relative to the knowledge file's folder, or a file name; it matches an article whose
 * id ends with it.
 */
export interface KnowledgeIgnore {
  file: string;
  rule: RuleId;
  /** The words flagged, as written (`Finding.actual`). */
  text: string;
  origin?: KnowledgeOrigin;
}

/** The whole knowledge file as the analysis sees it. */
export interface Knowledge {
  entities: KnowledgeEntity[];
  events: KnowledgeEvent[];
  acronyms: KnowledgeAcronym[];
  distinct: KnowledgeDistinctName[];
  ignore: KnowledgeIgnore[];
  /** Severity per rule; 'off' silences a rule. */
  rules: Partial<Record<RuleId, Severity | 'off'>>;
}

/** What a rule's level may be set to, in the settings and on the command line: a severity, or off. */
export const ruleLevels: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** The knowledge of a workspace with no knowledge file. */
export const emptyKnowledge: Knowledge = {
  entities: [],
  events: [],
  acronyms: [],
  distinct: [],
  ignore: [],
  rules: {},
};
