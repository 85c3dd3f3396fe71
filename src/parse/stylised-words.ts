/**
 * A word written with a symbol for a letter: stylised (`In$ane`, `Ke$ha`,
 * `ca$h`) or censored (`f*cking`, `sh*t`, `f**k`). A reader sees one word;
 * the tokenizer sees two words and a symbol between them, and the spell
 * check would report the pieces (`ane`, `cking`) as slips. The parser joins
 * such pieces into one word, the symbol kept in its text, and the spell
 * check leaves a word with such a symbol alone: it is written that way on
 * purpose, and no dictionary spells it.
 */
import type {Sentence, SentenceContent} from 'nlcst'
import {joinWordsAcross} from './words-across-markup.js'

/** A letter, a run of `$` or `*`, a letter: somewhere in the story a word may be written so. */
const symbolInWord = /\p{L}(?:\$|\*+)\p{L}/u

/** A symbol node that stands for a letter inside a word. */
const letterSymbol = /^(?:\$|\*+)$/

/**
 * Whether a text has a symbol standing for a letter inside a word: a word
 * stylised or censored so, or a story with one somewhere, whose parser then
 * needs `joinStylisedWords` (most stories have none).
 *
 * @param text A word or a story.
 * @returns Whether it has one.
 */
export function hasStylisedWord(text: string): boolean {
  return symbolInWord.test(text)
}

/**
 * A sentence plugin for the English parser: join a word, a `$` or a run of
 * `*` right after it and the word right after that into one word
 * (`In`, `$`, `ane` is the word `In$ane`).
 *
 * @param sentence A sentence, changed in place.
 */
export const joinStylisedWords: (sentence: Sentence) => undefined = joinWordsAcross(isLetterSymbol, true)

/**
 * Whether a node is a symbol that stands for a letter inside a word, as the tokenizer makes one.
 *
 * @param node Sentence content.
 * @returns Whether it is.
 */
function isLetterSymbol(node: SentenceContent | undefined): boolean {
  return node?.type === 'SymbolNode' && letterSymbol.test(node.value)
}
