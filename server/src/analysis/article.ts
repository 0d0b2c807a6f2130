/** Analysing one article on its own: the per-article half of the pipeline. */
import { annotateAcronyms } from './annotators/acronyms.js';
import { annotateDates } from './annotators/dates.js';
import { annotateEntities } from './annotators/entities.js';
import { annotateEvents } from './annotators/events.js';
import { speakerLabels } from './annotators/speakers.js';
import { parseStructure } from './structure.js';
import { parseText, sentencesOf } from './tokenize.js';
import type { ArticleAnalysis, ArticleInput, Span } from './types.js';

/** Analyses one article: structure, entities, acronyms, dates against its dateline, events. */
export function analyzeArticle(input: ArticleInput): ArticleAnalysis {
  const { id, text } = input;
  const all = sentencesOf(parseText(text));
  const structure = parseStructure(text, input.year);
  const sentences = all.filter((sentence) => !structure.furniture.some((block) => contains(block.span, sentence)));
  const anchor = structure.dateline ? { date: structure.dateline.date, source: 'dateline' as const } : null;
  const named = annotateEntities(text, structure, sentences);
  const entities = [...named, ...speakerLabels(text, named)].sort((a, b) => a.span.start - b.span.start);
  const acronyms = annotateAcronyms(text, sentences);
  const dates = annotateDates(text, structure, sentences, anchor);
  const events = annotateEvents(text, sentences, entities, dates);
  return { id, text, structure, entities, acronyms, dates, events };
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
