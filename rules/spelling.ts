import dictionary from 'dictionary-en'
import type {Root, Sentence, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import retextSpell from 'retext-spell'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {defineRule} from '../src/define-rule.js'
import {editDistance} from '../src/edit-distance.js'
import {setSeverity} from '../src/severity.js'
import {isTolerated, toleratedFragments} from '../src/tolerated.js'
import {type WordPart, wordParts} from '../src/word-parts.js'

/** Options of the `spelling` rule. */
export interface SpellingOptions {
  /** Extra words to accept (and to offer as suggestions), case kept. */
  words?: readonly string[] | undefined
}

type SpellTransform = (tree: Root, file: VFile, next: (error?: Error) => void) => void

/** Runs retext-spell over a tree and gives back what it reported. */
type Speller = (tree: Root, filePath: string | undefined) => Promise<VFileMessage[]>

/**
 * retext-spell builds its checker when attached, which costs about 150 ms for
 * dictionary-en; unified-engine attaches plugins once per file, so share one
 * transform per word list across the run.
 */
const transforms = new Map<string, SpellTransform>()

/**
 * Flag words that are in neither the spelling dictionary (dictionary-en, via
 * retext-spell) nor the accepted word lists.
 *
 * retext-spell checks whole words (`anti-Lukasgenko`, `Putin's`); a finding
 * is then narrowed to the parts that are wrong, so that it covers exactly
 * `Lukasgenko`.
 *
 * Severity until the name rules land: a lowercase word with a close
 * dictionary suggestion (`theh` → `the`) is an error; any other unknown word,
 * most often a name, is a warning.
 */
export default defineRule<SpellingOptions>(
  {id: 'spelling', description: 'Words not in the dictionary or the accepted word lists'},
  function (options) {
    const spell = speller(options?.words ?? [])
    const tolerated = toleratedFragments()
    return async function (tree, file) {
      for (const found of await spell(tree, file.path)) {
        const [sentence, word] = (found.ancestors ?? []) as [Sentence | undefined, Word | undefined]
        for (const {message, part} of await narrow(found, word, spell)) {
          const actual = message.actual ?? ''
          // "G7", "1990s", "MH17": codes and figures, not words to spell.
          if (/\d/.test(actual)) continue
          // "Зеленський", "و": an English dictionary has nothing to say about other scripts.
          if (!/\p{Script=Latin}/u.test(actual)) continue
          if (word && isTolerated(part, word, sentence, tolerated)) continue
          if (isAccentedSpelling(message)) continue
          setSeverity(message, isLikelySlip(message) ? 'error' : 'warning')
          file.messages.push(message)
        }
      }
    }
  }
)

/**
 * Narrow a finding on a whole word to its wrong parts.
 *
 * @param message retext-spell's finding on the whole word.
 * @param word The word it is about.
 * @param spell Speller to check the parts with.
 * @returns One finding per wrong part, with the part.
 */
async function narrow(
  message: VFileMessage,
  word: Word | undefined,
  spell: Speller
): Promise<Array<{message: VFileMessage; part: WordPart}>> {
  if (!word) return []
  const parts = wordParts(word)
  const [only] = parts
  if (parts.length === 1 && only && toString(only.word) === message.actual) return [{message, part: only}]
  const sentence: Sentence = {type: 'SentenceNode', children: parts.map((part) => part.word)}
  const root: Root = {type: 'RootNode', children: [{type: 'ParagraphNode', children: [sentence]}]}
  const found = await spell(root, message.file || undefined)
  return found.flatMap(function (partMessage) {
    const part = parts.find((candidate) => candidate.word === partMessage.ancestors?.at(-1))
    return part ? [{message: partMessage, part}] : []
  })
}

/**
 * Make the speller for a list of accepted words, sharing retext-spell's
 * transform (and so its checker and suggestion cache) across the run.
 *
 * @param words Accepted words.
 * @returns The speller.
 */
function speller(words: readonly string[]): Speller {
  const personal = [...new Set(words)].join('\n')
  let transform = transforms.get(personal)
  if (!transform) {
    // Suggestions must never silently stop: retext-spell's default stops after 30 per run.
    transform = retextSpell({
      dictionary,
      personal,
      max: Number.POSITIVE_INFINITY,
      // In news copy a lone quoted word is a quotation or scare quote, not a mention of the word.
      ignoreLiteral: false
    }) as unknown as SpellTransform
    transforms.set(personal, transform)
  }
  const spell = transform
  return function (tree, filePath) {
    const scratch = new VFile({path: filePath})
    return new Promise(function (resolve, reject) {
      spell(tree, scratch, (error) => (error ? reject(error) : resolve(scratch.messages)))
    })
  }
}

/**
 * Whether an unknown word is a known word written with accents or ligatures
 * (`hijāb`, `encyclopædia`): dictionary-en spells them plainly, and offers
 * the plain form as a suggestion.
 *
 * @param message retext-spell's message.
 * @returns Whether to accept the word.
 */
function isAccentedSpelling(message: VFileMessage): boolean {
  const actual = message.actual ?? ''
  const plain = withoutAccents(actual)
  return plain !== actual && (message.expected ?? []).some((suggestion) => suggestion.toLowerCase() === plain.toLowerCase())
}

/**
 * Write a word without accents and ligatures.
 *
 * @param word Word.
 * @returns `hijāb` → `hijab`, `encyclopædia` → `encyclopaedia`.
 */
function withoutAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'Ae')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
}

/**
 * Whether an unknown word looks like a keyboard slip in an ordinary word:
 * lowercase, with a dictionary suggestion one edit away (two for words of
 * more than four letters).
 *
 * @param message retext-spell's message.
 * @returns Whether to report it as an error.
 */
function isLikelySlip(message: VFileMessage): boolean {
  const actual = message.actual ?? ''
  if (actual !== actual.toLowerCase() || !/\p{L}/u.test(actual)) return false
  const limit = actual.length > 4 ? 2 : 1
  return (message.expected ?? []).some(
    (suggestion) => editDistance(actual, suggestion.toLowerCase(), limit) <= limit
  )
}
