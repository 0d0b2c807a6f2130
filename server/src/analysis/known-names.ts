/**
 * Whether a word is a name people are given or born with, from the list generated into
 * server/data/names.json (scripts/build-names.mjs, from the humannames package). It is the prior a
 * spelling corrector needs when the corpus cannot settle a spelling alone: of "Satya" and "Satyaa",
 * each written once, the one on the list is likelier right. The list is broad (it holds "May" and
 * "Park"), so it only ever ranks two spellings of one name; it never makes a word a name.
 */
import data from '../../data/names.json' with { type: 'json' };

let names: Set<string> | undefined;

/** True when `token`, in the normal form of `nameTokens` (no diacritics, lower case), is a listed name. */
export function isKnownName(token: string): boolean {
  names ??= new Set(data.names.split('\n'));
  return names.has(token);
}

/** How many words of a name (in normal form) are not on the list: fewer is likelier right. */
export function unknownWords(tokens: readonly string[]): number {
  let unknown = 0;
  for (const token of tokens) if (!isKnownName(token)) unknown++;
  return unknown;
}
