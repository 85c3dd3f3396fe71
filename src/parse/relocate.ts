import type {Node} from 'unist'
import type {Location} from 'vfile-location'
import {eachNode} from '../analyse/each-node.js'

/**
 * Move the positions of a tree parsed from a slice of a document to where the
 * slice stands in the whole document.
 *
 * Parsers see only the slice (a front-matter headline, a block of HTML inside
 * Markdown), so their offsets start at 0; every finding must point into the
 * file the editor has open.
 *
 * @param tree Tree whose positions are relative to the slice.
 * @param sliceStart Offset of the slice in the whole document.
 * @param place Location index of the whole document.
 */
export function relocate(tree: Node, sliceStart: number, place: Location): void {
  eachNode(tree, undefined, (node) => shiftNode(node, sliceStart, place))
}

/**
 * Move one node (not its descendants) by a number of characters, recomputing
 * its lines and columns.
 *
 * @param node Node to move.
 * @param delta Characters to move by.
 * @param place Location index of the whole document.
 */
export function shiftNode(node: Node, delta: number, place: Location): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return
  const startPoint = place.toPoint(start + delta)
  const endPoint = place.toPoint(end + delta)
  if (startPoint && endPoint) node.position = {start: startPoint, end: endPoint}
}
