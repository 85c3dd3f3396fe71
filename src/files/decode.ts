import {isUtf8} from 'node:buffer'

/** How a story's bytes were read. */
export type Encoding = 'UTF-8' | 'Windows-1252' | 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE'

/** What a story's bytes are. */
export type DecodedInput =
  | {kind: 'text'; value: string; encoding: Encoding}
  | {kind: 'binary'}
  /**
   * Neither binary nor text in an encoding copydesk reads: `offset` (and
   * `line`) is the first byte that cannot be read as `encoding`, the last
   * encoding tried.
   */
  | {kind: 'undecodable'; offset: number; line: number; byte: number; encoding: Encoding}

/**
 * Bytes at the start of a file that name a binary format outright. Most
 * binary files give themselves away by their NUL bytes (see `looksBinary`);
 * these are the common ones in a newsroom's folders, matched first because
 * a PDF can open with a few kilobytes of plain-looking object text.
 */
const signatures: readonly Uint8Array[] = [
  '%PDF-',
  '\x89PNG\r\n\x1A\n',
  '\xFF\xD8\xFF', // JPEG
  'GIF87a',
  'GIF89a',
  'PK\x03\x04', // ZIP: .docx, .xlsx, .odt, .epub
  '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1', // OLE2: .doc, .xls
  '\x1F\x8B' // gzip
].map((signature) => Uint8Array.from(signature, (character) => character.charCodeAt(0)))

/**
 * How much of a file is looked at to tell binary from text: git looks at
 * the first 8,000 bytes; a story's first 8 KB are as telling.
 */
const sniffBytes = 8192

/**
 * Tell a story's encoding and decode it, or tell that it is binary.
 *
 * UTF-8 first (with or without a byte order mark, which is kept in the
 * value); UTF-32 or UTF-16 when it starts with its byte order mark (what
 * older Windows editors save as "Unicode"; read as UTF-16, UTF-32 would be
 * a word between NULs at every other character, its slips never seen); binary when it looks so (see
 * `looksBinary`); else Windows-1252, of which Latin-1 text is a part, when
 * every byte is one that Windows-1252 text has.
 *
 * @param bytes The file's contents.
 * @returns The text and its encoding, `binary`, or where decoding fails.
 */
export function decodeInput(bytes: Uint8Array): DecodedInput {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // UTF-32LE's mark starts as UTF-16LE's does: it is looked for first, as
  // WHATWG's and ICU's detectors do (a UTF-16 text opening with a NUL is no story).
  if (buffer[0] === 0xff && buffer[1] === 0xfe && buffer[2] === 0 && buffer[3] === 0) return utf32(buffer, 'UTF-32LE')
  if (buffer[0] === 0 && buffer[1] === 0 && buffer[2] === 0xfe && buffer[3] === 0xff) return utf32(buffer, 'UTF-32BE')
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return utf16(buffer, 'UTF-16LE')
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return utf16(buffer, 'UTF-16BE')
  if (looksBinary(buffer)) return {kind: 'binary'}
  if (isUtf8(buffer)) return {kind: 'text', value: buffer.toString('utf8'), encoding: 'UTF-8'}
  const offset = buffer.findIndex((byte) => !isWindows1252Text(byte))
  if (offset !== -1) return undecodable(buffer, offset, 'Windows-1252')
  return {kind: 'text', value: decodeWindows1252(buffer), encoding: 'Windows-1252'}
}

/**
 * Whether a file is binary rather than text.
 *
 * git calls a file binary when its first 8,000 bytes hold a NUL, and so do
 * the libraries that do this job (`isbinaryfile`, after Perl's `-B`); but a
 * story with one stray NUL from a broken export is still a story, to lint
 * and not to skip. So a NUL only counts when what is around it is not text
 * either: when the bytes looked at are not UTF-8, or when more than one in
 * ten is a control character (images and archives are about one in eight,
 * UTF-16 without a byte order mark one in two). Extensions (`is-binary-path`)
 * decide nothing: a named file can be a story saved as `STORY`, and a
 * `.txt` can be a PNG.
 *
 * Cheap on a run of 1,000 stories: a text file without NUL costs one
 * `indexOf` over its first 8 KB.
 *
 * @param bytes The file's contents.
 * @returns Whether to skip it as binary.
 */
export function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, sniffBytes)
  if (signatures.some((signature) => startsWith(sample, signature))) return true
  if (sample.indexOf(0) === -1) return false
  let controls = 0
  for (const byte of sample) if (byte < 0x20 && !textControls.has(byte)) controls++
  if (controls * 10 > sample.length) return true
  return !isUtf8(withoutCutCharacter(sample, bytes.length))
}

/** Control characters that text has: tab, line feed, vertical tab, form feed, carriage return. */
const textControls = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d])

/**
 * Whether a byte can be part of Windows-1252 text: not one of the five
 * bytes the encoding leaves undefined, nor a control character other than
 * tab, line feed, form feed and carriage return. Text that has these is
 * something else, and reading it as Windows-1252 would only invent words.
 *
 * @param byte A byte.
 * @returns Whether text in Windows-1252 can have it.
 */
function isWindows1252Text(byte: number): boolean {
  if (byte < 0x20) return byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d
  return byte !== 0x81 && byte !== 0x8d && byte !== 0x8f && byte !== 0x90 && byte !== 0x9d
}

/**
 * What Windows-1252 has at 0x80 to 0x9F, where Latin-1 has control
 * characters (the undefined five are never decoded: see
 * `isWindows1252Text`). Node 20's `TextDecoder('windows-1252')` decodes
 * these bytes as Latin-1 does (0x92 as U+0092, not `’`), so copydesk
 * decodes them itself.
 */
const windows1252High =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178'

/**
 * Decode Windows-1252: Latin-1, but for 0x80 to 0x9F. One byte is one
 * character, every one in the Basic Multilingual Plane, so a column counts
 * bytes of the line as well as characters.
 *
 * @param bytes Bytes that are all Windows-1252 text.
 * @returns The text.
 */
export function decodeWindows1252(bytes: Buffer): string {
  return bytes
    .toString('latin1')
    .replace(/[\u0080-\u009F]/g, (character) => windows1252High[character.charCodeAt(0) - 0x80] ?? character)
}

/**
 * Decode UTF-16 that starts with its byte order mark, keeping the mark in
 * the value as UTF-8 reading does.
 *
 * @param bytes The file's contents.
 * @param encoding Which byte order.
 * @returns The text, or where it stops being UTF-16.
 */
function utf16(bytes: Buffer, encoding: 'UTF-16LE' | 'UTF-16BE'): DecodedInput {
  // An odd byte at the end is half a character.
  if (bytes.length % 2 === 1) return undecodable(bytes, bytes.length - 1, encoding)
  const little = Buffer.from(bytes)
  if (encoding === 'UTF-16BE') little.swap16()
  const value = little.toString('utf16le')
  // Half of a surrogate pair alone is not UTF-16 either.
  const lone = value.search(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
  if (lone !== -1) return undecodable(bytes, lone * 2, encoding)
  return {kind: 'text', value, encoding}
}

/**
 * Decode UTF-32 that starts with its byte order mark, keeping the mark in
 * the value as UTF-8 reading does. Node has no UTF-32 decoder: each four
 * bytes are one code point, which must be a Unicode scalar value (not a
 * surrogate, not past U+10FFFF).
 *
 * @param bytes The file's contents.
 * @param encoding Which byte order.
 * @returns The text, or where it stops being UTF-32.
 */
function utf32(bytes: Buffer, encoding: 'UTF-32LE' | 'UTF-32BE'): DecodedInput {
  // A length that is not a multiple of four ends in part of a character.
  const whole = bytes.length - (bytes.length % 4)
  const pieces: string[] = []
  // Code points a chunk at a time: `String.fromCodePoint` takes a bounded number of arguments.
  const chunk: number[] = []
  for (let offset = 0; offset < whole; offset += 4) {
    const point = encoding === 'UTF-32LE' ? bytes.readUInt32LE(offset) : bytes.readUInt32BE(offset)
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return undecodable(bytes, offset, encoding)
    chunk.push(point)
    if (chunk.length === 8192) pieces.push(String.fromCodePoint(...chunk.splice(0)))
  }
  if (whole !== bytes.length) return undecodable(bytes, whole, encoding)
  pieces.push(String.fromCodePoint(...chunk))
  return {kind: 'text', value: pieces.join(''), encoding}
}

/**
 * Say where decoding fails.
 *
 * @param bytes The file's contents.
 * @param offset The first byte that cannot be read.
 * @param encoding What the bytes were read as.
 * @returns The failure, with the 1-based line of that byte.
 */
function undecodable(bytes: Buffer, offset: number, encoding: Encoding): DecodedInput {
  let before: string
  if (encoding === 'UTF-32LE' || encoding === 'UTF-32BE') {
    // Only line breaks count here: every other character stands as a space.
    const units: number[] = []
    for (let at = 0; at + 4 <= offset; at += 4) {
      const point = encoding === 'UTF-32LE' ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at)
      units.push(point === 0x0a || point === 0x0d ? point : 0x20)
    }
    before = Buffer.from(units).toString('latin1')
  } else if (encoding === 'UTF-16LE' || encoding === 'UTF-16BE') {
    const prefix = Buffer.from(bytes.subarray(0, offset - (offset % 2)))
    if (encoding === 'UTF-16BE') prefix.swap16()
    before = prefix.toString('utf16le')
  } else {
    before = bytes.subarray(0, offset).toString('latin1')
  }
  // Lines end as vfile-location ends them: CRLF, LF or a lone CR.
  const line = before.split(/\r\n|\r|\n/).length
  return {kind: 'undecodable', offset, line, byte: bytes[offset] ?? 0, encoding}
}

/**
 * Whether bytes start with a signature.
 *
 * @param bytes Bytes.
 * @param signature Signature.
 * @returns Whether they do.
 */
function startsWith(bytes: Uint8Array, signature: Uint8Array): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte)
}

/**
 * The sample without a UTF-8 character that the sample's end cut in two
 * (up to three bytes of a four-byte sequence), so that the cut alone does
 * not make it look like something other than UTF-8.
 *
 * @param sample The first bytes of a file.
 * @param total The file's length.
 * @returns The sample, or the sample without its cut character.
 */
function withoutCutCharacter(sample: Buffer, total: number): Buffer {
  if (sample.length === total) return sample
  let end = sample.length
  // Back over continuation bytes (10xxxxxx) to the lead byte, at most three.
  while (end > sample.length - 3 && end > 0 && ((sample[end - 1] ?? 0) & 0xc0) === 0x80) end--
  if (end > 0 && ((sample[end - 1] ?? 0) & 0xc0) === 0xc0) end--
  return sample.subarray(0, end)
}
