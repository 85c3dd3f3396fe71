import type {Root as MdastRoot, RootContent as MdastContent} from 'mdast'
import {toNlcst} from 'mdast-util-to-nlcst'
import type {Root, RootContent} from 'nlcst'
import type {ParseEnglish} from 'parse-english'
import type {VFile} from 'vfile'
import {closesParagraph, opensParagraph} from './chunks.js'

/** Options of `mdast-util-to-nlcst`. */
type ToNlcstOptions = Parameters<typeof toNlcst>[3]

/**
 * Turn a Markdown tree into a natural-language tree a run of blocks at a time,
 * joining the pieces into the tree `mdast-util-to-nlcst` builds from the whole.
 *
 * `mdast-util-to-nlcst` hands the English parser the whole document as one
 * flat token list, which costs time superlinear in its length (the big
 * case of `npm run bench`, and test/huge-input.test.ts). Blocks are cut only between two paragraphs or headings where no
 * sentence can run across, as for plain text. Each piece starts with a stand-in
 * for the block before it, so that the converter puts the same blank line
 * before its first block as in the whole document.
 *
 * @param mdast Markdown tree of the whole file.
 * @param file The file (the converter reads positions from all of it).
 * @param english English parser.
 * @param options Converter options.
 * @param maxChunk Characters of source a piece grows to before it is cut at
 *   the next safe place; `0` cuts at every one. The converter indexes the
 *   lines of the whole file for each piece, so pieces are kept large.
 * @returns The natural-language tree, positioned in the file.
 */
export function markdownToNlcstInChunks(
  mdast: MdastRoot,
  file: VFile,
  english: ParseEnglish,
  options: ToNlcstOptions,
  maxChunk = 262_144
): Root {
  const blocks = mdast.children
  const children: RootContent[] = []
  let from = 0
  for (let index = 1; index < blocks.length; index++) {
    const before = blocks[index - 1]
    const after = blocks[index]
    if (!before || !after || !safeCut(before, after)) continue
    if (offsetOf(after, 'start') - offsetOf(blocks[from], 'start') < maxChunk) continue
    appendPiece(children, blocks, from, index, mdast, file, english, options)
    from = index
  }
  appendPiece(children, blocks, from, blocks.length, mdast, file, english, options)
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
 * @param file The file.
 * @param english English parser.
 * @param options Converter options.
 */
function appendPiece(
  children: RootContent[],
  blocks: MdastContent[],
  from: number,
  to: number,
  mdast: MdastRoot,
  file: VFile,
  english: ParseEnglish,
  options: ToNlcstOptions
): void {
  const piece = blocks.slice(from, to)
  const previous = blocks[from - 1]
  // A block that yields no text, where the block before stood: the converter
  // then adds the same line ending before the first block as in the whole.
  if (previous?.position) piece.unshift({type: 'thematicBreak', position: previous.position})
  if (piece.length === 0) return
  const root = toNlcst({type: 'root', children: piece, position: mdast.position}, file, english, options)
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
