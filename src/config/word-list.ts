import fs from 'node:fs'

/**
 * Parse a word list: one word or name per line, case kept; blank lines and
 * `#` comments are skipped (the cspell convention).
 *
 * @param text Contents of the list.
 * @returns The words, in file order.
 */
export function parseWordList(text: string): string[] {
  const words: string[] = []
  for (const line of text.split(/\r\n|\r|\n/)) {
    const word = line.replace(/#.*$/, '').trim()
    if (word) words.push(word)
  }
  return words
}

/**
 * Read a word list from disk.
 *
 * @param filePath Path of the list.
 * @returns The words in it.
 */
export function readWordList(filePath: string): string[] {
  return parseWordList(fs.readFileSync(filePath, 'utf8').replace(/^\uFEFF/, ''))
}

/**
 * The words to accept from list entries: a line with spaces is a phrase
 * (`Hong Kong`), and the spell check sees one word at a time, so each of its
 * words is accepted.
 *
 * @param entries Lines of a word list.
 * @returns The words.
 */
export function acceptedWords(entries: readonly string[]): string[] {
  return entries.flatMap((entry) => entry.split(/\s+/).filter(Boolean))
}
