import type {Root, RootContent} from 'nlcst'
import type {ParseEnglish} from 'parse-english'
import type {Node, Point} from 'unist'
import {sentenceContentToRoot} from './english-root.js'
import {linePoints, type PointAt} from './line-points.js'
import {tokenizeAt} from './tokenize-at.js'

/**
 * A blank line between paragraphs, as parse-latin splits a root at it: only
 * spaces, tabs and at least two line breaks (CRLF counts as one).
 */
const blankLine = /[ \t]*(?:(?:\r\n|\r|\n)[ \t]*){2,}/g

/**
 * The end of a paragraph that closes its last sentence, or has none to close:
 * a word, then perhaps a terminal mark and closing quotes or brackets
 * ("…the port reopened." or a headline such as "Port reopens").
 */
const closedEnd = /[\p{L}\p{N}\p{M}][.!?\u2026\u203D]*["'\u2019\u201D)\]\u00BB]*$/u

/**
 * The start of a paragraph that opens a new sentence: a capital, perhaps after
 * an opening quote or bracket. A paragraph that starts in lower case or with a
 * digit ("and then…", "2020 was…") is merged into the sentence before it by
 * the parser, which changes how that sentence's full stops are read.
 */
const freshStart = /^["'\u2018\u201C(\[]?\p{Lu}/u

/**
 * Parse plain text one run of paragraphs at a time and join the pieces into
 * the tree the parser would have built from the whole document.
 *
 * parse-latin reads a whole document as one flat list of tokens and splices
 * it, which costs time and memory superlinear in its length (the big case
 * of `npm run bench`). The text is cut only at blank lines where no
 * sentence can run across (see `closedEnd` and `freshStart`), and each piece
 * is parsed with the blank lines on both sides of it, so that every token
 * sees the same neighbours as in the whole document.
 *
 * @param doc The document.
 * @param english English parser, with the processor's extensions.
 * @param maxChunk Characters of text a piece grows to before it is cut at the
 *   next safe blank line; `0` cuts at every one.
 * @returns Its natural-language tree, positioned in `doc`.
 */
export function parseTextInChunks(doc: string, english: ParseEnglish, maxChunk = 16_384): Root {
  const children: RootContent[] = []
  const pointAt = linePoints(doc)
  let from = 0
  for (const [gapStart, gapEnd] of blankLines(doc)) {
    if (gapStart - from < maxChunk) continue
    if (!closesParagraph(doc.slice(Math.max(from, gapStart - 64), gapStart))) continue
    if (!opensParagraph(doc.slice(gapEnd, gapEnd + 2))) continue
    appendPiece(children, english, doc.slice(from, gapStart), from, pointAt)
    from = gapStart
  }
  appendPiece(children, english, doc.slice(from), from, pointAt)
  const first = children[0]?.position
  const last = children.at(-1)?.position
  return first && last ? {type: 'RootNode', children, position: {start: first.start, end: last.end}} : {type: 'RootNode', children}
}

/**
 * Whether text ends so that the parser cannot carry its last sentence on
 * into the next paragraph.
 *
 * @param text The end of a paragraph.
 * @returns Whether it does.
 */
export function closesParagraph(text: string): boolean {
  return closedEnd.test(text)
}

/**
 * Whether text starts so that the parser cannot merge its first sentence
 * into the paragraph before.
 *
 * @param text The start of a paragraph.
 * @returns Whether it does.
 */
export function opensParagraph(text: string): boolean {
  return freshStart.test(text)
}

/**
 * Find the blank lines of a document.
 *
 * @param doc The document.
 * @returns Start and end offsets of each, in order.
 */
function* blankLines(doc: string): Generator<[number, number]> {
  for (const match of doc.matchAll(blankLine)) {
    const start = match.index
    // A blank line only separates paragraphs between two pieces of text.
    if (start === 0 || start + match[0].length === doc.length) continue
    // "word \n\n": the space before the break is part of the same white space.
    if (/\s/.test(doc.charAt(start - 1)) || /\s/.test(doc.charAt(start + match[0].length))) continue
    yield [start, start + match[0].length]
  }
}

/**
 * Parse one piece and add its nodes to the root's children at their place in
 * the document.
 *
 * The piece is tokenized and placed in the document in one step
 * (`tokenizeAt`), as Markdown text is, rather than parsed from its own
 * start and moved: parse-latin's tokenizer and the move were a sixth of
 * the big case of `npm run bench`.
 *
 * @param children Children of the root being built.
 * @param english English parser.
 * @param piece The piece: the blank line before it, if any, and its paragraphs.
 * @param offset Where it starts in the document.
 * @param pointAt Points of the document.
 */
function appendPiece(children: RootContent[], english: ParseEnglish, piece: string, offset: number, pointAt: PointAt): void {
  if (piece.length === 0) return
  const tokens = tokenizeAt(english, piece, offset, pointAt)
  let root: Root
  if (tokens) {
    root = sentenceContentToRoot(english, tokens)
  } else {
    root = english.parse(piece)
    const start = pointAt(offset)
    if (start) shiftTree(root, start)
  }
  for (const node of root.children) children.push(node)
}

/**
 * Move a tree parsed from a slice to where the slice stands in the document.
 *
 * Every node gets points of its own: the parser shares point objects between
 * nodes, which would otherwise be moved twice.
 *
 * @param tree Tree positioned from the start of the slice.
 * @param base Where the slice starts in the document.
 */
export function shiftTree(tree: Node, base: Point): void {
  if (base.offset === 0) return
  // A plain walk: `unist-util-visit` costs a closure per node, which shows on big files.
  const stack: Node[] = [tree]
  let node: Node | undefined
  while ((node = stack.pop())) {
    const position = node.position
    if (position) node.position = {start: shiftPoint(position.start, base), end: shiftPoint(position.end, base)}
    // A loop, not `push(...children)`: spreading a node of 200,000 children overflows the stack.
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children as Node[]) stack.push(child)
  }
}

/**
 * Move one point.
 *
 * @param point Point from the start of the slice.
 * @param base Where the slice starts.
 * @returns The point in the document.
 */
function shiftPoint(point: Point, base: Point): Point {
  return {
    line: point.line + base.line - 1,
    column: point.line === 1 ? point.column + base.column - 1 : point.column,
    offset: (point.offset ?? 0) + (base.offset ?? 0)
  }
}
