/**
 * Find a line by its key in a text of lines sorted by key (code-unit order),
 * by binary search on the text itself, so that a long list is searchable
 * the moment it is read, with nothing built from it.
 *
 * @param text Lines, each ending in `\n`, sorted by key.
 * @param from Offset of the first line to search.
 * @param key The key.
 * @param separator What ends the key inside a line (`/` before flags, a tab before a count).
 * @returns The whole line, if there is one with that key.
 */
export function findSortedLine(text: string, from: number, key: string, separator: string): string | undefined {
  const stop = separator.charCodeAt(0)
  let low = from
  let high = text.length
  // low and high always stand at the start of a line (or the end of the text).
  while (low < high) {
    const middle = (low + high) >>> 1
    const start = Math.max(text.lastIndexOf('\n', middle - 1) + 1, low)
    const found = text.indexOf('\n', start)
    const end = found < 0 ? text.length : found
    // The line's key is compared with `key` where it stands: slicing each
    // probed line out made a dozen strings per lookup, which cost this
    // function time and more in garbage collection.
    const order = compareKey(text, start, end, stop, key)
    if (order === 0) return text.slice(start, end)
    if (order < 0) low = found < 0 ? text.length : end + 1
    else high = start
  }
  return undefined
}

/**
 * Compare the key of a line (up to the separator) with a key, in code-unit
 * order, as `<` compares strings.
 *
 * @param text Text.
 * @param start Offset of the line.
 * @param end Offset of its end.
 * @param stop Code of the separator.
 * @param key The key.
 * @returns Negative, zero or positive, as the line's key sorts before, with or after `key`.
 */
function compareKey(text: string, start: number, end: number, stop: number, key: string): number {
  for (let index = 0; ; index++) {
    const at = start + index
    const code = at < end ? text.charCodeAt(at) : -1
    // -1 stands for the end of a key, which sorts before any character.
    const mine = code === stop ? -1 : code
    const theirs = index < key.length ? key.charCodeAt(index) : -1
    if (mine !== theirs) return mine - theirs
    if (mine === -1) return 0
  }
}

/**
 * Make a text for `findSortedLine`: lines sorted in code-unit order, each
 * once, each ending in `\n`.
 *
 * @param values Lines, in any order.
 * @returns The text.
 */
export function sortedLines(values: Iterable<string>): string {
  return [...new Set(values)]
    .sort()
    .map((line) => line + '\n')
    .join('')
}
