import type {Sentence, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {dictionaryFile} from '../package-info.js'
import type {WordPart} from './word-parts.js'
import {readWordList} from '../config/word-list.js'

/**
 * Fragments that are right in news copy where they stand, though no
 * dictionary has them as words: accepted there, never suggested, and still
 * reported anywhere else (`das` for "days" is a slip, `das` in "Lula da
 * Silva" is not; `et` in "et al." is Latin, `et` for "set" a slip).
 */
export interface Tolerated {
  /** Lowercase particles of names, accepted before a capitalised name or another particle. */
  nameParticles: ReadonlySet<string>
  /** Prefixes accepted right before a hyphen (`pre-election`). */
  hyphenPrefixes: ReadonlySet<string>
  /** Fixed phrases whose words are accepted together (`et al`, `E coli`). */
  phrases: ReadonlyArray<readonly string[]>
  /** Every word of the phrases, lowercase. */
  phraseWords: ReadonlySet<string>
}

let loaded: Tolerated | undefined

/**
 * Read the tolerated fragments shipped in `dictionaries/`.
 *
 * @returns The lists.
 */
export function toleratedFragments(): Tolerated {
  if (!loaded) {
    const phrases = readWordList(dictionaryFile('phrases.txt')).map((line) => line.toLowerCase().split(/\s+/))
    loaded = {
      nameParticles: new Set(readWordList(dictionaryFile('name-particles.txt'))),
      hyphenPrefixes: new Set(readWordList(dictionaryFile('hyphen-prefixes.txt'))),
      phrases,
      phraseWords: new Set(phrases.flat())
    }
  }
  return loaded
}

/**
 * Whether an unknown part of a word is right where it stands.
 *
 * @param part The part (from `wordParts`).
 * @param word The whole word it belongs to.
 * @param sentence The sentence the word is in, if known.
 * @param lists Tolerated fragments.
 * @returns Whether to accept it.
 */
export function isTolerated(part: WordPart, word: Word, sentence: Sentence | undefined, lists: Tolerated): boolean {
  const text = part.text
  if (part.beforeHyphen && lists.hyphenPrefixes.has(text.toLowerCase())) return true
  if (lists.nameParticles.has(text)) {
    const next = part.beforeHyphen ? partAfter(word, part) : wordAfter(sentence, word)
    if (next && (/^\p{Lu}/u.test(next) || lists.nameParticles.has(next))) return true
  }
  // Nearly every unknown word is no word of any phrase: then the sentence's
  // words need not be gathered (an array per unknown word, which adds up
  // over the CI case of `npm run bench`).
  return (
    sentence !== undefined && lists.phraseWords.has(text.toLowerCase()) && inPhrase(text, word, sentence, lists.phrases)
  )
}

/**
 * The text of the part after a part, inside one word.
 *
 * @param word Whole word.
 * @param part A part of it.
 * @returns The text after the hyphen that follows `part`.
 */
function partAfter(word: Word, part: WordPart): string | undefined {
  const end = part.word.position?.end.offset
  const children = word.children
  const index = children.findIndex((child) => child.position?.start.offset === end)
  const next = index === -1 ? undefined : children[index + 1]
  return next ? toString(next) : undefined
}

/**
 * The next word after a word in its sentence, across spaces only.
 *
 * @param sentence Sentence.
 * @param word A word in it.
 * @returns The next word's text, if a word follows after white space.
 */
function wordAfter(sentence: Sentence | undefined, word: Word): string | undefined {
  if (!sentence) return undefined
  const index = sentence.children.indexOf(word)
  const space = sentence.children[index + 1]
  const next = sentence.children[index + 2]
  return index !== -1 && space?.type === 'WhiteSpaceNode' && next?.type === 'WordNode' ? toString(next) : undefined
}

/**
 * Whether a word stands inside one of the fixed phrases.
 *
 * @param text The unknown text.
 * @param word The word it is (part of).
 * @param sentence The sentence.
 * @param phrases Fixed phrases, lowercase, word by word.
 * @returns Whether the surrounding words make one of the phrases.
 */
function inPhrase(text: string, word: Word, sentence: Sentence, phrases: ReadonlyArray<readonly string[]>): boolean {
  const words = sentence.children.filter((child): child is Word => child.type === 'WordNode')
  const at = words.indexOf(word)
  if (at === -1) return false
  const plain = (node: Word | undefined): string => (node ? toString(node).replace(/\.$/, '').toLowerCase() : '')
  const lower = text.toLowerCase()
  return phrases.some((phrase) =>
    phrase.some(
      (token, offset) =>
        token === lower && phrase.every((other, index) => plain(words[at - offset + index]) === other)
    )
  )
}
