/**
 * Files that are not UTF-8: UTF-16 with a byte-order mark, and the single-byte code pages that older
 * Windows and Mac tools still write (Windows-1252 "café" is byte 0xE9). Detected with jschardet and
 * decoded with iconv-lite, the libraries VS Code itself guesses encodings with.
 */
import iconv from 'iconv-lite';
import jschardet from 'jschardet';

/** The single-byte encodings a guess may name; multi-byte guesses on a short text are too often wrong. */
const singleByte = [
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1255',
  'ISO-8859-2',
  'ISO-8859-5',
  'ISO-8859-7',
  'KOI8-R',
  'x-mac-cyrillic',
  'IBM855',
  'IBM866',
  'TIS-620',
];

/** A guess below this confidence is not taken: the text is read as UTF-8 with U+FFFD instead. */
const minimumConfidence = 0.5;

/** A guess needs prose to go on: a few stray bytes ("x", 0xE2, 0x82, "y") are damaged UTF-8, not a code page. */
const minimumLetters = 8;

/**
 * The text of a file that starts with a UTF-16 byte-order mark (FF FE or FE FF), the mark kept as
 * U+FEFF like a UTF-8 one; undefined for any other file.
 */
export function decodeUtf16(bytes: Uint8Array): string | undefined {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  if (!encoding) return undefined;
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {
    stripBOM: false,
  });
}

/**
 * The text of a file that is not UTF-8, decoded in the single-byte encoding it most likely is, with
 * that encoding's name; undefined when no such guess is confident, or when the file holds well-formed
 * UTF-8 sequences of two bytes or more (UTF-8 with a damaged byte, not a legacy file: decoding it as
 * Windows-1252 would turn every curly quote into "â€œ").
 */
export function decodeLegacy(
  bytes: Uint8Array,
): { text: string; encoding: string; confidence: number } | undefined {
  if (hasUtf8MultiByte(bytes) || asciiLetters(bytes) < minimumLetters) return undefined;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let guess: { encoding: string | null; confidence: number };
  try {
    guess = jschardet.detect(buffer, { detectEncodings: singleByte });
  } catch {
    // A guess that fails is no guess: the file is read as UTF-8 with U+FFFD.
    return undefined;
  }
  if (!guess.encoding || guess.confidence < minimumConfidence || !iconv.encodingExists(guess.encoding))
    return undefined;
  return {
    text: iconv.decode(buffer, guess.encoding),
    encoding: guess.encoding,
    confidence: guess.confidence,
  };
}

/** How many ASCII letters the bytes hold, counting up to `minimumLetters`. */
function asciiLetters(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length && count < minimumLetters; i++) {
    const byte = bytes[i]! | 0x20;
    if (byte >= 0x61 && byte <= 0x7a) count++;
  }
  return count;
}

/** True when the bytes hold at least one well-formed UTF-8 sequence of two to four bytes. */
function hasUtf8MultiByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0 || i + length > bytes.length) continue;
    let ok = true;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) return true;
  }
  return false;
}
