import fs from 'node:fs'
import {decodeInput} from '../files/decode.js'

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
 * Read a word list from disk, in any encoding copydesk reads stories in
 * (a desk's list saved by an old Windows editor is Windows-1252 or UTF-16).
 *
 * @param filePath Path of the list.
 * @returns The words in it.
 * @throws {Error} When it cannot be read, or is not text in an encoding copydesk reads.
 */
export function readWordList(filePath: string): string[] {
  return parseWordList(wordListText(fs.readFileSync(filePath)))
}

/**
 * The text of a word list file, without its byte order mark.
 *
 * @param bytes The file's contents.
 * @returns The text.
 * @throws {Error} When it is not text in UTF-8, UTF-16, UTF-32 or Windows-1252.
 */
export function wordListText(bytes: Uint8Array): string {
  const decoded = decodeInput(bytes)
  if (decoded.kind !== 'text') throw new Error('not text in UTF-8, UTF-16, UTF-32 or Windows-1252')
  return decoded.value.replace(/^\uFEFF/, '')
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
