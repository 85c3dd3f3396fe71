import type {Root as MdastRoot} from 'mdast'
import type {Node, Point} from 'unist'
import {shiftTree} from './chunks.js'
import {topLevelStarts} from './markdown-block-starts.js'
import {fastBlocks, mayDefineReferences, type FastBlock} from './markdown-blocks.js'


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
 * Blocks that are certain to parse one way there (see `fastBlocks`: most
 * paragraphs, headings, simple lists and HTML blocks, and front matter) are
 * not given to the parser at all (see `parseAroundFastBlocks`).
 *
 * @param doc The Markdown source.
 * @param parse Parser of a whole Markdown document.
 * @param maxChunk Characters a piece grows to before it is cut at the next
 *   safe line; `0` cuts at every one.
 * @returns The Markdown tree, positioned in `doc`.
 */
export function parseMarkdownInPieces(doc: string, parse: (source: string) => MdastRoot, maxChunk = 65_536): MdastRoot {
  const blocks = fastBlocks(doc)
  if (blocks.length > 0) {
    const tree = parseAroundFastBlocks(doc, blocks, (source) => parseCutting(source, parse, maxChunk))
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
  if (mayDefineReferences(doc)) return cuts
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

/**
 * Fast blocks next to each other, with only blank lines between, and what
 * stands in for them all.
 */
interface FastRun {
  blocks: FastBlock[]
  /**
   * The first block's stand-in, and after a blank line the last's, when
   * there are more: what comes before the run meets the first, what comes
   * after meets the last, and what is between is built already.
   */
  standIn: string
}

/**
 * Parse Markdown with some of its top-level blocks (see `fastBlocks`) made
 * without the parser: each run of them is given to the parser as a
 * stand-in, a block of the first one's kind a line or two long and one of
 * the last one's, which end and start the same blocks and containers
 * around them; they are then replaced by the nodes built for the run, and
 * the rest of the tree is moved back to where it stands in the source.
 *
 * micromark takes about a microsecond a character, and tens for each
 * block, however short: it makes a tokenizer, events and tokens for each.
 *
 * @param doc The Markdown source.
 * @param blocks Its fast blocks, in order.
 * @param parse Parser of a whole Markdown document.
 * @returns The tree, or `undefined` when the parser did not make a
 *   stand-in into a block of its own, alone and of its kind (a list that a
 *   list after it joined, say).
 */
export function parseAroundFastBlocks(
  doc: string,
  blocks: readonly FastBlock[],
  parse: (source: string) => MdastRoot
): MdastRoot | undefined {
  const runs = fastRuns(doc, blocks)
  // Where each run's stand-in starts in the shorter source, and how far on
  // in the document (characters and lines) what follows it stands.
  const standIns: number[] = []
  const offsetShift: number[] = []
  const lineShift: number[] = []
  const parts: string[] = []
  let from = 0
  let characters = 0
  let lines = 0
  for (const {blocks: inRun, standIn} of runs) {
    const start = inRun[0]!.start
    const end = inRun.at(-1)!.end
    parts.push(doc.slice(from, start.offset), standIn)
    standIns.push(start.offset - characters)
    characters += end.offset - start.offset - standIn.length
    lines += end.line - start.line - lineCount(standIn) + 1
    offsetShift.push(characters)
    lineShift.push(lines)
    from = end.offset
  }
  parts.push(doc.slice(from))
  const tree = parse(parts.join(''))

  const children: MdastRoot['children'] = []
  let next = 0
  for (let index = 0; index < tree.children.length; index++) {
    const child = tree.children[index]!
    const run = runs[next]
    const at = standIns[next]
    if (run && at !== undefined && child.position?.start.offset === at) {
      const first = run.blocks[0]!
      const last = run.blocks.at(-1)!
      if (!isStandIn(child, first, at, first.standIn)) return undefined
      if (run.blocks.length > 1) {
        index++
        const second = tree.children[index]
        if (!second || second.position?.start.offset !== at + first.standIn.length + 2 || !isStandIn(second, last, at, run.standIn)) {
          return undefined
        }
      }
      for (const block of run.blocks) children.push(block.node)
      next++
      continue
    }
    moveBack(child, standIns, offsetShift, lineShift)
    children.push(child)
  }
  if (next !== runs.length) return undefined
  moveBack(tree, standIns, offsetShift, lineShift, false)
  tree.children = children
  // The document may end in a fast block, where the root ends too.
  const last = blocks.at(-1)
  if (last && last.end.offset === doc.length && tree.position) tree.position.end = {...last.end}
  return tree
}

/**
 * Group fast blocks into runs (see `FastRun`). Two lists do not share a run:
 * their stand-ins, a blank line apart, could make one list.
 *
 * @param doc The Markdown source.
 * @param blocks Its fast blocks, in order.
 * @returns The runs, in order.
 */
function fastRuns(doc: string, blocks: readonly FastBlock[]): FastRun[] {
  const runs: FastRun[] = []
  let run: FastBlock[] = []
  const close = (): void => {
    const first = run[0]
    const last = run.at(-1)
    if (!first || !last) return
    runs.push({blocks: run, standIn: run.length === 1 ? first.standIn : `${first.standIn}\n\n${last.standIn}`})
  }
  for (const block of blocks) {
    const previous = run.at(-1)
    const joins =
      previous !== undefined &&
      /^[ \t\n]*$/.test(doc.slice(previous.end.offset, block.start.offset)) &&
      !(run[0]!.node.type === 'list' && block.node.type === 'list')
    if (!joins) {
      close()
      run = []
    }
    run.push(block)
  }
  close()
  return runs
}

/**
 * Whether a node is what the parser makes of a block's stand-in: a node of
 * the block's kind that ends where the stand-in does.
 *
 * @param node Top-level node.
 * @param block The block.
 * @param at Where the run's stand-in starts in the source the parser was given.
 * @param standIn The run's stand-in, up to the end of the block's.
 * @returns Whether it is.
 */
function isStandIn(node: MdastRoot['children'][number], block: FastBlock, at: number, standIn: string): boolean {
  if (node.type !== block.node.type || node.position?.end.offset !== at + standIn.length) return false
  return !('children' in node) || node.children.length === 1
}

/**
 * How many lines a text spans.
 *
 * @param text The text.
 * @returns Its lines.
 */
function lineCount(text: string): number {
  return text.split('\n').length
}

/**
 * Move the points of a tree parsed from the shorter source back to the
 * document: past each stand-in by the characters and lines it replaced.
 * Columns stay: every stand-in, like the block it stands in for, ends a
 * line, so what follows starts on a line of its own.
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

