/**
 * Which of two spellings of a name is the likelier one, when a story uses
 * each as often (`Faauci` once, `Fauci` once): the first use says nothing
 * about which is the slip. Two kinds of evidence, strongest first:
 *
 * - written usage: Wikipedia's words (`dictionaries/written-usage.txt`)
 *   hold many names, and a slip is rarely among them (`Pelosi` is,
 *   `Pelsoi` is not; `Juan` is far commoner than `Jaun`);
 * - letters: a model of how names are spelled, letter by letter, learnt
 *   from the names lists and the written-usage words copydesk ships. A slip
 *   makes letter sequences names seldom have: `aa` in `Faauci`, `hn` in
 *   `Zhnag`, `rbn` at the end of `Durbn`. With it, the kind of edit between
 *   them: a letter is dropped more often than added, unless it is one
 *   doubled.
 *
 * When neither tells the two apart clearly, there is no answer: the story
 * is split evenly, and the finding says so.
 */
import fs from 'node:fs'
import {dictionaryFile} from '../package-info.js'
import {withoutAccents} from './accents.js'
import {cachedBytes, fileDigest} from './disk-cache.js'
import {bundledNames, bundledNamesIdentity} from './names-list.js'
import {writtenUsageRank} from './written-usage.js'

/** What settled which spelling is the likelier. */
export type LikelihoodEvidence = 'written usage' | 'letters'

/** The likelier of two spellings, and why. */
export interface LikelierSpelling {
  spelling: string
  evidence: LikelihoodEvidence
}

/**
 * How many times commoner in written use one spelling must be than the
 * other to be the likelier (ranks fall about as counts rise): `Juan`
 * (rank 4,006) over `Jaun` (145,035).
 */
const commonerBy = 10

/** Letters of context the model conditions each letter on. */
const context = 3

/**
 * Natural-log units by which one spelling's letters must be likelier than
 * the other's to decide: the least at which the letters go the wrong way
 * in at most one decided pair in a hundred, over every slip the benchmark
 * makes of the names of the Wikinews development set that no list knows
 * (`npm run bench:direction`: 0.98% there; 0.82% on the site stories).
 * An answer the wrong way points the editor at the slip; no answer leaves
 * the choice to them. At 3, one pair in 26 went the wrong way.
 */
const letterMargin = 6

/**
 * What a letter is worth, in natural-log units, when two spellings differ
 * in length: a spelling with a letter dropped (`Durbn`) leaves out one
 * factor below one, and would otherwise always look likelier. About the
 * model's average cost of a letter.
 */
const letterAllowance = 2.5

/**
 * Natural-log units by which a letter added is less likely than one
 * dropped, as cspell's list of common misspellings has them: 24,770
 * letters dropped; 6,029 added that double a letter beside them, of about
 * two such letters at each place; 15,904 added otherwise, of the other 24.
 * Keys beside, an `h` after a consonant and any other letter come within
 * 0.2 of each other there, so they count as one. Measured on that list,
 * not tuned; `letterAllowance` already counts an average letter, so each
 * counts beyond it.
 */
const addedLetterCost = {doubled: 2.1, other: 3.6}

/** Letters the model knows: the word's start and end are `^` and `$`. */
const alphabetSize = 28

/**
 * The likelier of two spellings of one name, if the evidence says clearly.
 *
 * @param a A spelling.
 * @param b Another spelling.
 * @returns The likelier spelling and why, or `undefined` when nothing tells them apart.
 */
export function likelierSpelling(a: string, b: string): LikelierSpelling | undefined {
  const left = plainLetters(a)
  const right = plainLetters(b)
  if (left === undefined || right === undefined || left === right) return undefined
  const leftRank = writtenUsageRank(left)
  const rightRank = writtenUsageRank(right)
  if (leftRank !== undefined || rightRank !== undefined) {
    if (rightRank === undefined || (leftRank !== undefined && leftRank * commonerBy <= rightRank)) return {spelling: a, evidence: 'written usage'}
    if (leftRank === undefined || rightRank * commonerBy <= leftRank) return {spelling: b, evidence: 'written usage'}
    // Both in use, neither far commoner: two names, as likely as each other (see `areBothInUse`).
    return undefined
  }
  const difference = letterScore(left) - letterScore(right) + addedLetterEvidence(left, right) - addedLetterEvidence(right, left)
  if (difference >= letterMargin) return {spelling: a, evidence: 'letters'}
  if (difference <= -letterMargin) return {spelling: b, evidence: 'letters'}
  return undefined
}

/**
 * Whether written English uses both spellings, neither far more than the
 * other (`Cheng` at rank 12,578 and `Cheung` at 17,884; `Lalita` and
 * `Lalitha`): two names, each as likely someone's as the other, whichever
 * of them a names list happens to hold.
 *
 * @param a A spelling.
 * @param b Another spelling.
 * @returns Whether both are in use so.
 */
export function areBothInUse(a: string, b: string): boolean {
  const left = plainLetters(a)
  const right = plainLetters(b)
  if (left === undefined || right === undefined || left === right) return false
  const leftRank = writtenUsageRank(left)
  const rightRank = writtenUsageRank(right)
  return leftRank !== undefined && rightRank !== undefined && leftRank * commonerBy > rightRank && rightRank * commonerBy > leftRank
}

/**
 * How likely a spelling is as a name, letter by letter: the log probability
 * the model gives it, with `letterAllowance` for each letter so that
 * spellings of different lengths compare.
 *
 * @param word Lowercase letters `a`–`z`.
 * @returns The score; higher is likelier.
 */
export function letterScore(word: string): number {
  const counts = letterModel()
  const padded = '^'.repeat(context) + word + '$'
  let score = 0
  for (let at = context; at < padded.length; at++) score += Math.log(letterProbability(counts, padded, at))
  return score + letterAllowance * word.length
}

/**
 * What the kind of edit says for a spelling one letter longer than
 * another: that a letter was dropped from it, rather than added to the
 * other (`Neujahr` and `Nujahr`), is likelier by `addedLetterCost`, less
 * the `letterAllowance` that `letterScore` already gave it. A letter
 * doubled is added far more often than any other (`Faauci`).
 *
 * @param longer Lowercase letters.
 * @param shorter Lowercase letters.
 * @returns Natural-log units for `longer`; 0 unless it is `shorter` with one letter more.
 */
function addedLetterEvidence(longer: string, shorter: string): number {
  const added = addedLetter(longer, shorter)
  return added ? (added.doubled ? addedLetterCost.doubled : addedLetterCost.other) - letterAllowance : 0
}

/**
 * Where a word has one letter more than another, if it has, and whether
 * that letter doubles one beside it. Where several letters may be the one
 * added, one that doubles is taken (`Caarter`: either `a`).
 *
 * @param longer Lowercase letters.
 * @param shorter Lowercase letters.
 * @returns The place of the letter added, or `undefined` when `longer` is not `shorter` with a letter more.
 */
export function addedLetter(longer: string, shorter: string): {at: number; doubled: boolean} | undefined {
  if (longer.length !== shorter.length + 1) return undefined
  let found: {at: number; doubled: boolean} | undefined
  for (let at = 0; at < longer.length; at++) {
    if (longer.slice(0, at) + longer.slice(at + 1) !== shorter) continue
    const doubled = longer.charAt(at) === longer.charAt(at - 1) || longer.charAt(at) === longer.charAt(at + 1)
    if (!found || (doubled && !found.doubled)) found = {at, doubled}
  }
  return found
}

/**
 * A spelling as the model reads it: lowercase, accents off, letters only.
 *
 * @param word A spelling.
 * @returns Its letters, or `undefined` when it has other characters (`O'Brien`).
 */
function plainLetters(word: string): string | undefined {
  const plain = withoutAccents(word).toLowerCase()
  return /^[a-z]+$/.test(plain) ? plain : undefined
}

/** The model's counts: of letter sequences, and of the letters seen after each context. */
interface LetterModel {
  /** Uses of each sequence of one to `context + 1` letters, by `sequenceKey`. */
  sequences: Int32Array
  /** Letters seen after each context of up to `context` letters, by `sequenceKey`: in all. */
  totals: Int32Array
  /** And how many different ones. */
  types: Int32Array
}

let model: LetterModel | undefined

/** Codes of the model's letters: 0 stands for none, so that sequences of every length have their own keys. */
const letterCode = (letter: string): number => (letter === '^' ? 1 : letter === '$' ? 2 : letter.charCodeAt(0) - 94)

/** How many codes a letter may have, none included. */
const codeCount = alphabetSize + 1

/**
 * A sequence's place in the model's arrays: its letters' codes as the
 * digits of a number.
 *
 * @param text The padded word.
 * @param start Where the sequence starts.
 * @param end Where it ends.
 * @returns The key.
 */
function sequenceKey(text: string, start: number, end: number): number {
  let key = 0
  for (let at = start; at < end; at++) key = key * codeCount + letterCode(text.charAt(at))
  return key
}

/**
 * The probability of the letter at `at` after the `context` letters before
 * it, interpolated down to no context (Witten-Bell: a context seen with
 * many different letters gives more weight to the shorter one).
 *
 * @param counts The model.
 * @param padded The padded word.
 * @param at The letter.
 * @returns The probability.
 */
function letterProbability(counts: LetterModel, padded: string, at: number): number {
  let probability = 1 / alphabetSize
  for (let length = 0; length <= context; length++) {
    const history = sequenceKey(padded, at - length, at)
    const total = counts.totals[history] ?? 0
    if (total === 0) break
    const types = counts.types[history] ?? 0
    const seen = counts.sequences[history * codeCount + letterCode(padded.charAt(at))] ?? 0
    probability = (seen + types * probability) / (total + types)
  }
  return probability
}

/**
 * The letter model, built on first use from the names lists and the
 * written-usage words, and kept in the disk cache: counting the letters of
 * 240,000 words takes a while, reading the counts back nothing.
 *
 * @returns The model.
 */
function letterModel(): LetterModel {
  if (!model) {
    const usageFile = dictionaryFile('written-usage.txt')
    const bytes = cachedBytes('name-letters-2', [...bundledNamesIdentity(), fileDigest(usageFile)], () => {
      const counts = countLetters(trainingWords(usageFile))
      return new Uint8Array(Buffer.concat([counts.sequences, counts.totals, counts.types].map((array) => Buffer.from(array.buffer))))
    })
    // A copy, aligned for the arrays: a cache entry's bytes may start anywhere in their buffer.
    const all = new Int32Array(new Uint8Array(bytes).buffer)
    const sequenceSize = codeCount ** (context + 1)
    const contextSize = codeCount ** context
    model = {
      sequences: all.subarray(0, sequenceSize),
      totals: all.subarray(sequenceSize, sequenceSize + contextSize),
      types: all.subarray(sequenceSize + contextSize, sequenceSize + 2 * contextSize)
    }
  }
  return model
}

/**
 * The words the model learns from: every bundled name and every word of
 * written use, as `plainLetters` reads them, each once.
 *
 * @param usageFile The written-usage list.
 * @returns The words.
 */
function trainingWords(usageFile: string): string[] {
  const words = new Set<string>()
  for (const name of bundledNames()) {
    const plain = plainLetters(name)
    if (plain) words.add(plain)
  }
  for (const line of fs.readFileSync(usageFile, 'utf8').split('\n')) {
    if (line.startsWith('#')) continue
    const word = line.slice(0, line.indexOf('\t'))
    if (/^[a-z]+$/.test(word)) words.add(word)
  }
  return [...words]
}

/**
 * Count the letter sequences of some words, up to `context` letters and the
 * one after, and for each context the letters that follow it.
 *
 * @param words Lowercase words.
 * @returns The counts.
 */
function countLetters(words: readonly string[]): LetterModel {
  const counts: LetterModel = {
    sequences: new Int32Array(codeCount ** (context + 1)),
    totals: new Int32Array(codeCount ** context),
    types: new Int32Array(codeCount ** context)
  }
  for (const word of words) {
    const padded = '^'.repeat(context) + word + '$'
    for (let at = context; at < padded.length; at++) {
      for (let length = 0; length <= context; length++) {
        const history = sequenceKey(padded, at - length, at)
        const sequence = history * codeCount + letterCode(padded.charAt(at))
        if ((counts.sequences[sequence] ?? 0) === 0) counts.types[history] = (counts.types[history] ?? 0) + 1
        counts.sequences[sequence] = (counts.sequences[sequence] ?? 0) + 1
        counts.totals[history] = (counts.totals[history] ?? 0) + 1
      }
    }
  }
  return counts
}
