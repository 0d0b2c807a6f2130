/**
 * The analysis API: text in, annotations and findings out. No editor, no protocol, no file system,
 * no clock (ARCHITECTURE.md, invariant 1).
 */
export type * from './types.js';
export type * from './knowledge-model.js';
export type * from './corpus-model.js';
export { emptyKnowledge, ruleLevels } from './knowledge-model.js';
export { ruleIds } from './types.js';
export { analyzeArticle } from './article.js';
export { Corpus } from './corpus.js';
export { rules } from './rules/index.js';
export { readableDate, weekdayOf } from './annotators/calendar.js';
export { describeRole } from './corpus/clusters.js';
