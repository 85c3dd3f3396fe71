import type {Range} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/**
 * Where a finding stands in an editor's document, as LSP counts: 0-based
 * lines and UTF-16 code units. A finding's place carries offsets into the
 * story's text, which are UTF-16 code units too (JavaScript strings), so
 * the document itself turns them into lines and characters: an astral
 * character (two units) and a CRLF line end come out as the client counts
 * them, whatever copydesk's own 1-based columns say.
 */

/**
 * The offsets of a place into the document's text: the story's text, less
 * a byte order mark that `lintText` took off the front.
 *
 * @param place A finding's or cause's place.
 * @param file The linted story (`file.data.bom`).
 * @returns Start and end offsets in the document, or `undefined` without offsets.
 */
export function documentOffsets(place: VFileMessage['place'], file: VFile): {start: number; end: number} | undefined {
  if (!place) return undefined
  const start = 'start' in place ? place.start.offset : place.offset
  const end = 'end' in place ? place.end.offset : start
  if (start === undefined || end === undefined) return undefined
  const shift = file.data.bom ? 1 : 0
  return {start: start + shift, end: end + shift}
}

/**
 * The LSP range of a place in a document.
 *
 * @param place A finding's or cause's place.
 * @param file The linted story.
 * @param document The document it was linted from.
 * @returns The range, or `undefined` without offsets.
 */
export function documentRange(place: VFileMessage['place'], file: VFile, document: TextDocument): Range | undefined {
  const offsets = documentOffsets(place, file)
  return offsets && {start: document.positionAt(offsets.start), end: document.positionAt(offsets.end)}
}

/**
 * The LSP range of a place given by copydesk's 1-based line and column, in
 * a file that is not open (the first use of a name in another story): the
 * columns count UTF-16 code units, as LSP's characters do.
 *
 * @param place The place.
 * @returns The range.
 */
export function rangeFromLines(place: NonNullable<VFileMessage['place']>): Range {
  const start = 'start' in place ? place.start : place
  const end = 'end' in place ? place.end : place
  return {
    start: {line: Math.max(0, start.line - 1), character: Math.max(0, start.column - 1)},
    end: {line: Math.max(0, end.line - 1), character: Math.max(0, end.column - 1)}
  }
}

/**
 * Whether two ranges touch or overlap: a code action request for a cursor
 * inside or at either end of a word finds the word's findings.
 *
 * @param a A range.
 * @param b Another.
 * @returns Whether they meet.
 */
export function rangesMeet(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start))
}

/**
 * Whether one position comes strictly before another.
 *
 * @param a A position.
 * @param b Another.
 * @returns Whether `a` is before `b`.
 */
function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character)
}
