import type {Paragraph} from 'nlcst'
import type {ParseEnglish} from 'parse-english'
import {parse as parseToml} from 'smol-toml'
import type {Location} from 'vfile-location'
import {isMap, isScalar, parseDocument, Scalar} from 'yaml'
import {maxConfigDepth, nestsTooDeep} from '../config/config-shape.js'
import {decodeWithSourceMap} from './character-reference.js'
import {relocate} from './relocate.js'
import type {Span} from './template-code.js'

/**
 * Front-matter keys whose values are headline copy and so are checked,
 * unless config `frontMatterFields` names others (compared in lower case).
 */
export const headlineKeys: ReadonlySet<string> = new Set([
  'title',
  'headline',
  'subtitle',
  'description',
  'summary',
  'dek',
  'excerpt'
])

/** The syntax of a front-matter block: YAML (`---`), TOML (`+++`) or a JSON object (`{`). */
export type FrontMatterSyntax = 'yaml' | 'toml' | 'json'

/**
 * Parse the headline-like fields of front matter as prose.
 *
 * Each value is read from the source as written, not as YAML decodes it, so
 * that a finding in `title: "Jiangshu port deal"` points at the real column.
 *
 * @param source The front matter between its fences (`---`, `+++`), or the JSON object.
 * @param start Offset of `source` in the whole document.
 * @param place Location index of the whole document.
 * @param english English parser.
 * @param syntax The front matter's syntax.
 * @param fields The fields to check, in lower case.
 * @returns One paragraph per checked field, positioned in the whole document.
 */
export function parseFrontMatterHeadlines(
  source: string,
  start: number,
  place: Location,
  english: ParseEnglish,
  syntax: FrontMatterSyntax = 'yaml',
  fields: ReadonlySet<string> = headlineKeys
): Paragraph[] {
  const spans =
    syntax === 'toml'
      ? tomlHeadlineSpans(source, fields)
      : syntax === 'json'
        ? headlineSpans(source, fields)
        : (simpleHeadlineSpans(source, fields) ?? headlineSpans(source, fields))
  return parseProseSpans(source, spans, start, place, english)
}

/**
 * Parse spans of a source as prose of their own (a headline field, an
 * image's `alt` in a template tag), each positioned where it stands.
 *
 * Such text is rendered as HTML: its tags (`description: Our <a
 * href="/api">API</a> guide`) are markup, not words, and are blanked out
 * first; its character references (`Espa&ntilde;ol`, `Pro**&mdash;When`)
 * are read as the characters they stand for, and each word put back where
 * it stands in the source.
 *
 * @param source The source the spans are in.
 * @param spans Start and end offsets in `source`.
 * @param start Offset of `source` in the whole document.
 * @param place Location index of the whole document.
 * @param english English parser.
 * @returns Their paragraphs, in order.
 */
export function parseProseSpans(
  source: string,
  spans: readonly Span[],
  start: number,
  place: Location,
  english: ParseEnglish
): Paragraph[] {
  const paragraphs: Paragraph[] = []
  for (const span of spans) {
    const raw = source.slice(span[0], span[1])
    const text = raw.includes('<') ? raw.replace(/<\/?[A-Za-z][^<>\n]*>/g, (tag) => ' '.repeat(tag.length)) : raw
    // Decoded with a map back to the source: each word at its characters as written.
    const decoded = decodeWithSourceMap(text)
    const root = english.parse(decoded ? decoded.text : text)
    const sliceStart = start + span[0]
    relocate(root, decoded ? (offset) => sliceStart + decoded.sourceOffset(offset) : sliceStart, place)
    for (const child of root.children) {
      if (child.type === 'ParagraphNode') paragraphs.push(child)
    }
  }
  return paragraphs
}

/**
 * Find JSON front matter, as Hugo reads it: a JSON object that opens the
 * story, then a line break.
 *
 * @param doc The story.
 * @returns The length of the object, or `undefined` when the story opens with none.
 */
export function jsonFrontMatterEnd(doc: string): number | undefined {
  if (!/^\{\s*(?:"|\})/.test(doc)) return undefined
  let depth = 0
  let inString = false
  // A story that opens with a brace and runs on is no front matter: give up past 64 KiB.
  const limit = Math.min(doc.length, 65_536)
  for (let index = 0; index < limit; index++) {
    const char = doc.charAt(index)
    if (inString) {
      if (char === '\\') index++
      else if (char === '"') inString = false
    } else if (char === '"') {
      inString = true
    } else if (char === '{') {
      depth++
    } else if (char === '}' && --depth === 0) {
      const end = index + 1
      if (!/^[ \t]*(?:\r?\n|$)/.test(doc.slice(end, end + 200))) return undefined
      try {
        const value: unknown = JSON.parse(doc.slice(0, end))
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? end : undefined
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

/** Front matter that the format's parser does not read itself, and where its fields are. */
export interface OwnFrontMatter {
  /** Its syntax. */
  syntax: FrontMatterSyntax
  /** Offset where it ends (after the closing fence or brace). */
  end: number
  /** Start and end offsets of the text between its fences (the whole object, for JSON). */
  body: Span
}

/** Blank lines, then a YAML (`---`) or TOML (`+++`) fence alone on its line. */
const fenceAfterBlankLines = /^(?:[ \t]*(?:\r\n|\r|\n))+(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/

/** A line that closes YAML or TOML front matter, from the line break before it. */
const closingYamlFence = /(?:\r\n|\r|\n)---[ \t]*(?=\r\n|\r|\n|$)/g
const closingTomlFence = /(?:\r\n|\r|\n)\+\+\+[ \t]*(?=\r\n|\r|\n|$)/g

/**
 * Find front matter that remark-frontmatter leaves as text: a JSON object
 * (see `jsonFrontMatterEnd`), or YAML or TOML after blank lines, which Hugo
 * reads as front matter though remark reads it only at the very start.
 *
 * @param doc The story.
 * @returns Where it is, or `undefined` when the story opens with none of these.
 */
export function ownFrontMatter(doc: string): OwnFrontMatter | undefined {
  const jsonEnd = jsonFrontMatterEnd(doc)
  if (jsonEnd !== undefined) return {syntax: 'json', end: jsonEnd, body: [0, jsonEnd]}
  const open = fenceAfterBlankLines.exec(doc)
  if (!open) return undefined
  const fence = open[1] ?? ''
  const bodyStart = open[0].length
  // The closing fence: the same three characters alone on a line.
  const close = fence === '---' ? closingYamlFence : closingTomlFence
  close.lastIndex = bodyStart - 1
  const found = close.exec(doc)
  if (!found) return undefined
  const bodyEnd = Math.max(bodyStart, found.index)
  // A rule (`---`) opening a story after a blank line is no front matter: its first line must be a field.
  const field = fence === '---' ? /^[ \t]*[\w"'][^:\n]*:(?:[ \t]|$)/m : tomlField
  const firstLine = /^[ \t]*\S.*$/m.exec(doc.slice(bodyStart, bodyEnd))?.[0]
  if (firstLine === undefined || !field.test(firstLine)) return undefined
  return {syntax: fence === '---' ? 'yaml' : 'toml', end: found.index + found[0].length, body: [bodyStart, bodyEnd]}
}

/** A top-level `key = value` line of TOML: a bare or quoted key. */
const tomlField = /^[ \t]*([A-Za-z0-9_-]+|"[^"\\\n]*"|'[^'\n]*')[ \t]*=[ \t]*/

/** A one-line TOML string: basic (`"…"`, escapes kept as written) or literal (`'…'`), then at most a comment. */
const tomlLineString = /^(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)')[ \t]*(?:#.*)?$/

/**
 * Find the text of each headline field of TOML front matter (Hugo's `+++`).
 * The document is first read by a TOML parser, so that only a valid
 * document's top-level strings are checked; their places come from a scan of
 * the lines, kept only where it agrees with the parser.
 *
 * @param source The front matter between its `+++` fences.
 * @param fields The fields to check, in lower case.
 * @returns Start and end offsets of each value's text, in order.
 */
export function tomlHeadlineSpans(source: string, fields: ReadonlySet<string> = headlineKeys): Span[] {
  let parsed: Record<string, unknown>
  try {
    parsed = parseToml(source)
  } catch {
    // Broken front matter is the site generator's to report.
    return []
  }
  const spans: Span[] = []
  let offset = 0
  // Inside a multi-line string or array, no line is a key.
  let open: {close: string; headline: boolean; start: number} | undefined
  for (const line of source.split('\n')) {
    const lineStart = offset
    offset += line.length + 1
    if (open) {
      const at = line.indexOf(open.close)
      if (at === -1) continue
      if (open.headline) spans.push([open.start, lineStart + at])
      open = undefined
      continue
    }
    // Tables (`[params]`) hold no top-level fields: the headline fields come before them.
    if (/^[ \t]*\[/.test(line)) break
    const field = tomlField.exec(line)
    if (!field) continue
    const key = (field[1] ?? '').replace(/^["']|["']$/g, '')
    const value = parsed[key]
    const valueStart = lineStart + field[0].length
    const rest = line.slice(field[0].length)
    const headline = fields.has(key.toLowerCase()) && typeof value === 'string'
    const triple = /^("""|''')/.exec(rest)
    if (triple) {
      const close = triple[1] ?? '"""'
      const after = rest.indexOf(close, 3)
      if (after !== -1) {
        if (headline) spans.push([valueStart + 3, valueStart + after])
        continue
      }
      // A line break right after the opening quotes is not part of the string.
      open = {close, headline, start: rest.length === 3 ? offset : valueStart + 3}
      continue
    }
    if (rest.startsWith('[') && !balancedArray(rest)) {
      open = {close: ']', headline: false, start: 0}
      continue
    }
    if (!headline) continue
    const string = tomlLineString.exec(rest)
    if (!string) continue
    const text = string[1] ?? string[2] ?? ''
    // An escape (`\"`, `\u00e9`) shifts places: such a value is checked only when it has none.
    if (string[1] !== undefined && text.includes('\\')) continue
    if (text === value) spans.push([valueStart + 1, valueStart + 1 + text.length])
  }
  return spans
}

/**
 * Whether a TOML array value closes on its line (its brackets, outside strings, balance).
 *
 * @param value The value, from its `[`.
 * @returns Whether it does.
 */
function balancedArray(value: string): boolean {
  const outside = value.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '').replace(/#.*$/, '')
  let depth = 0
  for (const char of outside) {
    if (char === '[') depth++
    else if (char === ']') depth--
  }
  return depth <= 0
}

/**
 * Find the text of each headline field that holds a string, with the YAML
 * parser.
 *
 * @param yamlSource The front matter between its fences (or a JSON object, which YAML reads too).
 * @param fields The fields to check, in lower case.
 * @returns Start and end offsets of each value's text, in order.
 */
export function headlineSpans(yamlSource: string, fields: ReadonlySet<string> = headlineKeys): Span[] {
  // Nested deeper than YAML's composer takes in the main thread, it would be read in a
  // worker and not in the main thread: broken, in both (see `maxConfigDepth`).
  if (mayNestDeep(yamlSource) && nestsTooDeep(yamlSource)) return []
  const document = parseDocument(yamlSource, {keepSourceTokens: false})
  // Broken front matter is the site generator's to report; there is no prose to find in it.
  if (document.errors.length > 0 || !isMap(document.contents)) return []
  const spans: Span[] = []
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !fields.has(String(pair.key.value).toLowerCase())) continue
    if (!isScalar(pair.value) || typeof pair.value.value !== 'string') continue
    const span = sourceSpan(pair.value, yamlSource)
    if (span) spans.push(span)
  }
  return spans
}

/**
 * Whether YAML has enough indicators (`:`, `-`, `?`, `[`, `{`) to nest
 * deeper than `maxConfigDepth`: each level takes one, and front matter
 * mostly has a few dozen, so the depth is rarely worth checking.
 *
 * @param yamlSource YAML.
 * @returns Whether it may.
 */
function mayNestDeep(yamlSource: string): boolean {
  let indicators = 0
  for (let index = 0; index < yamlSource.length; index++) {
    const code = yamlSource.charCodeAt(index)
    // `:` `-` `?` `[` `{`
    if ((code === 0x3a || code === 0x2d || code === 0x3f || code === 0x5b || code === 0x7b) && ++indicators > maxConfigDepth) return true
  }
  return false
}

/**
 * A top-level field of simple front matter: a plain key, then a value on
 * the same line or none (a list follows).
 */
const simpleField = /^([A-Za-z_][\w-]*):(?:( +)(.*))?$/

/** A list item of simple front matter, at most four spaces in, holding a simple value. */
const simpleItem = /^( {0,4})- +(.*)$/

/** A comment line, or a blank one. */
const emptyLine = /^ *(?:#.*)?$/

/**
 * A value YAML reads as a string without escapes, and without doubt: a
 * plain one that starts with no indicator and holds no `: ` (a nested
 * mapping, which is an error) and that ends before ` #` (a comment); or a
 * quoted one without escapes, with nothing but a comment after it.
 */
const simpleValue = /^(?:([^-?:,[\]{}#&*!|>'"%@`\s](?:[^:#]|:(?! |$)|(?<! )#)*?)|"((?:[^"\\]|\\["\\/nt])*)"|'((?:[^']|'')*)')(?: *| +#.*)$/

/** The start of a double-quoted value that goes on to the next lines: no closing quote on its line. */
const openQuote = /^"(?:[^"\\]|\\["\\/nt])*$/

/**
 * A line that goes on with a double-quoted value: not blank, and indented or
 * not. YAML 1.2 wants it indented, and the YAML parser reports one that is
 * not as an error; YAML 1.1 readers such as PyYAML take it, and so did the
 * site generator of a real blog where a tenth of the stories have it
 * (`excerpt: "At the agency,\ncyber security…"`): those headlines are
 * published, so they are read.
 */
const quoteGoesOn = /^ *(?:[^"\\\s]|\\["\\/nt])(?:[^"\\]|\\["\\/nt])*$/

/** The line that ends a double-quoted value: indented or not, up to the closing quote, then at most a comment. */
const quoteEnds = /^( *)((?:[^"\\]|\\["\\/nt])*)"(?: *| +#.*)$/

/**
 * A plain value YAML's core schema may read as something other than a
 * string: `null`, `true`, `~`, or one word that starts like a number
 * (`1.5`, `-1`, `0x1F`, `.inf`). Numbers never hold a space, so "18F is a
 * startup" is a string, as YAML reads it.
 */
const notString = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$|^[-+.\d]\S*$/

/**
 * Find the text of each headline field of front matter made only of
 * `key: value` lines with simple values (a double-quoted one may go on over
 * indented lines) and lists of simple values, as most Hugo and Jekyll
 * stories have, without the YAML parser: building its
 * document was 3% of a run over the Markdown repos of ../shared. Anything
 * else, or anything in doubt, is left to the parser.
 *
 * @param yamlSource The front matter between its fences.
 * @param fields The fields to check, in lower case.
 * @returns Start and end offsets of each value's text, in order; `undefined`
 *   when the front matter is not that simple.
 */
export function simpleHeadlineSpans(yamlSource: string, fields: ReadonlySet<string> = headlineKeys): Span[] | undefined {
  // Tabs, CRs and other control characters, and line breaks YAML 1.1 knew: the parser's to read.
  if (/[\0-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/.test(yamlSource)) return undefined
  const spans: Span[] = []
  const keys = new Set<string>()
  // The indent of the list after the last field with no value; `undefined` before its first item.
  let list: {indent: string | undefined} | undefined
  // A double-quoted value that goes on over the next lines: where its text starts, and whether it is a headline's.
  let quote: {start: number; headline: boolean} | undefined
  let offset = 0
  for (const line of yamlSource.split('\n')) {
    const lineStart = offset
    offset += line.length + 1
    if (quote) {
      if (quoteGoesOn.test(line)) continue
      const end = quoteEnds.exec(line)
      if (!end) return undefined
      if (quote.headline) spans.push([quote.start, lineStart + (end[1]?.length ?? 0) + (end[2]?.length ?? 0)])
      quote = undefined
      continue
    }
    if (emptyLine.test(line)) continue
    const item = simpleItem.exec(line)
    if (item) {
      if (!list || (list.indent !== undefined && list.indent !== item[1]) || !simpleValue.test(item[2] ?? '')) return undefined
      list.indent = item[1]
      continue
    }
    const field = simpleField.exec(line)
    if (!field) return undefined
    const [, key = '', spaces, value] = field
    // YAML reports a key given twice as an error, and one over 1,024 characters; a key such as `true` is no string.
    if (keys.has(key) || notString.test(key) || key.length > 1000) return undefined
    keys.add(key)
    const headline = fields.has(key.toLowerCase())
    if (value === undefined || value === '' || value.startsWith('#')) {
      // A headline without a value on its line may go on below as text: the parser's to read.
      if (headline) return undefined
      list = {indent: undefined}
      continue
    }
    list = undefined
    const valueStart = lineStart + key.length + 1 + (spaces?.length ?? 0)
    if (openQuote.test(value)) {
      // "deck: \"Advice on how to make the most impact\n  in government\"": the YAML parser reads
      // the source between the quotes as one value, as the headline prose is read here.
      quote = {start: valueStart + 1, headline}
      continue
    }
    const simple = simpleValue.exec(value)
    if (!simple) return undefined
    if (!headline) continue
    const [, plain, double, single] = simple
    if (plain !== undefined) {
      if (notString.test(plain)) return undefined
      spans.push([valueStart, valueStart + plain.length])
    } else {
      const text = double ?? single ?? ''
      spans.push([valueStart + 1, valueStart + 1 + text.length])
    }
  }
  return quote ? undefined : spans
}

/**
 * Find where the text of a scalar stands in the source, without its quotes
 * or block header.
 *
 * @param scalar YAML scalar with its source range.
 * @param source The YAML source.
 * @returns Start and end offsets, or `undefined` when the range is unknown.
 */
function sourceSpan(scalar: Scalar, source: string): [number, number] | undefined {
  if (!scalar.range) return undefined
  const [start, end] = scalar.range
  switch (scalar.type) {
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE:
      return [start + 1, Math.max(start + 1, end - 1)]
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL: {
      // "summary: >-\n  Talks in Jiangsu...": the text starts on the line after the header.
      const lineEnd = source.indexOf('\n', start)
      return lineEnd === -1 || lineEnd >= end ? undefined : [lineEnd + 1, end]
    }
    default:
      return [start, end]
  }
}
