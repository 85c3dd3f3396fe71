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
  let before: number[] = []
  let previous: number[] = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current: number[] = [i]
    let rowBest = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1)
      }
      current[j] = value
      rowBest = Math.min(rowBest, value)
    }
    if (rowBest > limit) return limit + 1
    before = previous
    previous = current
  }
  return Math.min(previous[b.length]!, limit + 1)
}

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
