import dictionary from 'dictionary-en'
import nspell from 'nspell'

/** Answers whether the dictionary or the accepted words know a word. */
export interface Lookup {
  correct(word: string): boolean
}

const lookups = new Map<string, Lookup>()

/**
 * A dictionary-en checker for looking words up: whether `plan` is an
 * ordinary word, whether `Bela` is a name the dictionary knows.
 *
 * retext-spell keeps its own checker to itself, so rules that need to look
 * up words that are not in the document get this one, built on first use
 * (about 120 ms) and shared across the run.
 *
 * @param personal Accepted words, one per line, as given to retext-spell.
 * @returns The lookup.
 */
export function dictionaryLookup(personal: string): Lookup {
  let lookup = lookups.get(personal)
  if (!lookup) {
    // dictionary-en reads its files with fs, so they are Buffers, as nspell's types want.
    const checker = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)})
    if (personal) checker.personal(personal)
    lookup = checker
    lookups.set(personal, lookup)
  }
  return lookup
}
