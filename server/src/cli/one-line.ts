/**
 * Text that output prints on one line: file names, messages, and problems with the input. Apart from
 * format.ts because a run that replays its cached output prints the problems too, without loading the
 * analysis (run-cli.ts).
 */
import type { InputProblem } from './load.js';

/** Characters that would break a line or a terminal's display: C0 and C1 controls, DEL, U+2028/2029. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this must find
const unprintable = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` on one line: every unprintable character written as `\uXXXX`. */
export function oneLine(text: string): string {
  return text.replace(unprintable, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A file name as text output prints it: as it is, or in double quotes with JSON escapes when it holds
 * what could split a line or pass for a position ("a.txt:9:9 warning x" would read as a finding).
 */
export function quoteFileName(name: string): string {
  const rest = name.replace(/^[A-Za-z]:[\\/]/, ''); // a Windows drive, "C:\", is not a separator
  if (!/[:"]/.test(rest) && name.search(unprintable) === -1 && name.trim() === name && name !== '')
    return name;
  return oneLine(JSON.stringify(name));
}

/** A problem as `file:line:col: message`, 1-based. */
export function formatProblem(problem: InputProblem): string {
  return `${quoteFileName(problem.file)}:${problem.line + 1}:${problem.column + 1}: ${oneLine(problem.message)}`;
}
