/**
 * How English makes new words from known ones, for telling a word the
 * dictionary lacks from a slip: regular forms (`beheadings`), words made
 * with a suffix (`detailee`, `smashingly`) or a prefix (`cofounder`), and
 * closed compounds (`roadmap`). Slips rarely split into known parts so.
 */
import {dictionaryFile} from '../package-info.js'
import {readWordList} from '../config/word-list.js'
import {defaultDialect, isInLargerWordList, publishedDictionary} from './dictionary.js'
import {cachedText} from './disk-cache.js'

/**
 * Regular endings, and the stems each may follow by English spelling rules:
 * `rebasing` is `rebase` without its `e`, `-es` follows a hiss (`taxes`),
 * a consonant and `y` turn to `i` before `-ed`, `-es` and `-er` (`proxied`,
 * `juries`, `bendier`) and never takes `-ed` (`satisfyed`), `-s` never follows `s` or a consonant and `y`
 * (`thiss`, `injurys`), `-s` and `-es` make plurals of nouns and the third
 * person of verbs, so never follow a word that is neither (`togethers`:
 * see `isNeitherNounNorVerb`), `-ly` makes adverbs of participles, `-a`
 * plurals of Greek words in `-on`. The third column says whether the stem
 * must be a noun or a verb.
 */
const regularEndings: ReadonlyArray<[ending: string, stems: (base: string) => string[], nounOrVerb?: boolean]> = [
  ['ings', (base) => (base.endsWith('e') ? [] : [base, base + 'e'])],
  ['ing', (base) => (base.endsWith('e') ? [] : base.endsWith('y') ? [base, base + 'e', base.slice(0, -1) + 'ie'] : [base, base + 'e'])],
  ['ers', (base) => [base, base + 'e', ...stemInY(base)]],
  ['er', (base) => [base, base + 'e', ...stemInY(base)]],
  ['ed', (base) => (base.endsWith('e') ? [] : /[^aeiou]y$/.test(base) ? [] : [base, base + 'e', ...stemInY(base)])],
  ['es', (base) => (/(?:s|x|z|ch|sh)$/.test(base) ? [base] : stemInY(base)), true],
  ['s', (base) => (/(?:s|[^aeiou]y)$/.test(base) ? [] : [base]), true],
  // "handedly", "markedly": adverbs of participles (`basicly` is still a slip).
  ['ly', (base) => (base.endsWith('ed') ? [base] : [])],
  // "automata": the Greek plural of a word in -on.
  ['a', (base) => [base + 'on']]
]

/** Affix flags of dictionary-en's nouns (`M` possessive, `S` plural) and verbs (`S`, `D` past, `G` -ing). */
const nounOrVerbFlags = /[MSDG]/

let adjectivesAndAdverbs: ReadonlySet<string> | undefined

/**
 * Whether the dictionary knows a word only as an adjective or adverb
 * (`together`, `often`, `abrupt`): every line of it carries affix flags,
 * and none of them a noun's or a verb's. Such a word takes no `-s`.
 * A word with a line of no flags may be anything, and counts as a noun.
 *
 * The flags are those of dictionary-en; the other dialects' dictionaries
 * give the same words the same flags.
 *
 * @param word Lowercase word.
 * @returns Whether it is neither a noun nor a verb.
 */
function isNeitherNounNorVerb(word: string): boolean {
  // Read through the disk cache: reading the word file's 50,000 lines took some 30 ms of a hook's run.
  adjectivesAndAdverbs ??= new Set(
    cachedText('adjectives-adverbs-1', [publishedDictionary(defaultDialect).dic], readAdjectivesAndAdverbs).split('\n')
  )
  return adjectivesAndAdverbs.has(word)
}

/**
 * Read the words dictionary-en flags as neither nouns nor verbs (see `isNeitherNounNorVerb`).
 *
 * @returns The words, lowercase, one a line.
 */
function readAdjectivesAndAdverbs(): string {
  const words = new Set<string>()
  const others = new Set<string>()
  for (const line of new TextDecoder().decode(publishedDictionary(defaultDialect).dic).split('\n')) {
    const slash = line.indexOf('/')
    const word = (slash < 0 ? line : line.slice(0, slash)).trim()
    if (word !== word.toLowerCase()) continue
    if (slash < 0 || nounOrVerbFlags.test(line.slice(slash + 1))) others.add(word)
    else words.add(word)
  }
  for (const word of others) words.delete(word)
  return [...words].join('\n')
}

/**
 * The stem in `y` of a base that ends in a consonant and `i`, as English
 * spells it before an ending (`proxi` of `proxied` is `proxy`; `played`
 * keeps its `y`).
 *
 * @param base The word without its ending.
 * @returns The stem, or none.
 */
function stemInY(base: string): string[] {
  return /[^aeiou]i$/.test(base) ? [base.slice(0, -1) + 'y'] : []
}

/**
 * Whether a word is a regular form of a known word of four letters or more
 * (in the dictionary or the larger word list) that the dictionary happens
 * to lack (`beheadings`, `trainings`, `expertises`, `journaling`,
 * `stymying`).
 *
 * @param text Lowercase word.
 * @param isKnown Dictionary lookup.
 * @param options What counts as a stem.
 * @returns Whether it is a known stem with a regular ending.
 */
export function isRegularForm(
  text: string,
  isKnown: (word: string) => boolean,
  {shortestStem = 4, largerList = true, shortestBase = 0}: RegularFormOptions = {}
): boolean {
  return regularEndings.some(function ([ending, stems, nounOrVerb]) {
    const base = text.slice(0, -ending.length)
    return (
      text.endsWith(ending) &&
      base.length >= shortestBase &&
      stems(base).some(
        (stem) =>
          stem.length >= shortestStem &&
          (isKnown(stem) || (largerList && isInLargerWordList(stem))) &&
          // Asked last, of a known stem only: most runs never read the flags.
          !(nounOrVerb && isNeitherNounNorVerb(stem))
      )
    )
  })
}

/** What counts as the stem of a regular form (see `isRegularForm`). */
interface RegularFormOptions {
  /** Shortest stem, with a dropped `e` put back (`rebasing` has the stem `rebase`); four letters by default. */
  shortestStem?: number
  /**
   * Whether a stem from the larger word list counts, as by default: not
   * against a much commoner neighbour (`conter` is `conte` + `r`, but a slip
   * of `center`).
   */
  largerList?: boolean
  /** Shortest the word may be without its ending, as written: `moring` is not `more` + `ing` at four. */
  shortestBase?: number
}

/**
 * Shortest known word after a prefix that makes a coinage rather than a slip
 * (`untill` is a slip); after a prefix of four letters or more, a word of
 * four (`telework`, `postwork`): a slip rarely makes eight letters split so.
 */
const shortestPrefixedWord = 5
const shortestAfterLongPrefix = 4

let prefixes: readonly string[] | undefined

/**
 * Whether a word is a known word of five letters or more (four after a
 * prefix of four letters or more) after a prefix
 * that makes new closed-up words (`co` + `founder`, `de` + `funding`, `eco`
 * + `space`; the list is `dictionaries/word-prefixes.txt`).
 *
 * @param text Lowercase word.
 * @param isKnown Dictionary lookup.
 * @param shortestWord Shortest known word after the prefix, when not as above.
 * @returns Whether it is such a coinage.
 */
export function isPrefixedWord(text: string, isKnown: (word: string) => boolean, shortestWord?: number): boolean {
  return wordPrefixes().some(
    (prefix) =>
      text.startsWith(prefix) &&
      text.length - prefix.length >= (shortestWord ?? (prefix.length >= 4 ? shortestAfterLongPrefix : shortestPrefixedWord)) &&
      isKnown(text.slice(prefix.length))
  )
}

/**
 * Whether a word starts with a prefix that makes new closed-up words
 * (`postwar`, `microscale`; `dictionaries/word-prefixes.txt`), with three
 * letters or more after it.
 *
 * @param text Lowercase word.
 * @returns Whether it does.
 */
export function startsWithWordPrefix(text: string): boolean {
  return wordPrefixes().some((prefix) => text.startsWith(prefix) && text.length - prefix.length >= 3)
}

/**
 * The prefixes that make new closed-up words, read on first use.
 *
 * @returns The list.
 */
function wordPrefixes(): readonly string[] {
  prefixes ??= readWordList(dictionaryFile('word-prefixes.txt'))
  return prefixes
}

/**
 * Suffixes that make new words from known ones, the stems each may follow by
 * English spelling rules, and the shortest stem it makes a word of (shorter
 * ones make slips as often: `coolor` is `color` with a letter doubled, not
 * one who cools): `-ee` the one a thing is done to (`detailee`, `coachee`;
 * never after `e`, as `officee` is a slip), `-ness` a quality (`liveness`),
 * `-y` an informal adjective (`techy`), `-or` and `-ors` an agent
 * (`requestor`), `-ly` an adverb of an adjective in `-al`, `-ful`, `-ing`,
 * `-ive`, `-ous`, `-less`, `-ent` or `-ant` (`familially`, `smashingly`),
 * `-able` what can be done to (`fillable`, `expectable`), `-ably` and `-ily`
 * of adjectives in `-able` and `-y` (`valuably`, `geekily`).
 */
const derivingEndings: ReadonlyArray<[ending: string, stems: (base: string) => string[], shortestStem: number]> = [
  ['ees', (base) => (base.endsWith('e') ? [] : [base]), 5],
  ['ee', (base) => (base.endsWith('e') ? [] : [base]), 5],
  ['ness', (base) => [base], 4],
  ['ors', (base) => [base, base + 'e'], 6],
  ['or', (base) => [base, base + 'e'], 6],
  ['ily', (base) => [base + 'y'], 4],
  ['ably', (base) => [base + 'able'], 4],
  // Never with an `e` put back: `changable` is a slip of `changeable`.
  ['able', (base) => [base], 4],
  // Not `-ic`: its adverb is `-ically`, and `basicly` a slip.
  ['ly', (base) => (/(?:al|ful|ing|ive|ous|less|ent|ant)$/.test(base) ? [base] : []), 5],
  ['y', (base) => (/[aeiouy]$/.test(base) ? [] : [base]), 4]
]

/**
 * Whether a word is a known word with a suffix that makes new words (see
 * `derivingEndings`): `detailee`, `liveness`, `techy`, `requestors`,
 * `familially`.
 *
 * @param text Lowercase word.
 * @param isKnown Dictionary lookup.
 * @returns Whether it is such a word.
 */
export function isDerivedWord(text: string, isKnown: (word: string) => boolean): boolean {
  return derivingEndings.some(
    ([ending, stems, shortestStem]) =>
      text.endsWith(ending) &&
      stems(text.slice(0, -ending.length)).some((stem) => stem.length >= shortestStem && isKnown(stem))
  )
}

/**
 * Whether a word is two known words of three letters or more run together,
 * as new closed compounds are written (`lockdown`, `userbase`, `roadmap`)
 * before dictionaries catch up, or a word of four letters or more and `up`
 * (`leadup`). Slips rarely split that way (`theh`, `mulitple`).
 *
 * @param text Lowercase word.
 * @param isKnown Dictionary lookup.
 * @returns Whether it splits into two known words.
 */
export function isClosedCompound(text: string, isKnown: (word: string) => boolean): boolean {
  for (let index = 3; index <= text.length - 3; index++) {
    if (isKnown(text.slice(0, index)) && isKnown(text.slice(index))) return true
  }
  // "leadup", "warmup": a verb and its particle, closed up as a noun.
  return text.length >= 6 && text.endsWith('up') && isKnown(text.slice(0, -2))
}

