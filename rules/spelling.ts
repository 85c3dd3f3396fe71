import dictionary from 'dictionary-en'
import type {Root} from 'nlcst'
import retextSpell from 'retext-spell'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {defineRule} from '../src/define-rule.js'
import {editDistance} from '../src/edit-distance.js'
import {dictionaryFile} from '../src/package-info.js'
import {setSeverity} from '../src/severity.js'
import {readWordList} from '../src/word-list.js'

/** Options of the `spelling` rule. */
export interface SpellingOptions {
  /** Extra words to accept (and to offer as suggestions), case kept. */
  words?: readonly string[] | undefined
}

type SpellTransform = (tree: Root, file: VFile, next: (error?: Error) => void) => void

/**
 * Fragments accepted but never suggested (`de` in "Charles de Gaulle", `pre`
 * in "pre-election"), from `dictionaries/tolerated.txt`.
 */
const tolerated = readWordList(dictionaryFile('tolerated.txt'))

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
 * Severity until the name rules land: a lowercase word with a close
 * dictionary suggestion (`theh` → `the`) is an error; any other unknown word,
 * most often a name, is a warning.
 */
export default defineRule<SpellingOptions>(
  {id: 'spelling', description: 'Words not in the dictionary or the accepted word lists'},
  function (options) {
    const spell = spellTransform(options?.words ?? [])
    return async function (tree, file) {
      const before = file.messages.length
      await new Promise<void>(function (resolve, reject) {
        spell(tree, file, (error) => (error ? reject(error) : resolve()))
      })
      const added = file.messages.splice(before)
      for (const message of added) {
        const actual = message.actual ?? ''
        // "G7", "1990s", "MH17": codes and figures, not words to spell.
        if (/\d/.test(actual)) continue
        // "Зеленський", "و": an English dictionary has nothing to say about other scripts.
        if (!/\p{Script=Latin}/u.test(actual)) continue
        setSeverity(message, isLikelySlip(message) ? 'error' : 'warning')
        file.messages.push(message)
      }
    }
  }
)

/**
 * Get the shared retext-spell transform for a list of accepted words.
 *
 * @param words Accepted words.
 * @returns retext-spell's transform.
 */
function spellTransform(words: readonly string[]): SpellTransform {
  const personal = [...new Set(words)].join('\n')
  let transform = transforms.get(personal)
  if (!transform) {
    // Suggestions must never silently stop: retext-spell's default stops after 30 per run.
    transform = retextSpell({
      dictionary,
      personal,
      ignore: tolerated,
      max: Number.POSITIVE_INFINITY,
      // In news copy a lone quoted word is a quotation or scare quote, not a mention of the word.
      ignoreLiteral: false
    }) as unknown as SpellTransform
    transforms.set(personal, transform)
  }
  return transform
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
