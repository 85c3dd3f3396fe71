import nspell from 'nspell'
import {type Dialect, publishedDictionary} from './dictionary.js'
import {cachedBytes} from './disk-cache.js'
import {bundledNames} from './names-list.js'
import {
  compileSuggestionIndex,
  type ExpandedChecker,
  loadSuggestionIndex,
  type SuggestionIndex,
  suggestibleForms,
  suggestionIndexFromWords
} from './suggester.js'

/**
 * Names the suggestion indexes in the disk cache; part of the key, so a new
 * index layout in `suggester.ts` is built afresh rather than misread.
 */
const indexKind = 'suggest-1-'

const dictionaryIndexes = new Map<Dialect, SuggestionIndex>()
let namesIndex: SuggestionIndex | undefined

/**
 * The indexes to suggest from for a dialect and a list of accepted words:
 * the dictionary's forms and the bundled names, each compiled once and
 * cached on disk (a compiled index loads with no per-word parsing; compiling
 * one is slow), and the newsroom's own words, few enough to index at
 * run time.
 *
 * @param dialect Dictionary to suggest from.
 * @param words Accepted words: bundled names and the newsroom's own.
 * @returns Indexes for `suggest`.
 */
export function suggestionIndexes(dialect: Dialect, words: readonly string[]): SuggestionIndex[] {
  const names = new Set(bundledNames())
  const own = words.filter((word) => !names.has(word))
  const indexes = [dictionaryIndex(dialect)]
  // `names: false` in config leaves the bundled names out of the accepted words.
  if (own.length < words.length) indexes.push(bundledNamesIndex())
  if (own.length > 0) indexes.push(suggestionIndexFromWords(own))
  return indexes
}

/**
 * The suggestion index of a dialect's dictionary: every form nspell would
 * suggest.
 *
 * @param dialect Dialect.
 * @returns Its index.
 */
function dictionaryIndex(dialect: Dialect): SuggestionIndex {
  let index = dictionaryIndexes.get(dialect)
  if (!index) {
    const dictionary = publishedDictionary(dialect)
    index = cachedIndex(indexKind + dialect, [dictionary.aff, dictionary.dic], function () {
      const checker = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)})
      return suggestibleForms(checker as unknown as ExpandedChecker)
    })
    dictionaryIndexes.set(dialect, index)
  }
  return index
}

/**
 * The suggestion index of the bundled names lists.
 *
 * @returns Its index.
 */
function bundledNamesIndex(): SuggestionIndex {
  namesIndex ??= cachedIndex(indexKind + 'names', [new TextEncoder().encode(bundledNames().join('\n'))], bundledNames)
  return namesIndex
}

/**
 * Load a compiled index from the disk cache, or compile it.
 *
 * @param kind Cache entry kind.
 * @param inputs What the index is made from.
 * @param words The words to index, when it has to be compiled.
 * @returns The index.
 */
function cachedIndex(kind: string, inputs: readonly Uint8Array[], words: () => readonly string[]): SuggestionIndex {
  const compile = () => compileSuggestionIndex(words())
  try {
    return loadSuggestionIndex(cachedBytes(kind, inputs, compile))
  } catch {
    // An entry written by another layout of the same version: compile it here.
    return loadSuggestionIndex(compile())
  }
}
