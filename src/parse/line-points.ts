import type {Point} from 'unist'

/** The point of an offset in a document, or `undefined` outside it. */
export type PointAt = (offset: number | undefined) => Point | undefined

/**
 * Make a function that gives the line and column of an offset in a
 * document, as `toPoint` of `vfile-location` does (`\r\n`, `\r` and `\n`
 * each end a line; an offset outside `0…doc.length` has no point).
 *
 * The lines are indexed once, and the line of the last offset asked for is
 * tried first: a converter asks for the offsets of a document's words
 * mostly in order, a few on each line, so a binary search over all lines is
 * rarely needed.
 *
 * @param doc The document.
 * @returns The point of an offset; a new object at every call.
 */
export function linePoints(doc: string): PointAt {
  const starts = lineStarts(doc)
  const lastLine = starts.length - 1
  let line = 0
  let lineStart = 0
  let nextStart = starts.length > 1 ? (starts[1] ?? Infinity) : Infinity
  return function (offset) {
    if (offset === undefined || !(offset > -1) || offset > doc.length) return undefined
    if (offset < lineStart || offset >= nextStart) {
      line = lastAtOrBefore(starts, offset)
      lineStart = starts[line] ?? 0
      nextStart = line < lastLine ? (starts[line + 1] ?? Infinity) : Infinity
    }
    return {line: line + 1, column: offset - lineStart + 1, offset}
  }
}

/**
 * Find where each line of a document starts.
 *
 * @param doc The document.
 * @returns Offsets of line starts, the first `0`.
 */
function lineStarts(doc: string): number[] {
  const starts = [0]
  let cr = doc.indexOf('\r')
  let lf = doc.indexOf('\n')
  while (cr !== -1 || lf !== -1) {
    // The earlier of the two ends the line; `\r\n` is one line ending.
    const end = cr === -1 ? lf : lf === -1 ? cr : cr + 1 === lf ? lf : Math.min(cr, lf)
    starts.push(end + 1)
    if (cr !== -1 && cr <= end) cr = doc.indexOf('\r', end + 1)
    if (lf !== -1 && lf <= end) lf = doc.indexOf('\n', end + 1)
  }
  return starts
}

/**
 * The last of ascending offsets at or before an offset: of line starts, the
 * line (0-based) the offset is on.
 *
 * @param starts Ascending offsets.
 * @param offset Offset.
 * @returns Its index; 0 when none is at or before the offset.
 */
export function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] ?? 0) <= offset) low = middle
    else high = middle - 1
  }
  return low
}
