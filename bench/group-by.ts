/**
 * Group items by keys, keeping their order; an item with several keys goes
 * in each group, one with none in no group.
 *
 * `Map.groupBy` does this for one key per item, but only from Node 21.
 *
 * @param items Items to group.
 * @param keysOf Keys of one item.
 * @returns Items per key, keys in order of first appearance.
 */
export function groupBy<T>(items: Iterable<T>, keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key)
      if (group) group.push(item)
      else groups.set(key, [item])
    }
  }
  return groups
}
