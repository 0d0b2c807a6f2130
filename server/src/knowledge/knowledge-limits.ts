/**
 * The limits a knowledge file must keep before any YAML parser, regular expression or recursive walk
 * sees it. One linear pass over the characters with a constant amount of state per line, so that a
 * hostile file ("[[[[…" 50,000 deep, a billion aliases, 5 MB) costs no more than reading it once.
 */

/** The longest knowledge file read, in characters: a hand-kept list of names is far shorter. */
export const knowledgeMaxLength = 1_000_000;

/** The deepest nesting read: `entities[2].roles[0].from` is 4 deep; 64 leaves room for anything hand-written. */
export const knowledgeMaxDepth = 64;

/** The most aliases (`*name`) read: a hand-kept file needs few, a billion-laughs file needs many. */
export const knowledgeMaxAliases = 100;

/** Why a knowledge file is not read, or undefined when it keeps every limit. */
export function knowledgeLimitProblem(source: string): string | undefined {
  if (source.length > knowledgeMaxLength) {
    const size = `${(source.length / 1_000_000).toFixed(1)} million characters`;
    return `dateline.yaml has ${size}, over the limit of ${knowledgeMaxLength / 1_000_000} million; not read`;
  }
  const { depth, aliases } = measure(source);
  if (depth > knowledgeMaxDepth)
    return `dateline.yaml nests ${depth} levels deep, over the limit of ${knowledgeMaxDepth}; not read`;
  if (aliases > knowledgeMaxAliases)
    return `dateline.yaml has ${aliases} aliases, over the limit of ${knowledgeMaxAliases}; not read`;
  return undefined;
}

/**
 * An upper bound of the nesting depth (block indentation levels, "- - -" markers and flow brackets
 * together) and the number of aliases. Quotes and comments are skipped, so that "[" in a name or a
 * comment does not count; a quote left open counts the rest of the file as quoted, which only lowers
 * the flow depth a malformed file is charged (the parser reports it).
 */
function measure(source: string): { depth: number; aliases: number } {
  let maxDepth = 0;
  let aliases = 0;
  let flow = 0;
  // Indentations of the open block levels: "a:\n  b:\n    c: 1" holds [0, 2, 4].
  const indents: number[] = [];
  let quote: '"' | "'" | undefined;
  let atLineStart = true;
  let lineDepth = 0;
  let previous = '\n';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      previous = c;
      continue;
    }
    if (c === '\n' || c === '\r') {
      atLineStart = true;
      previous = '\n';
      continue;
    }
    if (atLineStart) {
      if (c === ' ' || c === '\t') continue;
      atLineStart = false;
      if (c === '#') {
        i = skipLine(source, i);
        continue;
      }
      // The column of the first character: levels indented at least as far are closed.
      const column = i - lineStartOf(source, i);
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= column) indents.pop();
        indents.push(column);
      }
      lineDepth = indents.length;
      // "- - - x" opens one level per marker on the same line.
      while ((source[i] === '-' || source[i] === '?') && (source[i + 1] === ' ' || source[i + 1] === '\t')) {
        lineDepth++;
        i += 2;
        while (source[i] === ' ' || source[i] === '\t') i++;
      }
      maxDepth = Math.max(maxDepth, lineDepth + flow);
      i--;
      previous = ' ';
      continue;
    }
    if (c === '#' && (previous === ' ' || previous === '\t')) {
      i = skipLine(source, i);
      continue;
    }
    if ((c === '"' || c === "'") && startsToken(previous)) quote = c;
    else if (c === '[' || c === '{') {
      flow++;
      maxDepth = Math.max(maxDepth, lineDepth + flow);
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
    else if (c === '*' && startsToken(previous)) aliases++;
    previous = c;
  }
  return { depth: maxDepth, aliases };
}

/** True when a character before a quote or "*" lets it start a token (`a*b` is plain text, `[*b` an alias). */
function startsToken(previous: string): boolean {
  return (
    previous === ' ' ||
    previous === '\t' ||
    previous === '\n' ||
    previous === '[' ||
    previous === '{' ||
    previous === ',' ||
    previous === ':' ||
    previous === '-'
  );
}

/** The index of the line break ending the line at `i`, less one (the loop steps onto it). */
function skipLine(source: string, i: number): number {
  let j = i;
  while (j < source.length && source[j] !== '\n' && source[j] !== '\r') j++;
  return j - 1;
}

/** Where the line holding `i` starts. */
function lineStartOf(source: string, i: number): number {
  let j = i;
  while (j > 0 && source[j - 1] !== '\n' && source[j - 1] !== '\r') j--;
  return j;
}
