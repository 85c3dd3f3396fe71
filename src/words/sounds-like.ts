import {doubleMetaphone} from 'double-metaphone'
import {cachedBytes} from './disk-cache.js'
import {findSortedLine} from './sorted-lines.js'
import {spokenWords, subtlexDigest} from './suggestions.js'

/**
 * Words that sound like a misspelling: those with its Double Metaphone code.
 *
 * Many real misspellings are spelt by ear, far from the word in letters
 * (`gurment` for `government`, `beleve` for `believe`, `ofen` for
 * `often`), beyond the two edits the suggester walks. Among the words
 * people use (SUBTLEX-US), those that sound the same are few enough to
 * offer (`far-suggestions.ts`), and the misspelling model ranks them with
 * the rest; and a word that sounds like a well-known word is evidence of a
 * slip (`slip-evidence.ts`).
 */

/** The code table: sorted `code<TAB>word word …` lines, read on first use. */
let codes: string | undefined

/**
 * Words people use whose Double Metaphone code (either of its two) is one
 * of the word's.
 *
 * @param word A lowercase word.
 * @returns The words, lowercase, the word itself left out.
 */
export function soundsLike(word: string): string[] {
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
