/**
 * A persistent cache of article analyses, for the CLI's `--cache` and the language server's storage
 * folder. An analysis is plain data (types.ts; the `explain` closures belong to findings, which are
 * not cached), so it is stored as JSON without its text, keyed by article id and a hash of the text.
 * The whole file is trusted only when its format, the analyser that wrote it and the knowledge file
 * are the ones now, and its checksum matches its body; otherwise it is ignored with a note.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleAnalysis, Corpus } from '../analysis/index.js';

/** The first line of every cache file names this; anything else is not ours. */
const format = 'dateline-analysis-cache';
/** Bumped when the layout of the file changes. */
const formatVersion = 1;

/** What a cache is valid for: the analyser that wrote it and the knowledge file it was written with. */
export interface CacheKey {
  analyser: string;
  knowledge: string;
}

interface Header extends CacheKey {
  format: string;
  version: number;
  checksum: string;
}

/** One article's cached analysis, without its id and text (the id is the key; the text is on disk). */
type Stored = Omit<ArticleAnalysis, 'id' | 'text'>;

/** A digest of a text: the content hash that keys an analysis, the knowledge file and the checksum. */
export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/**
 * The analyses of a corpus that a cache keeps: what `analyzeArticle` made of each article's text
 * alone, as `take` hands them back to `adopt`. An analysis the corpus made again with the year it gave
 * a page date printed without one is left out: adopted from the cache, it would pass for a page that
 * prints its year (its `yearless` gone), and the corpus would never settle that page's year again.
 */
export function cacheable(corpus: Corpus): ArticleAnalysis[] {
  return corpus
    .ids()
    .filter((id) => !corpus.yearHinted(id))
    .map((id) => corpus.article(id)!);
}

let analyserHash: string | undefined;

/**
 * The analyser's version: a hash of the running code (dist/cli.cjs or dist/server.cjs, where esbuild
 * makes import.meta.url the bundle's), so that any change to the analysis invalidates every cache.
 */
export function analyserVersion(): string {
  analyserHash ??= hashText(readFileSync(fileURLToPath(import.meta.url), 'utf8'));
  return analyserHash;
}

/** Analyses kept between runs in one file; `get` finds one only for the very text it was made from. */
export class AnalysisCache {
  private constructor(
    readonly file: string,
    private readonly key: CacheKey,
    private readonly entries: Map<string, { hash: string; analysis: Stored }>,
  ) {}

  /** The articles whose analyses were taken from the cache. */
  private readonly taken = new Set<string>();

  /** How many analyses were taken from the cache. */
  get hits(): number {
    return this.taken.size;
  }

  /**
   * Opens the cache in `file` for `key`. A missing file is an empty cache; a file that is corrupt,
   * written by another analyser or for another knowledge file is ignored, and `note` says why.
   */
  static open(file: string, key: CacheKey): { cache: AnalysisCache; note?: string } {
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch {
      return { cache: new AnalysisCache(file, key, new Map()) };
    }
    const empty = (why: string): { cache: AnalysisCache; note: string } => ({
      cache: new AnalysisCache(file, key, new Map()),
      note: `cache ${file} ignored: ${why}; it will be rewritten`,
    });
    const newline = raw.indexOf('\n');
    let header: Partial<Header>;
    try {
      header = JSON.parse(newline < 0 ? raw : raw.slice(0, newline)) as Partial<Header>;
    } catch {
      return empty('not a Dateline cache');
    }
    if (header?.format !== format) return empty('not a Dateline cache');
    if (header.version !== formatVersion) return empty('written in another format');
    if (header.analyser !== key.analyser) return empty('written by another version of Dateline');
    if (header.knowledge !== key.knowledge) return empty('written with another knowledge file');
    const body = raw.slice(newline + 1);
    if (header.checksum !== hashText(body)) return empty('its checksum does not match (a corrupt or truncated file)');
    let parsed: Record<string, { hash: string; analysis: Stored }>;
    try {
      parsed = JSON.parse(body) as Record<string, { hash: string; analysis: Stored }>;
    } catch {
      return empty('not a Dateline cache');
    }
    return { cache: new AnalysisCache(file, key, new Map(Object.entries(parsed))) };
  }

  /**
   * The cached analysis of article `id` made from exactly `text`, if any. It is handed over, not
   * copied (a corpus may change an analysis it holds, when an edit moves it), and leaves the cache.
   */
  take(id: string, text: string): ArticleAnalysis | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.hash !== hashText(text)) return undefined;
    this.entries.delete(id);
    this.taken.add(id);
    const { structure, entities, acronyms, dates, events, notes } = entry.analysis;
    // Fields in the order analyzeArticle makes them: one hidden class for every analysis.
    return { id, text, structure, entities, acronyms, dates, events, notes };
  }

  /**
   * False when the file already holds exactly these analyses (`cacheable` of the corpus now): each
   * was taken from it and none is left over (an article deleted since). Writing it again is then a
   * waste of a third of a warm run.
   */
  needsSaving(analyses: readonly Pick<ArticleAnalysis, 'id'>[]): boolean {
    return (
      this.entries.size > 0 || analyses.length !== this.taken.size || analyses.some(({ id }) => !this.taken.has(id))
    );
  }

  /**
   * Writes these analyses (`cacheable` of the corpus now; others are dropped) to the file, whole,
   * through a temporary file renamed over it, so that a reader never sees half a cache.
   */
  save(analyses: Iterable<ArticleAnalysis>): void {
    const body: Record<string, { hash: string; analysis: Stored }> = {};
    for (const { id, text, ...analysis } of analyses) body[id] = { hash: hashText(text), analysis };
    const serialised = JSON.stringify(body);
    const header: Header = { format, version: formatVersion, ...this.key, checksum: hashText(serialised) };
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(header)}\n${serialised}`);
    renameSync(temporary, this.file);
  }
}
