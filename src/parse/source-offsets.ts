/**
 * Where each character of a parser's decoded text stands in the source.
 *
 * A parser hands over the text of a node decoded (`Kiev` for `Ki&#101;v`,
 * `*` for `\*`, `a\nb` for `a\n> b`) together with the node's place in the
 * source; the English tree is built from the decoded text, so its offsets
 * count decoded characters. Walking the node's source range in lockstep with
 * the decoded text gives every decoded character its own place: a character
 * reference maps to the character(s) it decodes to, a Markdown backslash
 * escape to its character, an HTML CRLF (read as LF) to its LF, and source
 * the parser dropped (a blockquote's `>` at the start of a line, the
 * indentation of a continuation line, a stray `</h1>` in HTML) maps to no
 * character. Nothing is searched for: each step is decided at the current
 * position, and the walk never leaves the node's own range, so a word can
 * never be placed on another copy of it further on.
 */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {DecodingMode, HtmlEntityDecoder} from 'entities/decode'
import {decodeNumericCharacterReference} from 'micromark-util-decode-numeric-character-reference'
import type {Point} from 'unist'
import type {PointAt} from './line-points.js'

/**
 * How the source was read: Markdown (micromark: references with `;` only, backslash escapes),
 * HTML (parse5: references as the HTML standard decodes them in text, legacy names without `;`
 * too; tags dropped between the pieces of text it joins) or plain text (references with `;`).
 */
export type Reading = 'markdown' | 'html' | 'text'

/** The source places of the characters of a decoded text. */
export interface SourceOffsets {
  /**
   * Where the character at an index starts; at the text's length, where its last character ends.
   *
   * @param index Index in the decoded text, `0…length`.
   * @returns Source offset.
   */
  start(index: number): number
  /**
   * Where the character before an index ends; at 0, where the first starts.
   *
   * @param index Index in the decoded text, `0…length`.
   * @returns Source offset.
   */
  end(index: number): number
  /** Whether every character was found in the source range (else the rest follow the last found, one for one). */
  readonly complete: boolean
  /** Whether source other than the characters, their references and escapes lies inside the text (markup, dropped prefixes). */
  readonly skipped: boolean
}

/**
 * Align a decoded text with the source range it was read from.
 *
 * At each step, in this order: a character reference whose characters are
 * the next decoded ones; a backslash escape (Markdown) for the next
 * character; the character itself; a CR or CRLF read as LF; a NUL read as
 * U+FFFD; else the source character (in HTML the whole tag) is markup the
 * parser dropped, and is passed over. A reference is tried before the
 * character itself because the parsers always decode one: source `&amp;`
 * can only be read as `&`.
 *
 * @param decoded The text as the parser gives it.
 * @param source The whole source.
 * @param from Where the text's source range starts.
 * @param to Where it ends.
 * @param reading How the parser read it.
 * @returns The places of its characters.
 */
export function alignDecoded(decoded: string, source: string, from: number, to: number, reading: Reading): SourceOffsets {
  const length = decoded.length
  const starts = new Int32Array(length + 1)
  const ends = new Int32Array(length + 1)
  let at = from
  let index = 0
  let skipped = false
  ends[0] = from
  while (index < length && at < to) {
    const step = writtenAt(source, at, to, decoded, index, reading)
    if (step === undefined) {
      skipped = true
      at = reading === 'html' ? afterTag(source, at, to) : at + 1
      continue
    }
    for (let unit = 0; unit < step.count; unit++) {
      starts[index + unit] = at
      ends[index + unit + 1] = step.end
    }
    index += step.count
    at = step.end
  }
  const complete = index === length
  // Out of source before the text ended (a parser that moved text): the rest
  // follow the last place found, one for one, inside the range. The finding
  // then no longer spells its word there, and `--fix` refuses it.
  let last = index === 0 ? from : (ends[index] ?? from)
  for (; index < length; index++) {
    starts[index] = last
    last = Math.min(to, last + 1)
    ends[index + 1] = last
  }
  starts[length] = ends[length] ?? from
  if (length === 0) starts[0] = from
  return {
    start: (position) => starts[position] ?? to,
    end: (position) => ends[position] ?? to,
    complete,
    skipped
  }
}

/**
 * Whether the source at an offset writes the next character(s) of the
 * decoded text, and how: a reference, an escape, the character itself, a
 * line ending read as LF, a NUL read as U+FFFD.
 *
 * @param source Source.
 * @param at Offset in the source.
 * @param to End of the range.
 * @param decoded Decoded text.
 * @param index Index of the next decoded character.
 * @param reading How the source is read.
 * @returns Where what writes them ends, and how many code units of the decoded text they are; `undefined` when the source there is something the parser dropped.
 */
function writtenAt(source: string, at: number, to: number, decoded: string, index: number, reading: Reading): {end: number; count: number} | undefined {
  const code = source.charCodeAt(at)
  const expected = decoded.charCodeAt(index)
  if (code === 0x26 /* & */) {
    const reference = referenceAt(source, at, to, reading)
    if (reference && decoded.startsWith(reference.value, index)) return {end: reference.end, count: reference.value.length}
  }
  if (code === 0x5c /* \ */ && reading === 'markdown' && at + 1 < to && source.charCodeAt(at + 1) === expected && isAsciiPunctuation(expected)) {
    return {end: at + 2, count: 1}
  }
  if (code === expected) return {end: at + 1, count: 1}
  if (code === 0x0d /* \r */ && expected === 0x0a /* \n */) {
    return {end: at + 1 < to && source.charCodeAt(at + 1) === 0x0a ? at + 2 : at + 1, count: 1}
  }
  if (code === 0 && expected === 0xfffd) return {end: at + 1, count: 1}
  return undefined
}

/**
 * Whether a UTF-16 code unit is ASCII punctuation, which CommonMark lets a backslash escape.
 *
 * @param code Code unit.
 * @returns Whether it is.
 */
function isAsciiPunctuation(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e)
}

/**
 * The end of a tag that starts at an offset (`</h1>`, `<tr class="x">`),
 * which HTML dropped between two pieces of text it joined; one character
 * on when no tag starts there.
 *
 * @param source Source.
 * @param at Offset of the character to pass over.
 * @param to End of the range.
 * @returns Offset after it.
 */
function afterTag(source: string, at: number, to: number): number {
  if (source.charCodeAt(at) !== 0x3c /* < */ || !/^<\/?[A-Za-z]/.test(source.slice(at, at + 3))) return at + 1
  let quote = 0
  for (let position = at + 1; position < to; position++) {
    const code = source.charCodeAt(position)
    if (quote !== 0) {
      if (code === quote) quote = 0
    } else if ((code === 0x22 || code === 0x27) && source.charCodeAt(position - 1) === 0x3d /* = */) {
      quote = code
    } else if (code === 0x3e /* > */) {
      return position + 1
    }
  }
  return at + 1
}

/** A character reference in the source: where it ends, and what it reads as. */
export interface Reference {
  end: number
  value: string
}

/** A reference as Markdown and plain text read one: with its `;` (CommonMark's limits on digits). */
const strictReference = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{0,31}));/y

/**
 * Code points of the reference last decoded as HTML: a scratch list, filled
 * and read within one synchronous call of `htmlReferenceAt`, so no two
 * stories ever see each other's.
 */
let decodedPoints: number[] = []
/** The decoder parse5 uses, driven the same way (see `htmlReferenceAt`); `startEntity` resets it for each reference. */
const htmlDecoder = new HtmlEntityDecoder(function (point) {
  decodedPoints.push(point)
})

/**
 * The character reference at an offset, if the reading decodes one there.
 *
 * @param source Source.
 * @param at Offset of an `&`.
 * @param to End of the range the reference must end within.
 * @param reading How the source is read.
 * @returns The reference, or `undefined` when none is read there.
 */
export function referenceAt(source: string, at: number, to: number, reading: Reading): Reference | undefined {
  const reference = reading === 'html' ? htmlReferenceAt(source, at) : strictReferenceAt(source, at)
  return reference && reference.end <= to ? reference : undefined
}

/**
 * A reference as parse5 reads one in text (the HTML standard's character
 * reference state, legacy names without `;` included: `&copy`, `&notit;`
 * is `¬it;`), with the decoder parse5 itself uses.
 *
 * @param source Source.
 * @param at Offset of an `&`.
 * @returns The reference, if any.
 */
function htmlReferenceAt(source: string, at: number): Reference | undefined {
  decodedPoints = []
  htmlDecoder.startEntity(DecodingMode.Legacy)
  let consumed = htmlDecoder.write(source, at + 1)
  if (consumed < 0) consumed = htmlDecoder.end()
  if (consumed <= 0 || decodedPoints.length === 0) return undefined
  return {end: at + consumed, value: String.fromCodePoint(...decodedPoints)}
}

/**
 * A reference as micromark reads one (named with `;`; decimal up to seven
 * digits, hexadecimal up to six), decoded as micromark decodes it.
 *
 * @param source Source.
 * @param at Offset of an `&`.
 * @returns The reference, if any.
 */
function strictReferenceAt(source: string, at: number): Reference | undefined {
  strictReference.lastIndex = at
  const match = strictReference.exec(source)
  if (!match) return undefined
  const [whole, decimal, hex, name] = match
  let value: string | false
  if (name === undefined) value = decimal === undefined ? decodeNumericCharacterReference(hex ?? '', 16) : decodeNumericCharacterReference(decimal, 10)
  else value = decodeNamedCharacterReference(name)
  return value === false ? undefined : {end: at + whole.length, value}
}

/** A node of the English tree as placed here: a leaf with a value, or a parent of such. */
interface Placed {
  value?: string
  children?: readonly Placed[]
  position?: {start: Point; end: Point} | undefined
}

/**
 * Place nodes tokenized from a decoded text at the source places of their
 * characters, one after another from an index of the text (a parent spans
 * its children).
 *
 * @param nodes Nodes, in order, their values the decoded text from `index` on.
 * @param offsets Source places of the text's characters.
 * @param pointAt Points of the source.
 * @param index Index in the decoded text where the first node starts.
 * @returns Index where the last node ends.
 */
export function placeDecoded(nodes: readonly Placed[], offsets: SourceOffsets, pointAt: PointAt, index = 0): number {
  for (const node of nodes) {
    const first = index
    if (node.children) index = placeDecoded(node.children, offsets, pointAt, index)
    else index += node.value?.length ?? 0
    const start = pointAt(offsets.start(first))
    const end = pointAt(offsets.end(index))
    node.position = start && end ? {start, end} : undefined
  }
  return index
}
