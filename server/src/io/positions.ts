/**
 * Offsets (UTF-16 code units, as the analysis speaks them) to 0-based line and column, for the CLI
 * and for file problems. Lines end at "\n", "\r\n" or a lone "\r".
 */

/** A 0-based line and a 0-based column in UTF-16 code units. */
export interface LineColumn {
  line: number;
  column: number;
}

// The CLI asks for many offsets of one text in a row; the line starts of the last text are kept.
let cachedText: string | undefined;
let cachedStarts: number[] = [];

/** The offset at which each line of a text starts; the first is always 0. */
export function lineStarts(text: string): number[] {
  if (text === cachedText) return cachedStarts;
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) starts.push(i + 1);
    else if (code === 0x0d) {
      // "\r\n" is one line break, ending after the "\n"
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  cachedText = text;
  cachedStarts = starts;
  return starts;
}

/** The 0-based line and column of an offset, clamped to the text; an offset inside "\r\n" stays on its line. */
export function offsetToLineColumn(text: string, offset: number): LineColumn {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const starts = lineStarts(text);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= clamped) low = mid;
    else high = mid - 1;
  }
  return { line: low, column: clamped - starts[low] };
}
