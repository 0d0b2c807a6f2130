/**
 * Between the analysis and both front ends (the language server and the CLI): offsets → positions,
 * findings → diagnostics with fixes, and the names and payloads of Dateline's own messages.
 */
export { LineIndex } from './line-index.js';
export {
  findingToDiagnostic,
  fixToData,
  ruleUrl,
  severityToLsp,
  type ArticleLookup,
  type DiagnosticData,
  type FixData,
} from './findings.js';
export {
  methods,
  type CorpusStatus,
  type InitializationOptions,
  type MentionsParams,
  type TrustParams,
} from './protocol.js';
export type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
