import nspell from 'nspell'
import {type Dialect, publishedDictionary} from './dictionary.js'
import {cachedBytes} from './disk-cache.js'
import {bundledNames, bundledNamesIdentity} from './names-list.js'
import {wordSet} from './word-set.js'
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
const indexKind = 'suggest-3-'

const dictionaryIndexes = new Map<Dialect, SuggestionIndex>()
const withNamesIndexes = new Map<Dialect, SuggestionIndex>()

/**
 * The indexes to suggest from for a dialect and a list of accepted words:
 * the dictionary's forms with the bundled names, compiled once and cached
 * on disk (a compiled index loads with no per-word parsing; compiling one
 * is slow), and the newsroom's own words, few enough to index at run time.
 *
 * The dictionary and the names are one index, not two: `suggest` walks
 * each index from its root, and near the root, where every branch is
 * within two edits of any word, the two tries have nearly the same
 * branches, walked twice. One trie of both gives the same candidates in
 * the same order (each key's dictionary forms, then its names), since
 * `compileSuggestionIndex` keeps the forms of a key in the order given.
 *
 * @param dialect Dictionary to suggest from.
 * @param words Accepted words: bundled names and the newsroom's own.
 * @returns Indexes for `suggest`.
 */
export function suggestionIndexes(dialect: Dialect, words: readonly string[]): SuggestionIndex[] {
  const own = ownWords(words, bundledNames())
  // `names: false` in config leaves the bundled names out of the accepted words.
  const indexes = [own.length < words.length ? dictionaryWithNamesIndex(dialect) : dictionaryIndex(dialect)]
  if (own.length > 0) indexes.push(suggestionIndexFromWords(own))
  return indexes
}

/**
 * The accepted words that are not bundled names.
 *
 * The accepted words of a config start with the bundled names (see
 * `rulesRunFor`), and most configs add none of their own: a list that is
 * the names and nothing more is settled by comparing it with them, not by
 * a set of the 200,000-odd names, which a hook on one story paid for.
 *
 * @param words Accepted words.
 * @param names The bundled names.
 * @returns The words that are not names, in order.
 */
function ownWords(words: readonly string[], names: readonly string[]): readonly string[] {
  let start = 0
  while (start < names.length && start < words.length && words[start] === names[start]) start++
  if (start === names.length && start === words.length) return []
  const known = wordSet(names)
  return words.filter((word, index) => index >= start && !known.has(word))
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
    index = cachedIndex(indexKind + dialect, [dictionary.aff, dictionary.dic], () => dictionaryForms(dialect))
    dictionaryIndexes.set(dialect, index)
  }
  return index
}

/**
 * The suggestion index of a dialect's dictionary and the bundled names
 * lists together: the dictionary's forms first, then the names.
 *
 * @param dialect Dialect.
 * @returns Its index.
 */
function dictionaryWithNamesIndex(dialect: Dialect): SuggestionIndex {
  let index = withNamesIndexes.get(dialect)
  if (!index) {
    const dictionary = publishedDictionary(dialect)
    index = cachedIndex(indexKind + dialect + '-names', [dictionary.aff, dictionary.dic, ...bundledNamesIdentity()], () => [
      ...dictionaryForms(dialect),
      ...bundledNames()
    ])
    withNamesIndexes.set(dialect, index)
  }
  return index
}

/**
 * Every form of a dialect's dictionary that nspell would suggest.
 *
 * @param dialect Dialect.
 * @returns The forms, in nspell's order.
 */
function dictionaryForms(dialect: Dialect): string[] {
  const dictionary = publishedDictionary(dialect)
  const checker = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)})
  return suggestibleForms(checker as unknown as ExpandedChecker)
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
