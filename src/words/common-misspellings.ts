import fs from 'node:fs'
import path from 'node:path'
import {cachedText, fileStamp} from './disk-cache.js'
import {readCspellExtension} from './cspell-package.js'
import {findSortedLine} from './sorted-lines.js'

/** The package of cspell's list of common English misspellings (CC BY-SA 4.0; see `dictionaries/SOURCES.md`). */
const misspellingsPackage = '@cspell/dict-en-common-misspellings'

let sortedText: string | undefined

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
  sortedText ??= misspellingsText()
  const line = findSortedLine(sortedText, 0, word, '\t')
  return line === undefined ? undefined : (line.split('\t')[1] ?? '').split(',').map((correction) => correction.trim()).filter(Boolean)
}

/**
 * The list as sorted lines, from the disk cache (built from the package's JSON files).
 *
 * @returns The text.
 */
function misspellingsText(): string {
  const files = misspellingsFiles()
  return cachedText('misspellings-1', files.map(fileStamp), function () {
    const corrections = new Map<string, string>()
    for (const file of files) {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {dictionaryDefinitions?: Array<{flagWords?: unknown; suggestWords?: unknown}>}
      for (const definition of data.dictionaryDefinitions ?? []) {
        for (const entry of [definition.flagWords, definition.suggestWords].flat()) {
          if (typeof entry !== 'string') continue
          const [misspelling = '', correction = ''] = entry.split('->').map((part) => part.trim())
          // One line each: a tab or line break inside would break the search.
          if (misspelling && !/[\t\n]/.test(misspelling + correction) && !corrections.has(misspelling)) {
            corrections.set(misspelling, correction)
          }
        }
      }
    }
    const keys = [...corrections.keys()].sort()
    return keys.map((key) => `${key}\t${corrections.get(key) ?? ''}\n`).join('')
  })
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
