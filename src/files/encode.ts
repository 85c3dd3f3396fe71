import {decodeInput, decodeWindows1252, type Encoding} from './decode.js'

/**
 * Each character Windows-1252 has, with its byte: the reverse of
 * `decodeWindows1252`, so that the two cannot disagree.
 */
const windows1252Bytes: ReadonlyMap<string, number> = new Map(
  Array.from({length: 256}, (_, byte) => [decodeWindows1252(Buffer.from([byte])), byte] as const)
)

/**
 * Encode text as a file in `encoding` holds it, the inverse of `decodeInput`:
 * a byte order mark in the text is written as one.
 *
 * @param value The text.
 * @param encoding The file's encoding.
 * @returns The bytes, or `undefined` when the encoding has no byte for a character of the text.
 */
export function encodeText(value: string, encoding: Encoding): Buffer | undefined {
  switch (encoding) {
    case 'UTF-8':
      return Buffer.from(value, 'utf8')
    case 'UTF-16LE':
      return Buffer.from(value, 'utf16le')
    case 'UTF-16BE':
      return Buffer.from(value, 'utf16le').swap16()
    case 'UTF-32LE':
    case 'UTF-32BE': {
      if (unencodableCharacter(value, encoding) !== undefined) return undefined
      const points = Array.from(value, (character) => character.codePointAt(0) ?? 0)
      const bytes = Buffer.alloc(points.length * 4)
      for (const [index, point] of points.entries()) {
        if (encoding === 'UTF-32LE') bytes.writeUInt32LE(point, index * 4)
        else bytes.writeUInt32BE(point, index * 4)
      }
      return bytes
    }
    case 'Windows-1252': {
      const bytes = Buffer.alloc(value.length)
      for (let index = 0; index < value.length; index++) {
        const byte = windows1252Bytes.get(value.charAt(index))
        if (byte === undefined) return undefined
        bytes[index] = byte
      }
      return bytes
    }
  }
}

/**
 * The first character of a text that an encoding cannot write.
 *
 * @param value The text.
 * @param encoding The encoding.
 * @returns The character (a whole surrogate pair), or `undefined` when it can write them all.
 */
export function unencodableCharacter(value: string, encoding: Encoding): string | undefined {
  // UTF-32 holds every scalar value: only half of a surrogate pair, alone, has no code point to write.
  if (encoding === 'UTF-32LE' || encoding === 'UTF-32BE') return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(value)?.[0]
  if (encoding !== 'Windows-1252') return undefined
  for (const character of value) if (!windows1252Bytes.has(character)) return character
  return undefined
}

/** A text file read so that it can be written back exactly as it was but for what is changed. */
export interface RoundTripText {
  /** The text, a byte order mark included. */
  value: string
  /** The encoding to write it back in. */
  encoding: Encoding
}

/**
 * Decode a text file that copydesk will change and write back, and make
 * sure it can: decoding then encoding must give its very bytes back, and
 * it must be text (a NUL is never in a word list or a story: text in an
 * encoding read wrongly has them).
 *
 * @param bytes The file's contents.
 * @returns The text and its encoding, or `undefined` when it cannot be written back unchanged.
 */
export function decodeForRewrite(bytes: Uint8Array): RoundTripText | undefined {
  const decoded = decodeInput(bytes)
  if (decoded.kind !== 'text' || decoded.value.includes('\0')) return undefined
  const again = encodeText(decoded.value, decoded.encoding)
  if (!again || !again.equals(bytes)) return undefined
  return {value: decoded.value, encoding: decoded.encoding}
}
