/**
 * Memoising pure string functions. A corpus rebuild after a keystroke compares the same names as the
 * one before it; caching by the strings themselves makes those comparisons free the second time.
 */

/** Caches a pure function of one string; the cache is dropped whole when it reaches `limit` entries. */
export function memoize<T>(fn: (input: string) => T, limit = 100_000): (input: string) => T {
  let cache = new Map<string, T>();
  return (input: string): T => {
    const hit = cache.get(input);
    if (hit !== undefined || cache.has(input)) return hit as T;
    const value = fn(input);
    // Dropping everything at once is cheaper than LRU bookkeeping, and the working set refills in one rebuild.
    if (cache.size >= limit) cache = new Map();
    cache.set(input, value);
    return value;
  };
}

/** Caches a pure function of two strings. */
export function memoize2<T>(fn: (a: string, b: string) => T, limit = 100_000): (a: string, b: string) => T {
  // A map per first string: no "a\u0000b" key is built (and hashed) on every call of a hot loop.
  let cache = new Map<string, Map<string, T>>();
  let size = 0;
  return (a: string, b: string): T => {
    let inner = cache.get(a);
    if (inner) {
      const hit = inner.get(b);
      if (hit !== undefined || inner.has(b)) return hit as T;
    }
    const value = fn(a, b);
    if (size >= limit) {
      cache = new Map();
      size = 0;
      inner = undefined;
    }
    if (!inner) cache.set(a, (inner = new Map()));
    inner.set(b, value);
    size++;
    return value;
  };
}

/**
 * `text.toLowerCase()`, remembered. Articles with a curly quote are two-byte strings, and so is
 * every word cut from them; V8 lower-cases those several times slower than one-byte ones, and the
 * annotators lower-case each word again and again to look it up in a word list.
 */
export const lowerCase: (text: string) => string = memoize((text) => text.toLowerCase());
