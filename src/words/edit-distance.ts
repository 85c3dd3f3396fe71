/**
 * Count the edits that turn one word into another: insert, delete or
 * substitute a letter, or swap two neighbouring letters (optimal string
 * alignment distance), giving up once the count passes `limit`.
 *
 * @param a First word.
 * @param b Second word.
 * @param limit Largest distance of interest; larger ones come back as `limit + 1`.
 * @returns The number of edits, at most `limit + 1`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  const columns = b.length + 1
  // Three rows of the table in one reused buffer: the rules call this for
  // many pairs per story, and arrays per row were garbage to collect.
  if (rows.length < columns * 3) rows = new Int32Array(columns * 6)
  let before = 0
  let previous = columns
  let current = columns * 2
  for (let j = 0; j < columns; j++) rows[previous + j] = j
  for (let i = 1; i <= a.length; i++) {
    const letter = a.charCodeAt(i - 1)
    rows[current] = i
    let rowBest = i
    for (let j = 1; j < columns; j++) {
      const cost = letter === b.charCodeAt(j - 1) ? 0 : 1
      let value = Math.min(rows[previous + j]! + 1, rows[current + j - 1]! + 1, rows[previous + j - 1]! + cost)
      if (i > 1 && j > 1 && letter === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, rows[before + j - 2]! + 1)
      }
      rows[current + j] = value
      if (value < rowBest) rowBest = value
    }
    if (rowBest > limit) return limit + 1
    const free = before
    before = previous
    previous = current
    current = free
  }
  return Math.min(rows[previous + b.length]!, limit + 1)
}

/** The rows `editDistance` works in, grown as longer words come. */
let rows = new Int32Array(96)

/**
 * Find the known option closest to a mistyped one, for "did you mean" hints.
 *
 * @param word What was typed.
 * @param options What could have been meant.
 * @returns The closest option within a third of the word's length, if any.
 */
export function closest(word: string, options: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const option of options) {
    const distance = editDistance(word.toLowerCase(), option.toLowerCase(), limit)
    if (distance < bestDistance) {
      best = option
      bestDistance = distance
    }
  }
  return best
}
