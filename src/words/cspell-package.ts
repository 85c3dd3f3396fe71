import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {CopydeskError} from '../errors.js'

/** The part of a cspell dictionary package's `cspell-ext.json` copydesk reads. */
export interface CspellExtension {
  /** Its word lists. */
  dictionaryDefinitions?: Array<{name?: unknown; path?: unknown}>
  /** Other settings files it takes in (`@cspell/dict-en-common-misspellings`). */
  import?: unknown
}

/**
 * Read the `cspell-ext.json` of a cspell dictionary package: the one file
 * such a package exports, which names its lists.
 *
 * @param packageName The package.
 * @param kind What it is to copydesk, for the message (`vocabulary`, `word list`).
 * @returns Its folder and its settings.
 * @throws {CopydeskError} When the package is not installed.
 */
export function readCspellExtension(packageName: string, kind: string): {folder: string; extension: CspellExtension} {
  let extensionPath: string
  try {
    extensionPath = createRequire(import.meta.url).resolve(packageName)
  } catch (error) {
    throw new CopydeskError(`${kind} package \`${packageName}\` is not installed: run \`npm install\``, {}, error)
  }
  return {folder: path.dirname(extensionPath), extension: JSON.parse(fs.readFileSync(extensionPath, 'utf8')) as CspellExtension}
}
