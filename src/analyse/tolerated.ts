import type {Sentence, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {dictionaryFile} from '../package-info.js'
import {type WordPart, wordParts} from './word-parts.js'
import {type FixedPhrases, fixedPhrases, phraseToken} from '../words/fixed-phrases.js'
import {readWordList} from '../config/word-list.js'
import {startsWithWordPrefix} from '../words/word-formation.js'

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
  /** Fixed phrases whose words are accepted together (`et al`, `E coli`, `a la carte`, `willy-nilly`). */
  phrases: FixedPhrases
}

let loaded: Tolerated | undefined

/**
 * Read the tolerated fragments shipped in `dictionaries/`.
 *
 * @returns The lists.
 */
export function toleratedFragments(): Tolerated {
  if (!loaded) {
    loaded = {
      nameParticles: new Set(readWordList(dictionaryFile('name-particles.txt'))),
      hyphenPrefixes: new Set(readWordList(dictionaryFile('hyphen-prefixes.txt'))),
      phrases: fixedPhrases()
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
  if (part.beforeHyphen && sentence !== undefined && isSuspendedPrefix(part, word, sentence)) return true
  if (lists.nameParticles.has(text)) {
    const next = part.beforeHyphen ? partAfter(word, part) : wordAfter(sentence, word)
    if (next && (/^\p{Lu}/u.test(next) || lists.nameParticles.has(next))) return true
  }
  // Nearly every unknown word is no word of any phrase: then the words
  // around it need not be gathered (arrays per unknown word, which add up
  // over the CI case of `npm run bench`).
  if (sentence === undefined) return false
  const token = phraseToken(text)
  // The lists give nouns in the singular; copy has "hors d'oeuvres" and "post-mortems" too.
  const phrases = lists.phrases
  const listed = phrases.hasWord(token) || (token.endsWith('s') && phrases.hasWord(token.slice(0, -1)))
  return listed && inPhrase(token, part, word, sentence, phrases)
}

/** The words that join a suspended prefix to the prefixed word it shares a stem with. */
const suspendingWords = new Set(['and', 'or', 'to'])

/**
 * Whether a part is a suspended prefix: the end of a word that ends in a
 * hyphen, then `and`, `or` or `to`, then a prefixed word, hyphenated or
 * closed up (`thermo- and electro-chemical`, `nano- to microscale`): the
 * prefix shares the stem of the word after it.
 *
 * @param part The part.
 * @param word The word it ends.
 * @param sentence The sentence.
 * @returns Whether it is.
 */
function isSuspendedPrefix(part: WordPart, word: Word, sentence: Sentence): boolean {
  if (wordParts(word).at(-1) !== part) return false
  const children = sentence.children
  const index = children.indexOf(word)
  const joining = children[index + 2]
  const prefixed = children[index + 4]
  if (
    index === -1 ||
    children[index + 1]?.type !== 'WhiteSpaceNode' ||
    joining?.type !== 'WordNode' ||
    !suspendingWords.has(toString(joining).toLowerCase()) ||
    children[index + 3]?.type !== 'WhiteSpaceNode' ||
    prefixed?.type !== 'WordNode'
  ) {
    return false
  }
  const parts = wordParts(prefixed)
  return parts[0]?.beforeHyphen === true || startsWithWordPrefix(toString(prefixed).toLowerCase())
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
 * Whether a part of a word stands inside one of the fixed phrases: whether
 * the words around it, read across spaces and hyphens alike (`bric-a-brac`,
 * `a la carte`), make one, or its plural. Each stretch of words that holds
 * the part and is no longer than the longest phrase is looked up whole, so
 * the cost does not grow with the number of phrases.
 *
 * @param token The part, as `phraseToken` gives it.
 * @param part The part.
 * @param word The word it is (part of).
 * @param sentence The sentence.
 * @param phrases The fixed phrases.
 * @returns Whether the surrounding words make one of the phrases.
 */
function inPhrase(token: string, part: WordPart, word: Word, sentence: Sentence, phrases: FixedPhrases): boolean {
  const reach = phrases.longest - 1
  const parts = wordParts(word)
  const at = parts.indexOf(part)
  const children = sentence.children
  const index = children.indexOf(word)
  if (at === -1 || index === -1) return false
  // The words before, nearest first, then after: the parts of the word itself, then words across white space.
  const before = parts.slice(0, at).reverse().map((other) => phraseToken(other.text))
  const after = parts.slice(at + 1).map((other) => phraseToken(other.text))
  for (let previous = index - 2; before.length < reach && previous >= 0; previous -= 2) {
    const words = tokensOf(children[previous], children[previous + 1])
    if (!words) break
    before.push(...words.reverse())
  }
  for (let next = index + 2; after.length < reach && next < children.length; next += 2) {
    const words = tokensOf(children[next], children[next - 1])
    if (!words) break
    after.push(...words)
  }
  const place = before.length
  const stretch = [...before.reverse(), token, ...after]
  for (let length = 2; length <= phrases.longest; length++) {
    for (let start = Math.max(0, place - length + 1); start <= place && start + length <= stretch.length; start++) {
      const words = stretch.slice(start, start + length)
      const phrase = words.join(' ')
      // A plural ends the phrase ("hors d'oeuvres" is "hors d'oeuvre") or,
      // where the head noun comes first, opens it ("coups d'etat").
      if (phrases.has(phrase) || (phrase.endsWith('s') && phrases.has(phrase.slice(0, -1)))) return true
      const [first = ''] = words
      if (first.endsWith('s') && phrases.has(first.slice(0, -1) + phrase.slice(first.length))) return true
    }
  }
  return false
}

/**
 * The words of a neighbouring word of a sentence, if white space alone
 * stands between: "de, facto" and "de (facto" are no phrase.
 *
 * @param node The sentence's child that may be a word.
 * @param gap The child between it and the word looked from.
 * @returns Its parts' words (see `phraseToken`), or `undefined` when it is no word or not next across white space.
 */
function tokensOf(node: Sentence['children'][number] | undefined, gap: Sentence['children'][number] | undefined): string[] | undefined {
  if (node?.type !== 'WordNode' || gap?.type !== 'WhiteSpaceNode') return undefined
  return wordParts(node).map((other) => phraseToken(other.text))
}
