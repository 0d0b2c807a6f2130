/**
 * The workspace as the analysis sees it: articles open in the editor and on disk fed into one
 * Corpus, the knowledge file, and which articles to re-check when one changes (invariant 6).
 * Knows files and URIs; knows nothing of diagnostics or hovers.
 */
import { readFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { URI } from 'vscode-uri';
import type { ArticleAnalysis, Finding, Knowledge } from '../analysis/index.js';
import { Corpus, emptyKnowledge } from '../analysis/index.js';
import { hashText, type AnalysisCache } from '../cache/analysis-cache.js';
import { findArticles, globMatches, isExcluded, knowledgeFileNames, SkipTally } from '../io/find-articles.js';
import { isNotArticleName, looksLikeArticle } from '../present/looks-like-article.js';
import * as legacyDecoders from '../io/legacy-encoding.js';
import { readArticleFile, type ReadProblem } from '../io/read-article.js';
import { AnalysisPool, minimumForWorkers, type AnalysisResult } from '../workers/analysis-pool.js';
import { parseKnowledge, type KnowledgeProblem } from '../knowledge/parse-knowledge.js';
import { isInsideFolders } from './boundary.js';
import { defaultSettings, type Settings } from './settings.js';
import { LineIndex, onePerSpot, type ArticleLookup } from '../present/index.js';

/** An article a first reading will add, with the hash of its text (`hashText`). */
export interface PlannedArticle {
  id: string;
  text: string;
  hash: string;
}

/** Why an article is not in the corpus. */
export interface ArticleProblem extends ReadProblem {
  severity: 'error' | 'information';
}

/** Files read between two turns of the event loop while indexing: about a millisecond of reading. */
const readsPerTurn = 64;

/** Reports indexing progress: done so far out of a total. */
export type Progress = (done: number, total: number) => void;

/** Articles and knowledge of the workspace folders, and the corpus built from them. */
export class Workspace implements ArticleLookup {
  readonly corpus = new Corpus();
  settings: Settings = defaultSettings;
  folders: string[] = [];
  /** Workspace folders nested inside this one's: their files are their own corpus's, not read here. */
  nested: string[] = [];
  /** Problems of files that are not analysed (binary, too large, unreadable), by URI. */
  readonly problems = new Map<string, ArticleProblem>();
  /** Notes on files that are analysed all the same (invalid UTF-8 read with U+FFFD), by URI. */
  readonly notes = new Map<string, ArticleProblem>();
  /** What the last reading of the folders left out (a `.gitignore`, build folders), as notes for the log. */
  skipNotes: string[] = [];
  /** False in a workspace the user has not trusted: analyse, but offer no edit of the knowledge file. */
  trusted = true;
  knowledgeUri: string | undefined;
  knowledgeText: string | undefined;
  knowledgeProblems: KnowledgeProblem[] = [];
  /** True when the knowledge file breaks a limit or cannot be read: it is not used, and no action rewrites it. */
  knowledgeOverLimits = false;
  /** The editor's version of the knowledge file when it is open there, else null. */
  knowledgeVersion: number | null = null;
  private readonly open = new Map<string, string>();
  /**
   * True while `indexFolders` reads. Files the watcher or the editor reported meanwhile (deleted,
   * created, changed, opened) are kept in `settledWhileIndexing`: what they said is newer than what the
   * reading read or listed.
   */
  private indexing = false;
  private readonly settledWhileIndexing = new Set<string>();
  /** The editor's version of each open article. */
  private readonly versions = new Map<string, number>();
  private readonly lineCache = new Map<string, { text: string; lines: LineIndex }>();
  private userRules: Settings['rules'] = {};
  /** Folders that hold a knowledge file, with a trailing slash: a `.txt` below one is an article. */
  private knowledgeFolders: string[] = [];
  /** Documents the editor has open as articles (language `article`): the user said so. */
  private readonly openAsArticle = new Set<string>();
  private fileKnowledge: Knowledge = emptyKnowledge;
  /** Analyses kept from the last session: an unchanged file is not analysed again when the folders are read. */
  analysisCache: AnalysisCache | undefined;

  /** The URI of an article id: ids are URIs already. */
  uri(articleId: string): string {
    return articleId;
  }

  /** The findings a user sees on an article: the corpus's, never two on the same words (present/one-per-spot.ts). */
  findings(articleId: string): Finding[] {
    return onePerSpot(this.corpus.findings(articleId));
  }

  /** Line starts of an article's current text. */
  lines(articleId: string): LineIndex | undefined {
    const article = this.corpus.article(articleId);
    const text = article?.text ?? this.open.get(articleId);
    if (text === undefined) return undefined;
    const cached = this.lineCache.get(articleId);
    if (cached?.text === text) return cached.lines;
    // The analysis has found the lines already: its starts are shared, not found again and kept twice.
    const lines = article ? new LineIndex(text, article.structure.lineStarts) : new LineIndex(text);
    this.lineCache.set(articleId, { text, lines });
    return lines;
  }

  /**
   * True when a URI may name an article of the corpus: it matches `dateline.files` (else
   * `dateline.include`) under a folder, or is open as one. Whether its text is taken is `claims`.
   */
  isArticle(uri: string, languageId?: string): boolean {
    if (languageId === 'article') return true;
    if (this.isKnowledge(uri)) return false;
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return parsed.scheme === 'untitled' && languageId === 'article';
    const relative = this.relative(parsed.fsPath);
    if (relative === undefined) return this.folders.length === 0 && parsed.fsPath.endsWith('.txt');
    return (
      this.candidateGlobs().some((glob) => globMatches(relative, glob, true)) &&
      !isExcluded(relative, this.settings.exclude)
    );
  }

  /**
   * True when a file `isArticle` matched is taken into the corpus: the user named it (`dateline.files`,
   * or opened it as an article), it sits below a folder with a knowledge file, or it looks like one
   * (present/looks-like-article.ts). `requirements.txt`, `LICENSE.txt` and logs never are.
   */
  claims(uri: string, text: string): boolean {
    if (this.settings.files.length > 0 || this.openAsArticle.has(uri)) return true;
    const parsed = URI.parse(uri);
    const path = parsed.scheme === 'file' ? parsed.fsPath : parsed.path;
    if (isNotArticleName(path)) return false;
    if (this.knowledgeFolders.some((folder) => path.startsWith(folder))) return true;
    return looksLikeArticle(path, text).article;
  }

  private candidateGlobs(): string[] {
    return this.settings.files.length > 0 ? this.settings.files : this.settings.include;
  }

  /**
   * True when a URI is the workspace's knowledge file; a `dateline.yaml` opened from another folder is
   * not, so its entries never silence findings and no fix writes to it.
   */
  isKnowledge(uri: string): boolean {
    return uri === (this.knowledgeUri ?? this.knowledgeLocation());
  }

  /**
   * Where the knowledge file is, or would be: `dateline.knowledgeFile` under the first folder; undefined
   * when its real path leaves the workspace (a setting through a symbolic link to another folder).
   */
  knowledgeLocation(): string | undefined {
    const folder = this.folders[0];
    if (!folder) return undefined;
    const uri = URI.file(`${folder}/${this.settings.knowledgeFile}`).toString();
    return isInsideFolders(uri, this.folders) ? uri : undefined;
  }

  /**
   * True when Dateline may offer an edit of `uri` from a request on `from`: the document the request
   * is on, where the user asked for it; else, in a trusted workspace only, a file whose real path is
   * inside a workspace folder.
   */
  mayEdit(uri: string, from: string): boolean {
    if (uri === from) return true;
    return this.trusted && isInsideFolders(uri, this.folders);
  }

  /** The version of the text an edit of `uri` is computed against: the editor's, or null for the disk's. */
  version(uri: string): number | null {
    return this.versions.get(uri) ?? null;
  }

  /**
   * How many articles the corpus holds, or will hold once the reading under way adopts what it has
   * read (`expecting`): a server that publishes what it replays says so before it adopts them.
   */
  articleCount(): number {
    return this.expecting ?? this.corpus.ids().length;
  }

  private expecting: number | undefined;

  /**
   * Reads every article under the workspace folders into the corpus; open documents keep their
   * editor text. With `beforeAnalysis`, every file is read first, and it is told what the corpus will
   * be (the open articles, then the files read) before anything is analysed or taken from the cache;
   * it returns true when it has published for that corpus (`articleCount` then counts it).
   */
  async indexFolders(
    progress?: Progress,
    shouldStop?: () => boolean,
    beforeAnalysis?: (planned: PlannedArticle[]) => Promise<boolean>,
  ): Promise<void> {
    // From before the folders are listed: a file created while they are walked, and reported, may be
    // one the walk had passed already; it must not be dropped as gone when the reading ends.
    this.indexing = true;
    this.settledWhileIndexing.clear();
    const files = await this.listFolders();
    const seen = new Set<string>();
    // In batches: read a batch, analyse it (on worker threads when large), add it; between batches
    // edits, hovers and cancellations get in, and progress is reported. The next batch is read while
    // this one is analysed, on one pool of workers for the whole reading. No dependents are computed
    // while reading: everything is published once at the end.
    const batchSize = 2500;
    // Small corpora are read in-process; a large one on workers, its last short batch too.
    const pool = new AnalysisPool(files.length < minimumForWorkers ? { size: 0 } : { minimumForWorkers: 0 });
    const read = (from: number): Promise<{ uri: string; text: string | undefined }[]> =>
      this.readBatch(files.slice(from, from + batchSize), seen);
    try {
      // Read whole first, when asked: what the corpus will be is known before anything is analysed.
      let readFirst: { uri: string; text: string }[][] | undefined;
      // The hash of each text read whole first: the cache's key of its analysis, made once.
      const hashes = new Map<string, string>();
      if (beforeAnalysis) {
        readFirst = [];
        for (let from = 0; from < files.length; from += batchSize)
          readFirst.push(this.acceptedOf(await read(from)));
        if (shouldStop?.()) return;
        const planned = this.planned(readFirst.flat());
        for (const { id, hash } of planned ?? []) hashes.set(id, hash);
        // Counted as read while it publishes for them; not, if it did not.
        this.expecting = planned?.length;
        if (!planned || !(await beforeAnalysis(planned))) this.expecting = undefined;
      }
      let reading = readFirst ? undefined : read(0);
      for (let from = 0, batch = 0; from < files.length; from += batchSize, batch++) {
        const inputs = readFirst ? readFirst[batch]! : this.acceptedOf(await reading!);
        if (shouldStop?.()) return;
        if (!readFirst && from + batchSize < files.length) reading = read(from + batchSize);
        const cached = this.takeCached(inputs, hashes);
        const missing = inputs.filter((_, i) => cached[i] === undefined);
        // Every file of the batch in the cache: no worker is started for nothing.
        const results =
          missing.length === 0
            ? []
            : await pool.analyze(
                missing.map(({ uri, text }) => ({ id: uri, text })),
                (done) => progress?.(from + done, files.length),
              );
        this.adoptAnalysed(cached, results);
        progress?.(Math.min(from + batchSize, files.length), files.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.indexing = false;
      this.expecting = undefined;
      await pool.close();
    }
    progress?.(files.length, files.length);
    // Gone since the last reading; a file created while this one read (a rename) was not listed, and stays.
    for (const id of this.corpus.ids())
      if (!seen.has(id) && !this.open.has(id) && !this.settledWhileIndexing.has(id)) this.corpus.remove(id);
    const settled = [...this.settledWhileIndexing];
    this.settledWhileIndexing.clear();
    // An article opened before the knowledge files were found was claimed without them: ask again.
    for (const [uri, text] of this.open) this.setText(uri, text);
    // So was a file created or changed on disk meanwhile (the knowledge files this reading found may
    // make it an article, or no longer one): read it again now.
    for (const uri of settled)
      if (!this.open.has(uri) && URI.parse(uri).scheme === 'file' && this.isArticle(uri)) this.readFromDisk(uri);
  }

  /**
   * The files of the workspace folders that may be articles, each in the innermost folder that holds
   * it, and the folders that hold a knowledge file; notes what was skipped.
   */
  private async listFolders(): Promise<string[]> {
    const files: string[] = [];
    const knowledgeFiles = knowledgeFileNames.map((name) => `**/${name}`);
    // Found in full before they replace the old list: an edit that comes meanwhile is claimed with the old one.
    const knowledgeFolders: string[] = [];
    const skipped = new SkipTally();
    const onSkip = skipped.record;
    const own = (path: string): boolean => !this.nested.some((inner) => path.startsWith(`${inner}${sep}`));
    for (const folder of this.folders) {
      try {
        const { exclude } = this.settings;
        const found = await findArticles(folder, { include: this.candidateGlobs(), exclude, onSkip });
        files.push(...found.filter(own));
        for (const knowledge of await findArticles(folder, { include: knowledgeFiles, exclude }))
          if (own(knowledge)) knowledgeFolders.push(`${dirname(knowledge)}${sep}`);
      } catch {
        // A folder that vanished is not an error the user can act on here.
      }
    }
    this.knowledgeFolders = knowledgeFolders;
    this.skipNotes = skipped.notes();
    return files;
  }

  /** Reads one batch of the first reading's files from disk, but those open in the editor; marks each seen. */
  private async readBatch(files: string[], seen: Set<string>): Promise<{ uri: string; text: string | undefined }[]> {
    const uris = files.map((file) => URI.file(file).toString());
    const texts: { uri: string; text: string | undefined }[] = [];
    for (const uri of uris) {
      seen.add(uri);
      if (this.open.has(uri)) continue;
      // Files are read synchronously (io/read-article.ts), a millisecond's worth at a time.
      if (texts.length % readsPerTurn === readsPerTurn - 1)
        await new Promise((resolve) => setImmediate(resolve));
      texts.push({ uri, text: this.readText(uri) });
    }
    return texts;
  }

  /** The texts of a batch that are articles, still closed in the editor; an article that no longer is leaves the corpus. */
  private acceptedOf(texts: { uri: string; text: string | undefined }[]): { uri: string; text: string }[] {
    // Opened in the editor since its file was read: the editor's text is the corpus's now, not the disk's.
    // Deleted, changed or opened since: what was reported is newer, its problems too (a file binary
    // when read and rewritten since must not get its old problem back).
    return texts.filter((t): t is { uri: string; text: string } => {
      if (this.open.has(t.uri) || this.settledWhileIndexing.has(t.uri)) return false;
      const ok = t.text !== undefined && this.accepts(t.uri, t.text);
      if (!ok && this.corpus.article(t.uri)) this.corpus.remove(t.uri);
      return ok;
    });
  }

  /**
   * What the cache holds for each article of a batch, in order: its analysis when the cache has its
   * text (`hashes` has the hash of a text read whole first), null when it is neither taken nor
   * analysed, undefined when it is still to analyse.
   */
  private takeCached(
    inputs: { uri: string; text: string }[],
    hashes: ReadonlyMap<string, string>,
  ): (ArticleAnalysis | null | undefined)[] {
    return inputs.map(({ uri, text }) => {
      // Deleted, changed or opened since it was read: neither the cache's analysis nor a new one.
      if (this.settledWhileIndexing.has(uri)) return null;
      // Read again with the text the corpus holds (the folders read once more): nothing to analyse.
      if (this.corpus.article(uri)?.text === text) return null;
      return this.analysisCache?.take(uri, text, hashes.get(uri));
    });
  }

  /**
   * Adds a batch's analyses to the corpus, those `takeCached` took and, where it found none, the
   * `results` of analysing the rest, in the order the files were listed: the corpus, and the order of
   * evidence in its findings, are then the same warm or cold. An analysis that failed is a problem on
   * its article.
   */
  private adoptAnalysed(cached: (ArticleAnalysis | null | undefined)[], results: AnalysisResult[]): void {
    let next = 0;
    for (const analysis of cached) {
      const result = analysis === undefined ? results[next++]! : analysis;
      // Read before it was deleted, changed or opened: what was reported meanwhile wins.
      if (result === null || this.settledWhileIndexing.has(result.id)) continue;
      // Invariant 2 says analysis never throws; if it does, the article says so, as the CLI does,
      // and the other articles are still checked.
      if ('error' in result)
        this.problems.set(result.id, {
          message: `internal error: analysis failed: ${result.error}; not analysed`,
          line: 0,
          column: 0,
          severity: 'error',
        });
      else this.corpus.adopt(result);
    }
  }

  /**
   * The corpus a first reading will make of what it read: the open articles, then the files.
   * Undefined when the corpus holds more than the open articles already (a reading again).
   */
  private planned(inputs: { uri: string; text: string }[]): PlannedArticle[] | undefined {
    const held = this.corpus.ids();
    if (held.some((id) => !this.open.has(id))) return undefined;
    return [
      ...held
        .map((id) => this.corpus.article(id)!.text)
        .map((text, i) => ({ id: held[i]!, text, hash: hashText(text) })),
      ...inputs.map(({ uri, text }) => ({ id: uri, text, hash: hashText(text) })),
    ];
  }

  /** Re-reads one article from disk (created or changed outside the editor); returns the ids to re-check. */
  readFromDisk(uri: string): string[] {
    if (this.indexing) this.settledWhileIndexing.add(uri);
    const text = this.readText(uri);
    return text === undefined ? this.remove(uri) : this.setText(uri, text);
  }

  /**
   * An article's text as an editor would show it, or undefined when it cannot be read (the reason
   * is kept in `problems`, a note on its encoding in `notes`).
   */
  private readText(uri: string): string | undefined {
    const path = URI.parse(uri).fsPath;
    const result = readArticleFile(path, this.settings.maxFileSize, legacyDecoders);
    this.notes.delete(uri);
    if (!result.ok) {
      // Deleted or renamed since it was listed: the watcher's "deleted" event follows; nothing to report.
      if (result.missing) this.problems.delete(uri);
      else this.problems.set(uri, { ...result.problem, severity: 'error' });
      return undefined;
    }
    this.problems.delete(uri);
    // Editors drop a byte-order mark from the text they show; so do we, so positions agree.
    const bom = result.text.startsWith('\uFEFF');
    if (result.note) {
      const column = bom && result.note.line === 0 ? result.note.column - 1 : result.note.column;
      this.notes.set(uri, { ...result.note, column, severity: 'information' });
    }
    return bom ? result.text.slice(1) : result.text;
  }

  /**
   * An article opened or edited in the editor, at its version; returns the ids to re-check. Opened
   * with the language `article`, it is one because the user said so.
   */
  openArticle(uri: string, text: string, version?: number, languageId?: string): string[] {
    if (version !== undefined) this.versions.set(uri, version);
    if (languageId === 'article') this.openAsArticle.add(uri);
    else this.openAsArticle.delete(uri);
    // The editor decoded the file its own way (it may guess Latin-1); a note on the disk bytes no longer applies.
    this.notes.delete(uri);
    if (this.indexing) this.settledWhileIndexing.add(uri);
    this.open.set(uri, text);
    return this.setText(uri, text);
  }

  /** An article closed in the editor: back to its text on disk, if it is still an article. */
  closeArticle(uri: string): string[] {
    this.open.delete(uri);
    this.openAsArticle.delete(uri);
    this.versions.delete(uri);
    if (URI.parse(uri).scheme === 'file' && this.isArticle(uri)) return this.readFromDisk(uri);
    return this.remove(uri);
  }

  /**
   * A file deleted on disk: dropped with its problems and notes, and not added back by a reading
   * under way that read it before it went (3,000 files deleted while indexing left 623 behind).
   */
  fileDeleted(uri: string): string[] {
    if (this.indexing) this.settledWhileIndexing.add(uri);
    this.problems.delete(uri);
    this.notes.delete(uri);
    return this.remove(uri);
  }

  /**
   * A folder deleted on disk: every article and problem below it goes. Editors report the folder
   * alone (VS Code sends one event for a folder deleted with everything in it), not each file.
   */
  folderDeleted(uri: string): string[] {
    const below = uri.endsWith('/') ? uri : `${uri}/`;
    // A document open in the editor stays, with the editor's text, as when its file alone is deleted.
    const gone = [...this.corpus.ids(), ...this.problems.keys(), ...this.notes.keys()].filter(
      (id) => id.startsWith(below) && !this.open.has(id),
    );
    return [...new Set(gone)].flatMap((id) => [id, ...this.fileDeleted(id)]);
  }

  /** An article deleted; returns the ids to re-check. */
  remove(uri: string): string[] {
    if (!this.corpus.article(uri)) return [uri];
    this.corpus.remove(uri);
    this.lineCache.delete(uri);
    return this.corpus.dependents(uri);
  }

  /** True when the editor has the article open. */
  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  /**
   * The knowledge file's text as it is now, for an edit of it: the editor's buffer when open, else the
   * disk's, read now (a change on disk the watcher has not reported yet is parsed here, once).
   */
  currentKnowledge(): { uri: string; text: string | undefined; version: number | null } | undefined {
    const uri = this.knowledgeUri ?? this.knowledgeLocation();
    if (uri === undefined) return undefined;
    if (this.knowledgeVersion !== null)
      return { uri, text: this.knowledgeText, version: this.knowledgeVersion };
    const read = readKnowledgeFile(uri);
    if ('error' in read) {
      this.setKnowledgeUnreadable(uri, read.error);
      return { uri, text: undefined, version: null };
    }
    const { text } = read;
    if (text !== this.knowledgeText || uri !== this.knowledgeUri)
      this.setKnowledge(text === undefined ? undefined : uri, text);
    return { uri, text, version: null };
  }

  /**
   * A knowledge file that is there but cannot be read (a permission, a folder by that name): none of
   * its entries are used, it says why, and no action offers to rewrite it.
   */
  setKnowledgeUnreadable(uri: string, reason: string): void {
    this.setKnowledge(undefined, undefined);
    this.knowledgeUri = uri;
    this.knowledgeProblems = [
      {
        message: `${uri.slice(uri.lastIndexOf('/') + 1)} cannot be read (${reason}); its entries are not used`,
        line: 0,
        column: 0,
        endLine: 0,
        endColumn: 0,
      },
    ];
    this.knowledgeOverLimits = true;
  }

  /**
   * Loads the knowledge file's text (undefined: there is none) and returns its problems; `version` is
   * the editor's when the file is open in it. Parsed here once per text, never per request.
   */
  setKnowledge(uri: string | undefined, text: string | undefined, version?: number): KnowledgeProblem[] {
    this.knowledgeVersion = version ?? null;
    if (uri === this.knowledgeUri && text === this.knowledgeText) return this.knowledgeProblems;
    this.knowledgeUri = uri;
    this.knowledgeText = text;
    const parsed = text === undefined ? { knowledge: emptyKnowledge, problems: [] } : parseKnowledge(text);
    this.fileKnowledge = parsed.knowledge;
    this.knowledgeProblems = parsed.problems;
    this.knowledgeOverLimits = 'overLimits' in parsed && parsed.overLimits === true;
    this.applyKnowledge();
    return parsed.problems;
  }

  /** Applies new settings; rule severities from settings win over the knowledge file's. */
  setSettings(settings: Settings): void {
    this.settings = settings;
    this.userRules = settings.rules;
    this.applyKnowledge();
  }

  private applyKnowledge(): void {
    this.corpus.setKnowledge({
      ...this.fileKnowledge,
      rules: { ...this.fileKnowledge.rules, ...this.userRules },
    });
  }

  /** True when a text can be analysed; else its problem is recorded and the article dropped. */
  private accepts(uri: string, text: string): boolean {
    const problem = textProblem(text, this.settings.maxFileSize);
    if (!problem) {
      if (this.claims(uri, text)) return true;
      // Not an article (a requirements file, a log): not a problem either, just not ours.
      this.problems.delete(uri);
      return false;
    }
    this.problems.set(uri, problem);
    return false;
  }

  private setText(uri: string, text: string): string[] {
    if (!this.accepts(uri, text)) return this.remove(uri);
    this.problems.delete(uri);
    const before = this.corpus.article(uri)?.text;
    if (before === text) return [];
    this.corpus.upsert({ id: uri, text });
    return this.corpus.dependents(uri);
  }

  private relative(path: string): string | undefined {
    for (const folder of this.folders) {
      const prefix = folder.endsWith('/') ? folder : `${folder}/`;
      if (path.startsWith(prefix)) return path.slice(prefix.length);
    }
    return undefined;
  }
}

/**
 * The knowledge file's text on disk without its byte-order mark (undefined when there is none), or why
 * a file that is there cannot be read: a permission error is not "no file".
 */
export function readKnowledgeFile(uri: string): { text: string | undefined } | { error: string } {
  try {
    return { text: readFileSync(URI.parse(uri).fsPath, 'utf8').replace(/^\uFEFF/, '') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { text: undefined };
    // In words a reporter can act on; other codes as the system gives them.
    const reasons: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EISDIR: 'it is a folder',
    };
    return { error: (code && reasons[code]) ?? code ?? String(error) };
  }
}

/** Text an editor can hold but the analysis should not take: binary content, or too much of it. */
function textProblem(text: string, maxFileSize: number): ArticleProblem | undefined {
  const nul = text.indexOf('\u0000');
  if (nul !== -1)
    return {
      message: `binary content (NUL character at offset ${nul}); not analysed`,
      line: 0,
      column: 0,
      severity: 'information',
    };
  if (text.length > maxFileSize) {
    const mb = (n: number): string => (n / 1_000_000).toFixed(1);
    return {
      message: `${mb(text.length)} MB of text, over dateline.maxFileSize (${mb(maxFileSize)} MB); not analysed`,
      line: 0,
      column: 0,
      severity: 'information',
    };
  }
  return undefined;
}
