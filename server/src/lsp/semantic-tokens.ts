/** Semantic tokens: people, organisations, places, events, programmes, acronyms and dates, from the corpus annotations. */
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import { SemanticTokensBuilder } from 'vscode-languageserver';
import type { Annotation } from '../analysis/index.js';
import type { Workspace } from './workspace.js';

/** The token types and modifiers, in the order package.json declares them. */
export const legend: SemanticTokensLegend = {
  tokenTypes: ['person', 'organization', 'place', 'event', 'programme', 'acronym', 'date'],
  tokenModifiers: ['variant', 'inferred'],
};

const typeIndex = new Map(legend.tokenTypes.map((type, i) => [type, i]));

/** The semantic tokens of one article, or of a range of it. */
export function semanticTokens(workspace: Workspace, uri: string, range?: Range): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const lines = workspace.lines(uri);
  if (!lines || !workspace.corpus.article(uri)) return builder.build();
  // A range request (the visible part of a long article) gets only the tokens that start in it.
  const from = range ? lines.positionToOffset(range.start) : 0;
  const to = range ? lines.positionToOffset(range.end) : Number.POSITIVE_INFINITY;
  let end = 0;
  for (const annotation of workspace.corpus.annotations(uri)) {
    if (annotation.span.start < from || annotation.span.start > to) continue;
    // Tokens may not overlap: the first annotation at a place wins ("UN" in "UN Secretary General").
    if (annotation.span.start < end) continue;
    end = annotation.span.end;
    const { type, modifiers } = tokenOf(annotation);
    const start = lines.offsetToPosition(annotation.span.start);
    const stop = lines.offsetToPosition(annotation.span.end);
    if (start.line !== stop.line) continue;
    builder.push(
      start.line,
      start.character,
      stop.character - start.character,
      typeIndex.get(type)!,
      modifiers,
    );
  }
  return builder.build();
}

function tokenOf(annotation: Annotation): { type: string; modifiers: number } {
  switch (annotation.kind) {
    case 'entity':
      return { type: annotation.cluster.type, modifiers: annotation.mention.variant ? 1 : 0 };
    case 'acronym':
      return { type: 'acronym', modifiers: 0 };
    case 'date':
      return { type: 'date', modifiers: annotation.anchor?.source === 'inferred' ? 2 : 0 };
    case 'dateline':
      return { type: 'date', modifiers: 0 };
  }
}
