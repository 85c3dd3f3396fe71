import fs from 'node:fs'
import {createRequire} from 'node:module'
import type {Root, Sentence, Word} from 'nlcst'
import {isAsciiCapital} from '../ascii.js'
import {dictionaryLookup, publishedDictionary} from '../words/dictionary.js'
import {cachedBytes} from '../words/disk-cache.js'
import type {UnknownWord} from './spell-check.js'
import {eachSentence} from './each-sentence.js'
import {wordText} from './word-text.js'

/**
 * Words of another language come in runs: at least this many unknown
 * lowercase words or foreign function words within a window of this many
 * words (`hay muchos abortos pese a la amenaza`, `tylko nie mów nikomu`)
 * are taken for a quotation in another language, and so is such a word
 * within `gap` words of the run. English slips do not cluster like that.
 * Capitalised words count only as function words (`Tylko`): a run of names
 * is still English. Words in capitals count not at all: `AZ` and `DE` are
 * acronyms of English copy, not Hungarian `az` or French `de`.
 */
const foreignRun = {unknown: 3, window: 9, gap: 2}

/** The runs of another language in one story. */
interface Runs {
  /** Evidence words in runs. */
  run: Set<Word>
  /** Every word of the passages the runs make. */
  passage: Set<Word>
  /** The story's unknown lowercase words. */
  unknownLowercase: Set<Word>
}

/** Runs found per story (keyed by its shared list of unknown words): both rules ask. */
const runsByStory = new WeakMap<readonly UnknownWord[], Runs>()

/**
 * Find the runs of another language in a story once, for every rule.
 *
 * @param tree The story.
 * @param unknown Unknown words of the story, as the shared spell check gives them.
 * @returns The runs.
 */
function runsOf(tree: Root, unknown: readonly UnknownWord[]): Runs {
  let runs = runsByStory.get(unknown)
  if (!runs) {
    const sentences: Sentence[] = []
    eachSentence(tree, function (sentence) {
      sentences.push(sentence)
    })
    const unknownLowercase = lowercaseUnknown(unknown)
    runs = {...wordsInRuns(sentences, unknownLowercase), unknownLowercase}
    runsByStory.set(unknown, runs)
  }
  return runs
}

/**
 * Find the unknown words that stand in a run of another language.
 *
 * @param tree The story.
 * @param unknown Unknown words of the story.
 * @returns The words (nodes) in such runs.
 */
export function foreignWords(tree: Root, unknown: readonly UnknownWord[]): Set<Word> {
  const {run, unknownLowercase} = runsOf(tree, unknown)
  return new Set([...run].filter((word) => unknownLowercase.has(word)))
}

/**
 * Find where a story quotes another language: every word, names included,
 * that stands in such a run (`des Parisiens` in a French quotation is the
 * French spelling, not a variant of `Parisians`).
 *
 * @param tree The story.
 * @param unknown Unknown words of the story.
 * @returns Whether the word at a document offset stands in such a run.
 */
export function foreignPassages(tree: Root, unknown: readonly UnknownWord[]): (offset: number) => boolean {
  const spans = [...runsOf(tree, unknown).passage]
    .flatMap((word) => {
      const {start, end} = word.position ?? {}
      return start?.offset === undefined || end?.offset === undefined ? [] : [[start.offset, end.offset] as const]
    })
    .sort((a, b) => a[0] - b[0])
  // Asked for every name-like word of a story: a binary search for the last
  // word starting at or before the offset, since the words do not overlap.
  return function (offset) {
    let low = 0
    let high = spans.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((spans[middle]?.[0] ?? 0) <= offset) low = middle + 1
      else high = middle
    }
    const span = spans[low - 1]
    return span !== undefined && offset < span[1]
  }
}

/**
 * The unknown lowercase words of a story: the kind that runs of another language are made of.
 *
 * @param unknown Unknown words.
 * @returns Their word nodes.
 */
function lowercaseUnknown(unknown: readonly UnknownWord[]): Set<Word> {
  return new Set(unknown.flatMap(({word, text}) => (text === text.toLowerCase() ? [word] : [])))
}

/**
 * The words that have enough evidence of another language around them:
 * unknown lowercase words and foreign function words.
 *
 * @param sentences Sentences to look in.
 * @param unknownLowercase Unknown lowercase words.
 * @returns The evidence words in runs, and every word of the passages they make.
 */
function wordsInRuns(
  sentences: Iterable<Sentence>,
  unknownLowercase: ReadonlySet<Word>
): {run: Set<Word>; passage: Set<Word>} {
  const functionWords = foreignFunctionWords()
  const run = new Set<Word>()
  const passage = new Set<Word>()
  // Emptied for each sentence rather than made anew: most sentences need them only for a moment.
  const words: Word[] = []
  const evidence: boolean[] = []
  for (const sentence of sentences) {
    words.length = 0
    evidence.length = 0
    let count = 0
    for (const child of sentence.children) {
      if (child.type !== 'WordNode') continue
      const isEvidence = isEvidenceWord(child, unknownLowercase, functionWords)
      words.push(child)
      evidence.push(isEvidence)
      if (isEvidence) count++
    }
    // A run needs `foreignRun.unknown` evidence words in one sentence: most
    // sentences have fewer, and skipping them (with no copies of the words'
    // text) keeps this walk cheap: a one-thread profile of the CI case of
    // `npm run bench` shows it.
    if (count >= foreignRun.unknown) markRuns(words, evidence, run, passage)
  }
  return {run, passage}
}

/**
 * Whether a word is evidence of another language: an unknown lowercase
 * word, a foreign function word, or a word with letters English spells
 * without (`mów`).
 *
 * @param word The word.
 * @param unknownLowercase Unknown lowercase words.
 * @param functionWords Foreign function words.
 * @returns Whether it is.
 */
function isEvidenceWord(word: Word, unknownLowercase: ReadonlySet<Word>, functionWords: ReadonlySet<string>): boolean {
  // Most stories have no unknown lowercase word at all.
  if (unknownLowercase.size > 0 && unknownLowercase.has(word)) return true
  const text = wordText(word)
  // One pass over the characters instead of `toLowerCase` and a regex on
  // every word of the run: a lowercase ASCII word is its own lowercase form
  // (no copy to make and hash), and only a word with a character outside
  // ASCII needs the letter test (see isEvidenceWord's self time in a
  // one-thread profile of the CI case of `npm run bench`).
  let ascii = true
  let capitals = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0x80) {
      ascii = false
      break
    }
    if (isAsciiCapital(code)) capitals++
  }
  // "Staff at AZ, DE and SI": an acronym in capitals is English copy's own
  // (a state, a company, a unit), however it reads in lowercase (Hungarian
  // `az`, French `de`): only a lowercase or capitalised function word
  // (`nie`, `Tylko`) is evidence of another language.
  const allCapitals = ascii ? capitals === text.length : !/\p{Ll}/u.test(text)
  // Function words have two letters or more, and an ASCII word keeps its length in lowercase.
  if (text.length > 1 && !allCapitals && functionWords.has(ascii && capitals === 0 ? text : text.toLowerCase())) return true
  // Letters only: a curly apostrophe (`don’t`) is not evidence.
  return !ascii && nonAsciiLetter.test(text.replace(notLetter, ''))
}

/** Any character outside ASCII. */
const nonAsciiLetter = /[^\p{ASCII}]/u

/** Anything but a letter. */
const notLetter = /\P{L}/gu

/**
 * Mark the words of one sentence that stand in a run, and the passages
 * around them.
 *
 * @param words The sentence's words.
 * @param evidence Whether each word is evidence.
 * @param run Evidence words in runs, added to.
 * @param passage Every word of the passages, added to.
 */
function markRuns(words: readonly Word[], evidence: readonly boolean[], run: Set<Word>, passage: Set<Word>): void {
  const reach = Math.floor(foreignRun.window / 2)
  // Foreign function words and letters English spells without ("mów") are
  // strong evidence; unknown words alone may be English slips.
  const inRun = words.map(
    (_, index) =>
      evidence[index] === true &&
      evidence.slice(Math.max(0, index - reach), index + reach + 1).filter(Boolean).length >= foreignRun.unknown
  )
  // A run goes on through evidence close to it: the last words of a
  // quotation (`para atendar la misma`) have less evidence after them.
  for (let changed = true; changed; ) {
    changed = false
    evidence.forEach(function (isEvidence, index) {
      if (!isEvidence || inRun[index]) return
      if (inRun.slice(Math.max(0, index - foreignRun.gap), index + foreignRun.gap + 1).some(Boolean)) {
        inRun[index] = true
        changed = true
      }
    })
  }
  words.forEach(function (word, index) {
    if (inRun[index]) run.add(word)
    // Names and English-looking words inside the quotation (`des Parisiens`) belong to it too.
    if (inRun.slice(Math.max(0, index - foreignRun.gap), index + foreignRun.gap + 1).some(Boolean)) passage.add(word)
  })
}

/**
 * Languages whose function words mark a quotation in copy written in
 * English: Latin-script languages news quotes most.
 */
const quotedLanguages = [
  'af', 'ca', 'cs', 'da', 'de', 'es', 'et', 'eu', 'fi', 'fr', 'ga', 'gl', 'hr', 'hu', 'id', 'it', 'la', 'lt',
  'lv', 'ms', 'nl', 'no', 'pl', 'pt', 'ro', 'sk', 'sl', 'so', 'sv', 'sw', 'tr', 'zu'
]

let functionWordSet: ReadonlySet<string> | undefined

/**
 * Function words of other languages that are not English words (`del`,
 * `nie`, `und`, `dans`), from stopwords-iso: evidence of a quotation, never
 * accepted or reported on their own.
 *
 * @returns The words, lowercase.
 */
function foreignFunctionWords(): ReadonlySet<string> {
  if (!functionWordSet) {
    const source = fs.readFileSync(createRequire(import.meta.url).resolve('stopwords-iso'))
    const dictionaries = (['en-US', 'en-GB'] as const).map(publishedDictionary)
    const inputs = [source, ...dictionaries.flatMap(({aff, dic}) => [aff, dic])]
    // Looking 5,000 function words up in two dictionaries takes longer than a story's check: cached on disk.
    const words = cachedBytes('foreign-function-words-1', inputs, () => compileFunctionWords(source))
    functionWordSet = new Set(new TextDecoder().decode(words).split('\n'))
  }
  return functionWordSet
}

/**
 * Pick the function words of the quoted languages that are not English words.
 *
 * @param source stopwords-iso's JSON.
 * @returns The words, one per line.
 */
function compileFunctionWords(source: Uint8Array): Uint8Array {
  const lists = JSON.parse(new TextDecoder().decode(source)) as Record<string, string[]>
  const english = [dictionaryLookup('en-US'), dictionaryLookup('en-GB')]
  const words = new Set<string>()
  for (const language of quotedLanguages) {
    for (const word of lists[language] ?? []) {
      if (word.length > 1 && !english.some((dictionary) => dictionary.correct(word))) words.add(word)
    }
  }
  return new TextEncoder().encode([...words].join('\n'))
}

/**
 * Whether a word is a function word of another language and not an English
 * word (`dela`, `et`, `del`).
 *
 * @param text Lowercase word.
 * @returns Whether it is.
 */
export function isForeignFunctionWord(text: string): boolean {
  return foreignFunctionWords().has(text)
}
