import assert from 'node:assert/strict';
import { linesOf, parseText, sentencesOf } from '../../server/src/analysis/tokenize.js';

describe('tokenize', () => {
  it('ends a sentence at every line break, even without a full stop', () => {
    const text = 'Japan and NATO Agree\n12:35 JST, July 10, 2024\nThe leaders met. They spoke.';
    const sentences = sentencesOf(parseText(text)).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(sentences, ['Japan and NATO Agree', '12:35 JST, July 10, 2024', 'The leaders met.', 'They spoke.']);
  });

  it('splits lines at LF, CRLF and lone CR', () => {
    const text = 'a\r\nb\nc\rd';
    assert.deepEqual(linesOf(text).map((l) => text.slice(l.start, l.end)), ['a', 'b', 'c', 'd']);
  });

  it('keeps UTF-16 offsets exact after astral characters', () => {
    const text = '😀 Lars Halvorsen spoke.';
    const words = sentencesOf(parseText(text))[0]!.tokens.filter((t) => t.kind === 'word');
    const halvorsen = words.find((t) => t.text === 'Halvorsen')!;
    assert.equal(text.slice(halvorsen.start, halvorsen.end), 'Halvorsen');
  });
});
