import type {Point} from 'unist'

/** A fence that opens code at the top level: up to three spaces, then three or more backticks or tildes. */
const topFence = /^ {0,3}(`{3,}|~{3,})/

/** A fence inside a container (list item, block quote) or indented further. */
const innerFence = /^[ \t>*+\-\d.)]*?(`{3,}|~{3,})/

/**
 * HTML blocks that, unlike the others, run on across blank lines (CommonMark
 * kinds 1 to 5), with the text that ends each.
 */
const htmlBlocks: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/]
]

/** An open code fence: its marks, and whether it stands at the top level. */
interface Fence {
  marker: string
  top: boolean
}

/** Front matter fences, which remark-frontmatter reads only at the very start. */
const frontMatterOpen = /^(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/

/**
 * Find the lines that start a top-level block at the left margin after a
 * blank line, or as the first line of the document, outside fenced code,
 * HTML blocks that run across blank lines and front matter: every container
 * (list, quote, footnote, HTML block of the other kinds) has ended before
 * such a line, and nothing that came before can take it in.
 *
 * @param doc The Markdown source.
 * @yields Where each such line starts, in order.
 */
export function* topLevelStarts(doc: string): Generator<Point & {offset: number}> {
  let line = 1
  let offset = 0
  let previousBlank = true
  // What the line being read is inside of.
  let fence: Fence | undefined
  let htmlEnd: RegExp | undefined
  const frontMatter = frontMatterOpen.exec(doc)
  let frontMatterFence = frontMatter?.[0].slice(0, 3)
  while (offset < doc.length) {
    const breakAt = nextBreak(doc, offset)
    const end = breakAt === -1 ? doc.length : breakAt
    const text = doc.slice(offset, end)
    const blank = /^[ \t]*$/.test(text)
    if (frontMatterFence !== undefined) {
      // The opening fence is line 1; the block ends at the next fence line.
      if (line > 1 && text.trimEnd() === frontMatterFence) frontMatterFence = undefined
    } else if (fence && !fenceEndsBefore(fence, text)) {
      if (closesFence(fence, text)) fence = undefined
    } else if (htmlEnd) {
      if (htmlEnd.test(text)) htmlEnd = undefined
    } else {
      fence = undefined
      if (previousBlank && !blank && !/^\s/.test(text)) yield {line, column: 1, offset}
      fence = fenceOpened(text)
      if (!fence) {
        const html = htmlBlocks.find(([start]) => start.test(text))
        if (html && !html[1].test(text.replace(html[0], ''))) htmlEnd = html[1]
      }
    }
    previousBlank = blank
    if (breakAt === -1) break
    offset = breakAt + (doc.charCodeAt(breakAt) === 13 && doc.charCodeAt(breakAt + 1) === 10 ? 2 : 1)
    line++
  }
}

/**
 * The fence a line opens, if any.
 *
 * @param text The line.
 * @returns The fence, and whether it stands at the top level.
 */
function fenceOpened(text: string): Fence | undefined {
  const top = topFence.exec(text)
  // Backtick fences cannot have backticks in their info string.
  if (top?.[1]) return top[1].startsWith('`') && text.slice(top[0].length).includes('`') ? undefined : {marker: top[1], top: true}
  const inner = innerFence.exec(text)
  return inner?.[1] ? {marker: inner[1], top: false} : undefined
}

/**
 * Whether a line closes a fence: at least as many of its marks, alone on the
 * line, at most three spaces in.
 *
 * @param fence The open fence.
 * @param text The line.
 * @returns Whether it does.
 */
function closesFence(fence: Fence, text: string): boolean {
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text)
  const marks = close?.[1]
  return marks !== undefined && marks[0] === fence.marker[0] && marks.length >= fence.marker.length
}

/**
 * Whether a fence in a list item or quote has ended before a line: the line
 * stands at the left margin and does not go on with a quote, so it ends the
 * container (code cannot be continued lazily). Taking nothing else as its
 * end keeps cuts out of it.
 *
 * @param fence The open fence.
 * @param text The line.
 * @returns Whether it has ended.
 */
function fenceEndsBefore(fence: Fence, text: string): boolean {
  return !fence.top && /^[^\s>]/.test(text)
}

/**
 * The offset of the next line break (`\r\n`, `\r` or `\n`).
 *
 * @param doc The document.
 * @param from Where to start looking.
 * @returns Its offset, or -1.
 */
function nextBreak(doc: string, from: number): number {
  for (let index = from; index < doc.length; index++) {
    const code = doc.charCodeAt(index)
    if (code === 10 || code === 13) return index
  }
  return -1
}
