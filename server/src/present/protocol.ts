/**
 * Dateline's own messages between the VS Code client and the language server, beside LSP's: their
 * method names and payloads. The client imports this module too, so both sides name each message
 * once. Its only import is the cheap test of whether a text file looks like an article, which the
 * client needs before a server runs (to start one) and the server uses to choose its corpus; both
 * are pure and small, so they add only these few lines to the client's bundle.
 */
export { looksLikeArticle, type ArticleLook } from './looks-like-article.js';

/** The method names of Dateline's own notifications and requests. */
export const methods = {
  /** Server → client notification: the corpus summary for the status bar (`CorpusStatus`). */
  status: 'dateline/status',
  /** Client → server notification: the user trusted the workspace (`TrustParams`). */
  trust: 'dateline/trust',
  /** Client → server request: read every article and the knowledge file again; no params, no result. */
  reindex: 'dateline/reindex',
  /** Client → server request: every mention of the entity at a position (`MentionsParams` → `Location[]`). */
  mentions: 'dateline/mentions',
  /** Client → server request: whether the corpus took a plain-text file (`IsArticleParams` → `IsArticleReply`). */
  isArticle: 'dateline/isArticle',
  /** Client → server request: the Timeline view's rows; no params (→ `TimelineReply`). */
  timeline: 'dateline/timeline',
  /** Client → server request: the Entities view's rows; no params (→ `EntitiesReply`). */
  entities: 'dateline/entities',
  /**
   * Client → server request: the reasoning behind the findings and the annotation at a position, as
   * one Markdown page (`MentionsParams` → `ReasoningReply`); the hover's "Show reasoning" link.
   */
  reasoning: 'dateline/reasoning',
} as const;

/**
 * What VS Code's client sends as `initializationOptions`, beside the `dateline` settings. Other
 * editors send only settings, or nothing.
 */
export interface InitializationOptions {
  /** False in an untrusted workspace: no edit beyond the current document. */
  trusted?: boolean;
  /** The folder URI of the rule pages (the extension's `docs/rules`, as the browser can open it). */
  ruleDocs?: string;
  /** A folder the server may keep its analysis cache in (the extension's storage), if any. */
  cacheFolder?: string;
  /**
   * True when the client runs `dateline.showReasoning` and `dateline.showMentions` from links in a
   * hover: the hover then keeps to one line, the fix and the evidence in short, and links to the rest.
   */
  commandLinks?: boolean;
  /**
   * True when the client shows each diagnostic's message in the hover, above the server's card (VS Code
   * does): the card then leaves a finding's message out rather than say it twice.
   */
  diagnosticsInHover?: boolean;
}

/** The corpus summary sent as `dateline/status` for the client's status bar. */
export interface CorpusStatus {
  articles: number;
  /** Warnings and errors across the corpus. */
  warnings: number;
  /** Files not analysed (binary, invalid, too large). */
  skipped: number;
  /** While the workspace is read: how many articles of how many. */
  indexing?: { done: number; total: number };
}

/** What the client sends as `initializationOptions`, beside the `dateline` settings. */
/** The params of `dateline/trust`. */
export interface TrustParams {
  trusted?: boolean;
}

/** The reply to `dateline/reasoning`: a Markdown page, or null when nothing is found or annotated there. */
export type ReasoningReply = { markdown: string } | null;

/** The params of `dateline/mentions`: a document and a 0-based position in it (UTF-16 characters). */
export interface MentionsParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}

/** The params of `dateline/isArticle`. */
export interface IsArticleParams {
  uri: string;
}

/** The reply to `dateline/isArticle`: true when the file is an article of the corpus. */
export interface IsArticleReply {
  article: boolean;
}

/** A range as LSP has it: 0-based lines and UTF-16 characters. */
export interface ViewRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A place in the corpus to click through to: `label` is "file.txt:12", `text` what is written there. */
export interface ViewLocation {
  uri: string;
  range: ViewRange;
  label: string;
  text: string;
}

/** A finding about an item of a view, with where it is. */
export interface ViewFinding {
  rule: string;
  message: string;
  location: ViewLocation;
}

/** One event of the timeline. */
export interface TimelineEvent {
  name: string;
  kind: string;
  place?: string;
  /** ISO 8601 date or interval; absent when no article dates it. */
  date?: string;
  /** The sentences that date it, each with its article. */
  datedBy: ViewLocation[];
  /** Every mention, and whether the article writes of it as ahead or behind. */
  mentions: (ViewLocation & { tense: string })[];
  conflicts: ViewFinding[];
}

/** The reply to `dateline/timeline`: dated events in date order, then the undated. */
export interface TimelineReply {
  events: TimelineEvent[];
}

/** One spelling of an entity, with every mention written that way. */
export interface EntitySpelling {
  text: string;
  variant: boolean;
  mentions: ViewLocation[];
}

/** One person, organisation or place. */
export interface EntityItem {
  type: 'person' | 'organization' | 'place';
  name: string;
  /** Why this is the canonical spelling. */
  reason: string;
  mentions: number;
  articles: number;
  offices: string[];
  spellings: EntitySpelling[];
  /** Name-variant findings on its mentions. */
  review: ViewFinding[];
}

/** The reply to `dateline/entities`: most-mentioned first within each type. */
export interface EntitiesReply {
  entities: EntityItem[];
}
