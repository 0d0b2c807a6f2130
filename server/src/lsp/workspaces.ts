/**
 * Multi-root workspaces: each workspace folder is its own corpus with its own knowledge file and
 * settings (one `Workspace` each), so findings never compare articles of two folders and an edit of
 * one folder's knowledge file is never offered from another's article.
 */
import { relative, isAbsolute } from 'node:path';
import { URI } from 'vscode-uri';
import { Workspace } from './workspace.js';

/** The workspaces of the editor's folders, and which one a URI belongs to. */
export class Workspaces {
  private list: Workspace[] = [new Workspace()];

  /** Every workspace, one per folder (one with no folder when the editor opened none). */
  all(): readonly Workspace[] {
    return this.list;
  }

  /**
   * Sets the folders: one workspace each, keeping the workspace (and its corpus) of a folder already
   * known. Returns the workspaces that are new.
   */
  setFolders(folders: readonly string[]): Workspace[] {
    const old = new Map<string | undefined, Workspace>(this.list.map((w) => [w.folders[0], w]));
    const added: Workspace[] = [];
    const next = folders.map((folder) => {
      const kept = old.get(folder);
      if (kept) return kept;
      const workspace = new Workspace();
      workspace.folders = [folder];
      if (this.list[0]) workspace.trusted = this.list[0].trusted;
      added.push(workspace);
      return workspace;
    });
    if (next.length === 0) next.push(old.get(undefined) ?? new Workspace());
    this.list = next;
    // A folder nested in another is its own corpus: the outer one leaves its files to it.
    for (const workspace of this.list) {
      const folder = workspace.folders[0];
      workspace.nested = folder ? folders.filter((other) => other !== folder && isBelow(folder, other)) : [];
    }
    return added;
  }

  /**
   * The workspace a URI belongs to: the one of the innermost folder holding it, else the first (a
   * file opened from outside every folder is read against the first folder's corpus, as before).
   */
  of(uri: string): Workspace {
    const parsed = URI.parse(uri);
    let best: Workspace | undefined;
    let depth = -1;
    if (parsed.scheme === 'file') {
      for (const workspace of this.list) {
        const folder = workspace.folders[0];
        if (folder !== undefined && isBelow(folder, parsed.fsPath) && folder.length > depth) {
          best = workspace;
          depth = folder.length;
        }
      }
    }
    return best ?? this.list[0]!;
  }

  /** Sets the trust of every folder: VS Code trusts a whole window or none of it. */
  setTrusted(trusted: boolean): void {
    for (const workspace of this.list) workspace.trusted = trusted;
  }
}

/** True when `path` is `folder` or below it. */
function isBelow(folder: string, path: string): boolean {
  const below = relative(folder, path);
  return !below.startsWith('..') && !isAbsolute(below);
}
