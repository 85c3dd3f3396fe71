import type {Root, Word} from 'nlcst'
import {type AcceptedWords, type Dialect, dialectForms, type HunspellDictionary, publishedDictionary} from '../words/dictionary.js'
import {lookupForms} from '../words/nspell-forms.js'
import {wordParts} from './word-parts.js'
import {wordText} from './word-text.js'
import {eachNode} from './each-node.js'

/** A dictionary cut down to one document's words, with the accepted words among them. */
export interface DictionarySlice {
  /** The affix file and the word forms the document can match. */
  dictionary: HunspellDictionary
  /** The accepted words the document can match, one per line. */
  personal: string
  /** How many words the document has. */
  wordCount: number
}

/**
 * Cut the part of a dictionary that one document can match, for retext-spell.
 *
 * retext-spell builds nspell from the whole dictionary when it is attached:
 * some 120,000 forms and 20,000 names, a load which a hook checking one
 * story pays on every commit (the hook case of `npm run bench`). nspell only
 * ever looks a word up as written, in sentence case (if all capitals) and in
 * lowercase; so a dictionary holding just those forms of the document's
 * words, and the forms that make up the compound rules (ordinals such as
 * `21st`), gives retext-spell the same answer on every word of the document,
 * for next to nothing. The words are every word of the document as
 * retext-spell reads it (curly apostrophes straight), each text piece of a
 * word (it checks those when the whole word fails), and each part of a word
 * as the spell check narrows a finding to (`anti-Lukasgenko` → `Lukasgenko`).
 *
 * @param tree The document's tree.
 * @param dialect Whose dictionary.
 * @param accepted The accepted words.
 * @returns The slice.
 */
export function dictionarySlice(tree: Root, dialect: Dialect, accepted: AcceptedWords | undefined): DictionarySlice {
  const forms = dialectForms(dialect)
  const lines = new Set(forms.compoundLines())
  const personal = new Set<string>()
  const seen = new Set<string>()
  let wordCount = 0

  const add = function (text: string): void {
    if (seen.has(text)) return
    seen.add(text)
    for (const variant of lookupForms(text)) {
      const line = forms.line(variant)
      if (line !== undefined) lines.add(line)
      if (accepted?.has(variant)) personal.add(variant)
    }
  }

  eachNode<Word>(tree, 'WordNode', function (word) {
    wordCount++
    add(wordText(word))
    for (const child of word.children) if (child.type === 'TextNode') add(child.value)
    for (const part of wordParts(word)) add(part.text)
  })

  return {
    dictionary: {aff: sliceAffix(dialect), dic: Buffer.from(lines.size + '\n' + [...lines].join('\n'))},
    personal: [...personal].join('\n'),
    wordCount
  }
}

const sliceAffixes = new Map<Dialect, Uint8Array>()

/**
 * A dialect's affix file without its prefix and suffix rules and what
 * only suggestions use, for slices.
 *
 * The forms of a slice are written out already, without the flags of the
 * rules that made them (see `compileForms`), so nspell never applies a rule
 * to them; but it parsed every rule again, compiling a regex for each, for
 * every story's slice, the bulk of building a slice (a profile of the CI
 * case of `npm run bench` shows it). The replacement table (`REP`,
 * 90 lines) and the letters to try (`TRY`, which nspell sorts through
 * letter by letter) serve only nspell's `suggest`, which retext-spell is
 * told never to call. The few lines left stay: ICONV, the compound rules
 * and ONLYINCOMPOUND decide how nspell reads the slice's words. Comments
 * and blank lines go.
 *
 * @param dialect Dialect.
 * @returns The affix file, without `PFX`, `SFX`, `REP` and `TRY` lines.
 */
export function sliceAffix(dialect: Dialect): Uint8Array {
  let affix = sliceAffixes.get(dialect)
  if (!affix) {
    const lines = new TextDecoder().decode(publishedDictionary(dialect).aff).split('\n')
    // A rule or table is a header line and its entries, each starting with its kind.
    const kept = lines.filter((line) => !/^(?:PFX|SFX|REP|TRY)\s/.test(line) && !/^\s*(?:#|$)/.test(line))
    affix = Buffer.from(kept.join('\n'))
    sliceAffixes.set(dialect, affix)
  }
  return affix
}
