/** Finding the articles of a corpus on disk, and the knowledge file that goes with them. */
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { Minimatch } from 'minimatch';

/**
 * Why a file or folder under the root was not read: a `.gitignore` says so, `dateline.exclude` (or
 * `--exclude`) matches it, or its path is longer than the system takes.
 */
export type SkipReason = 'gitignore' | 'exclude' | 'too-long';

/**
 * Which files under a folder are articles: globs relative to the folder, as in `dateline.include`;
 * `onSkip` hears of every file or folder left out by a `.gitignore`, the exclude list, or its length.
 */
export interface FindOptions {
  include?: string[];
  /** Globs of files and folders never read; `defaultExclude` when not given. */
  exclude?: readonly string[];
  /** False to read what `.gitignore` files under the root leave out; true when not given. */
  gitignore?: boolean;
  onSkip?: (path: string, reason: SkipReason, isFolder?: boolean) => void;
}

/** A `.gitignore` and the folder its patterns are relative to. */
interface IgnoreRules {
  base: string;
  rules: Ignore;
}

/** The globs of `dateline.include` when none are given. */
export const defaultInclude = ['**/*.txt'];

/**
 * The exclude list when none is given, the same for `dateline check` and `dateline.exclude`:
 * dependencies, build output, and dot-folders (`.git`, `.vscode`, caches).
 */
export const defaultExclude: readonly string[] = [
  '**/node_modules/**',
  '**/dist/**',
  '**/out/**',
  '**/.*/**',
];

/**
 * True when a path relative to the root (`/`-separated; a folder with a trailing `/`) matches one of
 * the exclude globs. The CLI's walk, the server's walk and the server's test of a single URI all ask here.
 */
export function isExcluded(below: string, exclude: readonly string[]): boolean {
  return exclude.some((glob) => globMatches(below, glob, true));
}

/** Compiled globs, by `dot` and glob: a walk of 10,000 files compiled each glob 10,000 times (a second). */
const compiled = [new Map<string, Minimatch>(), new Map<string, Minimatch>()];

/**
 * `minimatch(path, glob, { dot })`, with the glob compiled once: the same answer (a `#` comment glob
 * matches nothing there too), without making a `Minimatch` for every path.
 */
export function globMatches(path: string, glob: string, dot = false): boolean {
  const cache = compiled[dot ? 1 : 0]!;
  let matcher = cache.get(glob);
  if (!matcher) {
    // Globs come from settings: a few, but a setting edited often should not grow the map without end.
    if (cache.size > 256) cache.clear();
    matcher = new Minimatch(glob, { dot });
    cache.set(glob, matcher);
  }
  return glob.charAt(0) !== '#' && matcher.match(path);
}

/**
 * The longest path, in bytes, that the system opens (Linux's PATH_MAX less its NUL; macOS's is
 * 1024; Windows takes long paths through Node). A longer one is skipped with a note, never half-read.
 */
export const maxPathBytes =
  process.platform === 'darwin' ? 1023 : process.platform === 'win32' ? 32_766 : 4095;

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
  const exclude = options.exclude ?? defaultExclude;
  const skip = options.onSkip ?? (() => undefined);
  const found: string[] = [];
  const walker: Walker = {
    visit: (path) => {
      const below = relative(root, path).split(sep).join('/');
      if (!include.some((glob) => globMatches(below, glob))) return;
      if (isExcluded(below, exclude)) skip(path, 'exclude');
      else found.push(path);
    },
    excluded: (path) => isExcluded(`${relative(root, path).split(sep).join('/')}/`, exclude),
    gitignore: options.gitignore !== false,
    skip,
  };
  await walk(root, walker, [], true);
  return found.sort(compareStrings);
}

/**
 * What walks left out, told once: which folders the exclude list kept out, how many files it and the
 * `.gitignore` files left out, and the paths too long to open. `record` is a `FindOptions.onSkip`.
 */
export class SkipTally {
  private readonly folders = new Set<string>();
  private excludedFiles = 0;
  private gitignored = 0;
  private readonly tooLong: string[] = [];

  readonly record = (path: string, reason: SkipReason, isFolder = false): void => {
    if (reason === 'gitignore') this.gitignored++;
    else if (reason === 'too-long') this.tooLong.push(path);
    else if (isFolder) this.folders.add(basename(path));
    else this.excludedFiles++;
  };

  /** One sentence per kind of skip, none when nothing was skipped. */
  notes(): string[] {
    const notes: string[] = [];
    const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
    if (this.folders.size > 0)
      notes.push(
        `folders never read (the exclude list): ${[...this.folders].sort(compareStrings).join(', ')}`,
      );
    if (this.excludedFiles > 0)
      notes.push(`${plural(this.excludedFiles, 'file', 'files')} left out by the exclude list`);
    if (this.gitignored > 0)
      notes.push(`${plural(this.gitignored, 'file or folder', 'files or folders')} left out by .gitignore`);
    if (this.tooLong.length > 0) {
      // The path itself would fill the log: its first characters say where it is.
      const first = JSON.stringify(`${this.tooLong[0]!.slice(0, 60)}…`);
      notes.push(
        `${plural(this.tooLong.length, 'path', 'paths')} longer than the system opens (${maxPathBytes} bytes) not read, the first ${first}`,
      );
    }
    return notes;
  }
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
  /** True when a folder matches the exclude list. */
  excluded: (path: string) => boolean;
  gitignore: boolean;
  skip: (path: string, reason: SkipReason, isFolder?: boolean) => void;
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
    // Opening it would fail with ENAMETOOLONG: said once, in the notes, rather than as a missing file.
    if (Buffer.byteLength(path) > maxPathBytes) {
      walker.skip(path, 'too-long', entry.isDirectory());
      continue;
    }
    if (entry.isDirectory()) {
      if (walker.excluded(path)) walker.skip(path, 'exclude', true);
      else if (ignored(path, true)) walker.skip(path, 'gitignore', true);
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
