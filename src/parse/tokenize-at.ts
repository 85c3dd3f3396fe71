/**
 * Tokenize text into sentence content positioned where it stands in a file.
 *
 * A port of `tokenize` from parse-latin 7.0.0
 * (<https://github.com/wooorm/parse-latin>, MIT licence, © Titus Wormer),
 * the method parse-english inherits. parse-latin tests each character
 * against up to three large expressions and counts lines and columns from
 * the start of the text, positions that a Markdown converter then throws
 * away for positions in the file. Here each character's class is asked of
 * the parser once and kept in a table, and each token is positioned in the
 * file directly, sharing the point between neighbours.
 */
import type {SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import type {Point} from 'unist'
import type {PointAt} from './line-points.js'

/** Class of a character, as parse-latin reads it; `0` not yet known. */
const enum CharClass {
  Unknown = 0,
  Word = 1,
  WhiteSpace = 2,
  Punctuation = 3,
  Symbol = 4
}

/** nlcst types of the classes of characters. */
const typeOfClass = ['SymbolNode', 'WordNode', 'WhiteSpaceNode', 'PunctuationNode', 'SymbolNode'] as const

/** Classes of the UTF-16 code units seen so far (parse-latin reads text a code unit at a time). */
const classes = new Uint8Array(0x10000)

/** The `tokenize` the port follows; a parser with another falls back to its own. */
const latinTokenize = ParseEnglish.prototype.tokenize

/**
 * Tokenize text as the parser does, each token positioned from an offset in
 * a file as if the text stood there unchanged.
 *
 * @param english English parser.
 * @param value Text.
 * @param offset Offset in the file where the text starts.
 * @param pointAt Points of the file.
 * @returns Sentence content, or `undefined` when the parser tokenizes in a
 *   way of its own, for the caller to position `english.tokenize(value)`.
 */
export function tokenizeAt(english: ParseEnglish, value: string, offset: number, pointAt: PointAt): SentenceContent[] | undefined {
  if (english.tokenize !== latinTokenize) return undefined
  const tokens: SentenceContent[] = []
  let from = 0
  let startPoint = pointAt(offset)
  let previousClass = CharClass.Unknown
  let previousCode = -1
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    const currentClass = classOf(english, code)
    // Words and white space run on; punctuation and symbols only with the
    // same character again (`--`, `...`) or the rest of a surrogate pair.
    const continues =
      currentClass === previousClass &&
      (currentClass === CharClass.Word ||
        currentClass === CharClass.WhiteSpace ||
        code === previousCode ||
        (code >= 0xd800 && code <= 0xdfff))
    if (index > from && !continues) {
      const endPoint = pointAt(offset + index)
      tokens.push(token(previousClass, value.slice(from, index), startPoint, endPoint))
      from = index
      startPoint = endPoint
    }
    previousClass = currentClass
    previousCode = code
  }
  if (from < value.length) tokens.push(token(previousClass, value.slice(from), startPoint, pointAt(offset + value.length)))
  return tokens
}

/**
 * The class of a code unit: asked of the parser the first time (a text of
 * that one code unit makes one token of its class), from the table after.
 *
 * @param english English parser.
 * @param code UTF-16 code unit.
 * @returns Its class.
 */
function classOf(english: ParseEnglish, code: number): CharClass {
  let known = classes[code] as CharClass
  if (known === CharClass.Unknown) {
    const type = english.tokenize(String.fromCharCode(code))[0]?.type
    known =
      type === 'WordNode'
        ? CharClass.Word
        : type === 'WhiteSpaceNode'
          ? CharClass.WhiteSpace
          : type === 'PunctuationNode'
            ? CharClass.Punctuation
            : CharClass.Symbol
    classes[code] = known
  }
  return known
}

/**
 * Make one token, with its fields in parse-latin's order.
 *
 * @param charClass Class of its characters.
 * @param value Its text.
 * @param start Where it starts in the file, if there.
 * @param end Where it ends in the file, if there.
 * @returns The token; a word with one text node.
 */
function token(charClass: CharClass, value: string, start: Point | undefined, end: Point | undefined): SentenceContent {
  if (charClass === CharClass.Word) {
    return {
      type: 'WordNode',
      children: [{type: 'TextNode', value, position: start && end ? {start, end} : undefined}],
      position: start && end ? {start, end} : undefined
    }
  }
  return {type: typeOfClass[charClass], value, position: start && end ? {start, end} : undefined}
}
