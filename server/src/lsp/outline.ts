/** The shape of one article for the editor: its outline, folding of page furniture, and inlay hints for resolved dates. */
import type {
  DocumentSymbol,
  FoldingRange,
  InlayHint,
  Range,
  SymbolInformation,
} from 'vscode-languageserver';
import { FoldingRangeKind, InlayHintKind, SymbolKind } from 'vscode-languageserver';
import type { EntityType } from '../analysis/index.js';
import type { Workspace } from './workspace.js';

/**
 * Symbol kinds for prose. Editors draw a kind as an icon, and the code kinds (object, namespace,
 * package) mislead in an article: a name is text ("abc"), an event or a dateline is an event.
 */
const kinds: Record<EntityType, SymbolKind> = {
  person: SymbolKind.String,
  organization: SymbolKind.String,
  place: SymbolKind.String,
  event: SymbolKind.Event,
  programme: SymbolKind.String,
};

/** The Outline's groups, in order. */
const groups: [EntityType, string][] = [
  ['person', 'People'],
  ['organization', 'Organisations'],
  ['place', 'Places'],
  ['event', 'Events'],
  ['programme', 'Programmes'],
];

/**
 * Headline, dateline, then the entities the article names, one entry each under People,
 * Organisations, Places, Events and Programmes, at its first mention, with how often it is named here.
 */
export function documentSymbols(workspace: Workspace, uri: string): DocumentSymbol[] {
  const article = workspace.corpus.article(uri);
  const lines = workspace.lines(uri);
  if (!article || !lines) return [];
  const symbols: DocumentSymbol[] = [];
  const { headline, dateline } = article.structure;
  if (headline) {
    const range = lines.spanToRange(headline);
    symbols.push({
      name: article.text.slice(headline.start, headline.end).slice(0, 80),
      detail: 'headline',
      kind: SymbolKind.File,
      range,
      selectionRange: range,
    });
  }
  if (dateline) {
    const range = lines.spanToRange(dateline.span);
    symbols.push({
      name: dateline.text,
      detail: `dateline ${dateline.value}`,
      kind: SymbolKind.Event,
      range,
      selectionRange: range,
    });
  }
  const byCluster = new Map<
    string,
    { symbol: DocumentSymbol; type: EntityType; count: number; variants: number }
  >();
  for (const annotation of workspace.corpus.annotations(uri)) {
    if (annotation.kind !== 'entity') continue;
    const range = lines.spanToRange(annotation.span);
    const entry = byCluster.get(annotation.cluster.id);
    if (entry) {
      entry.count++;
      if (annotation.mention.variant) entry.variants++;
      entry.symbol.range = cover(entry.symbol.range, range);
    } else
      byCluster.set(annotation.cluster.id, {
        symbol: {
          name: annotation.cluster.canonical,
          kind: kinds[annotation.cluster.type],
          range,
          selectionRange: range,
        },
        type: annotation.cluster.type,
        count: 1,
        variants: annotation.mention.variant ? 1 : 0,
      });
  }
  for (const [type, label] of groups) {
    const children = [...byCluster.values()]
      .filter((entry) => entry.type === type)
      .map(({ symbol, count, variants }) => ({
        ...symbol,
        detail: `${count} mention${count === 1 ? '' : 's'}${variants ? `, ${variants} spelled differently` : ''}`,
      }));
    if (!children.length) continue;
    const range = children.map((c) => c.range).reduce(cover);
    symbols.push({
      name: label,
      detail: String(children.length),
      kind: SymbolKind.Package,
      range,
      selectionRange: children[0]!.selectionRange,
      children,
    });
  }
  return symbols;
}

/** Every entity of the corpus whose canonical name contains the query. */
export function workspaceSymbols(workspace: Workspace, query: string): SymbolInformation[] {
  const needle = query.toLowerCase();
  const found: SymbolInformation[] = [];
  for (const cluster of workspace.corpus.clusters()) {
    if (!cluster.canonical.toLowerCase().includes(needle)) continue;
    const first = cluster.mentions[0];
    const lines = first && workspace.lines(first.articleId);
    if (!first || !lines) continue;
    found.push({
      name: cluster.canonical,
      kind: kinds[cluster.type],
      location: { uri: workspace.uri(first.articleId), range: lines.spanToRange(first.span) },
    });
    if (found.length >= 500) break;
  }
  return found;
}

/** Page furniture folds away. */
export function foldingRanges(workspace: Workspace, uri: string): FoldingRange[] {
  const article = workspace.corpus.article(uri);
  const lines = workspace.lines(uri);
  if (!article || !lines) return [];
  return article.structure.furniture
    .map((block) => lines.spanToRange(block.span))
    .filter((range) => range.end.line > range.start.line)
    .map((range) => ({
      startLine: range.start.line,
      endLine: range.end.line,
      kind: FoldingRangeKind.Region,
    }));
}

/** The value of every relative date ("Tuesday" → 2024-07-09), and an undated article's inferred date. */
export function inlayHints(workspace: Workspace, uri: string, range: Range): InlayHint[] {
  const lines = workspace.lines(uri);
  if (!workspace.settings.inlayHints.enabled || !lines || !workspace.corpus.article(uri)) return [];
  const hints: InlayHint[] = [];
  const inferred = workspace.corpus.inferredDate(uri);
  if (inferred && range.start.line === 0) {
    const end = lines.offsetToPosition(
      lines.positionToOffset({ line: 0, character: Number.MAX_SAFE_INTEGER }),
    );
    const events = inferred.evidence.map((e) => e.event.name).join(', ');
    hints.push({
      position: end,
      label: ` undated: inferred ${inferred.date}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: `No dateline. Inferred from ${events}, dated by other articles.`,
    });
  }
  for (const date of workspace.corpus.dates(uri)) {
    if (!date.relative || date.value === null) continue;
    const position = lines.offsetToPosition(date.span.end);
    if (position.line < range.start.line || position.line > range.end.line) continue;
    hints.push({
      position,
      label: `→ ${date.value}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: date.how,
    });
  }
  return hints;
}

function cover(a: Range, b: Range): Range {
  const before = (x: Range['start'], y: Range['start']): boolean =>
    x.line < y.line || (x.line === y.line && x.character <= y.character);
  return { start: before(a.start, b.start) ? a.start : b.start, end: before(a.end, b.end) ? b.end : a.end };
}
