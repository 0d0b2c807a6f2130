/**
 * Tokens and sentences from retext-english's NLCST, with line breaks as hard boundaries.
 *
 * parse-english ends a sentence only at terminal punctuation, so a headline or a dateline without a
 * full stop runs into the next line; every annotator wants lines kept apart, so a sentence here also
 * ends at any line break.
 */
import type { Root, Sentence, SentenceContent, Paragraph } from 'nlcst';
import { toString } from 'nlcst-to-string';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import type { Span } from './types.js';

/** The kinds of token annotators see. */
export type TokenKind = 'word' | 'punctuation' | 'symbol' | 'space';

/** One token of an article: a word ("Suk-yeol", "U.S.", "12:35"), a punctuation mark, a symbol or white space. */
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

/** Parses an article's text into NLCST with retext-english. Never throws: odd text still parses. */
export function parseText(text: string): Root {
  return parser.parse(text);
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
  const visitSentence = (sentence: Sentence): void => {
    for (const child of sentence.children) visitSentenceContent(child);
    flush();
  };
  const visitParagraph = (paragraph: Paragraph): void => {
    for (const child of paragraph.children) {
      if (child.type === 'SentenceNode') visitSentence(child);
      else if (child.type === 'WhiteSpaceNode' && /[\r\n]/.test(child.value)) flush();
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

function tokenOf(node: SentenceContent): Token {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  switch (node.type) {
    case 'WordNode':
      return { kind: 'word', text: toString(node), start, end };
    case 'WhiteSpaceNode':
      return { kind: 'space', text: node.value, start, end, newline: /[\r\n]/.test(node.value) };
    case 'PunctuationNode':
      return { kind: 'punctuation', text: node.value, start, end };
    default:
      return { kind: 'symbol', text: toString(node), start, end };
  }
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
