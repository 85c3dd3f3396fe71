import {toString} from 'nlcst-to-string'
import {z} from 'zod'
import {defineRule} from '../src/define-rule.js'
import {type Dialect, defaultDialect, dictionaryLookup} from '../src/words/dictionary.js'
import {editDistance} from '../src/words/edit-distance.js'
import {foreignWords, isForeignFunctionWord} from '../src/analyse/foreign-runs.js'
import {isItemAmongNames} from '../src/analyse/list-items.js'
import {neighbourWord} from '../src/analyse/each-sentence.js'
import {resultsLineSentences} from '../src/analyse/results-lines.js'
import {areVariants} from '../src/words/name-variants.js'
import {isAcronymPlural, isCaseOnlyVariant, isMixedCase} from '../src/words/letter-case.js'
import {setSeverity} from '../src/severity.js'
import {isLikelySlip, isSlip} from '../src/words/slip-evidence.js'
import type {SpellCheck, UnknownWord} from '../src/analyse/spell-check.js'
import {wordFrequency} from '../src/words/suggestions.js'
import {writtenUsageRank} from '../src/words/written-usage.js'
import {wordSet} from '../src/words/word-set.js'

/** Options of the `spelling` rule. */
export interface SpellingOptions {
  /** The newsroom's own accepted words (config `words`, word lists). */
  ownWords?: readonly string[] | undefined
  /** Bundled names famous enough to suggest for a one-off slip (countries, demonyms, organisations). */
  prominentNames?: ReadonlySet<string> | undefined
  /** Report unknown all-capital acronyms (`BTLC`) too; off by default. */
  acronyms?: boolean | undefined
  /** The dialect to spell by (config `dialect`, `--dialect`); American when not set. */
  dialect?: Dialect | undefined
  /** The bundled names: people's and places' names, some ending in `s` (`Jones`, `Wales`). */
  names?: readonly string[] | undefined
}

/**
 * SUBTLEX-US count above which a word is one of the few hundred most common
 * (the, they, this, when): a capitalised unknown word at the start of a
 * sentence, one slip from such a word, is a slip (`Teh`), not a name.
 */
const commonWordCount = 20_000

/** Letters at most of the shorthand of a results line (`og`, `Att`, `capt`). */
const shorthandLetters = 4

/** Letters from which a one-off name may be two edits from the name it is a slip of, not one. */
const longName = 8

/**
 * Flag words that are in neither the spelling dictionary (dictionary-en, via
 * retext-spell) nor the accepted word lists, at a severity that says how
 * likely each is to be wrong:
 *
 * - a lowercase word in cspell's list of common misspellings (`recieved`),
 *   however often the story uses it, or one with a close suggestion used
 *   once (`theh`): error;
 * - a known word written as spoken, clipped, with an apostrophe for the
 *   letters dropped (`lookin'`, `Goin’`, `ol'`): warning, with the full word;
 * - a word of four letters or fewer in a results line (a line-up, a score
 *   line: `Walsh og 40`, `Att: 4,512`): warning at most;
 * - a lowercase word used twice or more in the story (counted whatever its
 *   case: `Preload` opening a sentence and `preload` are two uses), or with
 *   no close suggestion: warning;
 * - a capitalised word used once and close to a well-known name that the
 *   story does not use (`Berlni`): warning, with that name first;
 * - a known mixed-case term in another case (`Github` for `GitHub`):
 *   warning on every use, with the known case as the suggestion;
 * - any other capitalised or mixed-case word (a name or brand the
 *   dictionary and names lists lack: `Oyelaran`, `SpaceX`), and a word of
 *   link text that names the link's destination, whatever its case
 *   (`[pylint](http://www.pylint.org/)`): info, on its first use only;
 * - all-capital acronyms (`BTLC`): not reported, unless `acronyms` is set.
 *
 * Words that `name-consistency` reported are left to it.
 */
export default defineRule<SpellingOptions>(
  {
    id: 'spelling',
    description: 'Words not in the dictionary or the accepted word lists',
    options: z.strictObject({acronyms: z.boolean().optional()})
  },
  function (options) {
    const own = new Set(options?.ownWords ?? [])
    const prominent = options?.prominentNames ?? new Set<string>()
    const names = wordSet(options?.names ?? [])
    const dictionary = dictionaryLookup(options?.dialect ?? defaultDialect)
    // A one-off slip is taken for one of these names only: see `closeKnownName`.
    const isSlipTarget = (name: string): boolean => dictionary.correct(name) || prominent.has(name) || own.has(name)
    // The dictionary alone: the names lists' 20,000 first names would make `Nikos` a plural of `Niko`.
    const isInDictionary = (word: string): boolean => dictionary.correct(word)
    return function ({tree, spelling: check}, file) {
      // "Preload" opening a sentence and "preload" later are one word used twice: one judgement.
      const uses = countBy(check.unknown.map((unknown) => unknown.text.toLowerCase()))
      const foreign = foreignWords(tree, check.unknown)
      // "Walsh og 40", "Att: 4,512": a short word in a line-up or a score line is the trade's shorthand.
      const isShorthand = (unknown: UnknownWord): boolean =>
        unknown.text.length <= shorthandLetters && unknown.sentence !== undefined && resultsLineSentences(tree).has(unknown.sentence)

      for (const unknown of check.unknown) {
        const {text, message} = unknown
        const clipped = clippedWord(unknown, check.isKnown)
        const count = uses.get(text.toLowerCase()) ?? 0
        if (isAcronym(text)) {
          if (!options?.acronyms) continue
          check.suggest(unknown)
          setSeverity(message, 'warning')
        } else if (unknown.namesLink) {
          // "[pylint](http://www.pylint.org/)": the name of what the link points to, as its address spells it;
          // a known mixed-case term in another case (`[Github](https://github.com/…)`) is still that warning.
          if (!reportCasing(unknown, check)) reportUnknownName(unknown)
        } else if (clipped) {
          // "lookin'", "Goin’", "ol'": a known word written as spoken, in dialogue or a deliberate voice
          // (three in a sentence look like a run of another language: they are English).
          reportClipped(unknown, clipped)
        } else if (foreign.has(unknown.word)) {
          check.suggest(unknown)
          setSeverity(message, 'info')
        } else if (text === text.toLowerCase()) {
          // "wifi" for "WiFi", "youtube" for "YouTube": a term its owner writes in mixed case, in lowercase.
          if (!reportCasing(unknown, check)) {
            check.suggest(unknown)
            const slip =
              isSlip(message, count, check.isKnown, check.dialect) && !standsInName(unknown, check.isKnown) && !isShorthand(unknown)
            setSeverity(message, slip ? 'error' : 'warning')
            // A slip spelt by ear (`gurment`) may be far in letters from its word.
            if (slip) check.suggestForSlip(unknown)
          }
        } else if (/\p{Ll}/u.test(text)) {
          // "the Obamas", "the Kennedys": the plural of a name the dictionary knows is that name, not a slip.
          if (isPluralOfName(text, isInDictionary)) continue
          // "a former Beatle" in a story about the Beatles: one of a group the dictionary knows by its plural name.
          if (check.storyWords.has(text + 's') && isMemberOfPluralName(text, isInDictionary, names)) continue
          // Capitalised and mixed-case words are names and brands: `Oyelaran`, `McArthur`, `SpaceX`, `eBay`.
          reportName(unknown, count, check, isSlipTarget, isShorthand)
        } else {
          check.suggest(unknown)
          setSeverity(message, 'warning')
        }
        file.messages.push(message)
      }
    }
  }
)

/**
 * Decide how to report an unknown capitalised word, and set up its message.
 * Only a name used once can be a slip; one used more often is reported once
 * at `info`, without suggestions (so none are made for it).
 *
 * @param unknown The word.
 * @param count How often the story uses it.
 * @param check The story's spell check.
 * @param isSlipTarget Whether a one-off slip may be taken for a name.
 * @param isShorthand Whether a word is shorthand in a results line (`Att: 4,512`): never an error.
 */
function reportName(
  unknown: UnknownWord,
  count: number,
  check: SpellCheck,
  isSlipTarget: (name: string) => boolean,
  isShorthand: (unknown: UnknownWord) => boolean
): void {
  const {isKnown, storyWords: inStory, dialect} = check
  const {text, message} = unknown
  if (reportCasing(unknown, check)) return
  // Only a slip of a very common word is taken for one: "Rudaw reported" starts with a name, "Teh talks" does not.
  const common = (suggestion: string): boolean =>
    isKnown(suggestion.toLowerCase()) && wordFrequency(suggestion) >= commonWordCount
  // A short name is a slip of a common word or of a well-known name only one
  // edit away (see `closeKnownName`): no need to look two edits away.
  if (count === 1) check.suggest(unknown, text.length >= longName ? 2 : 1)
  // One edit only: a name two edits from a common word is too often just a name (`Shahid`, `Said`).
  // "Yoz Grahame": before another capitalised word the dictionary lacks, the first word of a sentence is a first name.
  if (count === 1 && startsSentence(unknown) && !beforeUnknownName(unknown, isKnown) && isLikelySlip(message, common, 1)) {
    // "Teh talks ended.", "Harbour officials met.": an ordinary word that happens to start a sentence.
    setSeverity(message, isSlip(message, count, isKnown, dialect) && !isShorthand(unknown) ? 'error' : 'warning')
    return
  }
  const known = count === 1 ? closeKnownName(text, message.expected ?? [], inStory, isKnown, isSlipTarget) : undefined
  if (known) {
    // "Berlni": one use, one letter from a name the dictionary has and the story does not use.
    message.expected = [known, ...(message.expected ?? []).filter((suggestion) => suggestion !== known)]
    setSeverity(message, 'warning')
    return
  }
  reportUnknownName(unknown)
}

/**
 * Whether a capitalised word is the plural of a name the dictionary knows as
 * a name, not as an ordinary word (`Obamas`, `Kennedys`, `Joneses`): a
 * family, or several people of one name. Not the other way round: a name
 * that ends in `s` with it dropped (`Jone` for `Jones`) may be a slip.
 *
 * @param text The word.
 * @param isKnown Lookup in the dictionary alone.
 * @returns Whether it is such a plural.
 */
function isPluralOfName(text: string, isKnown: (word: string) => boolean): boolean {
  const stems = [text.endsWith('es') ? text.slice(0, -2) : '', text.endsWith('s') ? text.slice(0, -1) : '']
  return stems.some((stem) => stem.length >= 3 && /^\p{Lu}\p{Ll}+$/u.test(stem) && isKnown(stem) && !isKnown(stem.toLowerCase()))
}

/**
 * Whether a capitalised word is one of a group whose plural name the
 * dictionary knows (`Beatle` of `Beatles`). A name of a person or place
 * that ends in `s` (`Jones`, `Wales`, `Athens`: the bundled names lists
 * have them) is no plural: `Jone` may be a slip. The story must use the
 * plural too (the caller asks): `Engels` and `Welles` are surnames, and
 * `Engel` or `Welle` alone says nothing of them.
 *
 * @param text The word.
 * @param isKnown Lookup in the dictionary alone.
 * @param names The bundled names.
 * @returns Whether it is such a member.
 */
function isMemberOfPluralName(text: string, isKnown: (word: string) => boolean, names: ReadonlySet<string>): boolean {
  const plural = text + 's'
  return text.length >= 4 && /^\p{Lu}\p{Ll}+$/u.test(text) && !names.has(plural) && isKnown(plural) && !isKnown(plural.toLowerCase())
}

/**
 * Report a term its owner writes in mixed case, written in another case
 * (`Github` for `GitHub`, `Fedramp` for `FedRAMP`), as a `warning` with the
 * known casing. Not an acronym in capitals: `De` in "De Blasio" is no slip
 * of `DE`.
 *
 * @param unknown The word.
 * @param check The story's spell check.
 * @returns Whether the word is such a term, and is reported so.
 */
function reportCasing(unknown: UnknownWord, check: SpellCheck): boolean {
  const {text, message} = unknown
  const casing = isAcronymPlural(text)
    ? undefined
    : check.casings(text).find((form) => isMixedCase(form) && /\p{Ll}/u.test(form) && !isAcronymPlural(form) && isCaseOnlyVariant(text, form))
  if (!casing) return false
  message.reason = message.message = `Unexpected \`${text}\`, expected \`${casing}\` as the name is written`
  message.expected = [casing]
  setSeverity(message, 'warning')
  return true
}

/**
 * Report a word as an unknown name: once per story, at `info`, with
 * nothing to write instead (a name is checked once, never fixed).
 *
 * @param unknown The word.
 */
function reportUnknownName(unknown: UnknownWord): void {
  const {text, message} = unknown
  // Once per story: the first use that no other rule spoke for (see `settleFindings`).
  message.once = 'unknown name ' + text
  // vfile-reporter shows `message`, the JSON report `reason`: keep them one text.
  message.reason = message.message = `Unexpected unknown name \`${text}\`, not in the dictionary: check it once`
  message.expected = []
  setSeverity(message, 'info')
}

/**
 * Find a well-known name that an unknown capitalised word is probably a slip
 * for: one edit away (two for long names), in the dictionary, the prominent
 * bundled names or the newsroom's own list, a name rather than an ordinary
 * word with a capital (`Belts`), not another form of it (an ending changed or
 * added: `Ceske`, `Ceska`), and not used in the story.
 *
 * @param text The unknown word.
 * @param suggestions Its suggestions.
 * @param inStory Every word of the story.
 * @param isKnown Dictionary lookup.
 * @param isSlipTarget Whether a one-off slip may be taken for a name.
 * @returns The name, if there is one.
 */
function closeKnownName(
  text: string,
  suggestions: readonly string[],
  inStory: ReadonlySet<string>,
  isKnown: (word: string) => boolean,
  isSlipTarget: (name: string) => boolean
): string | undefined {
  const limit = text.length >= longName ? 2 : 1
  return suggestions.find(
    (suggestion) =>
      /^\p{Lu}/u.test(suggestion) &&
      // "Obama's" is another form of "Obamas", not a name it is a slip of.
      !isPossessiveOf(suggestion, text) &&
      !inStory.has(suggestion) &&
      isSlipTarget(suggestion) &&
      !isKnown(suggestion.toLowerCase()) &&
      editDistance(text.toLowerCase(), suggestion.toLowerCase(), limit) <= limit &&
      // `Ceske` is another form of `Ceska`, not a slip for it.
      areVariants(text, suggestion)
  )
}

/**
 * Whether a word with an apostrophe is another word's possessive (`Obama's`
 * of `Obamas`), the apostrophe all that tells them apart.
 *
 * @param suggestion A suggestion.
 * @param text The word.
 * @returns Whether it is.
 */
function isPossessiveOf(suggestion: string, text: string): boolean {
  return /['’]s$/.test(suggestion) && suggestion.replace(/['’]s$/, 's') === text
}

/**
 * Whether an unknown lowercase word is part of a name rather than a word of
 * the sentence: a function word of another language between two names
 * (`Arnel dela Vega`, `Brigade de Recherche et d’Intervention`; an English
 * slip there, `Trump adn Biden`, is still a slip), a lowercase part of a
 * capitalised compound (`Seongbuk-gu`, `Man-kei`), a part of a hyphenated
 * word that is three letters or fewer (`survival-ish`, `de-energisation`),
 * that written English uses (`year-olds`, `differently-abled`) or that ends
 * an X-a-Y coinage (`design-a-thons`), a fragment of three letters or fewer
 * joined to another word by a slash or a semicolon (`d/mm/yy`, `tl;dr`),
 * the species in a scientific name after a genus the dictionary lacks
 * (`Spheniscus magellanicus`), or a user name in a list of names
 * (`Nick Schonning, cathrowe, Juliette Cezzar`). Such a word is worth a
 * look, not an error.
 *
 * @param unknown The word.
 * @param isKnown Dictionary lookup.
 * @returns Whether it stands in a name or a compound that way.
 */
function standsInName(unknown: UnknownWord, isKnown: (word: string) => boolean): boolean {
  const {part, word, sentence, text} = unknown
  if (part.afterHyphen || part.beforeHyphen) {
    const whole = toString(word)
    // "year-olds", "differently-abled", "uber-patient": parts that written English uses, often only in compounds.
    if (text.length <= 3 || /^\p{Lu}/u.test(whole) || writtenUsageRank(text.toLowerCase()) !== undefined) return true
    // "design-a-thons", "rent-a-cop": the last part of an X-a-Y coinage.
    return whole.toLowerCase().indexOf('-a-' + text.toLowerCase()) > 0
  }
  if (!sentence) return false
  // "d/mm/yy", "tl;dr": a short fragment joined to another word by a slash or a semicolon is an abbreviation or a code.
  if (text.length <= 3 && joinedToWord(unknown)) return true
  const neighbour = (step: -1 | 1): string => neighbourWord(word, sentence, step)
  const before = neighbour(-1)
  // "Spheniscus magellanicus", "Caudipteryx zoui": a species after its genus.
  if (/^\p{Lu}\p{Ll}+$/u.test(before) && !isKnown(before) && text.length >= 5 && latinSpecies.test(text)) return true
  if (isItemAmongNames(word, sentence, isKnown)) return true
  return isForeignFunctionWord(text) && /^\p{Lu}/u.test(before) && /\p{Lu}/u.test(neighbour(1))
}

/**
 * Whether a word is joined to another word by a slash or a semicolon with
 * no space (`d/mm/yy`, `tl;dr`, `and/or`).
 *
 * @param unknown The word.
 * @returns Whether it is.
 */
function joinedToWord({word, sentence}: UnknownWord): boolean {
  const children = sentence?.children ?? []
  const index = children.indexOf(word)
  return ([-1, 1] as const).some(function (step) {
    const mark = children[index + step]
    return (
      (mark?.type === 'PunctuationNode' || mark?.type === 'SymbolNode') &&
      (mark.value === '/' || mark.value === ';') &&
      children[index + 2 * step]?.type === 'WordNode'
    )
  })
}

/**
 * SUBTLEX-US count from which a word is among the commonest few thousand
 * (`old`, `and`, `just`, `about`, `hard`): the words speech clips and eye
 * dialect writes clipped (`ol'`, `jus'`, `'nother`, `'ard`). A slip that loses
 * a letter next to a quotation mark is rarely of such a word.
 */
const clippedWordCount = 10_000

/** A straight or curly apostrophe. */
const apostrophe = /^['\u2019]$/

/**
 * The known word that an unknown word is written as spoken, clipped, with
 * an apostrophe for the letters dropped: any `-in'` whose `-ing` form is
 * known (`lookin'`, `Countin’`, `darlin'`), one letter dropped at the end
 * of a very common word (`ol'` for `old`, `jus'` for `just`), or one or two at
 * its start (`'nother` for `another`, `'ard` for `hard`). That is dialogue or a
 * deliberate voice, worth a look but no slip. The apostrophe must touch the
 * word: `lookin` alone is still a slip. A capitalised one counts only as the
 * first word of a sentence: elsewhere it is a title (the song `Truckin'`).
 *
 * @param unknown The word.
 * @param isKnown Dictionary lookup.
 * @returns The full word, cased as the clipped one, if it is such a form.
 */
function clippedWord(unknown: UnknownWord, isKnown: (word: string) => boolean): string | undefined {
  const {text, word, sentence, part} = unknown
  if (part.afterHyphen || part.beforeHyphen) return undefined
  const whole = toString(word)
  const siblings = sentence?.children ?? []
  const index = siblings.indexOf(word)
  const markAt = (at: number): boolean => {
    const node = siblings[at]
    return node?.type === 'PunctuationNode' && apostrophe.test(node.value)
  }
  const letters = text.replace(/^['\u2019]|['\u2019]$/g, '')
  // Lowercase, or capitalised where any word is ("Countin' the cows," she said), never in
  // capitals; a capitalised one elsewhere is a title or a name (the song "Truckin'").
  if (!/^\p{L}\p{Ll}*$/u.test(letters) || (/^\p{Lu}/u.test(letters) && !startsSentence(unknown))) return undefined
  const lower = letters.toLowerCase()
  const cased = (full: string): string => (letters === lower ? full : full.charAt(0).toUpperCase() + full.slice(1))
  const common = (full: string): boolean => isKnown(full) && wordFrequency(full) >= clippedWordCount
  if (/['\u2019]$/.test(whole) || markAt(index + 1)) {
    if (lower.endsWith('in') && isKnown(lower + 'g')) return cased(lower + 'g')
    const full = mostCommon([...alphabet].map((letter) => lower + letter).filter(common))
    if (full) return cased(full)
  }
  if (/^['\u2019]/.test(whole) || markAt(index - 1)) {
    const full = mostCommon(droppedPrefixes.map((prefix) => prefix + lower).filter(common))
    if (full) return cased(full)
  }
  return undefined
}

/** The letters a clipped word may have lost. */
const alphabet = 'abcdefghijklmnopqrstuvwxyz'

/** What a word clipped at its start may have lost: one letter or two. */
const droppedPrefixes = [...alphabet].flatMap((first) => [first, ...[...alphabet].map((second) => first + second)])

/**
 * The commonest of some words, as written English uses them.
 *
 * @param words Known words.
 * @returns The one with the highest SUBTLEX-US count, if any.
 */
function mostCommon(words: readonly string[]): string | undefined {
  let best: string | undefined
  let count = 0
  for (const word of words) {
    const frequency = wordFrequency(word)
    if (frequency > count) {
      best = word
      count = frequency
    }
  }
  return best
}

/**
 * Report a clipped word (`goin'`) as a `warning`, with the full word to
 * write unless the clipping is meant.
 *
 * @param unknown The word.
 * @param full The full word.
 */
function reportClipped(unknown: UnknownWord, full: string): void {
  const {text, message} = unknown
  // vfile-reporter shows `message`, the JSON report `reason`: keep them one text.
  message.reason = message.message = `Unexpected \`${text}\`, expected \`${full}\` unless written as spoken`
  message.expected = [full]
  setSeverity(message, 'warning')
}

/** Endings of Latin species names (`magellanicus`, `sapiens`, `pekinensis`); five letters or more, so `Oyelaran sai` is still a slip. */
const latinSpecies = /(?:us|um|a|ae|i|ii|is|ensis|oides|ens|ata|ina|ica)$/

/**
 * Whether a word is an acronym: two or more letters, all capitals.
 *
 * @param text The word.
 * @returns Whether it is an acronym.
 */
function isAcronym(text: string): boolean {
  return /^\p{Lu}[\p{Lu}.&'’-]*\p{Lu}\.?$/u.test(text) && !/\p{Ll}/u.test(text)
}

/**
 * Whether a name the dictionary lacks follows a word: a capitalised word
 * that is no ordinary word (the names lists may know it) among the
 * capitalised words right after it (`Yoz Grahame`, `Ard Jan Vetham`,
 * `Ard Mark Vetham`). Then the word is the first of a name, while a slip
 * opening a sentence goes on with ordinary words (`Teh talks`, `Teh Port
 * Authority`, `Tha Rose Garden`).
 *
 * @param unknown The word.
 * @param isKnown Dictionary lookup.
 * @returns Whether such a word follows.
 */
function beforeUnknownName({word, sentence}: UnknownWord, isKnown: (word: string) => boolean): boolean {
  const children = sentence?.children ?? []
  let at = children.indexOf(word) + 1
  // The rest of a name: three words at most (`Ard Jan Piet Vetham`).
  for (let words = 0; words < 3; words++) {
    if (children[at]?.type !== 'WhiteSpaceNode') return false
    const next = children[at + 1]
    if (next?.type !== 'WordNode') return false
    const text = toString(next)
    if (!/^\p{Lu}/u.test(text)) return false
    if (/^\p{Lu}\p{Ll}/u.test(text) && !isKnown(text.toLowerCase())) return true
    at += 2
  }
  return false
}

/**
 * Whether an unknown word is the first word of its sentence.
 *
 * @param unknown The word.
 * @returns Whether nothing but punctuation comes before it in the sentence.
 */
function startsSentence(unknown: UnknownWord): boolean {
  const first = unknown.sentence?.children.find((child) => child.type === 'WordNode')
  return first === unknown.word && !unknown.part.afterHyphen
}

/**
 * Count how often each value occurs.
 *
 * @param values Values.
 * @returns Counts.
 */
function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}
