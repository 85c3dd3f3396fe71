import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import {CopydeskError} from '../errors.js'
import {AcceptedWords} from './dictionary.js'
import {commonMisspelling} from './common-misspellings.js'
import {readCspellExtension} from './cspell-package.js'
import {cachedText, fileDigest} from './disk-cache.js'

/**
 * Vocabularies of a trade that config may switch on (`vocabularies`): word
 * lists kept for the job by cspell's authors, each an npm package with its
 * licence (see `dictionaries/SOURCES.md`). A word of a vocabulary that is on
 * is accepted like a word of the newsroom's own list.
 */
export const vocabularyNames = ['software', 'companies'] as const

/** A vocabulary config may switch on. */
export type VocabularyName = (typeof vocabularyNames)[number]

/**
 * The vocabularies on when config does not say: software terms. Newsroom
 * copy of every beat now writes `backend`, `repos`, `devops` and `login`, and
 * an error on each costs an editor's trust; on plain Wikinews news the
 * software words are never a slip (see SOURCES.md).
 */
export const defaultVocabularies: readonly VocabularyName[] = ['software']

/** The cspell dictionaries each vocabulary reads: a package and the names of its word lists in its `cspell-ext.json`. */
const vocabularySources: Record<VocabularyName, ReadonlyArray<{package: string; lists: readonly string[]}>> = {
  software: [
    {
      package: '@cspell/dict-software-terms',
      // Not `coding-compound-terms` (pieces of identifiers) nor the POSIX signal and error names.
      lists: ['softwareTerms', 'software-tools', 'networking-terms', 'web-services', 'computing-acronyms']
    },
    {package: '@cspell/dict-fullstack', lists: ['fullstack']}
  ],
  companies: [{package: '@cspell/dict-companies', lists: ['companies']}]
}

const lookups = new Map<string, AcceptedWords>()

/**
 * The words of some vocabularies, to look words up in as nspell looks up
 * accepted words (a lowercase entry in any case, `GitHub` as written).
 * Made on first use: a story every word of which the dictionary knows never
 * pays for them; the words of each vocabulary are kept in the disk cache.
 *
 * @param names Vocabularies, as config lists them.
 * @returns The lookup; `undefined` for none.
 * @throws {CopydeskError} When a vocabulary's package is missing or ships a list in a form copydesk cannot read.
 */
export function vocabularyLookup(names: readonly VocabularyName[]): AcceptedWords | undefined {
  if (names.length === 0) return undefined
  const key = [...new Set(names)].sort().join(',')
  let lookup = lookups.get(key)
  if (!lookup) {
    lookup = new AcceptedWords(key.split(',').map((name) => vocabularyWords(name as VocabularyName)).join('\n'))
    lookups.set(key, lookup)
  }
  return lookup
}

/**
 * The words of one vocabulary, one per line, from the disk cache.
 *
 * @param name The vocabulary.
 * @returns Its words.
 */
function vocabularyWords(name: VocabularyName): string {
  const files = vocabularySources[name].flatMap((source) => listFiles(source.package, source.lists))
  return cachedText('vocabulary-1-' + name, files.map(fileDigest), function () {
    const words = new Set<string>()
    // "sended", "discoverd": written once in code and kept in the lists, slips in copy.
    for (const file of files) for (const word of cspellWords(readList(file))) if (!commonMisspelling(word)) words.add(word)
    return [...words].join('\n')
  })
}

/**
 * The word list files of a cspell dictionary package, from its `cspell-ext.json`.
 *
 * @param packageName The package.
 * @param names Names of the lists to read.
 * @returns Absolute paths.
 * @throws {CopydeskError} When the package is missing or a list is in a form copydesk cannot read.
 */
function listFiles(packageName: string, names: readonly string[]): string[] {
  const {folder, extension} = readCspellExtension(packageName, 'vocabulary')
  const files: string[] = []
  for (const definition of extension.dictionaryDefinitions ?? []) {
    if (typeof definition.path !== 'string' || !names.includes(String(definition.name))) continue
    // "softwareTerms.txt.gz": plain or gzipped text; a `.trie` is cspell's own compiled form.
    if (!/\.txt(?:\.gz)?$/.test(definition.path)) {
      throw new CopydeskError(`vocabulary package \`${packageName}\` ships \`${definition.path}\`, a form copydesk cannot read`)
    }
    files.push(path.resolve(folder, definition.path))
  }
  return files
}

/**
 * Read a list file, gunzipped when it ends in `.gz`.
 *
 * @param file Absolute path.
 * @returns Its text.
 */
function readList(file: string): string {
  const bytes = fs.readFileSync(file)
  return (file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8')
}

/**
 * The words of a cspell word list: one per line, `#` comments (at the
 * start of a line or after a space); `!word`
 * forbids (left out), and `*`, `+` and `~` mark compound pieces and case
 * (taken off). Entries with spaces or other marks (`Node.js` stays; a path
 * or a phrase does not) are left out: copydesk accepts one word at a time.
 *
 * @param text The list.
 * @returns Its words.
 */
export function cspellWords(text: string): string[] {
  const words: string[] = []
  for (const line of text.split(/\r?\n/)) {
    // A comment starts a line or follows a space: `C#` is an entry (left out below, for its mark).
    const entry = line.replace(/(?:^|\s)#.*$/, '').trim().replace(/^[*+~]+|[*+~]+$/g, '')
    if (!entry || line.trimStart().startsWith('!')) continue
    if (/^[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*$/u.test(entry)) words.push(entry)
  }
  return words
}
