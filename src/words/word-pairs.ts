/**
 * How well a word fits between the words around it, by how much likelier
 * written English makes it after the word before and before the word
 * after: the pairs of the US English language model of CMU Sphinx
 * (`dictionaries/word-pairs.bin`, built by `npm run build:pairs`).
 *
 * A slip's suggestions are ranked by the edits that make the slip and by
 * how common each word is (`rankSuggestions`), which puts the commoner
 * `whether` before `weather` for `wether`, and `not` before `one` for
 * `ont`. The words beside the slip can choose: "the wether would" is
 * `weather`, "only ont way" is `one`. The model was estimated, with
 * backing off, from far more text than the 3.6 million words copydesk
 * once counted pairs in itself, so it knows the pairs of present-day prose
 * ("development team", "helpful tool") that count never saw.
 *
 * The file: a text header (what it is, its source, the model's licence)
 * whose last line is `# end of header`, padded to four bytes; then,
 * little-endian: three 32-bit counts (words, pairs, bytes of spellings);
 * where each word's pairs start (words + 1 of 32 bits); the second word of
 * each pair (32 bits, sorted within its first word); each word's backoff
 * and each pair's log factor (signed bytes, in steps of `pairStep`); and
 * the words, sorted in code-unit order, one a line. A word is its place in
 * that order.
 */
import fs from 'node:fs'
import {dictionaryFile} from '../package-info.js'

/** The natural-log units of one step of a stored log factor: an eighth, far finer than the evidence. */
export const pairStep = 1 / 8

/** The header's last line, after `# `. */
export const headerEnd = 'end of header'

/** The model as read. */
interface PairModel {
  words: string[]
  /** Where each word's pairs start in `seconds`, by its place; one more to end the last. */
  starts: Uint32Array
  /** The second word of each pair, by its place. */
  seconds: Uint32Array
  /** Each word's backoff: the log factor of a pair after it that the model does not list. */
  backoffs: Int8Array
  /** Each pair's log factor. */
  fits: Int8Array
}

let model: PairModel | undefined

/**
 * Read the file on first use. Its arrays are views of the bytes read, not
 * copies: the second words alone are 8 MB.
 *
 * @returns The model.
 */
function pairModel(): PairModel {
  if (!model) {
    const read = fs.readFileSync(dictionaryFile('word-pairs.bin'))
    // The typed arrays need their start aligned in memory; a copy of a pooled read is.
    const bytes = read.byteOffset % 4 === 0 ? read : Buffer.from(read)
    const marker = bytes.indexOf('# ' + headerEnd, 0, 'latin1')
    const from = bytes.indexOf(10, marker) + 1
    if (marker < 0 || from % 4 !== 0) throw new Error('word-pairs.bin: no header end at a multiple of four bytes')
    const {buffer} = bytes
    let at = bytes.byteOffset + from
    const [wordCount = 0, pairCount = 0, spellingBytes = 0] = new Uint32Array(buffer, at, 3)
    at += 12
    const starts = new Uint32Array(buffer, at, wordCount + 1)
    at += starts.byteLength
    const seconds = new Uint32Array(buffer, at, pairCount)
    at += seconds.byteLength
    const backoffs = new Int8Array(buffer, at, wordCount)
    at += wordCount
    const fits = new Int8Array(buffer, at, pairCount)
    at += pairCount
    const words = Buffer.from(buffer, at, spellingBytes).toString('latin1').split('\n')
    model = {words, starts, seconds, backoffs, fits}
  }
  return model
}

/**
 * A word's place in the model's vocabulary.
 *
 * @param words The sorted words.
 * @param word A word as counted.
 * @returns Its place, or -1 when the model lacks it.
 */
function placeOf(words: readonly string[], word: string): number {
  let low = 0
  let high = words.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const found = words[middle]!
    if (found === word) return middle
    if (found < word) low = middle + 1
    else high = middle - 1
  }
  return -1
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
  const {starts, seconds, backoffs, fits} = pairModel()
  let low = starts[first]!
  let high = starts[first + 1]! - 1
  while (second >= 0 && low <= high) {
    const middle = (low + high) >>> 1
    const found = seconds[middle]!
    if (found === second) return fits[middle]! * pairStep
    if (found < second) low = middle + 1
    else high = middle - 1
  }
  return backoffs[first]! * pairStep
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
}

/**
 * How well a word fits its context: how much likelier it is after the word
 * before it and before the word after it than anywhere, as a log factor.
 * Added to the log of how common the word is, it makes a bigram model of
 * the word between its neighbours: log P(word | before) + log P(after |
 * word) / P(after). Nothing caps it: a pair the model lists far above
 * chance (`years ago`) is strong evidence that `ogo` after `years` is
 * `ago`, not the far commoner `of`. (Capping each neighbour at e², as
 * copydesk once did, ranked real misspellings worse on the development
 * set.)
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
  const before = context.before === undefined ? undefined : placeOf(words, asCounted(context.before))
  const after = context.after === undefined ? undefined : placeOf(words, asCounted(context.after))
  return function (word) {
    const place = placeOf(words, asCounted(word))
    return (before === undefined ? 0 : pairFit(before, place)) + (after === undefined ? 0 : pairFit(place, after))
  }
}
