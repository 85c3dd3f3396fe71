import type {Node} from 'unist'
import type {Location} from 'vfile-location'
import {eachNode} from '../analyse/each-node.js'
import {lastAtOrBefore} from './line-points.js'

/**
 * Move the positions of a tree parsed from a slice of a document to where the
 * slice stands in the whole document.
 *
 * Parsers see only the slice (a front-matter headline, a block of HTML inside
 * Markdown), so their offsets start at 0; every finding must point into the
 * file the editor has open.
 *
 * @param tree Tree whose positions are relative to the slice.
 * @param sliceStart Offset of the slice in the whole document; or, for a
 *   slice that is not the source as written (decoded, or with a quote's
 *   `> ` left out of its lines), the offset in the document of each offset
 *   of the slice.
 * @param place Location index of the whole document.
 */
export function relocate(tree: Node, sliceStart: number | ((offset: number) => number), place: Location): void {
  const offsetOf = typeof sliceStart === 'number' ? (offset: number) => offset + sliceStart : sliceStart
  eachNode(tree, undefined, function (node) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const startPoint = place.toPoint(offsetOf(start))
    const endPoint = place.toPoint(offsetOf(end))
    node.position = startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined
  })
}

/**
 * The document offsets of a slice whose lines are each the end of a line of
 * the document (a block of HTML in a quote or a list item: micromark gives
 * its lines without the `> ` or the indentation before them), line for line.
 *
 * @param slice The slice as the parser gives it.
 * @param doc The whole document.
 * @param start Where the slice's first line starts in the document.
 * @returns The document offset of each offset of the slice.
 */
export function lineByLineOffsets(slice: string, doc: string, start: number): (offset: number) => number {
  // Per line of the slice: where it starts in the slice, and what to add to
  // an offset on it. The end of each line is matched: what was left out
  // (`> `, indentation, a tab read as spaces) is at its start.
  const sliceStarts: number[] = []
  const shifts: number[] = []
  const lineEnd = /\r\n|\r|\n|$/g
  let sliceLine = 0
  let docLine = start
  while (sliceLine <= slice.length) {
    lineEnd.lastIndex = sliceLine
    const sliceEnd = lineEnd.exec(slice)?.index ?? slice.length
    lineEnd.lastIndex = docLine
    const docEnd = lineEnd.exec(doc)?.index ?? doc.length
    sliceStarts.push(sliceLine)
    shifts.push(Math.max(docLine, docEnd - (sliceEnd - sliceLine)) - sliceLine)
    if (sliceEnd >= slice.length) break
    const breakLength = slice.startsWith('\r\n', sliceEnd) ? 2 : 1
    sliceLine = sliceEnd + breakLength
    docLine = docEnd + (doc.startsWith('\r\n', docEnd) ? 2 : 1)
  }
  return (offset) => offset + (shifts[lastAtOrBefore(sliceStarts, offset)] ?? 0)
}
