/**
 * Tokens and sentences from retext-english's NLCST, with line breaks as hard boundaries.
 *
 * parse-english ends a sentence only at terminal punctuation, so a headline or a dateline without a
 * full stop runs into the next line; every annotator wants lines kept apart, so a sentence here also
 * ends at any line break.
 */
import type { Root, Sentence, SentenceContent, Paragraph, Word } from 'nlcst';
import type { Node } from 'unist';
import { toString } from 'nlcst-to-string';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import type { Span } from './types.js';

/** The kinds of token annotators see. */
export type TokenKind = 'word' | 'punctuation' | 'symbol' | 'space';

/** One token of an article: a word ("Ji-hoon", "U.S.", "12:35"), a punctuation mark, a symbol or white space. */
export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** For white space: true when it holds a line break. */
  newline?: boolean;
}

/** A sentence of an article: its span and its tokens (white space included, line breaks excluded). */
export interface TokenSentence extends Span {
  tokens: Token[];
}

const parser = unified().use(retextEnglish);

/**
 * Above this many characters a text is parsed in pieces. parse-latin first takes the whole text as
 * one sentence and merges tokens ("U.S.", "Ji-hoon") by splicing that one array, which is quadratic
 * in the text's length: a 5 MB single-line article took minutes. Shorter texts parse whole, as before.
 */
const pieceLength = 50_000;

/** Parses an article's text into NLCST with retext-english. Never throws: odd text still parses. */
export function parseText(text: string): Root {
  if (text.length <= pieceLength) return parser.parse(text);
  const root: Root = { type: 'RootNode', children: [] };
  let line = 1;
  let column = 1;
  for (const piece of piecesOf(text)) {
    const tree = parser.parse(text.slice(piece.start, piece.end));
    shiftPositions(tree, piece.start, line, column);
    root.children.push(...tree.children);
    const end = tree.position?.end;
    if (end) {
      column = end.line === 1 ? column + end.column - 1 : end.column;
      line += end.line - 1;
    }
  }
  return root;
}

/**
 * Cuts a long text into pieces of at most `pieceLength`, each cut after a line break if there is one
 * in the second half of the piece, else after white space that follows ".", "!" or "?", else after
 * any white space, else between two code points: where a sentence is most likely to end anyway.
 */
function piecesOf(text: string): Span[] {
  const pieces: Span[] = [];
  let start = 0;
  while (text.length - start > pieceLength) {
    const window = text.slice(start + pieceLength / 2, start + pieceLength);
    const cut =
      lastMatchEnd(window, /\r\n|[\n\r]/g) ??
      lastMatchEnd(window, /[.!?]["'”’)]*\s/g) ??
      lastMatchEnd(window, /\s/g) ??
      // No white space at all: cut anywhere but inside a surrogate pair.
      (/[\uD800-\uDBFF]$/.test(window) ? window.length - 1 : window.length);
    pieces.push({ start, end: start + pieceLength / 2 + cut });
    start += pieceLength / 2 + cut;
  }
  pieces.push({ start, end: text.length });
  return pieces;
}

/** Where the last match of a global pattern ends, or undefined when there is none. */
function lastMatchEnd(text: string, pattern: RegExp): number | undefined {
  let end: number | undefined;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

/** Moves the positions of a piece's tree to where the piece starts in the whole text. */
function shiftPositions(
  node: Node,
  offset: number,
  line: number,
  column: number,
  seen = new Set<object>(),
): void {
  for (const point of [node.position?.start, node.position?.end]) {
    // A parent shares its first child's start point and its last child's end point: move each once.
    if (!point || seen.has(point)) continue;
    seen.add(point);
    if (point.offset !== undefined) point.offset += offset;
    if (point.line === 1) point.column += column - 1;
    point.line += line - 1;
  }
  if ('children' in node && Array.isArray(node.children))
    for (const child of node.children as Node[]) shiftPositions(child, offset, line, column, seen);
}

/** Splits an NLCST tree into sentences that never cross a line break. */
export function sentencesOf(tree: Root): TokenSentence[] {
  const sentences: TokenSentence[] = [];
  let current: Token[] = [];
  const flush = (): void => {
    // Trim white space at the edges; a sentence starts and ends on a non-space token.
    let first = 0;
    let last = current.length - 1;
    while (first <= last && current[first]!.kind === 'space') first++;
    while (last >= first && current[last]!.kind === 'space') last--;
    if (first <= last) {
      const tokens = current.slice(first, last + 1);
      sentences.push({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens });
    }
    current = [];
  };
  const visitSentenceContent = (node: SentenceContent): void => {
    const token = tokenOf(node);
    if (token.kind === 'space' && token.newline) flush();
    else current.push(token);
  };
  // "Ma. Cristina Roe": the English parser ends a sentence at an abbreviated first name; it runs on.
  let runsOn = false;
  const visitSentence = (sentence: Sentence): void => {
    for (const child of sentence.children) visitSentenceContent(child);
    runsOn = endsInNameAbbreviation(current);
    if (!runsOn) flush();
  };
  const visitParagraph = (paragraph: Paragraph): void => {
    for (const child of paragraph.children) {
      if (child.type === 'SentenceNode') visitSentence(child);
      else if (child.type === 'WhiteSpaceNode' && /[\r\n]/.test(child.value)) flush();
      else if (child.type === 'WhiteSpaceNode' && runsOn) current.push(tokenOf(child));
    }
    flush();
  };
  for (const child of tree.children) {
    if (child.type === 'ParagraphNode') visitParagraph(child);
    else if (child.type === 'SentenceNode') visitSentence(child);
  }
  flush();
  return sentences;
}

/**
 * Abbreviated first names that English news keeps: "Ma." for Maria in the Philippines, "Wm." and
 * "Chas." in older English; and the two-letter initials of a Cyrillic letter ("Ts.", "Ch.", "Sh.")
 * that Mongolian and Central Asian patronymics are written with ("Ts. Jane Roe"). A sentence never
 * ends on one.
 */
export const digraphInitials = ['Ch', 'Sh', 'Ts', 'Kh', 'Zh', 'Dz', 'Ya', 'Yu'];
export const nameAbbreviations = new Set(['Ma', 'Wm', 'Chas', 'Thos', 'Jas', 'Sto', 'Sta', ...digraphInitials]);

/**
 * Honorifics and ranks abbreviated before a name, which the English parser does not know as
 * abbreviations: "Engr. Jane Roe", "Barr. John Doe", "Hon. Jane Roe". A sentence never ends on one.
 */
export const honorificAbbreviations = new Set(['Engr', 'Eng', 'Barr', 'Hon', 'Atty', 'Smt', 'Prof', 'Rev', 'Dr', 'Capt', 'Sgt', 'Insp', 'Supt', 'Col', 'Maj', 'Lt', 'Gen', 'Sen', 'Gov', 'Rep']);

function endsInNameAbbreviation(tokens: Token[]): boolean {
  const n = tokens.length;
  if (n < 2 || tokens[n - 1]!.text !== '.' || tokens[n - 2]!.kind !== 'word') return false;
  const word = tokens[n - 2]!.text;
  return nameAbbreviations.has(word) || honorificAbbreviations.has(word);
}

function tokenOf(node: SentenceContent): Token {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  switch (node.type) {
    case 'WordNode':
      return { kind: 'word', text: wordText(node), start, end };
    case 'WhiteSpaceNode':
      return { kind: 'space', text: node.value, start, end, newline: hasLineBreak(node.value) };
    case 'PunctuationNode':
      return { kind: 'punctuation', text: node.value, start, end };
    default:
      return { kind: 'symbol', text: toString(node), start, end };
  }
}

function hasLineBreak(space: string): boolean {
  return space.includes('\n') || space.includes('\r');
}

// Most words are one text node: its value is the word, without nlcst-to-string's walk.
function wordText(node: Word): string {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  return only?.type === 'TextNode' ? only.value : toString(node);
}

/** Lines of a text without their breaks ("\n", "\r\n" or a lone "\r"). */
export function linesOf(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      lines.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length });
  return lines;
}
