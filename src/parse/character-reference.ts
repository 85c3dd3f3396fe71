/** A character reference, as Markdown and HTML write one (`&amp;`, `&#8217;`). */
const characterReference = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z\d]{1,31});/iy

/**
 * The end of a character reference that starts at an offset of a text, as
 * Markdown and HTML write one (`&amp;`, `&#8217;`, `&#x2019;`).
 *
 * @param text Source text.
 * @param at Offset where the reference would start.
 * @returns The offset after it, or `undefined` when none starts there.
 */
export function characterReferenceEnd(text: string, at: number): number | undefined {
  characterReference.lastIndex = at
  return characterReference.test(text) ? characterReference.lastIndex : undefined
}
