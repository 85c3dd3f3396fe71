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

/** Two capitals anywhere in a word (`IAPDs`, `GitHub`). */
const twoCapitals = /\p{Lu}[^]*\p{Lu}/u

/** A capital straight after a small letter (`iPhone`, `PaaS`). */
const capitalAfterSmall = /\p{Ll}\p{Lu}/u

/** A one- or two-letter part before an apostrophe that starts a name (`O'` of `O'Brien`, `D’` of `D’Angelo`). */
const apostrophePart = /^\p{Lu}\p{Ll}?['\u2019](?=\p{Lu})/u

/**
 * A surname prefix written joined to a capitalised name (`Mc` of
 * `McConnell`, `Mac` of `MacArthur`, `De` of `DeSantis`, `Di` of
 * `DiCaprio`, `Le` of `LeBron`): the capital after it starts the name
 * proper, as after `O'`. Only when the rest is one capitalised word, so
 * `LaTeX` and `MacOS` stay mixed-case terms.
 */
const surnamePrefix = /^(?:Mc|Mac|Fitz|De|Di|Da|Del|Della|Du|La|Le|Van|Von)(?=\p{Lu}\p{Ll}+$)/u

/**
 * Whether a word is an acronym or a mixed-case term, written as its owner
 * writes it: two or more capitals (`IAPDs`, `SHAs`, `FedRAMP`, `GitHub`)
 * or a capital straight after a small letter (`iPhone`, `PaaS`). A part
 * before an apostrophe (`O'Brien`) or a joined surname prefix
 * (`McConnell`, `DeSantis`) starts a name of its own, so those are
 * ordinary names, whose slips (`McConnel`) are still name variants. Such terms are never taken for variants of
 * one another (`PaaS` is not a slip of `IaaS`, nor `IAPDs` of `APDs`) and
 * never fixed: only their case is compared (`Github` for `GitHub`).
 *
 * @param text A word.
 * @returns Whether it is an acronym or mixed-case term.
 */
export function isMixedCase(text: string): boolean {
  const rest = text.replace(apostrophePart, '').replace(surnamePrefix, '')
  return twoCapitals.test(rest) || capitalAfterSmall.test(rest)
}

/**
 * Whether two words differ only in case (`Github` and `GitHub`).
 *
 * @param a A word.
 * @param b Another.
 * @returns Whether they are one word in two cases.
 */
export function isCaseOnlyVariant(a: string, b: string): boolean {
  return a !== b && a.toLowerCase() === b.toLowerCase()
}

/**
 * Whether a word is an acronym in the plural: capitals and a small `s`
 * (`IAAs`, `PDFs`). Another term than a mixed-case one in other case
 * (`IAAs`, interagency agreements, is not `IaaS`).
 *
 * @param text A word.
 * @returns Whether it is.
 */
export function isAcronymPlural(text: string): boolean {
  return /^\p{Lu}{2,}s$/u.test(text)
}
