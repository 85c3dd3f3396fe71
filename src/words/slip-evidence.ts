/**
 * Evidence on whether an unknown ordinary word is a slip worth an error or
 * something a desk should merely look at: how often the story uses it, how
 * close and how much more common its nearest words are, and whether another
 * dictionary or word list has it.
 */
import type {VFileMessage} from 'vfile-message'
import {isSpellingSystemVariant} from './dialect-spellings.js'
import {type Dialect, defaultDialect, dictionaryLookup, isInLargerWordList} from './dictionary.js'
import {editDistance} from './edit-distance.js'
import {wordFrequency} from './suggestions.js'
import {upperFirst} from './letter-case.js'
import {commonMisspelling} from './common-misspellings.js'
import {likelySlipCost, misspellingCost} from './misspelling-model.js'
import {farthestFarSlip} from './far-suggestions.js'
import {soundsLike} from './sounds-like.js'
import {writtenUsageRank} from './written-usage.js'
import {isClosedCompound, isDerivedWord, isPrefixedWord, isRegularForm} from './word-formation.js'

/**
 * A lowercase unknown word used this often in one story is jargon or a term
 * of art, not a slip: the same slip twice over is rare.
 */
const deliberateUses = 2

/** How many times more often a word's neighbour must be used to make the word a slip of it. */
const commonerBy = 10

/**
 * Letters from which a word is long: two edits from a long word more often
 * make another word of its family (`exfiltration`, `mockumentary`,
 * `perturbating`) than a slip, so only one edit counts as evidence.
 */
const longWord = 12

/**
 * SUBTLEX-US count from which a word is in common use as written: the few
 * hundred most frequent words (`ok` is 25,928; `rom`, 208).
 */
const commonUse = 20_000

/**
 * SUBTLEX-US count from which a word is among the 700 or so that fingers
 * type most (`today` is 37,000; `school`, 17,000; `tiger`, 945): a word the
 * larger word list has is still a slip of one of those (`tody`, `shool`),
 * but not of a rarer word (`titer` beside `tiger`).
 */
const typedMost = 5000

/**
 * SUBTLEX-US count from which a word is well known: a slip of it is likelier
 * than a coinage that happens to look like it (`schedule` is 1,518 and
 * `domestic` 351; `grouper`, 10).
 */
const wellKnown = 100

/**
 * Whether an unknown ordinary word is a slip worth an error: one that
 * cspell's list of common misspellings holds (`recieved`, `youre`), however
 * often the story repeats it; else used once, one or two edits from a
 * dictionary word, and not another dialect's spelling (British in American
 * copy, American in British copy), a regular form of a known word
 * (`beheadings`), a less common word a larger word list has (`predation`,
 * `titer`) unless it is one edit from a word typed far more (`tody` for
 * `today`), or two known words run together; or, written in lowercase and
 * used once, spelt by ear (`usfull` for `useful`: see `isSpeltByEar`).
 *
 * @param message retext-spell's message.
 * @param count How often the story uses the word.
 * @param isKnown Dictionary lookup.
 * @param dialect The dialect the copy is checked in.
 * @returns Whether to report it as an error.
 */
export function isSlip(
  message: VFileMessage,
  count: number,
  isKnown: (word: string) => boolean,
  dialect: Dialect = defaultDialect
): boolean {
  const text = (message.actual ?? '').toLowerCase()
  if (isOtherDialectSpelling(text, dialect)) return false
  if (count < deliberateUses && isOneOffSlip(text, message, isKnown)) return true
  if (count < deliberateUses && message.actual === text && isSpeltByEar(text, isKnown)) return true
  // A slip people make again and again is a slip in every story, used once
  // or twice. Asked last: a story whose unknown words are plain slips never
  // reads the list.
  return commonMisspelling(text) !== undefined
}

/**
 * Whether an unknown ordinary word used once is a slip: see `isSlip`.
 *
 * @param text Lowercase word.
 * @param message retext-spell's message.
 * @param isKnown Dictionary lookup.
 * @returns Whether to report it as an error.
 */
function isOneOffSlip(text: string, message: VFileMessage, isKnown: (word: string) => boolean): boolean {
  if (!isLikelySlip(message)) return false
  const neighbours = oneEditNeighbours(text, message.expected ?? [])
  const rank = writtenUsageRank(text)
  // "gamers", "smoothers": a regular form of a known word of five letters or
  // more is a word, however much commoner its neighbour (`games`) is; so is
  // a known word with a suffix that makes new words (`detailee`, `techy`),
  // and one after a prefix (`cofounder`, `defunding`), unless written
  // English never uses it and it is one edit from a well-known word far
  // commoner (`interrests` is inter + rests, but `interests` mistyped).
  if (
    isRegularForm(text, isKnown, {shortestStem: 5, largerList: false}) ||
    (isPrefixedWord(text, isKnown) && (rank !== undefined || !hasMuchCommonerNeighbour(text, neighbours, wellKnown))) ||
    isDerivedWord(text, isKnown)
  ) {
    return false
  }
  if (rank !== undefined) {
    // "sortable", "skillset": a word written English uses about as often as
    // its nearest dictionary words is one the dictionary has not caught up
    // with; a slip is far rarer than its word (`teh`, `satelite`), if used at all.
    if (!hasMuchCommonerUse(rank, neighbours)) return false
    // "bolding", "funder": a regular form of a known four-letter word, as
    // written (`moring` is no form of `more`), is a word when written English
    // uses it too, however common its neighbour.
    if (isRegularForm(text, isKnown, {largerList: false, shortestBase: 4})) return false
  }
  // "ok" for "OK" is a style matter even though "of" is one edit away: a
  // known word in another case that is in common use as written.
  if (isCaseVariant(text, isKnown) && wordFrequency(text) >= commonUse) return false
  // "artsit" splits into art + sit and "rom" is ROM in the wrong case, but
  // each is one edit from a far more common word: those are slips. So are
  // `tody` and `shool`, though the larger word list has them: in copy they
  // are `today` and `school` mistyped, words typed far more than any other.
  if (hasMuchCommonerNeighbour(text, neighbours, typedMost)) return true
  // "titer", "zigs", "depositary": a word the larger word list has is a real
  // word, however much commoner its neighbours (`tiger`, `pigs`). Asked
  // only here: a story whose unknown words are slips of the commonest words
  // (`teh`) never reads the list.
  if (hasMuchCommonerNeighbour(text, neighbours)) return !isInLargerWordList(text)
  // No commoner word one edit away, so a slip would be two edits from its
  // word: in a word of six letters or fewer two edits change too much of it
  // (`adtech`, `pshtt`) unless some word is one edit away or two likely
  // edits make a well-known word (see `isLikelyShortSlip`); and a known word
  // of four letters after any prefix (`unmute`; `untill` never gets here,
  // `until` being one edit away) is likelier a coinage.
  return (
    (text.length > shortForTwoEdits || neighbours.length > 0 || isLikelyShortSlip(text, message.expected ?? [], isKnown)) &&
    !isRegularForm(text, isKnown) &&
    !isInLargerWordList(text) &&
    // "roadmap" splits into two known words, a coinage; "differcult" and
    // "statmeant" split too, but two likely edits make them a well-known word.
    !(isClosedCompound(text, isKnown) && !isLikelySlipOf(text, message.expected ?? [], wellKnown)) &&
    !isPrefixedWord(text, isKnown, 4) &&
    !isCaseVariant(text, isKnown)
  )
}

/**
 * Whether an unknown word looks like a keyboard slip: a dictionary
 * suggestion one edit away, or two for words of five to eleven letters.
 *
 * Two edits reach many other words, so a suggestion that far counts only
 * when it is not merely another form of the word, with another ending
 * (`molecularly` and `molecular`, `memoranda` and `memorandum`) or another
 * beginning (`exfiltration` and `infiltration`), nor its spelling in the
 * other spelling system (`vapourised` and `vaporized`), and, for a
 * lowercase word, not a name (`carcharias` and `Zacharias`).
 *
 * @param message retext-spell's message.
 * @param isOrdinary Which suggestions count (all, by default).
 * @param reach Most edits (two, by default; one for words of four letters or fewer, or of `longWord` or more).
 * @returns Whether it looks like a slip.
 */
export function isLikelySlip(
  message: VFileMessage,
  isOrdinary: (suggestion: string) => boolean = () => true,
  reach = 2
): boolean {
  const written = message.actual ?? ''
  const actual = written.toLowerCase()
  if (!/\p{L}/u.test(actual)) return false
  const limit = actual.length >= fewestLettersForTwoEdits && actual.length < longWord ? reach : 1
  return (message.expected ?? []).some(function (suggestion) {
    const lowercase = suggestion.toLowerCase()
    const distance = editDistance(actual, lowercase, limit)
    if (distance > limit || !isOrdinary(suggestion)) return false
    if (distance < 2) return true
    return (
      !isOtherForm(actual, lowercase) &&
      !isSpellingSystemVariant(actual, lowercase) &&
      !(written === actual && suggestion !== lowercase)
    )
  })
}

/**
 * Whether two words differ only in their last three letters or their first
 * two: another form of one word, made with another ending or prefix, rather
 * than a slip inside it.
 *
 * @param a Lowercase word.
 * @param b Lowercase word.
 * @returns Whether they do.
 */
function isOtherForm(a: string, b: string): boolean {
  const longest = Math.max(a.length, b.length)
  let prefix = 0
  while (prefix < a.length && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (suffix < a.length && suffix < b.length && a.at(-1 - suffix) === b.at(-1 - suffix)) suffix++
  return (prefix >= 5 && prefix >= longest - 3) || (suffix >= 5 && suffix >= longest - 2)
}

/**
 * The lowercase suggestions one edit from a word: the words it may be a
 * plain slip of.
 *
 * @param text Lowercase word.
 * @param suggestions Its suggestions.
 * @returns Those one edit away, in order.
 */
function oneEditNeighbours(text: string, suggestions: readonly string[]): string[] {
  return suggestions.filter((suggestion) => /^\p{Ll}+$/u.test(suggestion) && editDistance(text, suggestion, 1) <= 1)
}

/**
 * Whether a word's neighbour is used far more often than the word itself
 * (SUBTLEX-US counts): `artsit` → `artist`, `rom` → `from`. The word's own
 * stem does not count (`trainings` is not a slip of `training`).
 *
 * @param text Lowercase word.
 * @param neighbours Its suggestions one edit away.
 * @param atLeast Fewest uses the neighbour must have besides (none by default).
 * @returns Whether such a neighbour exists.
 */
function hasMuchCommonerNeighbour(text: string, neighbours: readonly string[], atLeast = 0): boolean {
  const own = wordFrequency(text)
  return neighbours.some(function (neighbour) {
    const theirs = wordFrequency(neighbour)
    return !text.startsWith(neighbour) && theirs >= atLeast && theirs >= commonerBy * (own + 1)
  })
}

/**
 * Whether a short word two edits from every dictionary word is still a
 * likely slip: two likely edits make it one of the words typed most
 * (`seiad` for `said`), or a well-known word when it does not split into
 * two known words (`amomt` for `amount`, `pipoll` for `people`). A short
 * word that splits so (`taghut` is tag + hut, `outgas` out + gas) is as
 * likely a coinage or a borrowing as a slip of a word two edits away.
 *
 * @param text Lowercase word of `shortForTwoEdits` letters or fewer.
 * @param suggestions Its suggestions.
 * @param isKnown Dictionary lookup.
 * @returns Whether it is a likely slip.
 */
function isLikelyShortSlip(text: string, suggestions: readonly string[], isKnown: (word: string) => boolean): boolean {
  return (
    isLikelySlipOf(text, suggestions, typedMost) ||
    (isLikelySlipOf(text, suggestions, wellKnown) && !isClosedCompound(text, isKnown))
  )
}

/**
 * Whether a word two edits from every dictionary word is still a likely
 * slip of a word in use at least so often: the misspelling model finds the
 * edits between them common. A short word takes one of the words typed
 * most (`seiad` for `said`: a vowel added, two letters swapped), where a
 * coinage takes unlikely edits (`adtech` from `attach`); a word that
 * splits into known words takes a well-known one (`differcult`).
 *
 * @param text Lowercase word.
 * @param suggestions Its suggestions.
 * @param atLeast Fewest SUBTLEX-US uses the word meant must have.
 * @returns Whether such a word is among them.
 */
function isLikelySlipOf(text: string, suggestions: readonly string[], atLeast: number): boolean {
  return suggestions.some(
    (suggestion) => wordFrequency(suggestion) >= atLeast && misspellingCost(text, suggestion) <= likelySlipCost
  )
}

/**
 * Letters from which two edits count as evidence of a slip: in a shorter
 * word they change too much of it.
 */
const fewestLettersForTwoEdits = 5

/**
 * Whether a lowercase word is a slip spelt by ear: it sounds like a
 * well-known word (the same Double Metaphone code, see `sounds-like.ts`)
 * that likely edits make of it, within `farthestFarSlip` edits: `usfull`
 * for `useful`, `hevey` for `heavy`, `engein` for `engine`. Such a slip
 * is often more than two edits from its word, or two edits in a short
 * word, so `isOneOffSlip` finds no word it is likely a slip of.
 *
 * Nothing else may account for the word: a coinage, a regular form, a
 * word of a larger word list, or one written English uses (`legos`,
 * `siloing`) sounds like some common word as often as a slip does.
 *
 * @param text Lowercase word, used once.
 * @param isKnown Dictionary lookup.
 * @returns Whether to report it as an error.
 */
function isSpeltByEar(text: string, isKnown: (word: string) => boolean): boolean {
  if (text.length < fewestLettersForTwoEdits || !/^[a-z]+$/.test(text) || writtenUsageRank(text) !== undefined) return false
  const soundsLikeWellKnownWord = soundsLike(text).some(
    (word) =>
      isKnown(word) &&
      wordFrequency(word) >= wellKnown &&
      editDistance(text, word, farthestFarSlip) <= farthestFarSlip &&
      misspellingCost(text, word) <= likelySlipCost
  )
  return (
    soundsLikeWellKnownWord &&
    !isInLargerWordList(text) &&
    !isRegularForm(text, isKnown) &&
    !isPrefixedWord(text, isKnown, 4) &&
    !isDerivedWord(text, isKnown) &&
    !isClosedCompound(text, isKnown) &&
    !isCaseVariant(text, isKnown)
  )
}

/** Letters up to which a word two edits from any dictionary word is not taken for a slip of one. */
const shortForTwoEdits = 6

/**
 * Whether written English uses a neighbour of a word it ranks `commonerBy`
 * times as much. Ranks of words in use fall about as their counts rise
 * (Zipf's law), so a rank ten times smaller is a word about ten times
 * commoner.
 *
 * @param rank The word's rank in the written-usage list.
 * @param neighbours Its suggestions one edit away.
 * @returns Whether such a neighbour exists; if not, the word is in use rather than a slip.
 */
function hasMuchCommonerUse(rank: number, neighbours: readonly string[]): boolean {
  return neighbours.some(function (neighbour) {
    const theirs = writtenUsageRank(neighbour)
    return theirs !== undefined && theirs * commonerBy <= rank
  })
}

/**
 * The dialects whose spellings are a matter of house style rather than slips
 * in copy of a dialect: American and British, the two spelling systems the
 * others mix (Canadian writes `colour` and `organize`, Australian is close to
 * British), leaving out the copy's own.
 */
const otherSpellingSystems: Record<Dialect, readonly Dialect[]> = {
  'en-US': ['en-GB'],
  'en-GB': ['en-US'],
  'en-CA': ['en-US', 'en-GB'],
  'en-AU': ['en-US', 'en-GB']
}

/**
 * Whether a word is right in another dialect's spelling (`organisation`,
 * `centre` in American copy; `color` in British copy): news copy uses
 * either, and that is a matter of house style, worth a look but not a slip.
 *
 * @param text Lowercase word.
 * @param dialect The dialect the copy is checked in.
 * @returns Whether another spelling system's dictionary has it.
 */
function isOtherDialectSpelling(text: string, dialect: Dialect): boolean {
  return otherSpellingSystems[dialect].some((other) => dictionaryLookup(other).correct(text))
}

/**
 * Whether a lowercase word is a known word written in the wrong case (`ok`
 * for `OK`, `molotov` for `Molotov`): a matter of style, not a slip.
 *
 * @param text Lowercase word.
 * @param isKnown Dictionary lookup.
 * @returns Whether its capitalised or all-capital form is known.
 */
function isCaseVariant(text: string, isKnown: (word: string) => boolean): boolean {
  return isKnown(text.toUpperCase()) || isKnown(upperFirst(text))
}
