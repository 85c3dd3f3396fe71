import {isAscii} from '../ascii.js'
import {withoutAccents} from '../words/accents.js'

/**
 * A word of a fixed phrase as the phrase lists and the copy are compared:
 * lowercase, without accents, with a straight apostrophe and without a
 * possessive `'s`, so that `d’être`, `D'etre` and `d'etre` are one word, as
 * writers type it either way and WordNet has no accents.
 *
 * @param word A word, or a part of a hyphenated word.
 * @returns Its form for matching.
 */
export function phraseToken(word: string): string {
  const lower = word.toLowerCase()
  // Nearly every word is ASCII and has no possessive: one lowercase copy.
  const plain = isAscii(lower) ? lower : withoutAccents(lower).replaceAll('\u2019', "'")
  return plain.endsWith("'s") ? plain.slice(0, -2) : plain
}

/**
 * The words of a phrase as the spell check sees them: words and the parts of
 * hyphenated words alike (`willy-nilly` and `willy nilly` are both `willy`,
 * `nilly`), each as `phraseToken` gives it.
 *
 * @param phrase A phrase (`à la carte`, `bric-a-brac`).
 * @returns Its words, in order.
 */
export function phraseTokens(phrase: string): string[] {
  return phrase
    .split(/[\s\-\u2010\u2011]+/)
    .filter(Boolean)
    .map((token) => phraseToken(token))
}
