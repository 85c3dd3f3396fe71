import type {VFile} from 'vfile'
import {unmarkFixable} from './fix.js'
import {formatOf} from '../files/formats.js'
import {hasInvisibleCharacters} from '../parse/invisible-characters.js'
import {alignDecoded, type Reading, referenceAt} from '../parse/source-offsets.js'

/**
 * Make each finding's `actual` the source text its place covers, where the
 * source spells the word with a character reference (in any format), a
 * backslash escape or markup inside it (`&amp;thethe`, `Ki&#101;v`,
 * `the</h1>the`, `**w**orking`), or, in any format, an invisible character
 * (`a\u200Bdn`: see invisible-characters.ts).
 *
 * The rules read decoded text (`&thethe`), while the place of a finding is
 * in the source, where that word takes more characters; `actual` must be
 * the text at the place, so that an editor's quick fix and `--fix` replace
 * exactly what is written; a finding with markup inside (anything but
 * character references and escapes: an invisible character too, which a
 * fix would drop unseen) is no longer fixable. Only source that spells the
 * word from its first character to its last is taken: any other difference
 * between `actual` and the place is a misplaced finding, and is left to
 * show (`--fix` then refuses it).
 *
 * @param file The linted story, its value the source.
 */
export function actualAsWritten(file: VFile): void {
  const text = String(file.value)
  const format = formatOf(file.path)
  // Plain text writes every word as it reads, but for invisible characters inside one (`a\u200Bdn`)
  // and character references, which it is read with decoded (`caf&#233;`: see plain-text.ts).
  if (format === 'text' && !hasInvisibleCharacters(text) && !text.includes('&')) return
  // Markdown reads block HTML as HTML (`&copy` without its `;` is `©` there).
  const readings: readonly Reading[] = format === 'markdown' ? ['markdown', 'html'] : [format]
  for (const message of file.messages) {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const start = place?.start.offset
    const end = place?.end.offset
    const word = message.actual
    if (word === undefined || start === undefined || end === undefined) continue
    const written = text.slice(start, end)
    if (written === word) continue
    const spelling = readings.map((reading) => howWritten(written, word, reading)).find((how) => how !== undefined)
    if (spelling === undefined) continue
    // "the</h1>the", "**w**orking", "~~Ki~~ev": replacing it would replace the markup too.
    if (spelling === 'with markup') unmarkFixable(message)
    message.actual = written
  }
}

/**
 * How source text writes a decoded word, if it does: each of the word's
 * characters in order, as itself, a character reference or an escape, the
 * first at the start of the text and the last at its end; with nothing
 * else between (`Ki&#101;v`: replacing the text replaces the word and
 * nothing else), or with markup between (`Ki</h1>ev`, `**w**orking`).
 *
 * The last character is taken at the end first, and the others from the
 * start: markup between two pieces may hold the word's letters itself
 * (`Lukashenko<!-- copydesk-disable -->co`).
 *
 * @param written Source text.
 * @param word Decoded word.
 * @param reading How the source is read.
 * @returns How, or `undefined` when it is not that word.
 */
function howWritten(written: string, word: string, reading: Reading): 'as characters' | 'with markup' | undefined {
  const last = lastCharacterAt(written, word, reading)
  if (last === undefined) return undefined
  const rest = word.slice(0, word.length - last.count)
  if (rest.length === 0) return last.start === 0 ? 'as characters' : undefined
  const offsets = alignDecoded(rest, written, 0, last.start, reading)
  if (!offsets.complete || offsets.start(0) !== 0) return undefined
  return offsets.skipped || offsets.end(rest.length) !== last.start ? 'with markup' : 'as characters'
}

/**
 * How the last character of a word is written at the end of source text:
 * as a character reference, a backslash escape (Markdown) or itself.
 *
 * @param written Source text.
 * @param word Decoded word, not empty.
 * @param reading How the source is read.
 * @returns Where it starts in the text, and how many code units of the word it writes.
 */
function lastCharacterAt(written: string, word: string, reading: Reading): {start: number; count: number} | undefined {
  const ampersand = written.lastIndexOf('&')
  if (ampersand !== -1) {
    const reference = referenceAt(written, ampersand, written.length, reading)
    if (reference?.end === written.length && reference.value.length > 0 && word.endsWith(reference.value)) {
      return {start: ampersand, count: reference.value.length}
    }
  }
  // A character outside the Basic Multilingual Plane is two code units.
  const lastUnit = word.charCodeAt(word.length - 1)
  const count = word.length > 1 && lastUnit >= 0xdc00 && lastUnit <= 0xdfff ? 2 : 1
  const character = word.slice(-count)
  if (!written.endsWith(character)) return undefined
  const start = written.length - count
  // "\*" in Markdown: the escape is part of how the character is written.
  if (reading === 'markdown' && start > 0 && written.charCodeAt(start - 1) === 0x5c && /^[!-/:-@[-`{-~]$/.test(character)) {
    return {start: start - 1, count}
  }
  return {start, count}
}
