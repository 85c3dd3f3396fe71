import type {Sentence, SentenceContent, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {nextNonSpace} from './each-sentence.js'

/**
 * Whether a word is a whole item of a comma-separated list of names: the
 * credits of a release or a line of thanks (`Nick Schonning, cathrowe,
 * fat32, Juliette Cezzar`). A lowercase item there is someone's user name,
 * written as they write it, not a slip of a dictionary word.
 *
 * The word must stand alone between two commas, and the items on each
 * side must read as names: capitalised (`Schonning`) or unknown to the
 * dictionary, as another handle is (`fat32`).
 *
 * @param word The word.
 * @param sentence Its sentence.
 * @param isKnown Dictionary lookup.
 * @returns Whether it is such an item.
 */
export function isItemAmongNames(word: Word, sentence: Sentence, isKnown: (word: string) => boolean): boolean {
  const at = sentence.children.indexOf(word)
  if (at < 0) return false
  const before = nextNonSpace(sentence.children, at, -1)
  const after = nextNonSpace(sentence.children, at, 1)
  if (!isComma(sentence.children[before]) || !isComma(sentence.children[after])) return false
  const itemBefore = sentence.children[nextNonSpace(sentence.children, before, -1)]
  const itemAfter = sentence.children[nextNonSpace(sentence.children, after, 1)]
  return isNameLike(itemBefore, isKnown) && isNameLike(itemAfter, isKnown)
}

/**
 * Whether a node is a comma.
 *
 * @param node A node, if any.
 * @returns Whether it is.
 */
function isComma(node: SentenceContent | undefined): boolean {
  return node?.type === 'PunctuationNode' && node.value === ','
}

/**
 * Whether a list item's word next to the commas reads as a name:
 * capitalised, or a word the dictionary does not know.
 *
 * @param node The node, if any.
 * @param isKnown Dictionary lookup.
 * @returns Whether it does.
 */
function isNameLike(node: SentenceContent | undefined, isKnown: (word: string) => boolean): boolean {
  if (node?.type !== 'WordNode') return false
  const text = toString(node)
  return /^\p{Lu}/u.test(text) || !isKnown(text)
}
