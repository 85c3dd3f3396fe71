/**
 * How well a word fits between the words around it, by how much likelier
 * written English makes it after the two words before and before the two
 * words after: the pairs and triples of the US English language model of
 * CMU Sphinx (`dictionaries/word-pairs.bin`, built by `npm run
 * build:pairs`).
 *
 * A slip's suggestions are ranked by the edits that make the slip and by
 * how common each word is (`rankSuggestions`), which puts the commoner
 * `whether` before `weather` for `wether`, and `to` before `tool` for
 * `tol`. The words beside the slip can choose: "the wether would" is
 * `weather`, "a useful tol for" is `tool`. The model was estimated, with
 * backing off, from far more text than the 3.6 million words copydesk
 * once counted pairs in itself, so it knows the pairs of present-day prose
 * ("development team", "helpful tool") that count never saw; and its
 * triples see past the next word ("a flexible schedule", "three months
 * of").
 *
 * The file: a text header (what it is, its source, the model's licence)
 * whose last line is `# end of header`, padded to four bytes; then,
 * little-endian, five 32-bit counts (words, pairs, pairs that end
 * triples, triples, bytes of spellings) and these arrays, a word being its
 * place in the sorted words and a place taking three bytes:
 *
 * - where each word's pairs start (words + 1 places);
 * - the second word of each pair (sorted within its first word);
 * - the pairs that end triples (sorted), and where the triples of each
 *   start (one more);
 * - the first word of each triple (sorted within its pair);
 * - each word's backoff, each pair's log factor, each pair's backoff as
 *   the two words before a third, each triple's log factor (signed bytes,
 *   in steps of `pairStep`);
 * - the words, sorted in code-unit order, one a line.
 */
import fs from 'node:fs'
import {dictionaryFile} from '../package-info.js'

/** The natural-log units of one step of a stored log factor: an eighth, far finer than the evidence. */
export const pairStep = 1 / 8

/** The header's last line, after `# `. */
export const headerEnd = 'end of header'

/** Places, three bytes each (see `placeAt`). */
type Places = Uint8Array

/** The model as read: the arrays the file holds, by those names. */
interface PairModel {
  words: string[]
  starts: Places
  seconds: Places
  tripledPairs: Places
  tripleStarts: Places
  tripleWords: Places
  backoffs: Int8Array
  fits: Int8Array
  pairBackoffs: Int8Array
  tripleFits: Int8Array
}

let model: PairModel | undefined

/**
 * Read the file on first use. Its arrays are views of the bytes read, not
 * copies: they are 20 MB.
 *
 * @returns The model.
 */
function pairModel(): PairModel {
  if (!model) {
    const read = fs.readFileSync(dictionaryFile('word-pairs.bin'))
    // The counts need their start aligned in memory; a copy of a pooled read is.
    const bytes = read.byteOffset % 4 === 0 ? read : Buffer.from(read)
    const marker = bytes.indexOf('# ' + headerEnd, 0, 'latin1')
    const from = bytes.indexOf(10, marker) + 1
    if (marker < 0 || from % 4 !== 0) throw new Error('word-pairs.bin: no header end at a multiple of four bytes')
    const {buffer} = bytes
    let at = bytes.byteOffset + from
    const take = <T extends {byteLength: number}>(array: T): T => {
      at += array.byteLength
      return array
    }
    const [words = 0, pairs = 0, tripled = 0, triples = 0, spellings = 0] = take(new Uint32Array(buffer, at, 5))
    const places = (count: number): Places => take(new Uint8Array(buffer, at, count * 3))
    model = {
      starts: places(words + 1),
      seconds: places(pairs),
      tripledPairs: places(tripled),
      tripleStarts: places(tripled + 1),
      tripleWords: places(triples),
      backoffs: take(new Int8Array(buffer, at, words)),
      fits: take(new Int8Array(buffer, at, pairs)),
      pairBackoffs: take(new Int8Array(buffer, at, pairs)),
      tripleFits: take(new Int8Array(buffer, at, triples)),
      words: Buffer.from(buffer, at, spellings).toString('latin1').split('\n')
    }
  }
  return model
}

/**
 * The place at an index of a list of places.
 *
 * @param places The places.
 * @param index The index.
 * @returns The place.
 */
function placeAt(places: Places, index: number): number {
  return places[index * 3]! | (places[index * 3 + 1]! << 8) | (places[index * 3 + 2]! << 16)
}

/**
 * Where a value is in a sorted stretch of a list, by binary search: a
 * place among places, or a word among the words.
 *
 * @param from The stretch's start.
 * @param to Its end (not in it).
 * @param valueAt The list's value at an index.
 * @param value The value.
 * @returns Its index, or -1 when the stretch lacks it.
 */
function findSorted<Value extends number | string>(from: number, to: number, valueAt: (index: number) => Value, value: Value): number {
  let low = from
  let high = to - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const found = valueAt(middle)
    if (found === value) return middle
    if (found < value) low = middle + 1
    else high = middle - 1
  }
  return -1
}

/**
 * Where a place is in a sorted stretch of a list of places.
 *
 * @param places The places.
 * @param from The stretch's start.
 * @param to Its end (not in it).
 * @param value The place.
 * @returns Its index, or -1 when the stretch lacks it.
 */
function findPlace(places: Places, from: number, to: number, value: number): number {
  return findSorted(from, to, (index) => placeAt(places, index), value)
}

/**
 * A word's place in the model's vocabulary.
 *
 * @param words The sorted words.
 * @param word A word as counted.
 * @returns Its place, or -1 when the model lacks it.
 */
function placeOf(words: readonly string[], word: string): number {
  return findSorted(0, words.length, (index) => words[index]!, word)
}

/**
 * A pair's place in the model's pairs.
 *
 * @param first The first word's place; -1 when the model lacks it.
 * @param second The second's.
 * @returns Its place, or -1 when the model does not list it.
 */
function pairPlace(first: number, second: number): number {
  if (first < 0 || second < 0) return -1
  const {starts, seconds} = pairModel()
  return findPlace(seconds, placeAt(starts, first), placeAt(starts, first + 1), second)
}

/**
 * How much likelier the word at `second` is after the word at `first`
 * than anywhere, as a log factor (pointwise: log P(next | word) / P(next)):
 * the model's pair when it lists one; else, as the model backs off, the
 * first word's backoff (a pair it never saw is that much less likely than
 * the words' use alone says). A word the model lacks is such a word.
 *
 * @param first The first word's place; -1 when the model lacks it.
 * @param second The second's; -1 when the model lacks it.
 * @returns Log factor; 0 when the model lacks the first word.
 */
function pairFit(first: number, second: number): number {
  if (first < 0) return 0
  const {backoffs, fits} = pairModel()
  const pair = pairPlace(first, second)
  return (pair < 0 ? backoffs[first]! : fits[pair]!) * pairStep
}

/**
 * How much likelier the word at `third` is after the two words before it
 * than anywhere, as a log factor: the model's triple when it lists one;
 * else the backoff of the two words before, and the pair of the last of
 * them with `third` (`pairFit`).
 *
 * @param first The word two before; -1 when the model lacks it.
 * @param second The word just before; -1 when the model lacks it.
 * @param third The word.
 * @returns Log factor; 0 when the model lacks the word just before.
 */
function tripleFit(first: number, second: number, third: number): number {
  if (first < 0 || second < 0) return pairFit(second, third)
  const {tripledPairs, tripleStarts, tripleWords, tripleFits, pairBackoffs} = pairModel()
  const ending = pairPlace(second, third)
  const tripled = ending < 0 ? -1 : findPlace(tripledPairs, 0, tripledPairs.length / 3, ending)
  const triple = tripled < 0 ? -1 : findPlace(tripleWords, placeAt(tripleStarts, tripled), placeAt(tripleStarts, tripled + 1), first)
  if (triple >= 0) return tripleFits[triple]! * pairStep
  const history = pairPlace(first, second)
  return (history < 0 ? 0 : pairBackoffs[history]! * pairStep) + pairFit(second, third)
}

/**
 * Text as the model counts it: lowercase, with straight apostrophes (`It’s`
 * is `it's`).
 *
 * @param text A word.
 * @returns The word as counted.
 */
function asCounted(text: string): string {
  return text.toLowerCase().replaceAll('\u2019', "'")
}

/** The words beside a word in its sentence, in any case; absent across punctuation. */
export interface WordContext {
  before?: string
  after?: string
  /** The word before `before`. */
  beforeThat?: string
  /** The word after `after`. */
  afterThat?: string
}

/**
 * How well a word fits its context: how much likelier it is after the two
 * words before it, and the two words after it are after it, than the
 * words' use alone says, as a log factor: log P(word | two before) /
 * P(word) + log P(after | before, word) / P(after) + log P(after that |
 * word, after) / P(after that | after). Added to the log of how common the
 * word is, it makes a trigram model of the word among its neighbours, as
 * far as they differ for each word. Nothing caps it: a
 * pair the model lists far above chance (`years ago`) is strong evidence
 * that `ogo` after `years` is `ago`, not the far commoner `of`. (Capping
 * each neighbour at e², as copydesk once did, ranked real misspellings
 * worse on the development set.)
 *
 * @param word The word.
 * @param context The words beside it.
 * @returns Log factor; 0 with no words beside it.
 */
export function contextFit(word: string, context: WordContext): number {
  return fitsBeside(context)(word)
}

/**
 * `contextFit` for many words in one context: the words beside are looked
 * up once, not once a word (a short slip has hundreds of suggestions).
 *
 * @param context The words beside.
 * @returns How well a word fits between them, as `contextFit` says.
 */
export function fitsBeside(context: WordContext): (word: string) => number {
  const {words} = pairModel()
  // The neighbours as the model counts them too: news copy writes `it’s` curly.
  const placeOfWord = (word: string | undefined): number | undefined => (word === undefined ? undefined : placeOf(words, asCounted(word)))
  const before = placeOfWord(context.before)
  const after = placeOfWord(context.after)
  const beforeThat = before === undefined ? undefined : placeOfWord(context.beforeThat)
  const afterThat = after === undefined ? undefined : placeOfWord(context.afterThat)
  // What the word after that is worth after the word after alone: each word's fit is measured against it.
  const afterThatAlone = after === undefined || afterThat === undefined ? 0 : pairFit(after, afterThat)
  return function (word) {
    const place = placeOf(words, asCounted(word))
    const left = before === undefined ? 0 : beforeThat === undefined ? pairFit(before, place) : tripleFit(beforeThat, before, place)
    const right = after === undefined ? 0 : before === undefined ? pairFit(place, after) : tripleFit(before, place, after)
    const farRight = afterThat === undefined ? 0 : tripleFit(place, after!, afterThat) - afterThatAlone
    return left + right + farRight
  }
}
