import {decodeNamedCharacterReference} from 'decode-named-character-reference'

/** A character reference to decode: named (`&mdash;`), decimal (`&#34;`) or hexadecimal (`&#x2019;`). */
const decodableReference = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g

/**
 * The character a reference stands for, or the reference itself when it
 * stands for none (an unknown name, a NUL, a surrogate, past Unicode).
 *
 * @param reference The whole reference.
 * @param decimal Its decimal code point, if numeric.
 * @param hex Its hexadecimal code point, if numeric.
 * @param name Its name, if named.
 * @returns The character.
 */
export function decodeReference(reference: string, decimal?: string, hex?: string, name?: string): string {
  if (name !== undefined) {
    const decoded = decodeNamedCharacterReference(name)
    return decoded === false ? reference : decoded
  }
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16)
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : reference
}

/** A text with its character references decoded, and where each of its offsets stands in the source. */
export interface DecodedText {
  /** The decoded text. */
  text: string
  /**
   * The source offset of an offset of the decoded text: the end of a
   * decoded character is the end of its reference (`caf&#233;` ends at 9).
   */
  sourceOffset(offset: number): number
}

/**
 * Decode the character references of a text read as plain text (`caf&#233;`
 * copied out of a web page), keeping a map back to the source. A reference
 * that stands for a line break or another control character is kept as
 * written: decoding it would move the lines the places count.
 *
 * @param source The text.
 * @returns The decoded text and its map, or `undefined` when it has no reference to decode.
 */
export function decodeWithSourceMap(source: string): DecodedText | undefined {
  if (!source.includes('&')) return undefined
  // Per reference: where its character ends in the decoded text, and by how much the source is longer to there.
  const ends: number[] = []
  const shifts: number[] = []
  let shift = 0
  const text = source.replace(decodableReference, function (reference: string, decimal?: string, hex?: string, name?: string, at?: number) {
    const decoded = decodeReference(reference, decimal, hex, name)
    if (decoded === reference || /^[\p{Cc}]$/u.test(decoded)) return reference
    shift += reference.length - decoded.length
    ends.push((at ?? 0) - (shift - (reference.length - decoded.length)) + decoded.length)
    shifts.push(shift)
    return decoded
  })
  if (ends.length === 0) return undefined
  return {
    text,
    sourceOffset(offset) {
      // The last reference whose character ends at or before the offset.
      let low = 0
      let high = ends.length
      while (low < high) {
        const middle = (low + high) >>> 1
        if ((ends[middle] ?? 0) <= offset) low = middle + 1
        else high = middle
      }
      return offset + (low === 0 ? 0 : (shifts[low - 1] ?? 0))
    }
  }
}
