import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/present/index.js';

describe('LineIndex', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const lines = new LineIndex(text);
  const at = (offset: number): string => {
    const { line, character } = lines.offsetToPosition(offset);
    return `${line}:${character}`;
  };

  it('splits lines on "\\n", "\\r\\n" and "\\r", clamping offsets to the text', () => {
    assert.deepEqual([-1, 0, 2, 3, 5, 6, 7, 10, 12, 99].map(at), [
      '0:0',
      '0:0',
      '0:2',
      '1:0',
      '1:2',
      '1:3',
      '2:0',
      '3:0',
      '3:2',
      '3:2',
    ]);
    assert.equal(lines.lineCount, 4);
  });

  it('takes a position back to its offset, clamped to the end of its line (before its break)', () => {
    const offset = (line: number, character: number): number => lines.positionToOffset({ line, character });
    assert.deepEqual(
      [offset(0, 0), offset(0, 9), offset(1, 1), offset(1, 9), offset(2, 9), offset(3, 1), offset(7, 0)],
      [0, 2, 4, 5, 9, 11, 12],
    );
  });

  it('gives the same positions from the line starts an analysis has as from the text alone', () => {
    const given = new LineIndex(text, [0, 3, 7, 10]);
    assert.deepEqual(given.spanToRange({ start: 4, end: 11 }), lines.spanToRange({ start: 4, end: 11 }));
    assert.deepEqual(lines.spanToRange({ start: 4, end: 11 }), {
      start: { line: 1, character: 1 },
      end: { line: 3, character: 1 },
    });
  });

  it('counts UTF-16 code units, as editors do: an emoji is two characters', () => {
    assert.deepEqual(new LineIndex('😀 a\nb').offsetToPosition(3), { line: 0, character: 3 });
  });
});
