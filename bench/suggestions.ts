/**
 * How good and how fast the suggester is, next to nspell's own `suggest()`.
 *
 * Reads the Birkbeck and Norvig misspelling pairs of `../shared/corpora` in
 * place and keeps those whose right word dictionary-en knows and whose
 * misspelling it does not. On a seeded sample of them (nspell is far too
 * slow for all; the table says how slow), both suggesters answer every misspelling, and
 * the table says how often the right word comes first, in the top 3, or
 * anywhere, how many candidates each gives and how long each takes, both
 * as given and after `rankSuggestions` (what users see). The suggester also
 * runs over every pair.
 *
 * Run with `npm run bench:suggestions` (`-- --sample N`, `-- --seed N`). A
 * benchmark, not a test: CI does not run it, and it skips when `../shared`
 * is absent.
 */
import {existsSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import dictionary from 'dictionary-en'
import nspell from 'nspell'
import {
  compileSuggestionIndex,
  type ExpandedChecker,
  loadSuggestionIndex,
  suggest,
  suggestibleForms
} from '../src/words/suggester.js'
import {rankSuggestions} from '../src/words/suggestions.js'
import {mulberry32} from './inject.js'

/** The project root: this module runs from `dist/bench/`. */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The corpora, as the project's README and `../shared` describe them. */
const corporaFolder = path.resolve(projectRoot, '../shared/corpora')

/** How to call the benchmark. */
const usage = 'usage: npm run bench:suggestions -- [--sample N] [--seed N]'

/** Queries timed cold, as in a story of the hook case: about as many unknown words as one story has. */
const coldQueries = 30

/** A misspelling and the word meant. */
interface Pair {
  misspelling: string
  correct: string
}

/** What one suggester gave over a set of pairs. */
interface Score {
  name: string
  pairs: number
  first: number
  top3: number
  anywhere: number
  candidates: number
  milliseconds: number
}

const {values: options} = parseArgs({
  options: {sample: {type: 'string', default: '300'}, seed: {type: 'string', default: '20260106'}}
})
const sampleSize = Number(options.sample)
const seed = Number(options.seed)
if (!Number.isInteger(sampleSize) || sampleSize < 1 || !Number.isInteger(seed)) {
  process.stderr.write(usage + '\n')
  process.exit(2)
}

if (!existsSync(corporaFolder)) {
  process.stdout.write('skipped: ../shared/corpora not found\n')
  process.exit(0)
}

// dictionary-en types its data as Uint8Array; nspell's types ask for a Buffer.
const checker = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)})
const forms = suggestibleForms(checker as unknown as ExpandedChecker)

let started = performance.now()
const bytes = compileSuggestionIndex(forms)
const compileMilliseconds = performance.now() - started
const loadTimes: number[] = []
for (let round = 0; round < 20; round++) {
  started = performance.now()
  loadSuggestionIndex(bytes)
  loadTimes.push(performance.now() - started)
}
const index = loadSuggestionIndex(bytes)

const pairs = await readPairs()
const random = mulberry32(seed)
const sample = pairs
  .map((pair) => ({pair, key: random()}))
  .sort((a, b) => a.key - b.key)
  .slice(0, sampleSize)
  .map(({pair}) => pair)

// The hook case: a story's few dozen unknown words in a fresh process, before the JIT has warmed up.
const coldWords = sample.slice(0, coldQueries).map((pair) => pair.misspelling)
started = performance.now()
for (const word of coldWords) suggest([index], word)
const coldMilliseconds = (performance.now() - started) / coldWords.length
// Warm up on pairs outside the sample, so that both suggesters are timed warm.
for (const {misspelling} of pairs.slice(0, 2000)) suggest([index], misspelling)
// SUBTLEX is read on first use: keep that out of the timings.
rankSuggestions('teh', ['the', 'ten'], new Set())

const rows: Score[] = [
  ...measure('suggester', sample, (word) => suggest([index], word)),
  ...measure('nspell suggest()', sample, (word) => checker.suggest(word)),
  ...measure('suggester, every pair', pairs, (word) => suggest([index], word))
]

process.stdout.write(
  [
    `Suggestion index: ${forms.length} forms, ${(bytes.byteLength / 1e6).toFixed(1)} MB, ` +
      `${index.nodeCount} nodes; compiled in ${compileMilliseconds.toFixed(0)} ms, ` +
      `loaded in ${median(loadTimes).toFixed(3)} ms (median of 20); ` +
      `first ${coldWords.length} queries of the process: ${coldMilliseconds.toFixed(2)} ms per word`,
    `Pairs: ${pairs.length} Birkbeck and Norvig misspellings of words dictionary-en knows; ` +
      `sample of ${sample.length} (seed ${seed})`,
    '',
    '| suggester | pairs | first | top 3 | anywhere | candidates per word | ms per word |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.pairs} | ${percent(row.first, row.pairs)} | ${percent(row.top3, row.pairs)} | ` +
        `${percent(row.anywhere, row.pairs)} | ${(row.candidates / row.pairs).toFixed(1)} | ` +
        `${(row.milliseconds / row.pairs).toFixed(3)} |`
    ),
    ''
  ].join('\n')
)

/**
 * Score one suggester on pairs, as it answers and after ranking.
 *
 * @param name Name of the suggester in the table.
 * @param pairs Pairs to answer.
 * @param suggester Gives candidates for a word.
 * @returns Two rows: raw, then ranked (ranking time included).
 */
function measure(name: string, pairs: readonly Pair[], suggester: (word: string) => string[]): Score[] {
  const raw = emptyScore(name, pairs.length)
  const ranked = emptyScore(name + ', ranked', pairs.length)
  for (const {misspelling, correct} of pairs) {
    let started = performance.now()
    const candidates = suggester(misspelling)
    const generated = performance.now() - started
    started = performance.now()
    const best = rankSuggestions(misspelling, candidates, new Set())
    const ranking = performance.now() - started
    tally(raw, candidates, correct, generated)
    tally(ranked, best, correct, generated + ranking)
  }
  return [raw, ranked]
}

/**
 * A score with nothing counted yet.
 *
 * @param name Row name.
 * @param pairs Number of pairs.
 * @returns Score.
 */
function emptyScore(name: string, pairs: number): Score {
  return {name, pairs, first: 0, top3: 0, anywhere: 0, candidates: 0, milliseconds: 0}
}

/**
 * Count one answer.
 *
 * @param score Score to add to.
 * @param candidates The answer.
 * @param correct The word meant.
 * @param milliseconds Time it took.
 */
function tally(score: Score, candidates: readonly string[], correct: string, milliseconds: number): void {
  const position = candidates.indexOf(correct)
  if (position === 0) score.first++
  if (position >= 0 && position < 3) score.top3++
  if (position >= 0) score.anywhere++
  score.candidates += candidates.length
  score.milliseconds += milliseconds
}

/**
 * Read the Birkbeck (`source, misspelling, correct, count`) and Norvig
 * (`set, misspelling, correct`) pairs, once each, keeping those a spelling
 * checker can be scored on: the right word is in dictionary-en and the
 * misspelling is not (Birkbeck's real-word errors, British spellings and
 * `a_lot` phrases drop out).
 *
 * @returns Pairs, in file order.
 */
async function readPairs(): Promise<Pair[]> {
  const seen = new Set<string>()
  const pairs: Pair[] = []
  for (const file of ['misspellings-birkbeck-mitton/pairs.tsv', 'misspellings-norvig/pairs.tsv']) {
    const [header = '', ...lines] = (await fs.readFile(path.join(corporaFolder, file), 'utf8')).split('\n')
    const columns = header.split('\t')
    const misspellingColumn = columns.indexOf('misspelling')
    const correctColumn = columns.indexOf('correct')
    for (const line of lines) {
      const cells = line.split('\t')
      const misspelling = cells[misspellingColumn] ?? ''
      const correct = cells[correctColumn] ?? ''
      const key = misspelling + '\t' + correct
      if (!misspelling || !correct || seen.has(key)) continue
      seen.add(key)
      if (checker.correct(correct) && !checker.correct(misspelling)) pairs.push({misspelling, correct})
    }
  }
  return pairs
}

/**
 * Write a share as a percentage.
 *
 * @param count Part.
 * @param total Whole.
 * @returns `42.0%`.
 */
function percent(count: number, total: number): string {
  return total === 0 ? '-' : ((count / total) * 100).toFixed(1) + '%'
}

/**
 * The median of some numbers.
 *
 * @param values Numbers.
 * @returns Their median.
 */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}
