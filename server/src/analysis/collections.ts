/** Small collection helpers the corpus layer uses on hot paths. */

/** Appends a value to the list a map holds for a key, creating the list; O(1), unlike copying it. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
