/**
 * What the first reading of a folder keeps and says: its analysis cache, opened before the reading
 * and saved after it, and the log's account of what was read and what was left out.
 */
import { join } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { AnalysisCache, analyserVersion, cacheable, hashText } from '../cache/analysis-cache.js';
import type { Workspace } from './workspace.js';

/**
 * A folder's analysis cache for its knowledge file now, or none; an unusable file is ignored with a
 * note. One file per workspace folder: a global storage folder is shared by every workspace.
 */
export function openCache(
  connection: Connection,
  cacheFolderPath: string | undefined,
  workspace: Workspace,
): AnalysisCache | undefined {
  const folder = workspace.folders[0];
  if (!cacheFolderPath || folder === undefined) return undefined;
  const file = join(cacheFolderPath, `analyses-${hashText(folder).replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}.cache`);
  const key = { analyser: analyserVersion(), knowledge: hashText(workspace.knowledgeText ?? '') };
  const { cache, note } = AnalysisCache.open(file, key);
  if (note) connection.console.info(`Dateline: ${note}`);
  return cache;
}

/** Writes what a folder's first reading analysed, unless its cache holds exactly that already. */
export function saveCache(connection: Connection, workspace: Workspace): void {
  const cache = workspace.analysisCache;
  workspace.analysisCache = undefined;
  if (!cache) return;
  const analyses = cacheable(workspace.corpus);
  if (!cache.needsSaving(analyses)) return;
  try {
    cache.save(analyses);
  } catch (error) {
    connection.console.warn(`Dateline: cache ${cache.file} not written: ${String(error)}`);
  }
}

/** The log says what was read and what was left out, so that "why is my file not checked?" has an answer. */
export function logReading(connection: Connection, workspace: Workspace, severalFolders: boolean): void {
  const folder = workspace.folders[0];
  const where = folder === undefined ? '' : severalFolders ? ` (${folder})` : '';
  for (const note of workspace.skipNotes) connection.console.info(`Dateline: ${note}${where}`);
  const articles = workspace.corpus.ids().length;
  connection.console.info(
    `Read ${articles} article${articles === 1 ? '' : 's'} in ${folder ?? 'no folder'}; ` +
      (workspace.settings.files.length
        ? `the files dateline.files names (${workspace.settings.files.join(', ')})`
        : 'text files below a dateline.yaml or with paragraphs of prose and a date; other text files stay plain text'),
  );
}
