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
  const one = memoize((key: string) => {
    const split = key.indexOf('\u0000');
    return fn(key.slice(0, split), key.slice(split + 1));
  }, limit);
  return (a: string, b: string): T => one(`${a}\u0000${b}`);
}
