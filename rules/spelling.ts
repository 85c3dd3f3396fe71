import type {Sentence, Word} from 'nlcst'
import type {VFileMessage} from 'vfile-message'
import {z} from 'zod'
import {defineRule} from '../src/define-rule.js'
import {dictionaryLookup, isInLargerWordList} from '../src/dictionary.js'
import {editDistance} from '../src/edit-distance.js'
import {setSeverity} from '../src/severity.js'
import {spellCheck, type UnknownWord} from '../src/spell-check.js'
import {wordFrequency} from '../src/suggestions.js'

/** Options of the `spelling` rule. */
export interface SpellingOptions {
  /** Extra words to accept (and to offer as suggestions), case kept. */
  words?: readonly string[] | undefined
  /** Report unknown all-capital acronyms (`BTLC`) too; off by default. */
  acronyms?: boolean | undefined
}

/**
 * A lowercase unknown word used this often in one story is jargon or a term
 * of art, not a slip: the same slip twice over is rare.
 */
const deliberateUses = 2

/** How many times more often a word's neighbour must be used to make the word a slip of it. */
const commonerBy = 10

/**
 * SUBTLEX-US count above which a word is one of the few hundred most common
 * (the, they, this, when): a capitalised unknown word at the start of a
 * sentence, one slip from such a word, is a slip (`Teh`), not a name.
 */
const commonWordCount = 20_000

/**
 * Words of another language come in runs: at least this many unknown
 * lowercase words within a window of this many words (`hay muchos abortos
 * pese a la amenaza`) are taken for a quotation in another language. English
 * slips do not cluster like that. Capitalised words are left out: a run of
 * names is still English.
 */
const foreignRun = {unknown: 3, window: 9}

/**
 * Flag words that are in neither the spelling dictionary (dictionary-en, via
 * retext-spell) nor the accepted word lists, at a severity that says how
 * likely each is to be wrong:
 *
 * - a lowercase word with a close suggestion, used once or twice (`theh`): error;
 * - a lowercase word used consistently, or with no close suggestion: warning;
 * - a capitalised word used once and close to a name the dictionary knows
 *   that the story does not use (`Berlni`): warning, with that name first;
 * - any other capitalised word (a name the dictionary lacks): info, on its
 *   first use only;
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
    const words = options?.words ?? []
    return async function (tree, file) {
      const check = await spellCheck(tree, file, words)
      const uses = countBy(check.unknown.map((unknown) => unknown.text))
      const foreign = foreignWords(check.unknown)
      const reported = new Set<string>()

      for (const unknown of check.unknown) {
        if (check.claimed.has(unknown.offset)) continue
        const {text, message} = unknown
        const count = uses.get(text) ?? 0
        if (isAcronym(text)) {
          if (!options?.acronyms) continue
          setSeverity(message, 'warning')
        } else if (foreign.has(unknown.word)) {
          setSeverity(message, 'info')
        } else if (text === text.toLowerCase()) {
          setSeverity(message, isSlip(message, count, check.isKnown) ? 'error' : 'warning')
        } else if (/^\p{Lu}\P{Lu}*$/u.test(text)) {
          if (!reportName(unknown, count, check.storyWords, check.isKnown, reported)) continue
        } else {
          setSeverity(message, 'warning')
        }
        file.messages.push(message)
      }
    }
  }
)

/**
 * Decide how to report an unknown capitalised word, and set up its message.
 *
 * @param unknown The word.
 * @param count How often the story uses it.
 * @param inStory Every word of the story.
 * @param isKnown Dictionary lookup.
 * @param reported Names already reported at `info`.
 * @returns Whether to report this use.
 */
function reportName(
  unknown: UnknownWord,
  count: number,
  inStory: ReadonlySet<string>,
  isKnown: (word: string) => boolean,
  reported: Set<string>
): boolean {
  const {text, message} = unknown
  // Only a slip of a very common word is taken for one: "Rudaw reported" starts with a name, "Teh talks" does not.
  const common = (suggestion: string): boolean =>
    isKnown(suggestion.toLowerCase()) && wordFrequency(suggestion) >= commonWordCount
  if (count === 1 && startsSentence(unknown) && isLikelySlip(message, common)) {
    // "Teh talks ended.", "Harbour officials met.": an ordinary word that happens to start a sentence.
    setSeverity(message, isSlip(message, count, isKnown) ? 'error' : 'warning')
    return true
  }
  const known = count === 1 ? closeKnownName(text, message.expected ?? [], inStory, isKnown) : undefined
  if (known) {
    // "Berlni": one use, one letter from a name the dictionary has and the story does not use.
    message.expected = [known, ...(message.expected ?? []).filter((suggestion) => suggestion !== known)]
    setSeverity(message, 'warning')
    return true
  }
  if (reported.has(text)) return false
  reported.add(text)
  // vfile-reporter shows `message`, the JSON report `reason`: keep them one text.
  message.reason = message.message = `Unexpected unknown name \`${text}\`, not in the dictionary: check it once`
  message.expected = []
  setSeverity(message, 'info')
  return true
}

/**
 * Find a name the dictionary knows that an unknown capitalised word is
 * probably a slip for: one edit away (two for long names), a name rather than
 * an ordinary word with a capital (`Belts`), and not used in the story.
 *
 * @param text The unknown word.
 * @param suggestions Its suggestions.
 * @param inStory Every word of the story.
 * @param isKnown Dictionary lookup.
 * @returns The name, if there is one.
 */
function closeKnownName(
  text: string,
  suggestions: readonly string[],
  inStory: ReadonlySet<string>,
  isKnown: (word: string) => boolean
): string | undefined {
  const limit = text.length >= 8 ? 2 : 1
  return suggestions.find(
    (suggestion) =>
      /^\p{Lu}/u.test(suggestion) &&
      !inStory.has(suggestion) &&
      !isKnown(suggestion.toLowerCase()) &&
      editDistance(text.toLowerCase(), suggestion.toLowerCase(), limit) <= limit
  )
}

/**
 * Whether an unknown ordinary word is a slip worth an error: used once, one
 * or two edits from a dictionary word, and not a British spelling, a less
 * common word a larger word list has (`predation`), or two known words run
 * together.
 *
 * @param message retext-spell's message.
 * @param count How often the story uses the word.
 * @param isKnown Dictionary lookup.
 * @returns Whether to report it as an error.
 */
function isSlip(message: VFileMessage, count: number, isKnown: (word: string) => boolean): boolean {
  const text = (message.actual ?? '').toLowerCase()
  if (count >= deliberateUses || !isLikelySlip(message) || isBritishSpelling(text)) return false
  // "artsit" splits into art + sit and "rom" is ROM in the wrong case, but
  // each is one edit from a far more common word: those are slips.
  if (hasMuchCommonerNeighbour(text, message.expected ?? [])) return true
  return !isInLargerWordList(text) && !isClosedCompound(text, isKnown) && !isCaseVariant(text, isKnown)
}

/**
 * Whether a word is one edit from a suggestion used far more often than the
 * word itself (SUBTLEX-US counts): `artsit` → `artist`, `rom` → `from`.
 *
 * @param text Lowercase word.
 * @param suggestions Its suggestions.
 * @returns Whether such a suggestion exists.
 */
function hasMuchCommonerNeighbour(text: string, suggestions: readonly string[]): boolean {
  const own = wordFrequency(text)
  return suggestions.some(
    (suggestion) =>
      /^\p{Ll}+$/u.test(suggestion) &&
      editDistance(text, suggestion, 1) <= 1 &&
      wordFrequency(suggestion) >= commonerBy * (own + 1)
  )
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
  return isKnown(text.toUpperCase()) || isKnown(text.charAt(0).toUpperCase() + text.slice(1))
}

/**
 * Find the unknown words that stand in a run of another language.
 *
 * @param unknown Unknown words of the story.
 * @returns The words (nodes) in such runs.
 */
function foreignWords(unknown: readonly UnknownWord[]): Set<Word> {
  const unknownLowercase = new Set<Word>()
  const sentences = new Set<Sentence>()
  for (const {word, sentence, text} of unknown) {
    if (!sentence || text !== text.toLowerCase()) continue
    unknownLowercase.add(word)
    sentences.add(sentence)
  }
  const foreign = new Set<Word>()
  const reach = Math.floor(foreignRun.window / 2)
  for (const sentence of sentences) {
    const words = sentence.children.filter((child): child is Word => child.type === 'WordNode')
    words.forEach(function (word, index) {
      if (!unknownLowercase.has(word)) return
      const around = words.slice(Math.max(0, index - reach), index + reach + 1)
      if (around.filter((other) => unknownLowercase.has(other)).length >= foreignRun.unknown) foreign.add(word)
    })
  }
  return foreign
}

/**
 * Whether a word is two known words of three letters or more run together,
 * as new closed compounds are written (`lockdown`, `userbase`, `roadmap`)
 * before dictionaries catch up. Slips rarely split that way (`theh`,
 * `mulitple`).
 *
 * @param text Lowercase word.
 * @param isKnown Dictionary lookup.
 * @returns Whether it splits into two known words.
 */
function isClosedCompound(text: string, isKnown: (word: string) => boolean): boolean {
  for (let index = 3; index <= text.length - 3; index++) {
    if (isKnown(text.slice(0, index)) && isKnown(text.slice(index))) return true
  }
  return false
}

/**
 * Whether a word is right in British English (`organisation`, `centre`):
 * dictionary-en is American, and news copy uses either; that is a matter of
 * house style, worth a look but not a slip.
 *
 * @param text Lowercase word.
 * @returns Whether dictionary-en-gb has it.
 */
function isBritishSpelling(text: string): boolean {
  return dictionaryLookup('en-GB').correct(text)
}

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
 * Whether an unknown word looks like a keyboard slip: a dictionary
 * suggestion one edit away (two for words of more than four letters).
 *
 * @param message retext-spell's message.
 * @param isOrdinary Which suggestions count (all, by default).
 * @returns Whether it looks like a slip.
 */
function isLikelySlip(message: VFileMessage, isOrdinary: (suggestion: string) => boolean = () => true): boolean {
  const actual = (message.actual ?? '').toLowerCase()
  if (!/\p{L}/u.test(actual)) return false
  const limit = actual.length > 4 ? 2 : 1
  return (message.expected ?? []).some(
    (suggestion) => editDistance(actual, suggestion.toLowerCase(), limit) <= limit && isOrdinary(suggestion)
  )
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
