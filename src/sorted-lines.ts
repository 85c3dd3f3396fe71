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
  let low = from
  let high = text.length
  // low and high always stand at the start of a line (or the end of the text).
  while (low < high) {
    const middle = (low + high) >>> 1
    const start = Math.max(text.lastIndexOf('\n', middle - 1) + 1, low)
    const end = text.indexOf('\n', start)
    const line = text.slice(start, end < 0 ? text.length : end)
    const split = line.indexOf(separator)
    const lineKey = split < 0 ? line : line.slice(0, split)
    if (lineKey === key) return line
    if (lineKey < key) low = end < 0 ? text.length : end + 1
    else high = start
  }
  return undefined
}
