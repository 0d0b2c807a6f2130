/**
 * Reading an article from disk: size limit, binary files, UTF-8 with a note at the first invalid byte,
 * UTF-16 with a byte-order mark, and single-byte code pages detected with a note.
 * The text is returned exactly as stored (a BOM and "\r\n" kept) so that offsets into it are offsets
 * into the file's characters.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { LineIndex } from '../present/line-index.js';
import type * as legacyEncoding from './legacy-encoding.js';

/** Why a file was not analysed, at a 0-based line and column (UTF-16 code units). */
export interface ReadProblem {
  message: string;
  line: number;
  column: number;
}

/**
 * The text of a file, with a note when it was not clean UTF-8 (analysed all the same), or the reason
 * it cannot be analysed; `missing` when the file is gone (deleted or renamed since it was listed).
 */
export type ReadResult =
  { ok: true; text: string; note?: ReadProblem } | { ok: false; problem: ReadProblem; missing?: boolean };

/**
 * What decodes a file that is not UTF-8: legacy-encoding.ts, whose iconv-lite and jschardet are most
 * of what a CLI run that replays its cached output would load. Passed in, so that the server imports
 * it and the CLI loads it only when a file needs it (`needsLegacyDecoders`).
 */
export type LegacyDecoders = Pick<typeof legacyEncoding, 'decodeUtf16' | 'decodeLegacy'>;

/** Decoders that find nothing: what `decodeArticle` needs for bytes that `needsLegacyDecoders` passes. */
export const noLegacyDecoders: LegacyDecoders = {
  decodeUtf16: () => undefined,
  decodeLegacy: () => undefined,
};

/** The bytes of a file, or why it cannot be read (as `ReadResult`'s failures). */
export type BytesResult = { ok: true; bytes: Uint8Array } | Extract<ReadResult, { ok: false }>;

/** How far into a file a NUL byte marks it as binary, as git and grep look. */
const BINARY_SNIFF_BYTES = 8192;

/**
 * Reads a file as UTF-8 text, refusing files over `maxBytes`, binary files and anything but a regular file.
 *
 * Synchronous, on purpose: an article is a few kilobytes, and reading 10,000 of them through
 * fs/promises cost ten times the CPU of these calls (1.7 s against 0.16 s, measured on the benchmark's
 * corpus), on the thread that also takes the workers' analyses. Callers reading many files yield to
 * the event loop between short runs of them.
 */
export function readArticleFile(path: string, maxBytes: number, legacy: LegacyDecoders): ReadResult {
  const read = readArticleBytes(path, maxBytes);
  return read.ok ? decodeArticle(read.bytes, legacy) : read;
}

/** The bytes of a file as `readArticleFile` reads them, not decoded yet. */
export function readArticleBytes(path: string, maxBytes: number): BytesResult {
  let fd: number | undefined;
  let bytes: Uint8Array;
  try {
    // Opened non-blocking, so that a named pipe is seen for what it is rather than waited on for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (info.isDirectory()) return problemAtStart('is a directory, not a file');
    // A named pipe or a device would block the read forever, or never end.
    if (!info.isFile()) return problemAtStart('not a regular file; not analysed');
    if (info.size > maxBytes) return problemAtStart(tooLarge(info.size, maxBytes));
    bytes = readAll(fd, info.size, maxBytes);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const problem = { message: `cannot read: ${describeError(error)}`, line: 0, column: 0 };
    return missing ? { ok: false, problem, missing } : { ok: false, problem };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) return problemAtStart(tooLarge(bytes.length, maxBytes));
  return { ok: true, bytes };
}

/**
 * True when `decodeArticle` needs the legacy decoders for these bytes: they start with a UTF-16
 * byte-order mark, or they are not UTF-8. Nearly every article is neither.
 */
export function needsLegacyDecoders(bytes: Uint8Array): boolean {
  return utf16Mark(bytes) || !isUtf8(bytes);
}

function utf16Mark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * Reads a regular file to its end: one read asking for a byte more than its stat's `size`, which a
 * file that has not grown since leaves short (a regular file reads short only at its end); more reads
 * when it has grown, stopping a byte past `maxBytes`, which the caller refuses.
 */
function readAll(fd: number, size: number, maxBytes: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) break;
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const wanted = buffer.length - length;
    const bytesRead = readSync(fd, buffer, length, wanted, null);
    length += bytesRead;
    if (bytesRead < wanted) break;
  }
  return buffer.subarray(0, length);
}

/**
 * Decodes a file's bytes, keeping a BOM; the bytes-in-memory half of `readArticleFile`. UTF-16 with a
 * byte-order mark is decoded as such. Otherwise UTF-8; a file that is not, and that looks like a
 * single-byte code page (Windows-1252 and kin), is decoded in that code page with a note saying so;
 * failing that, invalid bytes become U+FFFD, as editors show them, and the first one is noted once: a
 * scraped article with one damaged byte is still worth checking.
 */
export function decodeArticle(bytes: Uint8Array, legacy: LegacyDecoders): ReadResult {
  // Before the NUL check: every other byte of UTF-16 English is a NUL.
  const utf16 = legacy.decodeUtf16(bytes);
  if (utf16 !== undefined) return { ok: true, text: utf16 };
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul !== -1) return problemAtStart(`binary file (NUL byte at byte ${nul}); not analysed`);
  // ignoreBOM: true keeps U+FEFF in the text, so offsets stay those of the file's characters.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  // Nearly every file is clean: the native check answers, and the byte-by-byte scan finds where it is not.
  const bad = isUtf8(bytes) ? undefined : firstInvalidUtf8(bytes);
  if (bad === undefined) return { ok: true, text };
  const guessed = legacy.decodeLegacy(bytes);
  if (guessed) {
    const percent = Math.round(guessed.confidence * 100);
    return {
      ok: true,
      text: guessed.text,
      note: {
        message: `not UTF-8 (byte ${bad} is 0x${hexOf(bytes[bad])}); read as ${guessed.encoding}, detected with ${percent}% confidence`,
        line: 0,
        column: 0,
      },
    };
  }
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, bad));
  const { line, character: column } = new LineIndex(before).offsetToPosition(before.length);
  const hex = hexOf(bytes[bad]);
  return {
    ok: true,
    text,
    note: {
      message: `invalid UTF-8 at byte ${bad} (0x${hex}, line ${line + 1}, column ${column + 1}); read with U+FFFD in place of invalid bytes`,
      line,
      column,
    },
  };
}

/**
 * The byte offset where the first ill-formed UTF-8 sequence starts (its lead byte), or undefined when
 * all is well-formed; follows the table of well-formed sequences in Unicode §3.9 (no overlongs, no surrogates).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // above U+10FFFF
    } else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1];
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return undefined;
}

function hexOf(byte: number | undefined): string {
  return (byte ?? 0).toString(16).toUpperCase().padStart(2, '0');
}

function problemAtStart(message: string): Extract<ReadResult, { ok: false }> {
  return { ok: false, problem: { message, line: 0, column: 0 } };
}

function tooLarge(size: number, maxBytes: number): string {
  return `file is ${megabytes(size)} MB, over dateline.maxFileSize (${megabytes(maxBytes)} MB); not analysed`;
}

/** 2500000 → "2.5"; small sizes keep two significant digits so that 1200 bytes is "0.0012", not "0.0". */
function megabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return mb >= 1 ? String(Math.round(mb * 10) / 10) : String(Number(mb.toPrecision(2)));
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    // "ENOENT: no such file or directory, stat 'x.txt'" → "no such file or directory"
    const match = /^[A-Z]+: ([^,]+)/.exec(error.message);
    return match ? match[1] : (code ?? error.message);
  }
  return String(error);
}
