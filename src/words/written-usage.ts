/**
 * How commonly written English uses a word: its rank among the words of
 * Wikipedia (`dictionaries/written-usage.txt`, built by `npm run
 * build:usage`). Spoken counts (SUBTLEX-US, `wordFrequency`) know few of the
 * written and technical words a dictionary lacks (`sortable`, `skillset`,
 * `gamification`): this list knows most of them, and how rare each is.
 */
import fs from 'node:fs'
import {dictionaryFile} from '../package-info.js'
import {findSortedLine} from './sorted-lines.js'

/** The list's lines and where they start, after the header. */
let usage: {text: string; from: number} | undefined

/**
 * Read the list on first use: one string, searched where it lies.
 *
 * @returns The text and the offset of its first word.
 */
function usageList(): {text: string; from: number} {
  if (!usage) {
    // Read as Latin-1, which is quicker to decode than UTF-8: the list is ASCII.
    const text = fs.readFileSync(dictionaryFile('written-usage.txt'), 'latin1')
    let from = 0
    while (text.startsWith('#', from)) from = text.indexOf('\n', from) + 1
    usage = {text, from}
  }
  return usage
}

/**
 * A word's rank in written use: 1 for `the`, about 100,000 for `kurtosis`.
 *
 * @param word Lowercase word.
 * @returns Its rank, or `undefined` when written English hardly uses it.
 */
export function writtenUsageRank(word: string): number | undefined {
  const {text, from} = usageList()
  const line = findSortedLine(text, from, word, '\t')
  return line === undefined ? undefined : Number(line.slice(line.indexOf('\t') + 1))
}
