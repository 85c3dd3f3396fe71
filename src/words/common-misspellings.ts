import fs from 'node:fs'
import path from 'node:path'
import {isAscii} from '../ascii.js'
import {cachedBytes, fileDigest} from './disk-cache.js'
import {readCspellExtension} from './cspell-package.js'
import {findSortedLine} from './sorted-lines.js'

/** The package of cspell's list of common English misspellings (CC BY-SA 4.0; see `dictionaries/SOURCES.md`). */
const misspellingsPackage = '@cspell/dict-en-common-misspellings'

let sortedBytes: string | undefined

/**
 * The corrections of a word that cspell's list of common misspellings
 * holds (`recieved` → `received`, `youre` → `your`): some 94,000 slips
 * people make again and again, so a repeated one is still a slip.
 *
 * The list is read from the disk cache as one text of sorted lines
 * (`misspelling\tcorrections`) and searched where it stands (see
 * `findSortedLine`): a set of 94,000 words would cost a hook run more than
 * its story.
 *
 * @param word Lowercase word.
 * @returns Its corrections, best first; `undefined` when the list does not have it.
 */
export function commonMisspelling(word: string): string[] | undefined {
  sortedBytes ??= misspellingsBytes()
  const found = findSortedLine(sortedBytes, 0, isAscii(word) ? word : asBytes(word), '\t')
  if (found === undefined) return undefined
  const line = isAscii(found) ? found : fromBytes(found)
  return (line.split('\t')[1] ?? '').split(',').map((correction) => correction.trim()).filter(Boolean)
}

/**
 * Add the corrections cspell's list gives a misspelling to its
 * suggestions, written in the case of the word (`Altho`, `Although`): the
 * list names the word people meant, which may be farther than the
 * suggester looks (`altho` is three edits from `although`). They are
 * ranked with the rest: the misspelling model finds `although` likelier
 * than `alto`, nearer but rare.
 *
 * @param word The unknown word.
 * @param suggestions Its suggestions.
 * @returns The suggestions and the list's corrections.
 */
export function withListedCorrections(word: string, suggestions: readonly string[]): readonly string[] {
  const corrections = commonMisspelling(word.toLowerCase())
  if (!corrections || corrections.length === 0) return suggestions
  const capitalised = word !== word.toLowerCase() && word.slice(1) === word.slice(1).toLowerCase()
  const cased = corrections.map((correction) => (capitalised ? correction.charAt(0).toUpperCase() + correction.slice(1) : correction))
  return [...new Set([...cased, ...suggestions])]
}

/**
 * The list as sorted lines, from the disk cache (built from the package's
 * JSON files): its UTF-8 bytes, one character a byte.
 *
 * A handful of its 94,000 lines have a letter past Latin-1 (a Cyrillic
 * `с` in `сontain`), and one such letter makes V8 keep a whole text at two
 * bytes a character: 4 MB in every thread that looks a word up. Its UTF-8
 * bytes read as Latin-1 make a text of one byte a character, and of the
 * same lines: the bytes of a line break or tab are those characters, and
 * no other character's bytes contain them. The lines are sorted by their
 * bytes, so a word is searched for by its bytes.
 *
 * @returns The bytes, as text.
 */
function misspellingsBytes(): string {
  const files = misspellingsFiles()
  const bytes = cachedBytes('misspellings-2', files.map(fileDigest), function () {
    const corrections = new Map<string, string>()
    for (const [misspelling, correction] of misspellingEntries(files)) {
      // One line each: a tab or line break inside would break the search.
      if (!/[\t\n]/.test(misspelling + correction) && !corrections.has(misspelling)) corrections.set(misspelling, correction)
    }
    // Sorted by the keys' bytes, as the search compares them (a key before those it starts).
    const keys = [...corrections.keys()].map((key) => ({key, bytes: Buffer.from(key)}))
    keys.sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    return Buffer.from(keys.map(({key}) => `${key}\t${corrections.get(key) ?? ''}\n`).join(''))
  })
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

/**
 * Every entry of cspell's list of common misspellings, as the package gives
 * them: the misspelling and its corrections (`recieved` and `received`),
 * read from its JSON files. The misspelling model learns from them.
 *
 * @param files The package's JSON files; all of them when left out.
 * @returns Misspelling and comma-separated corrections, in the files' order.
 */
export function misspellingEntries(files = misspellingsFiles()): Array<[misspelling: string, corrections: string]> {
  const entries: Array<[string, string]> = []
  for (const file of files) {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {dictionaryDefinitions?: Array<{flagWords?: unknown; suggestWords?: unknown}>}
    for (const definition of data.dictionaryDefinitions ?? []) {
      for (const entry of [definition.flagWords, definition.suggestWords].flat()) {
        if (typeof entry !== 'string') continue
        const [misspelling = '', corrections = ''] = entry.split('->').map((part) => part.trim())
        if (misspelling) entries.push([misspelling, corrections])
      }
    }
  }
  return entries
}

/**
 * The digests of the misspellings package's JSON files: what keys data built from the list in the disk cache.
 *
 * @returns Digests.
 */
export function misspellingsDigests(): Uint8Array[] {
  return misspellingsFiles().map(fileDigest)
}

/**
 * A word's UTF-8 bytes, one character a byte, as the list is searched.
 *
 * @param word Word.
 * @returns Its bytes, as text.
 */
function asBytes(word: string): string {
  return Buffer.from(word, 'utf8').toString('latin1')
}

/**
 * A line of the list back from its bytes.
 *
 * @param bytes The line's UTF-8 bytes, one character a byte.
 * @returns The line.
 */
function fromBytes(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

/**
 * The JSON files of the misspellings package (its `cspell-ext.json` imports them).
 *
 * @returns Absolute paths.
 * @throws {CopydeskError} When the package is not installed.
 */
function misspellingsFiles(): string[] {
  const {folder, extension} = readCspellExtension(misspellingsPackage, 'word list')
  const imports = Array.isArray(extension.import) ? extension.import.filter((entry): entry is string => typeof entry === 'string') : []
  return imports.map((entry) => path.resolve(folder, entry))
}
