import type {Root as MdastRoot} from 'mdast'
import type {Node, Point} from 'unist'
import {shiftTree} from './chunks.js'
import {topLevelStarts} from './markdown-block-starts.js'

/** A line that may define a link reference or footnote (`[id]: …`, `[^1]: …`), in any container. */
const definitionLike = /^[ \t>*+\-\d.)]*\[[^\]\n]*\]:/m

/**
 * Parse Markdown a run of top-level blocks at a time and join the pieces into
 * the tree the parser builds from the whole document.
 *
 * micromark keeps events, tokens and a tokenizer per paragraph for a whole
 * document until it ends, so a story of very many short paragraphs took
 * time and memory out of all proportion parsed whole (test/huge-input.test.ts
 * has such a story).
 *
 * The source is cut only at the start of a line that begins with a letter
 * after a blank line: there every open paragraph, list, quote and table has
 * ended, and the line starts a new top-level block. Lines inside fenced code,
 * HTML blocks that run across blank lines, and front matter are never cut.
 * Link references and footnotes are defined for the whole document, so a
 * document that may define any is parsed whole.
 *
 * Paragraphs of plain text there (see `plainParagraphs`) are not given to
 * the parser at all (see `parseAroundPlainParagraphs`).
 *
 * @param doc The Markdown source.
 * @param parse Parser of a whole Markdown document.
 * @param maxChunk Characters a piece grows to before it is cut at the next
 *   safe line; `0` cuts at every one.
 * @returns The Markdown tree, positioned in `doc`.
 */
export function parseMarkdownInPieces(doc: string, parse: (source: string) => MdastRoot, maxChunk = 65_536): MdastRoot {
  const paragraphs = plainParagraphs(doc)
  if (paragraphs.length > 0) {
    const tree = parseAroundPlainParagraphs(doc, paragraphs, (source) => parseCutting(source, parse, maxChunk))
    if (tree) return tree
  }
  return parseCutting(doc, parse, maxChunk)
}

/**
 * Parse Markdown a piece at a time (see `parseMarkdownInPieces`).
 *
 * @param doc The Markdown source.
 * @param parse Parser of a whole Markdown document.
 * @param maxChunk Characters a piece grows to before it is cut.
 * @returns The Markdown tree, positioned in `doc`.
 */
function parseCutting(doc: string, parse: (source: string) => MdastRoot, maxChunk: number): MdastRoot {
  const cuts = markdownCuts(doc, maxChunk)
  if (cuts.length === 0) return parse(doc)
  const children: MdastRoot['children'] = []
  let from: Point = {line: 1, column: 1, offset: 0}
  let last: MdastRoot | undefined
  for (const to of [...cuts, undefined]) {
    const piece = parse(doc.slice(from.offset, to?.offset))
    shiftTree(piece, from)
    for (const node of piece.children) children.push(node)
    last = piece
    if (to) from = to
  }
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end: {...last!.position!.end}}}
}

/**
 * Find where a Markdown document may be cut into pieces that parse alone as
 * they do in the whole (see `parseMarkdownInPieces`).
 *
 * @param doc The Markdown source.
 * @param maxChunk Characters a piece grows to before the next cut.
 * @returns The points where pieces start, after the first, in order.
 */
export function markdownCuts(doc: string, maxChunk: number): Point[] {
  const cuts: Point[] = []
  if (definitionLike.test(doc)) return cuts
  let pieceStart = 0
  for (const start of blockStarts(doc)) {
    if (start.offset - pieceStart < maxChunk) continue
    cuts.push(start)
    pieceStart = start.offset
  }
  return cuts
}

/**
 * Find the lines where a top-level block starts with a letter after a blank
 * line (see `topLevelStarts`): every container has ended before such a line,
 * and it starts a paragraph.
 *
 * @param doc The Markdown source.
 * @yields Where each such line starts, in order.
 */
function* blockStarts(doc: string): Generator<Point & {offset: number}> {
  for (const start of topLevelStarts(doc)) {
    if (start.offset > 0 && /^\p{L}/u.test(doc.slice(start.offset, start.offset + 2))) yield start
  }
}

/** A paragraph of plain text in a Markdown source: where it starts and ends. */
export interface PlainParagraph {
  start: Point & {offset: number}
  end: Point & {offset: number}
}

/**
 * Anything in a paragraph that micromark could read as more than text:
 * inline markup (emphasis, code, links, images, HTML, autolinks, escapes,
 * strikethrough), a character reference, an autolink literal (an address,
 * `www.`, `http://`), a table's pipe, or a character it changes (NUL) or
 * reads as white space (tab, CR). An `!` is left in: it opens an image only
 * before a `[`.
 */
const markupInParagraph = /[*<[\]\\_`~@|\t\r\0]|&#?[\dA-Za-z]+;|www\.|https?:\/\//i

/**
 * A line that micromark would not read as one more line of text of the
 * paragraph: white space at either end (an indent, a hard break), or a
 * start that opens a block or underlines a heading (`#`, `>`, `-`, `+`,
 * `*`, `=`, `:`, `1.`, `2)`).
 */
const notPlainLine = /^[\s#>\-+*=:]|[ \t]$|^\d+[.)]/m

/**
 * Find the paragraphs of a Markdown source that are plain text: micromark
 * would make each one paragraph holding one text node whose value is the
 * source as written.
 *
 * Each starts a top-level block with a letter after a blank line (see
 * `blockStarts`) and ends before the next blank line or at the end; none of
 * its lines starts or ends with white space or starts a block, and it holds
 * no markup (see `markupInParagraph`, `notPlainLine`). Most paragraphs of
 * a story without links or emphasis are such.
 *
 * @param doc The Markdown source.
 * @returns The paragraphs, in order.
 */
export function plainParagraphs(doc: string): PlainParagraph[] {
  const paragraphs: PlainParagraph[] = []
  for (const start of blockStarts(doc)) {
    const blank = /\n[ \t]*(?:\n|$)/g
    blank.lastIndex = start.offset
    const found = blank.exec(doc)
    // Without a blank line after it, the paragraph runs to the end of the document.
    const endOffset = found ? found.index : doc.length
    const text = doc.slice(start.offset, endOffset)
    if (markupInParagraph.test(text) || notPlainLine.test(text)) continue
    const lastBreak = text.lastIndexOf('\n')
    const lines = text.split('\n').length
    const end = {line: start.line + lines - 1, column: text.length - lastBreak, offset: endOffset}
    paragraphs.push({start, end})
  }
  return paragraphs
}

/** What stands in for a plain paragraph in the source the parser is given: a paragraph of one letter. */
const standIn = 'x'

/**
 * Parse Markdown with its plain paragraphs (see `plainParagraphs`) made
 * without the parser: each is given to the parser as a one-letter paragraph,
 * which ends the same blocks and containers, and is then replaced by the
 * paragraph and text node micromark would make of it; the rest of the tree
 * is moved back to where it stands in the source. micromark takes about a
 * microsecond a character; the paragraph and its text node are two objects.
 *
 * @param doc The Markdown source.
 * @param paragraphs Its plain paragraphs, in order.
 * @param parse Parser of a whole Markdown document.
 * @returns The tree, or `undefined` when the parser did not make a stand-in
 *   into a paragraph of its own (it always should).
 */
export function parseAroundPlainParagraphs(
  doc: string,
  paragraphs: readonly PlainParagraph[],
  parse: (source: string) => MdastRoot
): MdastRoot | undefined {
  // Where each stand-in starts in the shorter source, and how far on in the
  // document (characters and lines) what follows it stands.
  const standIns: number[] = []
  const offsetShift: number[] = []
  const lineShift: number[] = []
  const parts: string[] = []
  let from = 0
  let characters = 0
  let lines = 0
  for (const paragraph of paragraphs) {
    parts.push(doc.slice(from, paragraph.start.offset), standIn)
    standIns.push(paragraph.start.offset - characters)
    characters += paragraph.end.offset - paragraph.start.offset - standIn.length
    lines += paragraph.end.line - paragraph.start.line
    offsetShift.push(characters)
    lineShift.push(lines)
    from = paragraph.end.offset
  }
  parts.push(doc.slice(from))
  const tree = parse(parts.join(''))

  const children: MdastRoot['children'] = []
  let next = 0
  for (const child of tree.children) {
    const paragraph = paragraphs[next]
    if (paragraph && child.position?.start.offset === standIns[next]) {
      if (!isStandIn(child)) return undefined
      children.push(plainParagraphNode(doc, paragraph))
      next++
      continue
    }
    moveBack(child, standIns, offsetShift, lineShift)
    children.push(child)
  }
  if (next !== paragraphs.length) return undefined
  moveBack(tree, standIns, offsetShift, lineShift, false)
  tree.children = children
  // The document may end in a plain paragraph, where the root ends too.
  const last = paragraphs.at(-1)
  if (last && last.end.offset === doc.length && tree.position) tree.position.end = {...last.end}
  return tree
}

/**
 * Whether a node is what the parser makes of a stand-in: a paragraph of one
 * text node holding it.
 *
 * @param node Top-level node.
 * @returns Whether it is.
 */
function isStandIn(node: MdastRoot['children'][number]): boolean {
  if (node.type !== 'paragraph' || node.children.length !== 1) return false
  const [only] = node.children
  return only?.type === 'text' && only.value === standIn
}

/**
 * Make the paragraph micromark makes of a plain paragraph: one text node of
 * the source as written, both spanning it.
 *
 * @param doc The Markdown source.
 * @param paragraph The plain paragraph.
 * @returns The paragraph node.
 */
function plainParagraphNode(doc: string, paragraph: PlainParagraph): MdastRoot['children'][number] {
  const {start, end} = paragraph
  const value = doc.slice(start.offset, end.offset)
  const point = (at: Point): Point => ({line: at.line, column: at.column, offset: at.offset})
  return {
    type: 'paragraph',
    children: [{type: 'text', value, position: {start: point(start), end: point(end)}}],
    position: {start: point(start), end: point(end)}
  }
}

/**
 * Move the points of a tree parsed from the shorter source back to the
 * document: past each stand-in by the characters and lines it replaced.
 * Columns stay: every stand-in has a line of its own.
 *
 * @param tree Tree (or subtree) positioned in the shorter source.
 * @param standIns Where each stand-in starts there, in order.
 * @param offsetShift Characters to add past each.
 * @param lineShift Lines to add past each.
 * @param deep Whether to move the descendants too.
 */
function moveBack(tree: Node, standIns: number[], offsetShift: number[], lineShift: number[], deep = true): void {
  const stack: Node[] = [tree]
  let node: Node | undefined
  while ((node = stack.pop())) {
    const position = node.position
    if (position) {
      node.position = {
        start: movePoint(position.start, standIns, offsetShift, lineShift),
        end: movePoint(position.end, standIns, offsetShift, lineShift)
      }
    }
    if (deep && 'children' in node && Array.isArray(node.children)) for (const child of node.children as Node[]) stack.push(child)
  }
}

/**
 * Move one point (see `moveBack`).
 *
 * @param point Point in the shorter source.
 * @param standIns Where each stand-in starts there.
 * @param offsetShift Characters to add past each.
 * @param lineShift Lines to add past each.
 * @returns Point in the document.
 */
function movePoint(point: Point, standIns: number[], offsetShift: number[], lineShift: number[]): Point {
  const offset = point.offset ?? 0
  // The stand-ins that start before the point: it is past them.
  let low = 0
  let high = standIns.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((standIns[middle] ?? 0) < offset) low = middle + 1
    else high = middle
  }
  if (low === 0) return {line: point.line, column: point.column, offset}
  return {line: point.line + (lineShift[low - 1] ?? 0), column: point.column, offset: offset + (offsetShift[low - 1] ?? 0)}
}

