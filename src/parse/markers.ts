import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {Location} from 'vfile-location'

/** A word in a comment marker (its keyword or a rule id), where it stands in the file. */
export interface MarkerWord {
  /** The word as written. */
  value: string
  /** Where it is in the file. */
  position: Position
}

/**
 * A comment that speaks to copydesk, such as `<!-- copydesk-disable spelling -->`:
 * its first word starts with `copydesk`.
 */
export interface CommentMarker {
  /** The first word (`copydesk-disable`); may be misspelt, which is checked later. */
  keyword: MarkerWord
  /** The rule ids after it, none for every rule. */
  ruleIds: MarkerWord[]
  /** The whole comment, `<!--` to `-->`. */
  position: Position
}

/** Words of a comment, separated by white space or, as ESLint users write them, commas. */
const word = /[^\s,]+/g

/**
 * Read a comment as a copydesk marker.
 *
 * @param source The comment as it stands in the document, `<!--` to `-->`.
 * @param start Offset of the comment in the document.
 * @param place Location index of the document.
 * @returns The marker, or `undefined` when the comment is not for copydesk.
 */
export function commentMarker(source: string, start: number, place: Location): CommentMarker | undefined {
  if (!source.startsWith('<!--') || !source.endsWith('-->')) return undefined
  const inner = source.slice(4, -3)
  const words = [...inner.matchAll(word)].flatMap(function (match): MarkerWord[] {
    const offset = start + 4 + match.index
    const position = positionOf(offset, offset + match[0].length, place)
    return position ? [{value: match[0], position}] : []
  })
  const [keyword, ...ruleIds] = words
  // "<!-- copydesk-disable -->", but not "<!-- copydesks are closed -->" or "<!-- TODO -->".
  if (!keyword || !/^copydesk(?:-|$)/i.test(keyword.value)) return undefined
  const position = positionOf(start, start + source.length, place)
  return position ? {keyword, ruleIds, position} : undefined
}

/**
 * Find the comment markers in a slice of Markdown that the parser read as
 * raw HTML (a comment, or a block of HTML holding comments).
 *
 * The slice is taken from the document rather than from the node's value,
 * which loses the `>` of block quotes and the indent of list items.
 *
 * @param doc The whole document.
 * @param start Offset where the HTML starts.
 * @param end Offset where it ends.
 * @param place Location index of the document.
 * @returns Markers, in document order.
 */
export function markersInHtmlSource(doc: string, start: number, end: number, place: Location): CommentMarker[] {
  const markers: CommentMarker[] = []
  for (const match of doc.slice(start, end).matchAll(/<!--[\s\S]*?-->/g)) {
    const marker = commentMarker(match[0], start + match.index, place)
    if (marker) markers.push(marker)
  }
  return markers
}

/**
 * Keep markers on a file, for the lint step to apply after the rules ran.
 *
 * @param file The file being parsed.
 * @param markers Markers found in it.
 */
export function addMarkers(file: VFile, markers: readonly CommentMarker[]): void {
  if (markers.length === 0) return
  file.data.copydeskMarkers = [...(file.data.copydeskMarkers ?? []), ...markers]
}

/**
 * Make a position from two offsets.
 *
 * @param start Start offset.
 * @param end End offset.
 * @param place Location index of the document.
 * @returns The position, if both offsets are in the document.
 */
function positionOf(start: number, end: number, place: Location): Position | undefined {
  const startPoint = place.toPoint(start)
  const endPoint = place.toPoint(end)
  return startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined
}

declare module 'vfile' {
  interface DataMap {
    /** Comment markers (`<!-- copydesk-disable … -->`) found while parsing, in document order. */
    copydeskMarkers: CommentMarker[]
  }
}
