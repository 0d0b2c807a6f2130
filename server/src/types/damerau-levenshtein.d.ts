// The package ships no types; this is its documented return shape.
declare module 'damerau-levenshtein' {
  /** Edit distance with adjacent transpositions between two strings. */
  export default function damerauLevenshtein(
    a: string,
    b: string,
  ): { steps: number; relative: number; similarity: number };
}
