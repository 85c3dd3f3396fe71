/**
 * Copying the case of one word onto another, for the rules that write a
 * replacement in the case of the text it replaces (`Colour` → `Color`,
 * `Cooperation` → `Co-operation`, `Town Council` → `City Council`). Each
 * rule keeps its own handling of words in all capitals (`KIEV` → `KYIV`),
 * which they do not share.
 */

/** A capital first letter, of any script (`Ł` in `Łódź`). */
const capitalFirst = /^\p{Lu}/u

/**
 * Capitalise the first character, leaving the rest as it is.
 *
 * @param text Text.
 * @returns `kiev` → `Kiev`; `iPhone` → `IPhone`.
 */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * Give a word a capital first letter when another word starts with one;
 * otherwise leave it as it is (a capital it has is kept).
 *
 * @param word The word to write, usually lowercase (`color`).
 * @param model The word whose first letter to follow (`Colour`).
 * @returns `word`, capitalised like `model` (`Color`).
 */
export function capitalLike(word: string, model: string): string {
  return capitalFirst.test(model) ? upperFirst(word) : word
}
