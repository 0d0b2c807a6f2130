/** Small collection helpers the corpus layer uses on hot paths. */

/** Appends a value to the list a map holds for a key, creating the list; O(1), unlike copying it. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Values grouped by a key, each group in the values' order. */
export function groupBy<K, V>(values: readonly V[], keyOf: (value: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const value of values) addTo(groups, keyOf(value), value);
  return groups;
}

/** The index of the last of `spans` (sorted by start) that starts at or before `offset`; 0 when none does. */
export function lastStartingBefore(spans: readonly { start: number }[], offset: number): number {
  return lastAtOrBefore(spans.length, (i) => spans[i]!.start, offset);
}

/** The last index below `length` whose ascending `valueAt` is at or before `offset`; 0 when none is. */
export function lastAtOrBefore(length: number, valueAt: (i: number) => number, offset: number): number {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (valueAt(mid) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
