import type {Root, Word} from 'nlcst'
import {isAsciiCapital} from '../ascii.js'
import {foreignPassages} from './foreign-runs.js'
import type {NameUse} from '../words/name-variants.js'
import type {SpellCheck} from './spell-check.js'
import {wordText} from './word-text.js'

/**
 * The uses of name-like words in a story (see `isNameLike`), each exactly
 * the name (a part of a compound, without a possessive), with whether the
 * dictionary or the word lists know it. Left out: words in a passage of
 * another language (`des Parisiens` in a French quotation is the French
 * spelling, not a variant).
 *
 * Found once per story (see `analyseStory`): `name-consistency` and
 * `names-across-files` both read them.
 *
 * @param tree The story's tree.
 * @param check The story's spell check.
 * @returns Uses, in document order.
 */
export function nameUses(tree: Root, check: SpellCheck): NameUse[] {
  const uses: NameUse[] = []
  const unknown = new Set(check.unknown.map((word) => word.offset))
  const inForeignPassage = foreignPassages(tree, check.unknown)
  for (const part of check.parts) {
    const position = part.word.position
    if (!position || position.start.offset === undefined || !mayBeNameLike(part.word)) continue
    const text = wordText(part.word)
    if (!isNameLike(text)) continue
    if (inForeignPassage(position.start.offset)) continue
    uses.push({text, position, known: !unknown.has(position.start.offset)})
  }
  return uses
}

/**
 * Whether a word looks like a name: a capital first, then at least one
 * lowercase letter (so `BTLC` and `US` are acronyms, not names).
 *
 * @param text The word.
 * @returns Whether to collect it.
 */
export function isNameLike(text: string): boolean {
  // ASCII text (nearly every capitalised word) is settled in one pass over
  // its characters, without the three regex tests.
  let lowercase = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0x80) return upperFirst.test(text) && lowercaseLetter.test(text) && !digit.test(text)
    if (code >= 0x30 && code <= 0x39) return false
    if (code >= 0x61 && code <= 0x7a) lowercase = true
  }
  const first = text.charCodeAt(0)
  return lowercase && isAsciiCapital(first)
}

// What `isNameLike` tests text outside ASCII with.
const upperFirst = /^\p{Lu}/u
const lowercaseLetter = /\p{Ll}/u
const digit = /\d/

/**
 * Whether a word may be name-like (see `isNameLike`), from its first
 * character alone: most words start with a lowercase ASCII letter, and
 * reading their text to test it was much of the rule's time (the CI case
 * of `npm run bench` shows it).
 *
 * @param word The word (or part).
 * @returns `false` when it cannot be name-like.
 */
function mayBeNameLike(word: Word): boolean {
  const first = word.children[0]
  const code = first && 'value' in first ? first.value.charCodeAt(0) : Number.NaN
  // Only `A`–`Z` are capitals in ASCII; an empty or non-ASCII start needs the whole text.
  return !(code < 0x80) || isAsciiCapital(code)
}
