import fs from 'node:fs/promises'
import path from 'node:path'
import {editDistance} from '../src/words/edit-distance.js'
import {withoutAccents} from '../src/words/accents.js'

/**
 * Real spelling variants of one-word names, from the name-variant lists in
 * `../shared/corpora` (see their SOURCE.md): the alternate names of large
 * cities (GeoNames: `Kyiv`, `Kiev`), the names of countries
 * (world-countries and i18n-iso-countries: `Türkiye`, `Turkiye`), and the
 * a.k.a.s of the US Treasury's sanctions list (OFAC: `Qadhafi`, `Qaddafi`).
 *
 * The lists say which names are one place or one party, not which are
 * spellings of one word: `Beijing` and `Peking` are one city but two
 * names, and an OFAC party's aliases hold its given names and its
 * surnames. So a pair is kept only when the two words are close (one
 * edit apart once accents are dropped, two in longer words): a spelling,
 * not a renaming.
 */

/** Most edits between two words of a pair (`Tehran` → `Teheran` is one). */
const mostEdits = 2

/** Fewest letters of a word two edits from its pair: `Paris` → `Pariisi` is another language's name, `Alexander` → `Alexandr` a spelling. */
const fewestForTwoEdits = 7

/** Fewest letters of a word: shorter ones are initials and particles (`Al`, `Abu`), not names. */
const fewestLetters = 4

/** A one-word name in name case: a capital, then lowercase letters (`Kyiv`, `Kijów`). */
const oneWordName = /^\p{Lu}\p{Ll}+$/u

/** Where a variant comes from. */
export type VariantSource = 'geonames-cities' | 'countries' | 'ofac-sdn'

/** Real variants by name, each with the lists that record the pair. */
export type RealVariants = Map<string, Map<string, Set<VariantSource>>>

/**
 * Read the three lists and pair the close spellings of each place or party.
 *
 * @param corporaFolder The corpora folder.
 * @returns Variants by name (both ways: `Kiev` under `Kyiv` and `Kyiv` under `Kiev`).
 */
export async function loadRealNameVariants(corporaFolder: string): Promise<RealVariants> {
  const variants: RealVariants = new Map()
  const read = async (file: string): Promise<string[][]> =>
    (await fs.readFile(path.join(corporaFolder, file), 'utf8'))
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split('\t'))
  const split = (cell: string | undefined): string[] => (cell ?? '').split(' | ').filter((name) => name !== '')

  // Columns: geonameid, name, asciiname, …, latin_script_alternate_names.
  for (const row of await read('names-geonames-cities/cities-1m-variants.tsv')) {
    addGroup(variants, [row[1] ?? '', row[2] ?? '', ...split(row[6])], 'geonames-cities')
  }
  // Columns: cca2, cca3, common_name, official_name, wc_alt_spellings, i18n_en_names (demonyms left out: other words).
  for (const row of await read('names-countries/country-name-variants.tsv')) {
    addGroup(variants, [row[2] ?? '', row[3] ?? '', ...split(row[4]), ...split(row[5])], 'countries')
  }
  // Columns: ent_num, sdn_type, program, primary_name, alias_type, alias_name. Names
  // are in OFAC's capitals ("QADHAFI, Muammar"): each word goes into name case.
  // Only words in the same place of a name and its alias are paired
  // ("SOLEIMANI, Qasem" and "SOLEIMANI, Qassem"): a party's given names and
  // surnames are not spellings of each other.
  const words = (name: string): string[] => name.split(/[\s,.-]+/u).filter((word) => word !== '')
  for (const row of await read('names-ofac-sdn-aliases/aliases.tsv')) {
    const primary = words(row[3] ?? '')
    const alias = words(row[5] ?? '')
    if (primary.length !== alias.length) continue
    primary.forEach(function (word, index) {
      const other = alias[index] ?? ''
      if (/^[A-Za-z]+$/.test(word) && /^[A-Za-z]+$/.test(other)) addGroup(variants, [nameCase(word), nameCase(other)], 'ofac-sdn')
    })
  }
  return variants
}

/**
 * Pair the close one-word names of one place or party.
 *
 * @param variants Variants so far; changed.
 * @param names The names of the place or party, of one or more words.
 * @param source The list.
 */
function addGroup(variants: RealVariants, names: readonly string[], source: VariantSource): void {
  // Only the one-word names: "Ho Chi Minh City" has no one-word spelling to swap in.
  const words = [...new Set(names.filter((name) => oneWordName.test(name) && name.length >= fewestLetters))]
  for (const word of words) {
    const plain = withoutAccents(word).toLowerCase()
    for (const other of words) {
      if (other === word) continue
      const edits = editDistance(plain, withoutAccents(other).toLowerCase(), mostEdits)
      if (edits > mostEdits || (edits === mostEdits && Math.min(word.length, other.length) < fewestForTwoEdits)) continue
      let ofWord = variants.get(word)
      if (!ofWord) {
        ofWord = new Map()
        variants.set(word, ofWord)
      }
      const sources = ofWord.get(other) ?? new Set()
      sources.add(source)
      ofWord.set(other, sources)
    }
  }
}

/**
 * Put a word in capitals into name case.
 *
 * @param word `QADHAFI`.
 * @returns `Qadhafi`.
 */
function nameCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
}
