/**
 * The corpus as two trees for the editor's side bar, served as custom requests: `dateline/timeline`
 * (events by date, the articles that date them, and the conflicts about them) and `dateline/entities`
 * (people, organisations and places with their spellings, offices, mentions and the variants under
 * review). Read from the Corpus API; nothing here analyses text. The payload types are in
 * present/protocol.ts, which the VS Code client imports too.
 */
import type { CorpusEvent, CorpusLocation, EntityCluster, Finding } from '../analysis/index.js';
import { describeRole } from '../analysis/index.js';
import type {
  EntitiesReply,
  EntityItem,
  EntitySpelling,
  TimelineEvent,
  TimelineReply,
  ViewFinding,
  ViewLocation,
} from '../present/index.js';
import type { Workspace } from './workspace.js';

/** Every event of the corpus by date, with its evidence and the dateline conflicts that involve it. */
export function timeline(workspace: Workspace): TimelineReply {
  const conflicts = allFindings(workspace).filter((f) => f.ruleId === 'dateline-conflict');
  const events = workspace.corpus
    .events()
    .map((event) => ({ event, item: timelineEvent(workspace, event, conflicts) }))
    .filter(({ item }) => item.mentions.length > 0)
    .sort((a, b) => compareDates(a.event.date, b.event.date) || a.event.name.localeCompare(b.event.name))
    .map(({ item }) => item);
  return { events };
}

/** The people, organisations and places of the corpus, with the name-variant findings on their mentions. */
export function entities(workspace: Workspace): EntitiesReply {
  const variants = allFindings(workspace).filter((f) => f.ruleId === 'name-variant');
  const order = { person: 0, organization: 1, place: 2 } as const;
  const items: EntityItem[] = [];
  for (const cluster of workspace.corpus.clusters()) {
    if (cluster.type !== 'person' && cluster.type !== 'organization' && cluster.type !== 'place') continue;
    const item = entityItem(workspace, cluster, cluster.type, variants);
    if (item.mentions > 0) items.push(item);
  }
  items.sort(
    (a, b) => order[a.type] - order[b.type] || b.mentions - a.mentions || a.name.localeCompare(b.name),
  );
  return { entities: items };
}

function timelineEvent(workspace: Workspace, event: CorpusEvent, conflicts: Finding[]): TimelineEvent {
  const mentions: TimelineEvent['mentions'] = [];
  for (const mention of event.mentions) {
    const location = viewLocation(workspace, mention);
    if (location) mentions.push({ ...location, tense: mention.tense });
  }
  const datedBy: ViewLocation[] = [];
  for (const source of event.dateSources) {
    const location = source.location && viewLocation(workspace, source.location);
    if (location) datedBy.push(location);
  }
  const touches = (finding: Finding): boolean =>
    [{ articleId: finding.articleId, span: finding.span }, ...finding.related.map((r) => r.location)].some(
      (at) =>
        event.mentions.some((m) => overlaps(m, at)) ||
        event.dateSources.some((s) => s.location && overlaps(s.location, at)),
    ) || finding.message.includes(event.name);
  return {
    name: event.name,
    kind: event.kind,
    ...(event.place !== undefined ? { place: event.place } : {}),
    ...(event.date !== undefined ? { date: event.date } : {}),
    datedBy,
    mentions,
    conflicts: conflicts.filter(touches).flatMap((f) => viewFinding(workspace, f) ?? []),
  };
}

function entityItem(
  workspace: Workspace,
  cluster: EntityCluster,
  type: EntityItem['type'],
  variants: Finding[],
): EntityItem {
  const spellings = new Map<string, EntitySpelling>();
  let mentions = 0;
  for (const mention of cluster.mentions) {
    const location = viewLocation(workspace, mention);
    if (!location) continue;
    mentions++;
    let spelling = spellings.get(mention.text);
    if (!spelling)
      spellings.set(
        mention.text,
        (spelling = { text: mention.text, variant: mention.variant, mentions: [] }),
      );
    spelling.mentions.push(location);
  }
  const review = variants
    .filter((f) => cluster.mentions.some((m) => overlaps(m, f)))
    .flatMap((f) => viewFinding(workspace, f) ?? []);
  return {
    type,
    name: cluster.canonical,
    reason: cluster.canonicalReason,
    mentions,
    articles: new Set(cluster.mentions.map((m) => m.articleId)).size,
    offices: [...new Set(cluster.roles.map(describeRole))],
    spellings: [...spellings.values()].sort((a, b) => b.mentions.length - a.mentions.length),
    review,
  };
}

function allFindings(workspace: Workspace): Finding[] {
  return workspace.corpus.ids().flatMap((id) => workspace.findings(id));
}

function viewFinding(workspace: Workspace, finding: Finding): ViewFinding | undefined {
  const location = viewLocation(workspace, finding);
  return location && { rule: finding.ruleId, message: finding.message, location };
}

/** A location as the tree shows it, or undefined when its article has left the corpus. */
function viewLocation(workspace: Workspace, at: CorpusLocation): ViewLocation | undefined {
  const article = workspace.corpus.article(at.articleId);
  const lines = workspace.lines(at.articleId);
  if (!article || !lines) return undefined;
  const range = lines.spanToRange(at.span);
  const uri = workspace.uri(at.articleId);
  const file = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  return {
    uri,
    range,
    label: `${file}:${range.start.line + 1}`,
    text: article.text.slice(at.span.start, at.span.end),
  };
}

function overlaps(a: CorpusLocation, b: CorpusLocation): boolean {
  return a.articleId === b.articleId && a.span.start < b.span.end && b.span.start < a.span.end;
}

/** Dated before undated; "2031-03" before "2031-03-04" (by its first day), then by text. */
function compareDates(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
