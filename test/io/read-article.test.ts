import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as legacyDecoders from '../../server/src/io/legacy-encoding.js';
import {
  decodeArticle as decodeWith,
  firstInvalidUtf8,
  needsLegacyDecoders,
  noLegacyDecoders,
  readArticleFile as readWith,
} from '../../server/src/io/read-article.js';
import type { ReadResult } from '../../server/src/io/read-article.js';

const decodeArticle = (bytes: Uint8Array): ReadResult => decodeWith(bytes, legacyDecoders);
const readArticleFile = (path: string, maxBytes: number): ReadResult =>
  readWith(path, maxBytes, legacyDecoders);

/** A read result as one compact string: `ok "text"`, `ok "text" 1:3 note` or `1:3 message` (1-based). */
function show(result: ReadResult): string {
  if (!result.ok) return `${result.problem.line + 1}:${result.problem.column + 1} ${result.problem.message}`;
  const note = result.note ? ` ${result.note.line + 1}:${result.note.column + 1} ${result.note.message}` : '';
  return `ok ${JSON.stringify(result.text)}${note}`;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const join8 = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

describe('decodeArticle', () => {
  it('decodes UTF-8, keeping the BOM and CRLF so offsets stay those of the file', () => {
    assert.equal(
      show(decodeArticle(join8([0xef, 0xbb, 0xbf], 'Héadline\r\nBody'))),
      'ok "\uFEFFHéadline\\r\\nBody"',
    );
  });

  it('takes an empty file as an empty article', () => {
    assert.equal(show(decodeArticle(new Uint8Array())), 'ok ""');
  });

  it('refuses a file with a NUL byte as binary', () => {
    assert.equal(
      show(decodeArticle(join8('PK', [0, 3, 4]))),
      '1:1 binary file (NUL byte at byte 2); not analysed',
    );
  });

  it('reads invalid UTF-8 with U+FFFD, noting the first invalid byte once with its line and column', () => {
    // "ab\r\ncdé" then a lone continuation byte: line 2, after "cdé" (3 UTF-16 units); the second bad byte is not noted
    assert.equal(
      show(decodeArticle(join8('ab\r\ncdé', [0x80], 'x', [0xff]))),
      'ok "ab\\r\\ncdé\uFFFDx\uFFFD" 2:4 invalid UTF-8 at byte 8 (0x80, line 2, column 4); read with U+FFFD in place of invalid bytes',
    );
  });

  it('counts a lone "\\r" as a line break and astral characters as two columns', () => {
    const result = decodeArticle(join8('a\rb😀', [0xff]));
    assert.equal(
      show(result),
      'ok "a\\rb😀\uFFFD" 2:4 invalid UTF-8 at byte 7 (0xFF, line 2, column 4); read with U+FFFD in place of invalid bytes',
    );
  });

  it('replaces exactly what the note counts: one U+FFFD per maximal ill-formed subsequence', () => {
    // a truncated 3-byte sequence is one replacement character, as WHATWG decoding (and VS Code) does
    const result = decodeArticle(join8('x', [0xe2, 0x82], 'y'));
    assert.ok(result.ok);
    assert.equal(result.text, 'x\uFFFDy');
    assert.equal(result.note?.column, 1);
  });
});

describe('decodeArticle on other encodings', () => {
  const utf16 = (text: string, order: 'le' | 'be'): Uint8Array => {
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    return order === 'le' ? le : Uint8Array.from(le, (_, i) => le[i ^ 1]!);
  };

  it('decodes UTF-16 with a byte-order mark, little- and big-endian, keeping the mark', () => {
    for (const order of ['le', 'be'] as const)
      assert.equal(
        show(decodeArticle(utf16('Héadline\r\nBody 😀', order))),
        'ok "\uFEFFHéadline\\r\\nBody 😀"',
      );
  });

  it('reads a Windows-1252 file in that code page, with a note', () => {
    const bytes = Uint8Array.from(Buffer.from('The caf\xe9 said \x93yes\x94 to the plan.\n', 'latin1'));
    assert.equal(
      show(decodeArticle(bytes)),
      'ok "The café said “yes” to the plan.\\n" 1:1 not UTF-8 (byte 7 is 0xE9); read as windows-1252, detected with 95% confidence',
    );
  });

  it('keeps UTF-8 with one damaged byte as UTF-8: a curly quote elsewhere says what it is', () => {
    const result = decodeArticle(join8('The “café” said yes', [0xe9], ' to the plan.'));
    assert.equal(
      show(result),
      'ok "The “café” said yes\uFFFD to the plan." 1:20 invalid UTF-8 at byte 24 (0xE9, line 1, column 20); read with U+FFFD in place of invalid bytes',
    );
  });
});

describe('needsLegacyDecoders', () => {
  const cases: [string, Uint8Array, boolean][] = [
    ['UTF-8 with a BOM', join8([0xef, 0xbb, 0xbf], 'Héadline'), false],
    ['an empty file', new Uint8Array(), false],
    ['a binary file', join8('PK', [0, 3, 4]), false],
    ['UTF-16 little-endian', Uint8Array.from([0xff, 0xfe, 0x61, 0]), true],
    ['UTF-16 big-endian', Uint8Array.from([0xfe, 0xff, 0, 0x61]), true],
    ['Windows-1252', Uint8Array.from(Buffer.from('The caf\xe9 said yes', 'latin1')), true],
    ['damaged UTF-8', join8('x', [0xe2, 0x82], 'y'), true],
  ];
  for (const [name, bytes, needed] of cases) {
    it(`${name}: ${needed ? 'needed' : 'decoded without them, as with them'}`, () => {
      assert.equal(needsLegacyDecoders(bytes), needed);
      if (!needed) assert.equal(show(decodeWith(bytes, noLegacyDecoders)), show(decodeArticle(bytes)));
    });
  }
});

describe('firstInvalidUtf8', () => {
  const cases: [string, number[], number | undefined][] = [
    ['ASCII', [0x61, 0x62], undefined],
    ['a 4-byte character', [0xf0, 0x9f, 0x98, 0x80], undefined],
    ['an overlong "/"', [0x61, 0xc0, 0xaf], 1],
    ['an overlong 3-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate', [0x61, 0x61, 0xed, 0xa0, 0x80], 2],
    ['a sequence cut short at the end', [0x61, 0xe2, 0x82], 1],
    ['a lead byte followed by ASCII', [0xe2, 0x28, 0xa1], 0],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ];
  for (const [name, bytes, expected] of cases) {
    it(`${name} → ${String(expected)}`, () =>
      assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), expected));
  }
});

describe('readArticleFile', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'dateline-read-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads a file within the size limit', async () => {
    await writeFile(join(folder, 'a.txt'), 'Headline\n');
    assert.equal(show(readArticleFile(join(folder, 'a.txt'), 100)), 'ok "Headline\\n"');
  });

  it('refuses a file over the size limit, in MB', async () => {
    await writeFile(join(folder, 'big.txt'), 'x'.repeat(1500));
    assert.equal(
      show(readArticleFile(join(folder, 'big.txt'), 1000)),
      '1:1 file is 0.0015 MB, over dateline.maxFileSize (0.001 MB); not analysed',
    );
  });

  it('reports a missing file', async () => {
    assert.equal(
      show(readArticleFile(join(folder, 'missing.txt'), 1000)),
      '1:1 cannot read: no such file or directory',
    );
  });

  it('reports a folder', async () => {
    assert.equal(show(readArticleFile(folder, 1000)), '1:1 is a directory, not a file');
  });

  it('says a missing file is missing, so that a file deleted while indexing is dropped quietly', async () => {
    const result = readArticleFile(join(folder, 'gone.txt'), 1000);
    assert.ok(!result.ok && result.missing === true);
  });

  it('refuses a named pipe instead of blocking on it', async function () {
    const fifo = join(folder, 'pipe.txt');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) this.skip(); // no mkfifo on this system
    assert.equal(show(readArticleFile(fifo, 1000)), '1:1 not a regular file; not analysed');
  });

  it('reports a file it may not read (as root, which may read anything, it reads it)', async () => {
    const path = join(folder, 'secret.txt');
    await writeFile(path, 'Headline\n');
    await chmod(path, 0o000);
    let readable = true;
    try {
      accessSync(path, constants.R_OK);
    } catch {
      readable = false;
    }
    // Tests often run as root in containers, where chmod 000 does not stop a read: both outcomes are checked.
    assert.equal(
      show(readArticleFile(path, 1000)),
      readable ? 'ok "Headline\\n"' : '1:1 cannot read: permission denied',
    );
    await chmod(path, 0o644);
  });
});
