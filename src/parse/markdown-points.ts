import type {Point} from 'unist'

/** The point (line, column, offset) of an offset in a Markdown source, as micromark gives it. */
export type PointAt = (offset: number) => Point

/**
 * Make points for offsets in a run of lines of a source, without a location
 * index of the whole document: the nodes built outside micromark need the
 * points micromark would give them, and a block is a few lines.
 *
 * Columns count UTF-16 code units from 1, as micromark's do: it reads the
 * source a code unit at a time. The run has no tab (micromark counts a tab
 * as one column but expands it for indents) and no CR.
 *
 * @param doc The Markdown source.
 * @param lineStart Offset of the start of the run's first line.
 * @param line Number of that line.
 * @param end Offset the run ends at.
 * @returns Point of an offset from `lineStart` to `end`.
 */
export function pointsIn(doc: string, lineStart: number, line: number, end: number): PointAt {
  // Offsets where each line of the run starts.
  const starts = [lineStart]
  let from = lineStart
  let found: number
  while ((found = doc.indexOf('\n', from)) !== -1 && found < end) {
    from = found + 1
    starts.push(from)
  }
  return (offset) => {
    let index = starts.length - 1
    while (index > 0 && (starts[index] ?? 0) > offset) index--
    return {line: line + index, column: offset - (starts[index] ?? 0) + 1, offset}
  }
}
