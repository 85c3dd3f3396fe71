import {doubleMetaphone} from 'double-metaphone'
import {cachedBytes} from './disk-cache.js'
import {keyboardSlipCost, misspellingCost} from './misspelling-model.js'
import {findSortedLine} from './sorted-lines.js'
import {spokenWords, subtlexDigest} from './suggestions.js'

/**
 * Words that sound like a misspelling: those with its Double Metaphone code.
 *
 * Many real misspellings are spelt by ear, far from the word in letters
 * (`gurment` for `government`, `beleve` for `believe`, `ofen` for
 * `often`), beyond the two edits the suggester walks. Among the words
 * people use (SUBTLEX-US), those that sound the same are few enough to
 * offer, and the misspelling model ranks them with the rest.
 */

/**
 * Cost past which no suggestion is a likely slip: two common edits. Only
 * then are words that sound alike looked for; a nearer word is likelier
 * (`wer` is `were`, whatever sounds like it).
 */
const likelyCost = 2 * keyboardSlipCost

let codes: string | undefined

/**
 * Add the words that sound like an ordinary lowercase word to its
 * suggestions when none of them is a likely slip of it.
 *
 * @param word The unknown word.
 * @param suggestions Its suggestions within two edits.
 * @param isKnown Whether the dictionary of the copy knows a word.
 * @returns The suggestions, with any such words after them.
 */
export function withSoundAlikes(word: string, suggestions: readonly string[], isKnown: (word: string) => boolean): readonly string[] {
  if (!/^[a-z]+$/.test(word) || suggestions.some((suggestion) => misspellingCost(word, suggestion) <= likelyCost)) return suggestions
  const added = soundsLike(word).filter((match) => isKnown(match) && !suggestions.includes(match))
  return added.length === 0 ? suggestions : [...suggestions, ...added]
}

/**
 * Words people use whose Double Metaphone code (either of its two) is one
 * of the word's.
 *
 * @param word A lowercase word.
 * @returns The words, lowercase, the word itself left out.
 */
function soundsLike(word: string): string[] {
  codes ??= new TextDecoder().decode(cachedBytes('sounds-like-1', [subtlexDigest()], compileCodes))
  const found = new Set<string>()
  for (const code of new Set(doubleMetaphone(word))) {
    if (!code) continue
    const line = findSortedLine(codes, 0, code, '\t')
    if (line === undefined) continue
    for (const match of line.slice(line.indexOf('\t') + 1).split(' ')) if (match !== word) found.add(match)
  }
  return [...found]
}

/**
 * Index the words people use by their codes.
 *
 * @returns Sorted `code<TAB>word word …` lines.
 */
function compileCodes(): Uint8Array {
  const byCode = new Map<string, Set<string>>()
  for (const word of spokenWords()) {
    // Letters only: a code of `don't` or `x-ray` names no other word.
    if (!/^[a-z]+$/.test(word)) continue
    for (const code of doubleMetaphone(word)) {
      if (!code) continue
      let words = byCode.get(code)
      if (!words) byCode.set(code, (words = new Set()))
      words.add(word)
    }
  }
  const sorted = [...byCode.keys()].sort()
  return new TextEncoder().encode(sorted.map((code) => code + '\t' + [...byCode.get(code)!].join(' ')).join('\n') + '\n')
}
