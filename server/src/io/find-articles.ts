/** Finding the articles of a corpus on disk, and the knowledge file that goes with them. */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';

/** Which files under a folder are articles: globs relative to the folder, as in `dateline.include`. */
export interface FindOptions {
  include?: string[];
  exclude?: string[];
}

/** The globs of `dateline.include` when none are given. */
export const defaultInclude = ['**/*.txt'];

/** Folders never walked: version control, dependencies and build output. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', 'dist', 'out']);

/** The names a knowledge file may have, in order of preference. */
export const knowledgeFileNames = ['dateline.yaml', '.dateline.yaml'];

/**
 * The article files under `root`, sorted; a `root` that is a file is returned as it is, whatever the
 * globs say (it was asked for by name). Paths are `root` joined with the path below it.
 */
export async function findArticles(root: string, options: FindOptions = {}): Promise<string[]> {
  const info = await stat(root);
  if (!info.isDirectory()) return [root];
  const include = options.include?.length ? options.include : defaultInclude;
  const exclude = options.exclude ?? [];
  const matches = (path: string, globs: string[]): boolean => globs.some((glob) => minimatch(path, glob));
  const found: string[] = [];
  await walk(root, (path) => {
    const below = relative(root, path).split(sep).join('/');
    if (matches(below, include) && !matches(below, exclude)) found.push(path);
  });
  return found.sort(compareStrings);
}

/** The knowledge file in a folder (`dateline.yaml`, else `.dateline.yaml`), if there is one. */
export async function findKnowledgeFile(root: string): Promise<string | undefined> {
  for (const name of knowledgeFileNames) {
    const path = join(root, name);
    if (await isFile(path)) return path;
  }
  return undefined;
}

/** The knowledge file in a folder or its nearest ancestor that has one. */
export async function findNearestKnowledgeFile(folder: string): Promise<string | undefined> {
  let current = resolve(folder);
  for (;;) {
    const found = await findKnowledgeFile(current);
    if (found) return relativeIfInside(folder, found);
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

async function walk(folder: string, visit: (path: string) => void, root = true): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    // A subfolder deleted, renamed or unreadable while the walk goes on is skipped, not the whole corpus.
    if (root) throw error;
    return;
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(path, visit, false);
    } else if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path)))) {
      // Symbolic links to files are read; links to folders are not followed (they may loop).
      visit(path);
    }
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Keeps a path found inside the folder the user named in that folder's terms ("seeds/dateline.yaml"). */
function relativeIfInside(folder: string, found: string): string {
  const below = relative(resolve(folder), found);
  return below.startsWith('..') ? found : join(folder, below);
}

/** Code-unit order, the same on every machine and locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
