import type {Word} from 'nlcst'
import {toString} from 'nlcst-to-string'

/**
 * The text of a word, as `toString` gives it, without building an array and
 * joining it for the plain word of one text node that nearly every word is.
 * `toString` of every word was costly on a run of many stories, much of it
 * garbage collection of those arrays (the CI case of `npm run bench` shows
 * it); and the lookups keyed by the text then reuse the hash V8 keeps on the
 * parser's string.
 *
 * @param word A word (or word part) node.
 * @returns Its text.
 */
export function wordText(word: Word): string {
  const children = word.children
  const only = children[0]
  if (children.length === 1 && only?.type === 'TextNode') return only.value
  return toString(word)
}

/** Letters and digits only. */
const lettersAndDigits = /^[\p{L}\p{N}]+$/u

/**
 * Whether a text is made of letters and digits only (`^[\p{L}\p{N}]+$`),
 * with ASCII settled by character codes: a Unicode-property regex on every
 * word of a run cost more than the rest of the test.
 *
 * @param text Text.
 * @returns Whether it is one or more letters and digits.
 */
export function isLettersAndDigits(text: string): boolean {
  if (text.length === 0) return false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0x80) return lettersAndDigits.test(text)
    // 0-9, A-Z, a-z.
    if (!((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))) return false
  }
  return true
}
