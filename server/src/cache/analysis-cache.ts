/**
 * A persistent cache of article analyses, for the CLI's `--cache` and the language server's storage
 * folder. An analysis is plain data (types.ts; the `explain` closures belong to findings, which are
 * not cached), so it is stored as JSON without its text, keyed by article id and a hash of the text.
 * The whole file is trusted only when its format, the analyser that wrote it and the knowledge file
 * are the ones now, and its checksum matches its body; otherwise it is ignored with a note.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleAnalysis, Corpus } from '../analysis/index.js';

/** The first line of every cache file names this; anything else is not ours. */
const format = 'dateline-analysis-cache';
/** Bumped when the layout of the file changes. */
const formatVersion = 3;

/** What a cache is valid for: the analyser that wrote it and the knowledge file it was written with. */
export interface CacheKey {
  analyser: string;
  knowledge: string;
}

interface Header extends CacheKey {
  format: string;
  version: number;
  /** A digest of the body (the analyses). */
  checksum: string;
  /** What the last run printed, for a run that changes nothing (`replay`); its bytes follow the header. */
  result?: StoredResult;
}

/**
 * A run's output, kept for the next run that would print it again: same request, same files, same
 * knowledge (`key`, the caller's digest of those). The analyser and the knowledge file are the
 * cache's own key, and findings depend on nothing else (no clock, no randomness), so the output is
 * the one the run would print. A replayed output is the bytes kept: written out as they are.
 */
export interface RunResult {
  stdout: string | Uint8Array;
  exitCode: number;
}

interface StoredResult {
  key: string;
  exitCode: number;
  /** How many bytes of output follow the header line. */
  bytes: number;
  /** A digest of those bytes: the header's checksum does not cover them. */
  digest: string;
}

/** The most a header line may take; a file without a line break in as many bytes is not a cache. */
const headerLimit = 64 * 1024;

const corrupt = 'its checksum does not match (a corrupt or truncated file)';

function ignored(file: string, why: string): string {
  return `cache ${file} ignored: ${why}; it will be rewritten`;
}

/** Bytes `from` to `to` of a file (fewer if it is shorter now). */
function readRange(file: string, from: number, to: number): Buffer {
  const bytes = Buffer.allocUnsafe(Math.max(0, to - from));
  const fd = openSync(file, 'r');
  try {
    let done = 0;
    while (done < bytes.length) {
      const read = readSync(fd, bytes, done, bytes.length - done, from + done);
      if (read === 0) break;
      done += read;
    }
    return bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/** One article's cached analysis, without its id and text (the id is the key; the text is on disk). */
type Stored = Omit<ArticleAnalysis, 'id' | 'text'>;

/** A digest of a text: the content hash that keys an analysis, the knowledge file and the checksum. */
export function hashText(text: string | Uint8Array): string {
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

const analyserHashes = new Map<string, string>();

/**
 * The analyser's version: a hash of the running code, so that any change to the analysis invalidates
 * every cache. By default the bundle this module runs in (dist/server.cjs, where esbuild makes
 * import.meta.url the bundle's); the CLI names its two halves (dist/cli.cjs and dist/cli-analysis.cjs),
 * the second of which a replayed run never loads.
 */
export function analyserVersion(files: readonly string[] = [fileURLToPath(import.meta.url)]): string {
  const known = analyserHashes.get(files.join('\n'));
  if (known) return known;
  const hash = createHash('sha1');
  // Their bytes, not their text: decoding megabytes only to hash them again cost a warm run 0.05 s.
  for (const file of files) hash.update(readFileSync(file));
  const version = hash.digest('base64');
  analyserHashes.set(files.join('\n'), version);
  return version;
}

/** Analyses kept between runs in one file; `get` finds one only for the very text it was made from. */
export class AnalysisCache {
  private constructor(
    readonly file: string,
    private readonly key: CacheKey,
    /**
     * The analyses, or where the body lies in the file, not read yet: a run replayed never needs
     * them, and a server publishes what it replays before it reads them (50 MB at 10,000 articles).
     */
    private body: Map<string, { hash: string; analysis: Stored }> | { from: number; to: number },
    private readonly header?: Header,
    /** The output kept with the analyses, its digest checked. */
    private readonly output?: Buffer,
  ) {}

  /**
   * Hears of a body found corrupt when it is first read, after `open`: the cache is then empty, as
   * `open` makes one whose header does not match.
   */
  onNote: (note: string) => void = () => undefined;

  /** The analyses, read and parsed from the body when first asked for, their checksum checked then. */
  private get entries(): Map<string, { hash: string; analysis: Stored }> {
    if (this.body instanceof Map) return this.body;
    const { from, to } = this.body;
    this.body = new Map();
    let bytes: Buffer;
    try {
      bytes = readRange(this.file, from, to);
    } catch {
      bytes = Buffer.alloc(0);
    }
    // Rewritten since it was opened, or corrupt: nothing of it is trusted.
    if (bytes.length !== to - from || hashText(bytes) !== this.header?.checksum) {
      this.onNote(ignored(this.file, corrupt));
      return this.body;
    }
    try {
      this.body = new Map(
        Object.entries(
          JSON.parse(bytes.toString('utf8')) as Record<string, { hash: string; analysis: Stored }>,
        ),
      );
    } catch {
      // Its checksum matched: written by us, whole. Not JSON even so: nothing to take.
    }
    return this.body;
  }

  /** The output to keep with the analyses at the next `save`. */
  private result: { key: string; exitCode: number; stdout: Buffer } | undefined;

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
    const empty = (why: string): { cache: AnalysisCache; note: string } => ({
      cache: new AnalysisCache(file, key, new Map()),
      note: ignored(file, why),
    });
    // The header line and the output after it; the body is read when first needed (`entries`).
    let head: Buffer;
    let size: number;
    try {
      size = statSync(file).size;
      head = readRange(file, 0, Math.min(size, headerLimit));
    } catch {
      return { cache: new AnalysisCache(file, key, new Map()) };
    }
    const newline = head.indexOf(0x0a);
    let header: Partial<Header>;
    try {
      header = JSON.parse(head.toString('utf8', 0, newline < 0 ? head.length : newline)) as Partial<Header>;
    } catch {
      return empty('not a Dateline cache');
    }
    if (header?.format !== format) return empty('not a Dateline cache');
    if (header.version !== formatVersion) return empty('written in another format');
    if (header.analyser !== key.analyser) return empty('written by another version of Dateline');
    if (header.knowledge !== key.knowledge) return empty('written with another knowledge file');
    if (newline < 0) return empty(corrupt);
    // The kept output's bytes, then the body's, which are its UTF-8 text: the checksums are of the bytes.
    const kept = header.result;
    const outputEnd = newline + 1 + (kept?.bytes ?? 0);
    if (outputEnd > size) return empty(corrupt);
    let output: Buffer | undefined;
    if (kept) {
      try {
        output = readRange(file, newline + 1, outputEnd);
      } catch {
        return empty(corrupt);
      }
      if (output.length !== kept.bytes || kept.digest !== hashText(output)) return empty(corrupt);
    }
    return {
      cache: new AnalysisCache(file, key, { from: outputEnd, to: size }, header as Header, output),
    };
  }

  /**
   * What the last run printed, when `key` (the caller's digest of the request, the files and the
   * knowledge) is the one it was kept under and the analyses are the ones it was made from: a
   * corpus whose every text, knowledge and analyser are unchanged has the same findings.
   */
  replay(key: string): RunResult | undefined {
    const kept = this.header?.result;
    if (kept?.key !== key || !this.output) return undefined;
    return { stdout: this.output, exitCode: kept.exitCode };
  }

  /** True when the file keeps an output (which `replay` gives for its key only). */
  get hasKept(): boolean {
    return this.output !== undefined;
  }

  /** Keeps a run's output (under `key`, as for `replay`) with the analyses the next `save` writes. */
  keep(key: string, result: RunResult): void {
    this.result = { key, exitCode: result.exitCode, stdout: Buffer.from(result.stdout) };
  }

  /**
   * The cached analysis of article `id` made from exactly `text` (whose `hashText` is `hash`, when the
   * caller has it already), if any. It is handed over, not
   * copied (a corpus may change an analysis it holds, when an edit moves it), and leaves the cache.
   */
  take(id: string, text: string, hash?: string): ArticleAnalysis | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.hash !== (hash ?? hashText(text))) return undefined;
    this.entries.delete(id);
    this.taken.add(id);
    const { structure, entities, acronyms, dates, events } = entry.analysis;
    // Fields in the order analyzeArticle makes them: one hidden class for every analysis.
    return { id, text, structure, entities, acronyms, dates, events };
  }

  /**
   * False when the file already holds exactly these analyses (`cacheable` of the corpus now): each
   * was taken from it and none is left over (an article deleted since). Writing it again is then a
   * waste of a third of a warm run.
   */
  needsSaving(analyses: readonly Pick<ArticleAnalysis, 'id'>[]): boolean {
    const kept = this.header?.result;
    if (
      this.result &&
      (kept?.key !== this.result.key ||
        kept.exitCode !== this.result.exitCode ||
        !this.output?.equals(this.result.stdout))
    )
      return true;
    return (
      this.entries.size > 0 ||
      analyses.length !== this.taken.size ||
      analyses.some(({ id }) => !this.taken.has(id))
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
    const checksum = hashText(serialised);
    const header: Header = { format, version: formatVersion, ...this.key, checksum };
    const kept = this.result;
    const output = kept?.stdout;
    if (kept)
      header.result = {
        key: kept.key,
        exitCode: kept.exitCode,
        bytes: kept.stdout.length,
        digest: hashText(kept.stdout),
      };
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      writeFileSync(fd, `${JSON.stringify(header)}\n`);
      if (output) writeFileSync(fd, output);
      writeFileSync(fd, serialised);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.file);
  }
}
