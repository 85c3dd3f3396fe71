import type {Root} from 'nlcst'
import type {ParseEnglish} from 'parse-english'
import type {Node} from 'unist'
import {decodeWithSourceMap} from './character-reference.js'
import {parseTextInChunks} from './chunks.js'
import {linePoints} from './line-points.js'

/**
 * Parse a plain-text story. Text copied out of a web page or a feed may
 * keep its character references (`caf&#233;`, `mayor&#8217;s`): a reader of
 * the page saw `café` and `mayor’s`, while the tokenizer would split the
 * reference into a word `caf`, a symbol and a number, and the spell check
 * would report `caf`. Such a story is parsed as it reads, decoded, and
 * every node is then put back where it stands in the source: a word that
 * was written with a reference spans it (`caf&#233;`), so a finding covers
 * the word as written.
 *
 * @param doc The story's text (site code blanked out).
 * @param english English parser.
 * @returns Its natural-language tree, positioned in `doc`.
 */
export function parsePlainText(doc: string, english: ParseEnglish): Root {
  const decoded = decodeWithSourceMap(doc)
  if (!decoded) return parseTextInChunks(doc, english)
  const root = parseTextInChunks(decoded.text, english)
  const pointAt = linePoints(doc)
  // A plain walk, as `shiftTree` does; each node gets points of its own (the tokenizer shares them).
  const stack: Node[] = [root]
  let node: Node | undefined
  while ((node = stack.pop())) {
    const {start, end} = node.position ?? {}
    if (start?.offset !== undefined && end?.offset !== undefined) {
      const startPoint = pointAt(decoded.sourceOffset(start.offset))
      const endPoint = pointAt(decoded.sourceOffset(end.offset))
      node.position = startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined
    }
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children as Node[]) stack.push(child)
  }
  return root
}
