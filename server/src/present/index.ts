/**
 * Between the analysis and both front ends (the language server and the CLI): offsets → positions,
 * findings → diagnostics with fixes, and the names and payloads of Dateline's own messages.
 */
export { LineIndex } from './line-index.js';
export {
  findingToDiagnostic,
  fixToData,
  ruleUrl,
  setRuleDocsBase,
  severityToLsp,
  type ArticleLookup,
  type DiagnosticData,
  type FixData,
} from './findings.js';
export { onePerSpot } from './one-per-spot.js';
export {
  methods,
  type CorpusStatus,
  type EntitiesReply,
  type EntityItem,
  type EntitySpelling,
  type InitializationOptions,
  type IsArticleParams,
  type IsArticleReply,
  type MentionsParams,
  type ReasoningReply,
  type TimelineEvent,
  type TimelineReply,
  type TrustParams,
  type ViewFinding,
  type ViewLocation,
  type ViewRange,
} from './protocol.js';
export type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
