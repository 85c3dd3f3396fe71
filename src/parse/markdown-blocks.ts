import type {Html, Heading, List, ListItem, Paragraph, RootContent} from 'mdast'
import type {Point} from 'unist'
import {topLevelStarts} from './markdown-block-starts.js'
import {parseInline, type InlineContext, type PointAt} from './markdown-inline.js'
import {linePoints} from './line-points.js'

/** A top-level block of a Markdown source built without the parser, and what stands in for it when the parser reads the rest. */
export interface FastBlock {
  /** Where the block starts: the start of a line. */
  start: Point & {offset: number}
  /** Where it ends: the end of a line. */
  end: Point & {offset: number}
  /** The node micromark and mdast-util-from-markdown make of it. */
  node: RootContent
  /**
   * Source of the same kind of block, a line or two long, that the parser
   * is given in its place: it ends and starts the same blocks around it.
   */
  standIn: string
}

/**
 * A line that may define a link reference or footnote (`[id]: …`, `[^1]: …`),
 * in any container.
 */
const definitionLike = /^[ \t>*+\-\d.)]*\[[^\]\n]*\]:/m

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
 * A line of a paragraph with inline markup that could be read as more than
 * one more line of it, or could start something else, after any indent:
 * a heading, quote, list item, HTML block (`<`), a pipe or colon that
 * could start a table's delimiter row, a heading's underline, a tilde or
 * backtick fence, a `*` or `_` that could start a list item or thematic
 * break, or a tab. White space at either end of a line is for
 * `parseInline` to leave out.
 */
const notParagraphLine = /^ *(?:[#>\-+=:|<~\t]|`{3}|\d+[.)]|[*_](?:[ \t]|$)|[*_][ \t]*[*_][ \t]*[*_])/m

/** The start of an ATX heading: its marks and the spaces after them. */
const atxHeading = /^(#{1,6}) +(?=[^ ])/

/** The start of a list item: its marker and one to four spaces, before content that starts with neither a space nor a tab. */
const listItemStart = /^(?:([-*+])|(\d{1,9})([.)])) {1,4}(?=[^ \t])/

/** A thematic break, which a line that could also start a list item is (`* **`). */
const thematicBreak = /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/m

/** The start of a list item of any kind, empty ones too. */
const anyListItem = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t\n]|$)/

/**
 * Content at the start of a list item that makes more than one paragraph
 * of it: a heading, quote, nested list, fence, HTML, thematic break, a GFM
 * task's check box, or what could start a table or underline a heading.
 */
const notItemParagraph = /^(?:[#>\-+=:|<~]|`{3}|\d+[.)]|[*_](?:[ \t\n]|$)|[*_][ \t]*[*_][ \t]*[*_]|\[[ xX]\])/

/**
 * The names of HTML blocks that end at a blank line and may stand before
 * anything (CommonMark kind 6), as `micromark-util-html-tag-name` lists
 * them.
 */
const htmlBlockNames = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' ')
)

/** The tag that opens an HTML block: its name, then white space, `>`, `/>` or the end of the line. */
const htmlBlockOpen = /^<\/?([A-Za-z][A-Za-z\d]*)(?:[ \t\n>]|\/>|$)/

/** Front matter with its fences on lines of their own: `---` for YAML, `+++` for TOML. */
const frontMatterFence = /^(---|\+\+\+)\n/

/**
 * Find the top-level blocks of a Markdown source that can be built without
 * micromark, building each: front matter; and at each line where a block
 * starts at the top level (see `topLevelStarts`) and runs to a blank line,
 * a paragraph of text, emphasis, code spans and links (see `parseInline`),
 * an ATX heading (`## Port reopens`) and the block on the line after it, a
 * tight list of one-paragraph items, or an HTML block that ends at a blank
 * line (`<div>`, `<figure>`).
 *
 * A block that is not certain to parse this way is left to the parser.
 *
 * @param doc The Markdown source.
 * @returns The blocks, in order.
 */
export function fastBlocks(doc: string): FastBlock[] {
  const blocks: FastBlock[] = []
  // micromark drops a byte order mark, and reads CR as a line ending: points would differ.
  if (doc.charCodeAt(0) === 0xfeff || doc.includes('\r')) return blocks
  const frontMatter = frontMatterBlock(doc)
  if (frontMatter) blocks.push(frontMatter)
  const context: InlineContext = {references: mayDefineReferences(doc)}
  const points = linePoints(doc)
  // One line index for the document: every offset of a block is in it, so has a point.
  const pointAt = (offset: number): Point => points(offset)!
  // Whether the block before started with a list item, which a list after a blank line would join.
  let afterList = false
  for (const segmentStart of topLevelStarts(doc)) {
    const end = segmentEnd(doc, segmentStart.offset)
    let start: (Point & {offset: number}) | undefined = segmentStart
    while (start) {
      const head = doc.slice(start.offset, start.offset + 12)
      const block = fastBlock(doc, start, end, head, afterList, pointAt, context)
      afterList = anyListItem.test(head)
      if (block) blocks.push(block)
      // A line after an ATX heading starts a block of its own.
      start = undefined
      if (block?.node.type === 'heading' && block.end.offset < end && !/\s/.test(doc.charAt(block.end.offset + 1))) {
        start = {line: block.end.line + 1, column: 1, offset: block.end.offset + 1}
      }
    }
  }
  return blocks
}

/**
 * Build the block that starts a run of lines, if it is certain.
 *
 * @param doc The Markdown source.
 * @param start Where the block starts, at the top level.
 * @param end Offset where the run ends, before a blank line.
 * @param head The start of its first line.
 * @param afterList Whether the block before started with a list item.
 * @param pointAt Points of the document's offsets.
 * @param context What inline Markdown needs to know of the document.
 * @returns The block, or `undefined`.
 */
function fastBlock(
  doc: string,
  start: Point & {offset: number},
  end: number,
  head: string,
  afterList: boolean,
  pointAt: PointAt,
  context: InlineContext
): FastBlock | undefined {
  const itemStart = listItemStart.exec(head)
  if (itemStart) return !afterList && listMayEnd(doc, end) ? listBlock(doc, start, end, itemStart, pointAt, context) : undefined
  const first = doc.charCodeAt(start.offset)
  if (first === 35) return headingBlock(doc, start, end, pointAt, context)
  if (first === 60) return htmlBlock(doc, start, end, pointAt)
  return paragraphBlock(doc, start, end, pointAt, context)
}

/**
 * Whether a Markdown source may define link references or footnotes.
 *
 * @param doc The Markdown source.
 * @returns Whether a line looks like a definition.
 */
export function mayDefineReferences(doc: string): boolean {
  return definitionLike.test(doc)
}

/**
 * Find the paragraphs of a Markdown source that are plain text: micromark
 * would make each one paragraph holding one text node whose value is the
 * source as written.
 *
 * Each starts a top-level block with a letter after a blank line (see
 * `topLevelStarts`) and ends before the next blank line or at the end;
 * none of its lines starts or ends with white space or starts a block, and
 * it holds no markup (see `markupInParagraph`, `notPlainLine`). Most
 * paragraphs of a story without links or emphasis are such.
 *
 * @param doc The Markdown source.
 * @returns The paragraphs, in order.
 */
export function plainParagraphs(doc: string): PlainParagraph[] {
  const paragraphs: PlainParagraph[] = []
  for (const start of topLevelStarts(doc)) {
    if (start.offset === 0 || !/^\p{L}/u.test(doc.slice(start.offset, start.offset + 2))) continue
    const endOffset = segmentEnd(doc, start.offset)
    const text = doc.slice(start.offset, endOffset)
    if (markupInParagraph.test(text) || notPlainLine.test(text)) continue
    paragraphs.push({start, end: endOf(doc, start, endOffset)})
  }
  return paragraphs
}

/**
 * Where the run of lines from a line to the next blank line ends: before
 * the line ending of its last line, or at the end of the document.
 *
 * @param doc The Markdown source.
 * @param from Offset of the run's first line.
 * @returns Offset of its end.
 */
function segmentEnd(doc: string, from: number): number {
  const blank = /\n[ \t]*(?:\n|$)/g
  blank.lastIndex = from
  const found = blank.exec(doc)
  return found ? found.index : doc.length
}

/**
 * The point of the end of a run of lines.
 *
 * @param doc The Markdown source.
 * @param start Where the run starts, at the start of a line.
 * @param end Offset of its end.
 * @returns The point.
 */
function endOf(doc: string, start: Point & {offset: number}, end: number): Point & {offset: number} {
  const text = doc.slice(start.offset, end)
  const lastBreak = text.lastIndexOf('\n')
  let lines = 0
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++
  return {line: start.line + lines, column: text.length - lastBreak, offset: end}
}

/**
 * Build a paragraph of text and inline markup (see `parseInline`) that no
 * line of could be read as more than a line of it (see `notParagraphLine`).
 *
 * @param doc The Markdown source.
 * @param start Where it starts.
 * @param end Offset where it ends, before a blank line.
 * @param pointAt Points of the document's offsets.
 * @param context What inline Markdown needs to know of the document.
 * @returns The block, or `undefined`.
 */
function paragraphBlock(doc: string, start: Point & {offset: number}, end: number, pointAt: PointAt, context: InlineContext): FastBlock | undefined {
  const text = doc.slice(start.offset, end)
  const point = (at: Point): Point => ({line: at.line, column: at.column, offset: at.offset})
  if (!markupInParagraph.test(text) && !notPlainLine.test(text)) {
    // Plain text: one text node of the source as written.
    const to = endOf(doc, start, end)
    const position = {start: point(start), end: point(to)}
    const node: Paragraph = {type: 'paragraph', children: [{type: 'text', value: text, position}], position: {start: point(start), end: point(to)}}
    return {start, end: to, node, standIn: 'x'}
  }
  if (notParagraphLine.test(text)) return undefined
  const children = parseInline(doc, start.offset, end, pointAt, context)
  if (!children) return undefined
  const to = pointAt(end) as Point & {offset: number}
  return {start, end: to, node: {type: 'paragraph', children, position: {start: point(start), end: pointAt(end)}}, standIn: 'x'}
}

/**
 * Build an ATX heading (`## Port reopens`) on the first line of a run,
 * without a closing sequence, trailing white space or pipe.
 *
 * @param doc The Markdown source.
 * @param start Where it starts.
 * @param end Offset where the run it starts ends.
 * @param pointAt Points of the document's offsets.
 * @param context What inline Markdown needs to know of the document.
 * @returns The block, or `undefined`.
 */
function headingBlock(doc: string, start: Point & {offset: number}, end: number, pointAt: PointAt, context: InlineContext): FastBlock | undefined {
  const lineBreak = doc.indexOf('\n', start.offset)
  const lineEnd = lineBreak === -1 || lineBreak > end ? end : lineBreak
  const line = doc.slice(start.offset, lineEnd)
  const marks = atxHeading.exec(line)
  if (!marks?.[1] || /[ \t#]$|\|/.test(line)) return undefined
  const children = parseInline(doc, start.offset + marks[0].length, lineEnd, pointAt, context)
  if (!children) return undefined
  const node: Heading = {
    type: 'heading',
    depth: marks[1].length as Heading['depth'],
    children,
    position: {start: pointAt(start.offset), end: pointAt(lineEnd)}
  }
  return {start, end: pointAt(lineEnd) as Point & {offset: number}, node, standIn: '# x'}
}

/**
 * Whether a list that runs to a blank line ends there: the next line that
 * is not blank is not indented, so it does not go on with the last item,
 * and is no list item, so it does not go on with the list.
 *
 * @param doc The Markdown source.
 * @param end Offset where the list's run ends.
 * @returns Whether it ends.
 */
function listMayEnd(doc: string, end: number): boolean {
  const next = /\n(?:[ \t]*\n)*([^\n]{0,12})/y
  next.lastIndex = end
  const line = next.exec(doc)?.[1] ?? ''
  return line === '' || (!/^\s/.test(line) && !anyListItem.test(line))
}

/**
 * Build a tight list whose every item is one paragraph (see
 * `notItemParagraph`, `notParagraphLine`) after the same kind of marker:
 * `-`, `*` or `+`, or a number and the same `.` or `)`; then one to four
 * spaces. An item's lines after the first go on with its paragraph, and
 * their indent is left out of its text, whether they are indented as far
 * as its content or are lazy.
 *
 * @param doc The Markdown source.
 * @param start Where it starts.
 * @param end Offset where it ends, before a blank line.
 * @param firstItem The first line's marker, read by `listItemStart`.
 * @param pointAt Points of the document's offsets.
 * @param context What inline Markdown needs to know of the document.
 * @returns The block, or `undefined`.
 */
function listBlock(
  doc: string,
  start: Point & {offset: number},
  end: number,
  firstItem: RegExpExecArray,
  pointAt: PointAt,
  context: InlineContext
): FastBlock | undefined {
  const text = doc.slice(start.offset, end)
  if (text.includes('|') || /[ \t]$/m.test(text) || thematicBreak.test(text)) return undefined
  const items: ListItem[] = []
  let itemStart = start.offset
  while (itemStart <= end) {
    const marker = listItemStart.exec(doc.slice(itemStart, itemStart + 12))
    if (!marker || marker[1] !== firstItem[1] || marker[3] !== firstItem[3]) return undefined
    const contentStart = itemStart + marker[0].length
    // The item runs on to the next line that starts at the margin: another item.
    let itemEnd = doc.indexOf('\n', contentStart)
    while (itemEnd !== -1 && itemEnd < end && doc.charCodeAt(itemEnd + 1) === 32) itemEnd = doc.indexOf('\n', itemEnd + 1)
    if (itemEnd === -1 || itemEnd > end) itemEnd = end
    const content = doc.slice(contentStart, itemEnd)
    if (notItemParagraph.test(content) || notParagraphLine.test(content.slice(content.indexOf('\n') + 1))) return undefined
    const children = parseInline(doc, contentStart, itemEnd, pointAt, {...context, contained: true})
    if (!children) return undefined
    const paragraph: Paragraph = {type: 'paragraph', children, position: {start: pointAt(contentStart), end: pointAt(itemEnd)}}
    items.push({type: 'listItem', spread: false, checked: null, children: [paragraph], position: {start: pointAt(itemStart), end: pointAt(itemEnd)}})
    itemStart = itemEnd + 1
  }
  const ordered = firstItem[2] !== undefined
  const node: List = {
    type: 'list',
    ordered,
    start: ordered ? Number.parseInt(firstItem[2]!, 10) : null,
    spread: false,
    children: items,
    position: {start: pointAt(start.offset), end: pointAt(end)}
  }
  return {start, end: pointAt(end) as Point & {offset: number}, node, standIn: ordered ? `${firstItem[2]}${firstItem[3]} x` : `${firstItem[1]} x`}
}

/**
 * Build an HTML block that opens with a block tag (`<div>`, `</figure>`,
 * CommonMark kind 6) and so runs to the blank line.
 *
 * @param doc The Markdown source.
 * @param start Where it starts.
 * @param end Offset where it ends, before a blank line.
 * @param pointAt Points of the document's offsets.
 * @returns The block, or `undefined`.
 */
function htmlBlock(doc: string, start: Point & {offset: number}, end: number, pointAt: PointAt): FastBlock | undefined {
  const open = htmlBlockOpen.exec(doc.slice(start.offset, Math.min(end, start.offset + 40)))
  if (!open?.[1] || !htmlBlockNames.has(open[1].toLowerCase())) return undefined
  const value = doc.slice(start.offset, end)
  const position = {start: pointAt(start.offset), end: pointAt(end)}
  const node: Html = {type: 'html', value, position}
  return {start, end: position.end as Point & {offset: number}, node, standIn: '<p>'}
}

/**
 * Build the YAML (`---`) or TOML (`+++`) front matter at the start of a
 * source, as remark-frontmatter does, when its fences stand alone on their
 * lines and no line between could be taken for a fence.
 *
 * @param doc The Markdown source.
 * @returns The block, or `undefined`.
 */
function frontMatterBlock(doc: string): FastBlock | undefined {
  const open = frontMatterFence.exec(doc)
  if (!open?.[1]) return undefined
  const fence = open[1]
  let lineStart = open[0].length
  let line = 2
  while (lineStart <= doc.length) {
    const lineBreak = doc.indexOf('\n', lineStart)
    const lineEnd = lineBreak === -1 ? doc.length : lineBreak
    const text = doc.slice(lineStart, lineEnd)
    if (text.includes('\r')) return undefined
    if (text.startsWith(fence)) {
      if (text !== fence) return undefined
      const point = (column: number): Point & {offset: number} => ({line, column, offset: lineStart + column - 1})
      const value = doc.slice(open[0].length, Math.max(open[0].length, lineStart - 1))
      const node = {
        type: fence === '---' ? 'yaml' : 'toml',
        value,
        position: {start: {line: 1, column: 1, offset: 0}, end: point(fence.length + 1)}
      } as RootContent
      return {start: {line: 1, column: 1, offset: 0}, end: point(fence.length + 1), node, standIn: `${fence}\n${fence}`}
    }
    if (lineBreak === -1) return undefined
    lineStart = lineEnd + 1
    line++
  }
  return undefined
}
