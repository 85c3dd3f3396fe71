import type {Root, Word} from 'nlcst'
import type {Location} from 'vfile-location'
import {characterReferenceEnd} from './character-reference.js'
import {shiftNode} from './relocate.js'
import {eachSentence} from '../analyse/each-sentence.js'

/** How far past its computed place a piece of a word is looked for. */
const searchWindow = 200

/**
 * Put every word back where it stands in the source.
 *
 * The Markdown and HTML converters place words by counting through decoded
 * text, which is shorter than the source wherever the source has a character
 * reference (`mayor&#39;s`), a backslash escape (`\*`) or, in HTML, a CRLF
 * line ending (the HTML parser reads CRLF as LF). Every word after such a
 * spot would be reported a little to the left; here each piece of each word
 * is matched against the source at or just after its computed offset.
 *
 * @param tree Natural-language tree from a converter, changed in place.
 * @param doc The source document.
 * @param place Location index of `doc`.
 */
export function reanchorWords(tree: Root, doc: string, place: Location): void {
  let drift = 0
  let cursor = 0
  // Words stand only in sentences; eachSentence does not go on into every
  // word's text, as eachNode did (a third of this step's time).
  eachSentence(tree, function (sentence) {
    for (const word of sentence.children) if (word.type === 'WordNode') reanchorWord(word)
  })

  /**
   * Put the pieces of one word back where they stand, and the word with them.
   *
   * @param word Word, changed in place.
   */
  function reanchorWord(word: Word): void {
    for (const piece of word.children) {
      const start = piece.position?.start.offset
      if (start === undefined || !('value' in piece)) continue
      // "captian&rsquo;s": the `’` is not in the source as such; keep the drift so far.
      const found = findPiece(doc, piece.value, start, start + drift, Math.max(cursor, start))
      if (found !== undefined) {
        drift = found - start
        cursor = found + piece.value.length
      } else {
        // "the</h1>the": the parser joined text across markup it dropped, so
        // the piece is spread over the source; it spans from its first
        // character to its last.
        const spread = findSpread(doc, piece.value, Math.max(cursor, start + drift))
        const end = piece.position?.end.offset
        const startPoint = spread && place.toPoint(spread.start)
        const endPoint = spread && place.toPoint(spread.end)
        if (spread && startPoint && endPoint && end !== undefined) {
          piece.position = {start: startPoint, end: endPoint}
          drift = spread.end - end
          cursor = spread.end
          continue
        }
      }
      if (drift !== 0) shiftNode(piece, drift, place)
    }
    const first = word.children[0]?.position
    const last = word.children.at(-1)?.position
    if (first && last) word.position = {start: first.start, end: last.end}
  }
}

/**
 * Find a piece of a word in the source: at its computed offset, at that
 * offset plus the drift so far, or a little further on.
 *
 * @param doc Source.
 * @param text The piece as parsed.
 * @param computed Offset the converter gave.
 * @param drifted Offset with the drift so far applied.
 * @param from Where to start searching further on.
 * @returns The offset in the source, if found.
 */
function findPiece(doc: string, text: string, computed: number, drifted: number, from: number): number | undefined {
  if (doc.startsWith(text, computed)) return computed
  if (doc.startsWith(text, drifted)) return drifted
  const found = doc.indexOf(text, from)
  return found !== -1 && found - computed <= searchWindow ? found : undefined
}

/**
 * Find a piece of a word whose characters stand in the source in order but
 * with markup or character references between or for them (`the</h1>the`,
 * `Ki&#101;v`, `Lukashenko![alt`).
 *
 * @param doc Source.
 * @param text The piece as parsed.
 * @param from Where its first character may be, at the earliest.
 * @returns Where it starts and ends in the source, if its characters are all there within reach.
 */
export function findSpread(doc: string, text: string, from: number): {start: number; end: number} | undefined {
  let start = -1
  let at = from
  for (const character of text) {
    const limit = start === -1 ? from + searchWindow : start + text.length + searchWindow
    let found = -1
    for (let position = at; position < doc.length && position <= limit && found === -1; position++) {
      if (doc.startsWith(character, position)) {
        found = position
        at = position + character.length
      } else if (doc.charAt(position) === '&') {
        const end = characterReferenceEnd(doc, position)
        if (end !== undefined) {
          found = position
          at = end
        }
      }
    }
    if (found === -1) return undefined
    if (start === -1) start = found
  }
  return start === -1 ? undefined : {start, end: at}
}
