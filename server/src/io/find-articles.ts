/** Finding the articles of a corpus on disk, and the knowledge file that goes with them. */
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';

/** Why a file or folder under the root was not read. */
export type SkipReason = 'gitignore' | 'folder';

/**
 * Which files under a folder are articles: globs relative to the folder, as in `dateline.include`;
 * `onSkip` hears of every file or folder left out by a `.gitignore` or as a build or dependency folder.
 */
export interface FindOptions {
  include?: string[];
  exclude?: string[];
  /** False to read what `.gitignore` files under the root leave out; true when not given. */
  gitignore?: boolean;
  onSkip?: (path: string, reason: SkipReason) => void;
}

/** A `.gitignore` and the folder its patterns are relative to. */
interface IgnoreRules {
  base: string;
  rules: Ignore;
}

/** The globs of `dateline.include` when none are given. */
export const defaultInclude = ['**/*.txt'];

/** Folders never walked: version control, dependencies and build output (reported to `onSkip`). */
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
  const walker: Walker = {
    visit: (path) => {
      const below = relative(root, path).split(sep).join('/');
      if (matches(below, include) && !matches(below, exclude)) found.push(path);
    },
    gitignore: options.gitignore !== false,
    skip: options.onSkip ?? (() => undefined),
  };
  await walk(root, walker, [], true);
  return found.sort(compareStrings);
}

/** Notes on what a walk left out: how many paths a `.gitignore` left out, and which folders were never read. */
export function skipNotes(gitignored: number, folders: string[]): string[] {
  const notes: string[] = [];
  if (gitignored > 0)
    notes.push(
      `${gitignored} ${gitignored === 1 ? 'file or folder' : 'files or folders'} left out by .gitignore`,
    );
  if (folders.length > 0)
    notes.push(`folders never read: ${[...new Set(folders)].sort(compareStrings).join(', ')}`);
  return notes;
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

/** What a walk does with what it finds. */
interface Walker {
  visit: (path: string) => void;
  gitignore: boolean;
  skip: (path: string, reason: SkipReason) => void;
}

async function walk(folder: string, walker: Walker, outer: IgnoreRules[], root = false): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    // A subfolder deleted, renamed or unreadable while the walk goes on is skipped, not the whole corpus.
    if (root) throw error;
    return;
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  const rules = walker.gitignore ? await withGitignore(folder, entries, outer) : outer;
  // As git decides: a path is ignored when a .gitignore of its folder or an enclosing one says so.
  const ignored = (path: string, isFolder: boolean): boolean =>
    rules.some(({ base, rules: r }) => {
      const below = relative(base, path).split(sep).join('/');
      return below !== '' && !below.startsWith('..') && r.ignores(isFolder ? `${below}/` : below);
    });
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name)) walker.skip(path, 'folder');
      else if (ignored(path, true)) walker.skip(path, 'gitignore');
      else await walk(path, walker, rules);
    } else if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path)))) {
      // Symbolic links to files are read; links to folders are not followed (they may loop).
      if (ignored(path, false)) walker.skip(path, 'gitignore');
      else walker.visit(path);
    }
  }
}

/** The rules in force in `folder`: those of enclosing folders, and its own `.gitignore` if it has one. */
async function withGitignore(
  folder: string,
  entries: Dirent[],
  outer: IgnoreRules[],
): Promise<IgnoreRules[]> {
  if (!entries.some((e) => e.name === '.gitignore' && e.isFile())) return outer;
  try {
    const text = await readFile(join(folder, '.gitignore'), 'utf8');
    return [...outer, { base: folder, rules: ignore().add(text) }];
  } catch {
    // Unreadable or gone meanwhile: no rules from it, as git would have none.
    return outer;
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
