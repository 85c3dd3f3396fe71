/**
 * Add all items to the end of an array.
 *
 * `target.push(...items)` passes every item as an argument, and throws a
 * RangeError beyond about 120,000 of them: word lists, paragraphs and files
 * can all grow that large.
 *
 * @param target Array, changed in place.
 * @param items Items to add.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item)
}

/**
 * The largest of some numbers, without spreading them into arguments as
 * `Math.max(...numbers)` does (which throws beyond about 120,000).
 *
 * @param numbers Numbers.
 * @returns The largest, or `-Infinity` when there are none (as `Math.max()`).
 */
export function maxOf(numbers: Iterable<number>): number {
  let max = -Infinity
  for (const number of numbers) if (number > max || Number.isNaN(number)) max = number
  return max
}
