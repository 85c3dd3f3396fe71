import fs from 'node:fs'
import path from 'node:path'
import {packageRoot} from './package-info.js'
import {readWordList} from './word-list.js'

let names: readonly string[] | undefined

/**
 * The names copydesk ships in `dictionaries/names/` (countries, demonyms,
 * regions, cities, organisations, first names, surnames): one name token
 * per entry, `Rio` and `Janeiro` for "Rio de Janeiro". Read on first use
 * and shared across the run; the lists are made by `npm run build:names`.
 *
 * @returns The tokens of every list, each once, in list order.
 */
export function bundledNames(): readonly string[] {
  if (!names) {
    const folder = path.join(packageRoot(), 'dictionaries', 'names')
    const files = fs
      .readdirSync(folder)
      .filter((file) => file.endsWith('.txt'))
      .sort()
    names = Object.freeze([...new Set(files.flatMap((file) => readWordList(path.join(folder, file))))])
  }
  return names
}
