import type {Sentence, SentenceContent, Source} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import type {Processor} from 'unified'
import type {Point} from 'unist'
import {eachNode} from '../analyse/each-node.js'

/** What a URL, domain or e-mail address has and an ordinary word never does. */
const urlShape = /:\/\/|^www\.|^localhost:|@[^@]+\.\p{L}{2,}|[\p{L}\d-]\.\p{L}{2,}/u

/**
 * Undo retext-syntax-urls where it took a word for a URL.
 *
 * retext-syntax-urls (4.0.0) joins a word, its full stop and the mark after
 * it into one "URL" whenever no space follows the stop, so the last word of
 * most quotations (`… it was tham."`, `(… soon.)`, `word.[1]`) was never
 * spell-checked. Such a node has no URL shape; it is split back into words
 * here, right after retext-syntax-urls runs on each sentence.
 *
 * @this {Processor} Processor (after retext-syntax-urls).
 */
export default function restoreNonUrls(this: Processor): undefined {
  const tokenizer = new ParseEnglish()
  const extensions = this.data('nlcstSentenceExtensions') ?? []
  this.data('nlcstSentenceExtensions', extensions)
  // parse-latin runs sentence extensions on a whole paragraph's tokens,
  // thousands of them, before it splits sentences; a few are to split.
  // Splicing those in place, last first, beats copying every token into a
  // new list, which showed in profiles of the ci case of `npm run bench`.
  extensions.push(function (sentence: Sentence) {
    const {children} = sentence
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index]
      if (child?.type === 'SourceNode' && isMistakenUrl(child)) children.splice(index, 1, ...retokenize(tokenizer, child))
    }
  })
}

/**
 * Whether a source node is a word that retext-syntax-urls took for a URL.
 *
 * Inline code (`` `x` ``) and `@handles` are source nodes too, and stay.
 *
 * @param node Source node.
 * @returns Whether to split it back into words.
 */
function isMistakenUrl(node: Source): boolean {
  return !/^[`@]/.test(node.value) && !urlShape.test(node.value) && node.position !== undefined
}

/**
 * Tokenize the text of a source node again, in place.
 *
 * A node from retext-syntax-urls never spans a line break, so its tokens are
 * placed by moving columns and offsets only.
 *
 * @param tokenizer English tokenizer.
 * @param node Source node with a position.
 * @returns Its words and marks, positioned in the document.
 */
function retokenize(tokenizer: ParseEnglish, node: Source): SentenceContent[] {
  const start = node.position?.start
  if (!start || start.offset === undefined) return [node]
  const base = {line: start.line, column: start.column, offset: start.offset}
  const tokens = tokenizer.tokenize(node.value)
  for (const token of tokens) {
    eachNode(token, undefined, function (part) {
      if (!part.position) return
      part.position = {start: moved(base, part.position.start), end: moved(base, part.position.end)}
    })
  }
  return tokens
}

/**
 * Move a point in the node's own text to the document.
 *
 * @param base Where the node starts in the document.
 * @param point Point relative to the node's text.
 * @returns Point in the document.
 */
function moved(base: {line: number; column: number; offset: number}, point: Point): Point {
  const offset = point.offset ?? 0
  return {line: base.line, column: base.column + offset, offset: base.offset + offset}
}
