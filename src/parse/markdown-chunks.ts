import type {Root as MdastRoot, RootContent as MdastContent} from 'mdast'
import type {Root, RootContent} from 'nlcst'
import type {ParseEnglish} from 'parse-english'
import type {VFile} from 'vfile'
import {closesParagraph, opensParagraph} from './chunks.js'
import {linePoints, type PointAt} from './line-points.js'
import {markdownToNlcst, type MarkdownToNlcstOptions} from './markdown-to-nlcst.js'

/**
 * Turn a Markdown tree into a natural-language tree a run of blocks at a time,
 * joining the pieces into the tree `markdownToNlcst` builds from the whole.
 *
 * The converter hands the English parser's plugins the whole document as one
 * flat token list, which they take time superlinear in its length to split
 * (the big case of `npm run bench`, and test/huge-input.test.ts). Blocks are cut only between two paragraphs or headings where no
 * sentence can run across, as for plain text. Each piece starts with a stand-in
 * for the block before it, so that the converter puts the same blank line
 * before its first block as in the whole document.
 *
 * @param mdast Markdown tree of the whole file.
 * @param file The file (positions and source text come from all of it).
 * @param english English parser.
 * @param options Converter options.
 * @param maxChunk Characters of source a piece grows to before it is cut at
 *   the next safe place; `0` cuts at every one.
 * @returns The natural-language tree, positioned in the file.
 */
export function markdownToNlcstInChunks(
  mdast: MdastRoot,
  file: VFile,
  english: ParseEnglish,
  options: MarkdownToNlcstOptions | undefined,
  maxChunk = 262_144
): Root {
  const doc = String(file)
  // One line index for all pieces.
  const pointAt = linePoints(doc)
  const blocks = mdast.children
  const children: RootContent[] = []
  let from = 0
  for (let index = 1; index < blocks.length; index++) {
    const before = blocks[index - 1]
    const after = blocks[index]
    // Size first: whether a cut is safe tests the text at the seam with an
    // expression that, anchored only at the end, is tried from every
    // character of a long text.
    if (offsetOf(after, 'start') - offsetOf(blocks[from], 'start') < maxChunk) continue
    if (!before || !after || !safeCut(before, after)) continue
    appendPiece(children, blocks, from, index, mdast, doc, pointAt, english, options)
    from = index
  }
  appendPiece(children, blocks, from, blocks.length, mdast, doc, pointAt, english, options)
  const first = children[0]?.position
  const last = children.at(-1)?.position
  return first && last ? {type: 'RootNode', children, position: {start: {...first.start}, end: {...last.end}}} : {type: 'RootNode', children}
}

/**
 * Convert blocks `from` to `to` and add their nodes to the root's children.
 *
 * @param children Children of the root being built.
 * @param blocks Top-level blocks of the Markdown tree.
 * @param from First block of the piece.
 * @param to Block after the piece.
 * @param mdast The whole Markdown tree.
 * @param doc The file's text.
 * @param pointAt Points of `doc`.
 * @param english English parser.
 * @param options Converter options.
 */
function appendPiece(
  children: RootContent[],
  blocks: MdastContent[],
  from: number,
  to: number,
  mdast: MdastRoot,
  doc: string,
  pointAt: PointAt,
  english: ParseEnglish,
  options: MarkdownToNlcstOptions | undefined
): void {
  const piece = blocks.slice(from, to)
  const previous = blocks[from - 1]
  // A block that yields no text, where the block before stood: the converter
  // then adds the same line ending before the first block as in the whole.
  if (previous?.position) piece.unshift({type: 'thematicBreak', position: previous.position})
  if (piece.length === 0) return
  const root = markdownToNlcst({type: 'root', children: piece, position: mdast.position}, doc, pointAt, english, options)
  for (const node of root.children) children.push(node)
}

/**
 * Whether a document may be cut between two blocks: both are paragraphs or
 * headings, the first ends a sentence and the second starts one.
 *
 * @param before The block before.
 * @param after The block after.
 * @returns Whether no sentence can run across.
 */
function safeCut(before: MdastContent, after: MdastContent): boolean {
  if (!isProseBlock(before) || !isProseBlock(after)) return false
  const last = before.children.at(-1)
  const first = after.children[0]
  return last?.type === 'text' && first?.type === 'text' && closesParagraph(last.value) && opensParagraph(first.value)
}

/**
 * Whether a block is a paragraph or heading.
 *
 * @param node Block.
 * @returns Whether it is.
 */
function isProseBlock(node: MdastContent): node is Extract<MdastContent, {type: 'paragraph' | 'heading'}> {
  return node.type === 'paragraph' || node.type === 'heading'
}

/**
 * The offset where a node starts or ends.
 *
 * @param node Node.
 * @param edge Which end.
 * @returns The offset, or 0 when unknown.
 */
function offsetOf(node: MdastContent | undefined, edge: 'start' | 'end'): number {
  return node?.position?.[edge].offset ?? 0
}
