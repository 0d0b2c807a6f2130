/**
 * Publishing diagnostics: the findings of the articles a change may affect (the corpus says which),
 * debounced while the user types, plus files that could not be read and knowledge-file problems.
 */
import { createHash } from 'node:crypto';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { findingToDiagnostic, methods, type CorpusStatus } from '../present/index.js';
import type { Workspaces } from './workspaces.js';

/** How long to wait after a keystroke before re-checking: long enough to batch a burst of typing. */
const debounceMs = 120;

/** Documents published at once by `publishAll`: each slice is written out before the next is made. */
const sliceSize = 200;

/** What identifies a list of diagnostics sent, kept per document: a digest, not the list (megabytes on a large corpus). */
function digest(serialised: string): string {
  return createHash('sha1').update(serialised).digest('base64');
}

const emptyList = digest('[]');

/**
 * Recorded for a list the first reading sent without hashing it: hashing serialises every list once
 * more (10,000 articles, when they sent 61 MB of JSON: about 0.9 s of the 2.4 s their publication
 * took). The next list for such a URI is sent whatever it holds, and hashed; a knowledge-file change
 * right after the reading therefore re-sends every list once.
 */
const sentUnhashed = 'sent, not hashed';

/** Diagnostics lists by URI, as JSON with the digest `send` compares: what `replay` publishes. */
export type ReplayLists = Map<string, { json: string; digest: string }>;

/** The lists as bytes to keep: a line for each, its URI, its digest and its JSON, tab-separated. */
export function encodeLists(lists: ReplayLists): Buffer {
  const lines: string[] = [];
  for (const [uri, { json, digest }] of lists) lines.push(`${uri}\t${digest}\t${json}\n`);
  return Buffer.from(lines.join(''));
}

/**
 * The lists `encodeLists` kept (a URI is percent-encoded and JSON escapes its tabs and line breaks).
 * Each field is decoded from the bytes on its own: decoding all of them as one string first (47 MB
 * at 10,000 articles, a two-byte string as soon as one message holds a curly quote) took several
 * times as long as the lines one by one, and the warm start waits for it.
 */
export function decodeLists(bytes: Uint8Array | string): ReplayLists {
  const lists: ReplayLists = new Map();
  const buffer =
    typeof bytes === 'string'
      ? Buffer.from(bytes)
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tab = 0x09;
  for (let start = 0; start < buffer.length;) {
    const newline = buffer.indexOf(0x0a, start);
    const end = newline < 0 ? buffer.length : newline;
    const first = buffer.indexOf(tab, start);
    const second = first < 0 || first >= end ? -1 : buffer.indexOf(tab, first + 1);
    if (second >= 0 && second < end)
      lists.set(buffer.toString('utf8', start, first), {
        digest: buffer.toString('utf8', first + 1, second),
        json: buffer.toString('utf8', second + 1, end),
      });
    start = end + 1;
  }
  return lists;
}

/** Tracks what has been published so that cleared files get an empty list, and re-publishes by need. */
export class DiagnosticsPublisher {
  /** A digest of what was last sent for each URI (or `sentUnhashed`): an unchanged list is not sent again. */
  private readonly published = new Map<string, string>();
  private readonly pending = new Set<string>();
  private readonly warnings = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  /** True for a document whose latest text is not analysed yet: its list waits for that analysis. */
  isStale: (uri: string) => boolean = () => false;

  constructor(
    private readonly connection: Connection,
    private readonly workspaces: Workspaces,
  ) {}

  /** Re-publishes these articles after the debounce delay. */
  schedule(ids: Iterable<string>): void {
    for (const id of ids) this.pending.add(id);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), debounceMs);
  }

  /** Publishes every pending article now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const ids = [...this.pending];
    this.pending.clear();
    this.publish(ids);
  }

  /** Publishes these articles now, then the corpus summary the client shows in its status bar. */
  publish(ids: Iterable<string>): void {
    void this.send(ids);
    void this.sendStatus();
  }

  /** Sends the lists that changed (every non-empty one, unhashed, when `hashing` is false); resolves when they are written. */
  private send(ids: Iterable<string>, hashing = true): Promise<unknown[]> {
    const sent: Promise<void>[] = [];
    for (const uri of ids) {
      if (this.isStale(uri)) continue;
      const diagnostics = this.diagnosticsFor(uri);
      const warnings = diagnostics.filter(
        (d) => d.severity === DiagnosticSeverity.Warning || d.severity === DiagnosticSeverity.Error,
      ).length;
      if (warnings > 0) this.warnings.set(uri, warnings);
      else this.warnings.delete(uri);
      // A keystroke re-checks every article sharing a name with the edited one; most lists do not change.
      const before = this.published.get(uri) ?? emptyList;
      if (diagnostics.length === 0) {
        if (before === emptyList) continue;
        this.published.delete(uri);
      } else if (hashing) {
        const hash = digest(JSON.stringify(diagnostics));
        if (hash === before) continue;
        this.published.set(uri, hash);
      } else this.published.set(uri, sentUnhashed);
      sent.push(this.connection.sendDiagnostics({ uri, diagnostics }));
    }
    return Promise.all(sent);
  }

  /** Indexing progress while the workspace is read; every status sent meanwhile says so. */
  indexing: { done: number; total: number } | undefined;

  /** Sends `dateline/status`: how many articles are in the corpus and how many warnings they carry. */
  sendStatus(indexing = this.indexing): Promise<void> {
    let warnings = 0;
    for (const count of this.warnings.values()) warnings += count;
    let articles = 0;
    let skipped = 0;
    for (const workspace of this.workspaces.all()) {
      articles += workspace.articleCount();
      skipped += workspace.problems.size;
    }
    const status: CorpusStatus = {
      articles,
      warnings,
      skipped,
      ...(indexing ? { indexing } : {}),
    };
    return this.connection.sendNotification(methods.status, status);
  }

  /**
   * Publishes every article, every unreadable file, the knowledge file, and clears the rest. In
   * slices, each written out before the next is made: the diagnostics of a large corpus never wait
   * in memory all at once, and edits get in between. The first reading sends without hashing: nothing
   * was sent before to compare with.
   */
  async publishAll(firstReading = false): Promise<number> {
    const ids = new Set<string>();
    for (const workspace of this.workspaces.all()) {
      for (const id of workspace.corpus.ids()) ids.add(id);
      for (const id of workspace.problems.keys()) ids.add(id);
      if (workspace.knowledgeUri) ids.add(workspace.knowledgeUri);
    }
    for (const id of this.published.keys()) ids.add(id);
    const list = [...ids];
    let sent = 0;
    for (let from = 0; from < list.length; from += sliceSize) {
      sent += (await this.send(list.slice(from, from + sliceSize), !firstReading)).length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    void this.sendStatus();
    return sent;
  }

  /**
   * Publishes lists kept from the last session (`ReplayLists`), for a corpus whose every text,
   * setting and knowledge is what it was then, before it is analysed: in slices, as `publishAll`.
   * Each list is recorded under the digest kept with it, so that the first `publishAll` once the
   * index is built sends only a list that differs from what was replayed (none, when the kept lists
   * were right). Unreadable files and the knowledge file are published as `publishAll` does.
   */
  async replay(lists: ReplayLists, others: string[]): Promise<void> {
    const list = [...lists];
    for (let from = 0; from < list.length; from += sliceSize) {
      const sent: Promise<void>[] = [];
      for (const [uri, kept] of list.slice(from, from + sliceSize)) {
        if (this.isStale(uri)) continue;
        const diagnostics = JSON.parse(kept.json) as Diagnostic[];
        const warnings = diagnostics.filter(
          (d) => d.severity === DiagnosticSeverity.Warning || d.severity === DiagnosticSeverity.Error,
        ).length;
        if (warnings > 0) this.warnings.set(uri, warnings);
        else this.warnings.delete(uri);
        this.published.set(uri, kept.digest);
        sent.push(this.connection.sendDiagnostics({ uri, diagnostics }));
      }
      await Promise.all(sent);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await this.send(others);
  }

  /**
   * The lists to keep for `replay`: each article's non-empty list as JSON, with its digest (the one
   * `send` compares), computed now from the corpus.
   */
  listsToKeep(ids: Iterable<string>): ReplayLists {
    const lists: ReplayLists = new Map();
    for (const uri of ids) {
      const diagnostics = this.diagnosticsFor(uri);
      if (diagnostics.length === 0) continue;
      const json = JSON.stringify(diagnostics);
      lists.set(uri, { json, digest: digest(json) });
    }
    return lists;
  }

  /** The diagnostics of one document. */
  diagnosticsFor(uri: string): Diagnostic[] {
    const workspace = this.workspaces.of(uri);
    if (uri === workspace.knowledgeUri) {
      return workspace.knowledgeProblems.map((problem) => ({
        range: {
          start: { line: problem.line, character: problem.column },
          end: { line: problem.endLine, character: problem.endColumn },
        },
        severity: DiagnosticSeverity.Error,
        source: 'dateline',
        code: 'knowledge-file',
        message: problem.message,
      }));
    }
    const problem = workspace.problems.get(uri);
    if (problem) {
      const at = { line: problem.line, character: problem.column };
      return [
        {
          range: { start: at, end: at },
          severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Information,
          source: 'dateline',
          code: 'unreadable',
          message: `Dateline: ${problem.message}`,
        },
      ];
    }
    if (!workspace.corpus.article(uri)) return [];
    const findings = workspace
      .findings(uri)
      .map((finding) => findingToDiagnostic(finding, workspace))
      .filter((d) => d !== undefined);
    const note = workspace.notes.get(uri);
    if (!note) return findings;
    const at = { line: note.line, character: note.column };
    return [
      {
        range: { start: at, end: at },
        severity: DiagnosticSeverity.Information,
        source: 'dateline',
        code: 'encoding',
        message: `Dateline: ${note.message}`,
      },
      ...findings,
    ];
  }
}
