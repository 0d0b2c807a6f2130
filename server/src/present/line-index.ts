/**
 * The only place where analysis offsets become line/character positions (ARCHITECTURE.md, invariant
 * 3), for the language server, the CLI and notes on files alike. Offsets and characters are both
 * UTF-16 code units; what a position adds is the line, and a line ends at "\n", "\r\n" or a lone "\r".
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { Span } from '../analysis/index.js';

/** Line starts of one text, for converting offsets to 0-based positions and back. */
export class LineIndex {
  /** `starts`: where each line of `text` starts, when an analysis of it has them (`ArticleStructure.lineStarts`). */
  constructor(
    private readonly text: string,
    private readonly starts: readonly number[] = lineStartsOf(text),
  ) {}

  /** The position of an offset; offsets past the end clamp to the end, and one inside "\r\n" stays on its line. */
  offsetToPosition(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low]! };
  }

  /** The offset of a position; a character past the line's end clamps to the line's end. */
  positionToOffset(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)]!;
    const next = this.starts[position.line + 1] ?? this.text.length + 1;
    let end = next - 1;
    // The line's own end is before its line break.
    if (next <= this.text.length && this.text[end - 1] === '\r' && this.text[end] === '\n') end--;
    if (next > this.text.length) end = this.text.length;
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** The range of a span. */
  spanToRange(span: Span): Range {
    return { start: this.offsetToPosition(span.start), end: this.offsetToPosition(span.end) };
  }

  /** The number of lines. */
  get lineCount(): number {
    return this.starts.length;
  }
}

/** The offset at which each line of a text starts; the first is always 0. */
function lineStartsOf(text: string): number[] {
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
  return starts;
}
