/**
 * The workspace as the boundary of every edit: a file may be edited, renamed or created only when its
 * real path (symbolic links resolved) lies inside a workspace folder's real path. A link in the
 * workspace to an article elsewhere, or `dateline.knowledgeFile` through a linked folder, is outside.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { URI } from 'vscode-uri';

/**
 * The real path of a file that may not exist yet: the nearest existing ancestor resolved, the rest
 * appended ("/ws/link/new.yaml" with "/ws/link" → "/elsewhere" is "/elsewhere/new.yaml").
 */
export function realPathOf(path: string): string | undefined {
  let missing = '';
  let current = path;
  for (;;) {
    try {
      const real = realpathSync(current);
      return missing === '' ? real : join(real, missing);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
      const parent = dirname(current);
      if (parent === current) return undefined;
      missing = missing === '' ? basename(current) : join(basename(current), missing);
      current = parent;
    }
  }
}

/** True when `path` (real) is `folder` (real) or below it. */
function isWithin(folder: string, path: string): boolean {
  const below = relative(folder, path);
  return below !== '' && !below.startsWith('..') && !isAbsolute(below);
}

/** True when a file URI's real path lies inside one of the folders' real paths. */
export function isInsideFolders(uri: string, folders: readonly string[]): boolean {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return false;
  const real = realPathOf(parsed.fsPath);
  if (real === undefined) return false;
  return folders.some((folder) => {
    const realFolder = realPathOf(folder);
    return realFolder !== undefined && isWithin(realFolder, real);
  });
}
