import type {Root, SentenceContent, Source, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {eachSentence} from '../analyse/each-sentence.js'

/** Closing quotation marks that may stand between a quoted word and `[sic]`: `"Belrusian" [sic]`. */
const closingQuotes = new Set(['"', "'", '\u2019', '\u201D', '\u00BB'])

/**
 * Set aside a word marked `[sic]`, and the `sic` itself, as source that no
 * rule checks.
 *
 * `[sic]` says the copy quotes a misspelling on purpose (`the sign said
 * Belrusian [sic]`): it must not be reported, and it must not count as a
 * spelling of a name, or the story's own `Belarusian` would look like the
 * variant. Written `[sic]`, `[sic.]`, `[Sic]`, `[sic!]`, with or without a
 * space (`Belrusian[sic]`), or after a closing quote. Runs before
 * `joinBracketed`, which would otherwise take `Belrusian[sic]` for an
 * insertion.
 *
 * @returns Transform.
 */
export default function markSic(): (tree: Root) => undefined {
  return function (tree) {
    // Sentences only, not their words, and a plain loop that passes over
    // everything but a `[`: a closure and a call per node of every sentence,
    // as eachNode makes into every word, showed in profiles of the ci case.
    eachSentence(tree, function (sentence) {
      const children = sentence.children
      for (let index = 0; index < children.length; index++) {
        const child = children[index]
        if (child?.type !== 'PunctuationNode' || child.value !== '[') continue
        const end = sicEnd(children, index)
        if (end === undefined) continue
        const word = wordBefore(children, index)
        if (word !== undefined) children[word] = toSource(children[word] as Word)
        // `[Sic]` is no name to compare `Sick` with.
        children[index + 1] = toSource(children[index + 1] as Word)
      }
    })
  }
}

/**
 * Whether a `[sic]` starts at a child of a sentence.
 *
 * @param children Content of the sentence.
 * @param index Where the `[` would be.
 * @returns Index of the closing `]`, if `[sic]` is there.
 */
function sicEnd(children: SentenceContent[], index: number): number | undefined {
  const open = children[index]
  const sic = children[index + 1]
  if (open?.type !== 'PunctuationNode' || open.value !== '[' || sic?.type !== 'WordNode') return undefined
  // The parser keeps the stop of `[sic.]` on the word.
  if (!/^sic\.?$/i.test(toString(sic))) return undefined
  let end = index + 2
  // `[sic!]`
  if (isPunctuation(children[end], ['.', '!'])) end++
  return isPunctuation(children[end], [']']) ? end : undefined
}

/**
 * Find the word that a `[sic]` marks: right before it, with nothing but
 * white space or closing quotes between.
 *
 * @param children Content of the sentence.
 * @param open Index of the `[`.
 * @returns Index of the word, if there is one.
 */
function wordBefore(children: SentenceContent[], open: number): number | undefined {
  for (let index = open - 1; index >= 0; index--) {
    const child = children[index]
    if (child?.type === 'WordNode') return index
    if (child?.type === 'WhiteSpaceNode') continue
    if (child?.type === 'PunctuationNode' && closingQuotes.has(child.value)) continue
    return undefined
  }
  return undefined
}

/**
 * Whether a node is one of some punctuation marks.
 *
 * @param node Node.
 * @param marks Marks.
 * @returns Whether it is.
 */
function isPunctuation(node: SentenceContent | undefined, marks: readonly string[]): boolean {
  return node?.type === 'PunctuationNode' && marks.includes(node.value)
}

/**
 * Make a source node of a word.
 *
 * @param word Word.
 * @returns Source node with its text and place.
 */
function toSource(word: Word): Source {
  const value = toString(word)
  return word.position ? {type: 'SourceNode', value, position: word.position} : {type: 'SourceNode', value}
}
