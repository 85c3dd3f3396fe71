/**
 * A word with an invisible character inside it: `a\u200B\u200Bnd`, pasted
 * from a web page or a chat, or `co\u00ADoperate` with a soft hyphen. A
 * reader sees one word (`and`, `cooperate`); the tokenizer sees two words
 * and a symbol between them, and the spell check would report `nd`. The
 * parser joins such pieces into one word, as it joins a word written
 * across inline markup (see words-across-markup.ts): the invisible
 * characters are left out of the word's text, and its text nodes keep
 * their own places, so the word spans the source from its first letter to
 * its last, the invisible characters included. A finding on it then covers
 * the word as written, and is not fixed (see `actualAsWritten`): a fix
 * would rewrite characters the writer cannot see.
 */
import type {Sentence, SentenceContent} from 'nlcst'
import {joinWordsAcross} from './words-across-markup.js'

/**
 * Characters that show nothing and do not end a word: soft hyphen,
 * zero-width space, zero-width non-joiner and joiner, word joiner, and a
 * byte order mark (a zero-width no-break space) inside the text.
 */
const invisibleCharacters = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/

/** A run of invisible characters only. */
const invisibleRun = new RegExp(`^${invisibleCharacters.source}+$`)

/**
 * Whether a text has an invisible character anywhere, so that its parser
 * needs `joinWordsAcrossInvisibles`; most stories have none, and their
 * sentences are not looked through again.
 *
 * @param text The source.
 * @returns Whether it has one.
 */
export function hasInvisibleCharacters(text: string): boolean {
  return invisibleCharacters.test(text)
}

/**
 * A sentence plugin for the English parser, to run before its own: join a
 * word, the invisible characters after it and the word after them into one
 * word, leaving the invisible characters out (`a`, `\u200B\u200B`, `nd` is
 * the word `and`). Invisible characters not between two words (after the
 * last word of a sentence) are left as they are.
 *
 * @param sentence A sentence, changed in place.
 */
export const joinWordsAcrossInvisibles: (sentence: Sentence) => undefined = joinWordsAcross(isInvisible, false)

/**
 * Whether a node is a run of invisible characters only, as the tokenizer
 * makes one: a symbol.
 *
 * @param node Sentence content.
 * @returns Whether it is.
 */
function isInvisible(node: SentenceContent | undefined): boolean {
  return node?.type === 'SymbolNode' && invisibleRun.test(node.value)
}
