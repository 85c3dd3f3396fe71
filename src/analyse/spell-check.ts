import type {Root, Sentence, Word} from 'nlcst'
import retextSpell from 'retext-spell'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {acceptedWords, type Dialect, defaultDialect, dictionaryLookup, type HunspellDictionary} from '../words/dictionary.js'
import {dictionarySlice} from './dictionary-slice.js'
import {type SpellCandidates, spellCandidates} from './spell-candidates.js'
import {knownCasings, suggest} from '../words/suggester.js'
import {suggestionIndexes} from '../words/suggestion-indexes.js'
import {withFarSuggestions} from '../words/far-suggestions.js'
import {withListedCorrections} from '../words/common-misspellings.js'
import {rankSuggestions} from '../words/suggestions.js'
import type {WordContext} from '../words/word-pairs.js'
import {isTolerated, toleratedFragments} from './tolerated.js'
import {type WordPart, wordParts} from './word-parts.js'
import {wordText} from './word-text.js'
import {neighbourWord, nextNonSpace} from './each-sentence.js'
import {isAscii} from '../ascii.js'
import {namesLinkDestination} from '../parse/link-names.js'
import {hasStylisedWord} from '../parse/stylised-words.js'
import {withoutAccents} from '../words/accents.js'
import {wordSet} from '../words/word-set.js'
import {type VocabularyName, vocabularyLookup} from '../words/vocabularies.js'

/** A word (or the part of one) that neither the dictionary nor the word lists know. */
export interface UnknownWord {
  /** The text, exactly as in the document. */
  text: string
  /** retext-spell's message on it, placed exactly on `text`; `SpellCheck.suggest` adds suggestions. */
  message: VFileMessage
  /** The part of the word it is. */
  part: WordPart
  /** The whole word it is (part of). */
  word: Word
  /** The sentence the word is in. */
  sentence: Sentence | undefined
  /** Offset of `text` in the document: identifies the word across rules. */
  offset: number
  /**
   * Whether the word is link text that names the link's destination
   * (`[pylint](http://www.pylint.org/)`): the name of a tool or site, as
   * its address spells it, not a slip (see `noteLinkNames`).
   */
  namesLink: boolean
}

/** What the spell check of one document found, shared by the rules. */
export interface SpellCheck {
  /** Unknown words in document order. */
  unknown: UnknownWord[]
  /** Every part of every word (compounds split, possessives off), in document order. */
  parts: readonly WordPart[]
  /** The text of every part: the words the story uses. */
  storyWords: ReadonlySet<string>
  /**
   * Whether the dictionary or word lists know a word that need not be in the
   * document, such as the lowercase form of a capitalised word.
   */
  isKnown(word: string): boolean
  /**
   * Give an unknown word's message its suggestions, best first, and say them
   * in its reason; gives them back too. Suggestions cost far more than the
   * rest of the check, so they are made only for the words a rule needs
   * them for (a name reported once at `info` needs none), once per word in a
   * run. With `farthest` 1, only words one edit away are looked for (the
   * two-edit walk is most of the cost); asked again for more, it looks again.
   */
  suggest(unknown: UnknownWord, farthest?: 1 | 2): readonly string[]
  /**
   * Suggest for a word reported as a slip, which is worth more than the
   * nearest words: every word within two edits, not only those one edit
   * away (`years` for `yeat` is two); when none is a likely slip
   * of it, the words that sound like it (`gurment`, `government`) and the
   * story's own words (see `far-suggestions.ts`); all ranked with the words
   * beside it (`word-pairs.ts`: "the wether would" is `weather`). Not for other
   * unknown words: far words for a word that is not a slip (`rainforest`,
   * `reinforced`) are noise, and the wider walk costs ten times the nearest.
   */
  suggestForSlip(unknown: UnknownWord): readonly string[]
  /**
   * The known spellings of a word in other cases (`GitHub` for `Github`):
   * in the dictionary, the names lists or the word lists.
   */
  casings(word: string): readonly string[]
  /** The dialect whose dictionary the check used. */
  dialect: Dialect
}

type SpellTransform = (tree: Root, file: VFile, next: (error?: Error) => void) => void

/** Runs retext-spell over a tree and gives back what it reported. */
type Speller = (tree: Root, filePath?: string) => Promise<VFileMessage[]>

/**
 * How far to look for suggestions: one edit, the nearest words within two
 * (as spell checkers do), or every word within two (see `suggest`'s `everyTier`).
 */
type Reach = 1 | 2 | 'every'

/** Suggestions for an unknown word, unranked, made once per word (and reach) in a run. */
interface Suggest {
  (word: string, reach: Reach): readonly string[]
  /** The known forms of a word in other cases (see `knownCasings`). */
  casings(word: string): readonly string[]
}

/** Accepted words as retext-spell takes them, one per line. */
interface Personal {
  /** The words, one per line: tens of thousands with the names lists. */
  text: string
  /** Whether a line forbids a word (`*word`), which copydesk's lookup does not model. */
  forbids: boolean
}

/** Accepted words as retext-spell takes them, per word array. */
const personalByWords = new WeakMap<readonly string[], Personal>()

/**
 * Spell-check a document once, for all rules (see `analyseStory`): run retext-spell (the
 * dialect's dictionary and the accepted words) over it, narrow each finding on a compound or
 * possessive to its wrong parts, and leave out what is not a slip to report:
 * codes with digits, other scripts, fragments accepted in context (`de` in
 * "de Gaulle") and accented forms of known words.
 *
 * @param tree The document's tree.
 * @param file The document.
 * @param words Accepted words (config `words` and word lists).
 * @param dialect Whose dictionary to spell by (config `dialect`, `--dialect`).
 * @param vocabularies Vocabularies of a trade whose words are accepted too (config `vocabularies`).
 * @returns The shared result.
 */
export function spellCheck(
  tree: Root,
  file: VFile,
  words: readonly string[],
  dialect: Dialect = defaultDialect,
  vocabularies: readonly VocabularyName[] = []
): Promise<SpellCheck> {
  let personal = personalByWords.get(words)
  if (personal === undefined) {
    const set = wordSet(words)
    const text = [...set].join('\n')
    // Tested once per list: testing the 200 kB text again for every story showed in the CI case of `npm run bench`.
    personal = {text, forbids: /^\*/m.test(text)}
    personalByWords.set(words, personal)
    // Made here, from the set the text joins, so the lookups keyed by the text share the set.
    acceptedWords(text, set)
  }
  return runSpellCheck(tree, file, dialect, words, personal, vocabularies)
}

/**
 * Run the spell check: retext-spell on the words copydesk's own lookup does
 * not know (see `spellCandidates`), each finding narrowed to its wrong parts.
 *
 * @param tree The document's tree.
 * @param file The document.
 * @param dialect Whose dictionary to spell by.
 * @param words Accepted words.
 * @param accepted The same words, one per line.
 * @param vocabularies Vocabularies whose words are accepted too.
 * @returns The result.
 */
async function runSpellCheck(
  tree: Root,
  file: VFile,
  dialect: Dialect,
  words: readonly string[],
  accepted: Personal,
  vocabularies: readonly VocabularyName[]
): Promise<SpellCheck> {
  const personal = accepted.text
  const known = dictionaryLookup(dialect, personal)
  const tolerated = toleratedFragments()
  const unknown: UnknownWord[] = []
  // nspell forbids a `*word` given to it, which copydesk's lookup does not model: then every word goes to it.
  const candidates = accepted.forbids ? spellCandidates(tree, {correct: () => false}) : spellCandidates(tree, known)
  const spell = documentSpeller(candidates, dialect, personal)
  const suggest = suggester(dialect, words, personal)

  for (const found of await spell(candidates.tree, file.path)) {
    const word = found.ancestors?.at(-1) as Word | undefined
    if (!word) continue
    const sentence = candidates.sentenceOf.get(word)
    // "anti-semitism" is "antisemitism" with a hyphen: a known word, written the other way.
    const whole = wordText(word)
    const closed = whole.replace(/[-\u2010\u2011]/g, '')
    if (closed !== whole && known.correct(closed)) continue
    for (const {message, part} of await narrow(found, word, spell)) {
      // retext-spell looks "don’tthe" up as "don'tthe" and reports it so; the
      // finding names the word as written, which is what its place covers.
      const text = part.text
      if (message.actual !== text) {
        message.reason = message.message = message.reason.replace('`' + String(message.actual) + '`', '`' + text + '`')
        message.actual = text
      }
      const offset = part.word.position?.start.offset
      // "G7", "1990s", "MH17": codes and figures, not words to spell.
      if (offset === undefined || /\d/.test(text)) continue
      // "In$ane", "f*cking": stylised or censored on purpose, and no dictionary spells it (see stylised-words.ts).
      if (hasStylisedWord(text)) continue
      // "(.docx, 185 KB)": a file extension named as such, not a word.
      if (/^\.[A-Za-z]{2,5}$/.test(text)) continue
      // "Зеленський", "و": an English dictionary has nothing to say about other scripts.
      if (!/\p{Script=Latin}/u.test(text)) continue
      if (isTolerated(part, word, sentence, tolerated) || isAccentedSpelling(text, personal, dialect)) continue
      // "backend", "repos", "Kubernetes": words of the trade. Asked only of
      // words retext-spell did not know, so a story it knows whole never
      // loads the vocabularies.
      if (vocabularies.length > 0 && vocabularyLookup(vocabularies)?.correct(text.replaceAll('\u2019', "'"))) continue
      unknown.push({text, message, part, word, sentence, offset, namesLink: namesLinkDestination(file, offset, text)})
    }
  }

  const {parts, storyWords} = candidates
  // A Map, not a WeakMap: its messages live exactly as long as the check
  // does, and a WeakMap's entries cost the collector more on every pass.
  const suggested = new Map<VFileMessage, number>()

  return {
    unknown,
    parts,
    storyWords,
    isKnown: (text) => known.correct(text),
    suggest({text, message}, farthest = 2) {
      if ((suggested.get(message) ?? 0) < farthest) {
        suggested.set(message, farthest)
        rankMessage(message, text, suggest(text, farthest), storyWords)
      }
      return message.expected ?? []
    },
    suggestForSlip(unknown) {
      const {text, message} = unknown
      const all = withFarSuggestions(text, suggest(text, 'every'), storyWords, (word) => known.correct(word))
      suggested.set(message, 2)
      rankMessage(message, text, all, storyWords, {context: wordContext(unknown)})
      return message.expected ?? []
    },
    casings: (text) => suggest.casings(text),
    dialect
  }
}

/**
 * Give a message suggestions in order of likelihood and say them in its reason.
 *
 * @param message retext-spell's message.
 * @param text The unknown word.
 * @param suggestions Suggestions, unranked.
 * @param storyWords Words the story uses.
 * @param slip For a word reported as a slip: the words beside it (see `rankSuggestions`).
 */
function rankMessage(
  message: VFileMessage,
  text: string,
  suggestions: readonly string[],
  storyWords: ReadonlySet<string>,
  slip?: {context: WordContext}
): void {
  const expected = rankSuggestions(text, suggestions, storyWords, slip)
  message.expected = expected
  // vfile-reporter shows `message`, the JSON report `reason`: keep them one text.
  message.reason = message.message =
    `Unexpected unknown word \`${text}\`` +
    (expected.length > 0 ? ', expected for example ' + expected.map((value) => '`' + value + '`').join(', ') : '')
}

/**
 * The two words each side of an unknown word, to rank its suggestions by: only for a
 * whole word, as written, across white space (a part of `well-know` has its
 * compound beside it, not the sentence's words).
 *
 * @param unknown The word.
 * @returns Its context; empty for a part of a word or a word outside a sentence.
 */
function wordContext({part, word, sentence}: UnknownWord): WordContext {
  if (!sentence || part.afterHyphen || part.beforeHyphen) return {}
  const beside = (from: Word, step: -1 | 1): string | undefined => neighbourWord(from, sentence, step) || undefined
  // The word beyond the one beside, for the model's triples: across white space only, as the one beside.
  const beyond = (step: -1 | 1): string | undefined => {
    const next = sentence.children[nextNonSpace(sentence.children, sentence.children.indexOf(word), step)]
    return next?.type === 'WordNode' ? beside(next, step) : undefined
  }
  return {before: beside(word, -1), after: beside(word, 1), beforeThat: beyond(-1), afterThat: beyond(1)}
}

/**
 * Narrow a finding on a whole word to its wrong parts.
 *
 * @param message retext-spell's finding on the whole word.
 * @param word The word it is about.
 * @param spell Speller to check the parts with.
 * @returns One finding per wrong part, with the part.
 */
async function narrow(message: VFileMessage, word: Word, spell: Speller): Promise<Array<{message: VFileMessage; part: WordPart}>> {
  const parts = wordParts(word)
  const [only] = parts
  if (parts.length === 1 && only && only.text === message.actual) return [{message, part: only}]
  const found = await spell(treeOf(parts.map((part) => part.word)), message.file || undefined)
  return found.flatMap(function (partMessage) {
    const part = parts.find((candidate) => candidate.word === partMessage.ancestors?.at(-1))
    return part ? [{message: partMessage, part}] : []
  })
}

/**
 * Make a one-sentence tree of some words, to check them.
 *
 * @param words Words.
 * @returns Tree.
 */
function treeOf(words: Word[]): Root {
  const sentence: Sentence = {type: 'SentenceNode', children: words}
  return {type: 'RootNode', children: [{type: 'ParagraphNode', children: [sentence]}]}
}

/**
 * Get the speller for a document: retext-spell on a slice of the dictionary
 * holding just the forms its candidate words can match (see
 * `dictionarySlice`), which finds what the whole dictionary finds. Loading
 * the whole dictionary and the names lists into nspell is slow and takes
 * much memory, which a hook on one story would pay on every commit (the
 * hook case of `npm run bench`); a slice of a story's few dozen candidates
 * costs next to nothing.
 *
 * @param candidates The document's words retext-spell is to look at.
 * @param dialect Whose dictionary to use.
 * @param personal Accepted words, one per line.
 * @returns Speller.
 */
function documentSpeller(candidates: SpellCandidates, dialect: Dialect, personal: string): Speller {
  const slice = dictionarySlice(candidates.tree, dialect, personal ? acceptedWords(personal) : undefined)
  return retextSpeller(slice.dictionary, slice.personal)
}

/**
 * Make a speller: retext-spell, attached once, on a dictionary and word list.
 *
 * @param dictionary Hunspell dictionary.
 * @param personal Accepted words, one per line.
 * @returns Speller.
 */
function retextSpeller(dictionary: HunspellDictionary, personal: string): Speller {
  const transform = retextSpell({
    dictionary,
    personal,
    // retext-spell would suggest for every unknown word with nspell (slow:
    // see `suggester.ts` and `npm run bench:suggestions`) and silently stop
    // after `max` in a run (0 means 30).
    // -1 turns them off, without its "no longer suggesting" notice: they
    // come from `suggester`, for the words that need them.
    max: -1,
    // In news copy a lone quoted word is a quotation or scare quote, not a mention of the word.
    ignoreLiteral: false
  }) as unknown as SpellTransform
  return function (tree, filePath) {
    const scratch = new VFile({path: filePath})
    return new Promise(function (resolve, reject) {
      // retext-spell makes a VFileMessage, an Error, for every word it does
      // not know, and V8 captures a stack for each, which vfile-message then
      // throws away (it sets `stack` to ''): that capture stood out in a
      // one-thread profile of the CI case of `npm run bench`. With the
      // dictionary given as data, retext-spell runs synchronously, so the
      // limit is off only for this call.
      const stackTraceLimit = Error.stackTraceLimit
      Error.stackTraceLimit = 0
      try {
        transform(tree, scratch, (error) => (error ? reject(error) : resolve(scratch.messages)))
      } finally {
        Error.stackTraceLimit = stackTraceLimit
      }
    })
  }
}

const suggesters = new Map<Dialect, Map<string, Suggest>>()

/**
 * Get the shared suggester for a dialect and word list, which remembers the
 * suggestions for each word across the files of a run.
 *
 * @param dialect Whose dictionary to suggest from.
 * @param words Accepted words.
 * @param personal The same words, one per line: the key.
 * @returns Suggest.
 */
function suggester(dialect: Dialect, words: readonly string[], personal: string): Suggest {
  // Keyed by the word list itself: V8 keeps the hash of a string it has seen.
  let byPersonal = suggesters.get(dialect)
  if (!byPersonal) suggesters.set(dialect, (byPersonal = new Map()))
  let cached = byPersonal.get(personal)
  if (!cached) {
    const indexes = suggestionIndexes(dialect, words)
    const caches = {1: new Map<string, readonly string[]>(), 2: new Map<string, readonly string[]>(), every: new Map<string, readonly string[]>()}
    const casings = new Map<string, readonly string[]>()
    cached = Object.assign(
      function (word: string, reach: Reach): readonly string[] {
        const cache = caches[reach]
        let suggestions = cache.get(word)
        if (!suggestions) {
          const found = reach === 'every' ? suggest(indexes, word, undefined, 2, true) : suggest(indexes, word, undefined, reach)
          suggestions = withListedCorrections(word, found)
          cache.set(word, suggestions)
        }
        return suggestions
      },
      {
        casings(word: string): readonly string[] {
          let found = casings.get(word)
          if (!found) casings.set(word, (found = knownCasings(indexes, word)))
          return found
        }
      }
    )
    byPersonal.set(personal, cached)
  }
  return cached
}

/**
 * Whether an unknown word is a known word written with accents or ligatures
 * (`hijāb`, `encyclopædia`, `hæmoglobin`): the dictionaries spell them
 * plainly (`encyclopaedia` in British English).
 *
 * @param actual The unknown word.
 * @param personal Accepted words, one per line.
 * @param dialect Whose dictionary the check uses.
 * @returns Whether to accept the word.
 */
function isAccentedSpelling(actual: string, personal: string, dialect: Dialect): boolean {
  // Most unknown words are plain ASCII, which has no accents to take off:
  // no normalising and five replacements for each of them.
  if (isAscii(actual)) return false
  const plain = withoutAccents(actual)
  if (plain === actual) return false
  return dictionaryLookup(dialect, personal).correct(plain) || dictionaryLookup('en-GB').correct(plain)
}
