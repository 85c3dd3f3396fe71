import fs from 'node:fs'
import path from 'node:path'
import {packageInfo, packageRoot} from '../package-info.js'
import {readWordList} from '../config/word-list.js'
import {cachedBytes, fileDigest} from './disk-cache.js'

let names: readonly string[] | undefined
let namesIdentity: readonly Uint8Array[] | undefined
let prominent: ReadonlySet<string> | undefined

/**
 * The lists of names famous enough that a one-off unknown word one letter
 * from them is probably a slip for them (`Berlni`): countries, demonyms and
 * organisations. Cities, regions and people's names are too many and too
 * close to each other for that (`Rudaw` is a news agency, not a slip for
 * the city of `Ruda`).
 */
const prominentLists = ['countries.txt', 'demonyms.txt', 'organisations.txt']

/**
 * The names copydesk ships in `dictionaries/names/` (countries, demonyms,
 * regions, cities, organisations, first names, surnames): one name token
 * per entry, `Rio` and `Janeiro` for "Rio de Janeiro". Read on first use
 * and shared across the run; the lists are made by `npm run build:names`.
 *
 * Every hook run needs them, and reading 20,000 names line by line and
 * dropping the repeats runs in V8's interpreter at the start of a process,
 * slowly: the result is kept in the disk cache, one name a line, named by
 * the lists' paths, sizes and times (an edited list is read afresh), and
 * split in one call.
 *
 * @returns The tokens of every list, each once, in list order.
 */
export function bundledNames(): readonly string[] {
  if (!names) {
    const files = namesFiles()
    const text = new TextDecoder().decode(
      cachedBytes('names-1', bundledNamesIdentity(), function () {
        return new TextEncoder().encode([...new Set(files.flatMap((file) => readWordList(file)))].join('\n'))
      })
    )
    names = Object.freeze(text ? text.split('\n') : [])
  }
  return names
}

/**
 * What the bundled names are read from, for the keys of data built from
 * them (the names themselves, the suggestion index): the digest of each
 * list's contents, and copydesk's version. Joining and hashing the 20,000
 * names for a key, as the suggestion index did, cost every process more
 * than hashing the lists' bytes.
 *
 * @returns The key inputs.
 */
export function bundledNamesIdentity(): readonly Uint8Array[] {
  namesIdentity ??= [new TextEncoder().encode('copydesk ' + packageInfo().version), ...namesFiles().map(fileDigest)]
  return namesIdentity
}

/**
 * The lists of names copydesk ships, in `dictionaries/names/`.
 *
 * @returns Their paths, in name order.
 */
function namesFiles(): string[] {
  const folder = path.join(packageRoot(), 'dictionaries', 'names')
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => path.join(folder, file))
}

/**
 * The bundled names that a one-off unknown name close to them is probably a
 * slip for (see `prominentLists`).
 *
 * @returns The names.
 */
export function prominentNames(): ReadonlySet<string> {
  if (!prominent) {
    const folder = path.join(packageRoot(), 'dictionaries', 'names')
    prominent = new Set(prominentLists.flatMap((file) => readWordList(path.join(folder, file))))
  }
  return prominent
}
