import {isAscii} from '../ascii.js'
import {readWordList} from '../config/word-list.js'
import {dictionaryFile} from '../package-info.js'
import {withoutAccents} from './accents.js'
import {cachedText, fileDigest} from './disk-cache.js'
import {findSortedLine, sortedLines} from './sorted-lines.js'

/**
 * The fixed phrases whose words are right only together (`et al`,
 * `modus operandi`, `willy-nilly`): copydesk's own list (`phrases.txt`) and
 * WordNet's (`phrases-wordnet.txt`, made by `npm run build:phrases`).
 */
export interface FixedPhrases {
  /**
   * Whether a word is a word of some phrase: nearly every unknown word is
   * none, and is settled by this alone.
   *
   * @param token The word, as `phraseToken` gives it.
   */
  hasWord(token: string): boolean
  /**
   * Whether some words are a phrase.
   *
   * @param phrase The words, as `phraseToken` gives them, joined by one space (`a la carte`).
   */
  has(phrase: string): boolean
  /** Most words a phrase has: how far around a word to look. */
  longest: number
}

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

let loaded: FixedPhrases | undefined

/**
 * The fixed phrases, read once per process.
 *
 * Both lists are kept in the disk cache as sorted lines and searched where
 * they stand (see `findSortedLine`): sets of WordNet's thousands of phrases
 * and their words cost each process (and each worker thread of a run) some
 * ten times what the rest of the tolerated fragments do, for the few words
 * of a story that ever reach them.
 *
 * @returns The phrases.
 */
export function fixedPhrases(): FixedPhrases {
  if (!loaded) {
    const files = ['phrases.txt', 'phrases-wordnet.txt'].map((file) => dictionaryFile(file))
    const stamps = files.map(fileDigest)
    // Read from the lists only when the cache lacks either text (a new version, a read-only cache).
    let keys: string[] | undefined
    const listed = (): string[] => (keys ??= phraseKeys(files))
    // The phrases text starts with the length of the longest phrase on a line of its own.
    const phrases = cachedText('phrases-1', stamps, () => {
      const longest = Math.max(0, ...listed().map((key) => key.split(' ').length))
      return `${longest}\n` + sortedLines(listed())
    })
    const words = cachedText('phrase-words-1', stamps, () => sortedLines(listed().flatMap((key) => key.split(' '))))
    const start = phrases.indexOf('\n') + 1
    loaded = {
      hasWord: (token) => findSortedLine(words, 0, token, '\t') !== undefined,
      has: (phrase) => findSortedLine(phrases, start, phrase, '\t') !== undefined,
      longest: Number.parseInt(phrases.slice(0, start), 10) || 0
    }
  }
  return loaded
}

/**
 * The phrases of some lists, each as its words joined by one space.
 *
 * @param files Phrase lists.
 * @returns The phrases.
 */
function phraseKeys(files: readonly string[]): string[] {
  return files.flatMap((file) => readWordList(file).map((line) => phraseTokens(line).join(' ')))
}
