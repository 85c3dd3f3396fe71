/**
 * Words English spells two or more ways for one sound
 * (`dictionaries/homophones.txt`, built by `npm run build:homophones` from
 * the CMU Pronouncing Dictionary): `rain`, `reign` and `rein`; `their` and
 * `there`.
 *
 * The misspelling model reads each pair of a group as a misspelling, one
 * word written for the other, in both directions. Together they are the
 * spellings English gives one sound, which is what someone spelling by
 * ear chooses among: `plane` for `plain` is the habit of `rane` for
 * `rain`, `flour` for `flower` that of `hou` for `how`.
 */
import {readWordList} from '../config/word-list.js'
import {dictionaryFile} from '../package-info.js'
import {fileDigest} from './disk-cache.js'

/** The list, as shipped. */
const homophonesFile = (): string => dictionaryFile('homophones.txt')

/**
 * Every pair of words of a homophone group, each way round, as the
 * misspelling list gives its entries: the word written, then the word meant.
 *
 * @returns Pairs: `['reign', 'rain']`, `['rain', 'reign']`, ….
 */
export function homophoneEntries(): Array<[written: string, meant: string]> {
  const entries: Array<[string, string]> = []
  for (const group of readWordList(homophonesFile())) {
    const words = group.split(' ')
    for (const written of words) {
      for (const meant of words) if (written !== meant) entries.push([written, meant])
    }
  }
  return entries
}

/**
 * The list's digest, for the caches of what is learned from it.
 *
 * @returns Digest.
 */
export function homophonesDigest(): Uint8Array {
  return fileDigest(homophonesFile())
}
