/**
 * What the first reading of a folder keeps and says: its analysis cache, opened before the reading
 * and saved after it with the lists published (replayed at the next start when nothing changed),
 * and the log's account of what was read and what was left out.
 */
import { join } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { AnalysisCache, analyserVersion, cacheable, hashText } from '../cache/analysis-cache.js';
import { ruleUrl } from '../present/index.js';
import { encodeLists, type DiagnosticsPublisher } from './diagnostics.js';
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
  const say = (said: string): void => connection.console.info(`Dateline: ${said}`);
  if (note) say(note);
  // A body found corrupt when its analyses are first read.
  cache.onNote = say;
  return cache;
}

/**
 * What a folder's published lists depend on beyond the analyser and the knowledge file (the cache's
 * own key): the rule levels of the settings, where rule pages are, and each article with a hash of
 * its text, its editor version (fixes carry it) and its note on encoding. The articles are taken in
 * order of their ids, the corpus's order once its index is built (analysis/corpus.ts): a reading
 * plans them in the order it lists them, and the corpus saved holds them sorted.
 */
export function replayKey(workspace: Workspace, articles: { id: string; hash: string }[]): string {
  const inOrder = [...articles].sort(({ id: a }, { id: b }) => (a < b ? -1 : a > b ? 1 : 0));
  return hashText(
    JSON.stringify({
      rules: workspace.settings.rules,
      ruleDocs: ruleUrl(''),
      articles: inOrder.map(({ id, hash }) => [
        id,
        hash,
        workspace.version(id),
        workspace.notes.get(id)?.message ?? null,
      ]),
    }),
  );
}

/**
 * Writes what a folder's first reading analysed, unless its cache holds exactly that already, with
 * the lists `publisher` published for it (for a replay at the next start), unless those were `replayed`.
 */
export function saveCache(
  connection: Connection,
  workspace: Workspace,
  publisher: DiagnosticsPublisher,
  replayed: boolean,
): void {
  const cache = workspace.analysisCache;
  workspace.analysisCache = undefined;
  if (!cache) return;
  if (!replayed) {
    const ids = workspace.corpus.ids();
    const key = replayKey(
      workspace,
      ids.map((id) => ({ id, hash: hashText(workspace.corpus.article(id)!.text) })),
    );
    cache.keep(key, { stdout: encodeLists(publisher.listsToKeep(ids)), exitCode: 0 });
  }
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
