/**
 * The Timeline and Entities views: trees over what the language server answers to `dateline/timeline`
 * and `dateline/entities` (server/src/lsp/views.ts; payload types from server/src/present/protocol.ts).
 * Every leaf opens the text it stands for.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import {
  methods,
  type EntitiesReply,
  type EntityItem,
  type TimelineReply,
  type ViewFinding,
  type ViewLocation,
  type ViewRange,
} from '../../server/src/present/protocol.js';

/** One row of a tree: its look, and its children made when it is expanded. */
interface Node {
  item: vscode.TreeItem;
  children?: () => Node[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A row that opens a place in an article. */
function locationNode(at: ViewLocation, label: string, description: string, icon?: vscode.ThemeIcon): Node {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.description = description;
  item.tooltip = `${at.label}: ${at.text}`;
  item.iconPath = icon;
  item.command = { command: 'dateline.reveal', title: 'Open', arguments: [at.uri, at.range] };
  return { item };
}

function findingNode(finding: ViewFinding): Node {
  const node = locationNode(
    finding.location,
    finding.message,
    finding.location.label,
    new vscode.ThemeIcon('warning'),
  );
  node.item.tooltip = new vscode.MarkdownString(
    `**${finding.rule}**\n\n${finding.message}\n\n${finding.location.label}`,
  );
  return node;
}

function group(label: string, children: Node[], icon?: string, expanded = false): Node {
  const item = new vscode.TreeItem(
    label,
    expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  if (icon) item.iconPath = new vscode.ThemeIcon(icon);
  return { item, children: () => children };
}

/** A tree that asks the server for its rows when shown or refreshed. */
abstract class CorpusTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(protected readonly client: () => LanguageClient | undefined) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return node.children?.() ?? [];
    const client = this.client();
    if (!client?.isRunning()) return [];
    return this.roots(client);
  }

  protected abstract roots(client: LanguageClient): Promise<Node[]>;
}

/** The corpus's events by date: who dates each, who mentions it, and the conflicts about it. */
export class TimelineTree extends CorpusTree {
  protected async roots(client: LanguageClient): Promise<Node[]> {
    const { events } = await client.sendRequest<TimelineReply>(methods.timeline);
    return events.map((event) => {
      const children: Node[] = [];
      for (const conflict of event.conflicts) children.push(findingNode(conflict));
      if (event.datedBy.length)
        children.push(
          group(
            `Dated by ${plural(event.datedBy.length, 'sentence')}`,
            event.datedBy.map((at) => locationNode(at, at.text, at.label, new vscode.ThemeIcon('calendar'))),
            'calendar',
            true,
          ),
        );
      children.push(
        group(
          plural(event.mentions.length, 'mention'),
          event.mentions.map((at) =>
            locationNode(at, at.text, `${at.label} · ${at.tense}`, new vscode.ThemeIcon('quote')),
          ),
          'references',
        ),
      );
      const item = new vscode.TreeItem(
        `${event.date ?? 'undated'}  ${event.name}`,
        vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.description = [event.place, plural(new Set(event.mentions.map((m) => m.uri)).size, 'article')]
        .filter(Boolean)
        .join(' · ');
      item.iconPath = new vscode.ThemeIcon(event.conflicts.length ? 'warning' : 'calendar');
      item.tooltip = `${event.name} (${event.kind})${event.date ? `, ${event.date}` : ', no article dates it'}`;
      return { item, children: () => children };
    });
  }
}

const typeLabels: Record<EntityItem['type'], [string, string]> = {
  person: ['People', 'person'],
  organization: ['Organisations', 'organization'],
  place: ['Places', 'location'],
};

/** People, organisations and places, with spellings, offices, mention counts and variants under review. */
export class EntitiesTree extends CorpusTree {
  protected async roots(client: LanguageClient): Promise<Node[]> {
    const { entities } = await client.sendRequest<EntitiesReply>(methods.entities);
    return (Object.keys(typeLabels) as EntityItem['type'][]).flatMap((type) => {
      const ofType = entities.filter((e) => e.type === type);
      if (!ofType.length) return [];
      const [label, icon] = typeLabels[type];
      return [group(`${label} (${ofType.length})`, ofType.map(entityNode), icon, true)];
    });
  }
}

function entityNode(entity: EntityItem): Node {
  const children: Node[] = [];
  for (const finding of entity.review) children.push(findingNode(finding));
  for (const office of entity.offices) {
    const item = new vscode.TreeItem(office, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('briefcase');
    children.push({ item });
  }
  for (const spelling of entity.spellings)
    children.push(
      group(
        `${spelling.text}${spelling.variant ? ' (variant)' : ''}`,
        spelling.mentions.map((at) => locationNode(at, at.label, at.text, new vscode.ThemeIcon('quote'))),
        spelling.variant ? 'warning' : 'symbol-text',
      ),
    );
  const item = new vscode.TreeItem(entity.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.description = `${plural(entity.mentions, 'mention')} in ${plural(entity.articles, 'article')}${entity.review.length ? ` · ${entity.review.length} under review` : ''}`;
  item.tooltip = `${entity.name}. Canonical spelling: ${entity.reason}.`;
  item.iconPath = new vscode.ThemeIcon(entity.review.length ? 'warning' : typeLabels[entity.type][1]);
  return { item, children: () => children };
}

/** Opens an article at a range, as the views' rows do. */
export async function reveal(uri: string, range: ViewRange): Promise<void> {
  const selection = new vscode.Range(
    range.start.line,
    range.start.character,
    range.end.line,
    range.end.character,
  );
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
}
