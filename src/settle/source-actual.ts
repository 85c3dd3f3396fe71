import type {VFile} from 'vfile'
import {unmarkFixable} from './fix.js'
import {formatOf} from '../files/formats.js'
import {characterReferenceEnd} from '../parse/character-reference.js'
import {hasInvisibleCharacters} from '../parse/invisible-characters.js'
import {findSpread} from '../parse/reanchor.js'

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
 * character references: an invisible character too, which a fix would
 * drop unseen) is no longer fixable. Only source that spells the
 * word is taken: any other difference between `actual` and the place is a
 * misplaced finding, and is left to show.
 *
 * @param file The linted story, its value the source.
 */
export function actualAsWritten(file: VFile): void {
  const text = String(file.value)
  // Plain text writes every word as it reads, but for invisible characters inside one (`a\u200Bdn`)
  // and character references, which it is read with decoded (`caf&#233;`: see plain-text.ts).
  if (formatOf(file.path) === 'text' && !hasInvisibleCharacters(text) && !text.includes('&')) return
  for (const message of file.messages) {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const start = place?.start.offset
    const end = place?.end.offset
    if (message.actual === undefined || start === undefined || end === undefined) continue
    const written = text.slice(start, end)
    if (written === message.actual || !spells(written, message.actual)) continue
    // "the</h1>the", "**w**orking", "~~Ki~~ev": replacing it would replace the markup too.
    if (!spelledWithReferencesOnly(written, message.actual)) unmarkFixable(message)
    message.actual = written
  }
}

/**
 * Whether source text writes a decoded word with nothing but its own
 * characters and character references for some of them (`Ki&#101;v`), so
 * that replacing the text replaces the word and nothing else.
 *
 * @param written Source text.
 * @param word Decoded word.
 * @returns Whether it does.
 */
function spelledWithReferencesOnly(written: string, word: string): boolean {
  let at = 0
  for (const character of word) {
    if (written.startsWith(character, at)) {
      at += character.length
      continue
    }
    const end = characterReferenceEnd(written, at)
    if (end === undefined) return false
    at = end
  }
  return at === written.length
}

/**
 * Whether source text can be the way a decoded word is written: each of the
 * word's characters in order, as itself or as a character reference, with
 * markup or escapes between them; the first at the start, the last at the end.
 *
 * @param written Source text.
 * @param word Decoded word.
 * @returns Whether it spells the word.
 */
function spells(written: string, word: string): boolean {
  const spread = findSpread(written, word, 0)
  // The last character found first may stand inside markup; the word ends where the source does.
  return spread?.start === 0 && (written.endsWith(word.at(-1) ?? '') || written.endsWith(';'))
}
