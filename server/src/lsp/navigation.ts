/** References, definition, highlights and rename: every mention of the entity or acronym at a position, across the corpus. */
import type { DocumentHighlight, Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { CorpusLocation } from '../analysis/index.js';
import type { Workspace } from './workspace.js';

/** Every mention of what sits at an offset: a cluster's mentions, an acronym's uses and long forms. */
export function mentionsAt(workspace: Workspace, uri: string, offset: number): CorpusLocation[] {
  const annotation = workspace.corpus.annotationAt(uri, offset);
  if (annotation?.kind === 'entity') return annotation.cluster.mentions;
  if (annotation?.kind === 'acronym') {
    const { entry } = annotation;
    return [...entry.uses, ...entry.expansions.flatMap((e) => e.locations)].sort((a, b) =>
      a.articleId === b.articleId ? a.span.start - b.span.start : a.articleId < b.articleId ? -1 : 1,
    );
  }
  return [];
}

/** Locations for `textDocument/references` and `dateline/mentions`. */
export function references(workspace: Workspace, uri: string, offset: number): Location[] {
  return mentionsAt(workspace, uri, offset)
    .map((l) => toLocation(workspace, l))
    .filter((l) => l !== undefined);
}

/** The defining mention: the knowledge-file entry if pinned, else the first mention in the canonical spelling. */
export function definition(workspace: Workspace, uri: string, offset: number): Location | null {
  const annotation = workspace.corpus.annotationAt(uri, offset);
  if (annotation?.kind === 'entity') {
    const origin = annotation.cluster.knowledge?.origin;
    if (origin && workspace.knowledgeUri) {
      const at = { line: origin.line, character: origin.column };
      return { uri: workspace.knowledgeUri, range: { start: at, end: at } };
    }
    const canonical =
      annotation.cluster.mentions.find((m) => m.text === annotation.cluster.canonical) ??
      annotation.cluster.mentions[0];
    return canonical ? (toLocation(workspace, canonical) ?? null) : null;
  }
  if (annotation?.kind === 'acronym') {
    const defined = annotation.entry.expansions.find((e) => e.text === annotation.entry.canonical)
      ?.locations[0];
    return defined ? (toLocation(workspace, defined) ?? null) : null;
  }
  return null;
}

/** The mentions in this article of what sits at an offset. */
export function highlights(workspace: Workspace, uri: string, offset: number): DocumentHighlight[] {
  const lines = workspace.lines(uri);
  if (!lines) return [];
  return mentionsAt(workspace, uri, offset)
    .filter((l) => l.articleId === uri)
    .map((l) => ({ range: lines.spanToRange(l.span) }));
}

/** The range rename would change: an entity mention. */
export function prepareRename(
  workspace: Workspace,
  uri: string,
  offset: number,
): { range: Range; placeholder: string } | null {
  const annotation = workspace.corpus.annotationAt(uri, offset);
  const lines = workspace.lines(uri);
  if (annotation?.kind !== 'entity' || !lines) return null;
  return { range: lines.spanToRange(annotation.span), placeholder: annotation.mention.text };
}

/** Renames one spelling of an entity everywhere the corpus writes that spelling for it. */
export function rename(
  workspace: Workspace,
  uri: string,
  offset: number,
  newName: string,
): WorkspaceEdit | null {
  const annotation = workspace.corpus.annotationAt(uri, offset);
  if (annotation?.kind !== 'entity') return null;
  const changes: Record<string, TextEdit[]> = {};
  for (const mention of annotation.cluster.mentions) {
    if (mention.text !== annotation.mention.text) continue;
    const lines = workspace.lines(mention.articleId);
    if (lines)
      (changes[workspace.uri(mention.articleId)] ??= []).push({
        range: lines.spanToRange(mention.span),
        newText: newName,
      });
  }
  return { changes };
}

function toLocation(workspace: Workspace, location: CorpusLocation): Location | undefined {
  const lines = workspace.lines(location.articleId);
  return lines
    ? { uri: workspace.uri(location.articleId), range: lines.spanToRange(location.span) }
    : undefined;
}
