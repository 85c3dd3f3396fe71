import type {Span} from './inject.js'

/**
 * The benchmark's own reading of site template code in a story, kept apart
 * from copydesk's so that it checks copydesk rather than repeating it: if
 * both shared one scanner, a span both missed would never show up.
 *
 * It knows the syntaxes that site generators put into Markdown:
 * Liquid, Jekyll, Eleventy, Nunjucks and Jinja (`{{ }}`, `{% %}`, `{%- -%}`,
 * `{# #}`, with `{% raw %}` and `{% comment %}` blocks), Hugo shortcodes
 * (`{{< >}}`, `{{% %}}`) and kramdown attribute lists and extensions
 * (`{: .class}`, `{::comment}`).
 */

/** What a span of template code is. */
export type TemplateSyntax =
  | 'liquid-output'
  | 'liquid-tag'
  | 'liquid-comment'
  | 'hugo-shortcode'
  | 'kramdown'

/** A span of template code, end exclusive. */
export interface TemplateSpan extends Span {
  syntax: TemplateSyntax
  /**
   * Quoted arguments that readers see (an `alt="…"`, a caption, the
   * description of `{% image "a.jpg" "Two people at a desk" %}`): copydesk
   * may check these, so a finding in one is not a finding in code.
   */
  readerText: Span[]
}

/** Longest template tag the scanner accepts: an opener with no closer in reach is text, not an unclosed tag eating the story. */
const longestTag = 4000

/**
 * Named arguments whose values a reader sees on the page. A named argument
 * outside this list (`src`, `id`, `class`, `variant`) is code.
 */
const readerArguments = new Set([
  'alt',
  'caption',
  'cite',
  'credit',
  'description',
  'heading',
  'intro',
  'kicker',
  'label',
  'subtitle',
  'summary',
  'text',
  'title'
])

/** The openers, longest first, so that `{{<` is not read as `{{`. */
const openers: ReadonlyArray<{open: string; close: string; syntax: TemplateSyntax}> = [
  {open: '{{<', close: '>}}', syntax: 'hugo-shortcode'},
  {open: '{{%', close: '%}}', syntax: 'hugo-shortcode'},
  {open: '{{', close: '}}', syntax: 'liquid-output'},
  {open: '{%', close: '%}', syntax: 'liquid-tag'},
  {open: '{#', close: '#}', syntax: 'liquid-comment'}
]

/** A Liquid/Nunjucks tag's name: `{%- raw -%}` → `raw`. */
const tagName = /^\{%-?\s*(\w+)/

/**
 * Find the template code of a story.
 *
 * @param text Story text.
 * @returns Spans in document order, none overlapping.
 */
export function templateSpans(text: string): TemplateSpan[] {
  const spans: TemplateSpan[] = []
  let index = text.indexOf('{')
  while (index !== -1) {
    const found = spanAt(text, index)
    if (found) {
      spans.push(found.span)
      index = text.indexOf('{', found.resume ?? found.span.end)
    } else {
      index = text.indexOf('{', index + 1)
    }
  }
  return spans
}

/** A span found, and where the scan goes on when that is not its end (after a `{% raw %}`, at `{% endraw %}`). */
interface Found {
  span: TemplateSpan
  resume?: number
}

/**
 * Read the template span that starts at a `{`, if one does.
 *
 * @param text Story text.
 * @param start Offset of the `{`.
 * @returns The span, or `undefined` when the brace starts no template code.
 */
function spanAt(text: string, start: number): Found | undefined {
  if (text.startsWith('{:', start)) {
    const span = kramdownAt(text, start)
    return span ? {span} : undefined
  }
  for (const {open, close, syntax} of openers) {
    if (!text.startsWith(open, start)) continue
    const end = closerAfter(text, start + open.length, close)
    if (end === undefined) return undefined
    if (syntax !== 'liquid-tag') return {span: {start, end, syntax, readerText: readerTextIn(text, start, end)}}
    return liquidBlock(text, start, end)
  }
  return undefined
}

/**
 * Read a Liquid tag, and with it the block it opens when that block is not
 * prose: a `{% comment %}` block is never shown, so it is all template
 * code; a `{% raw %}` block shows its content literally (`{{` as two
 * braces), so its content is text and only the two tags are code.
 *
 * @param text Story text.
 * @param start Offset of the tag.
 * @param end End of the tag.
 * @returns The span of the tag (or of the whole comment block), and for a raw block where the scan goes on.
 */
function liquidBlock(text: string, start: number, end: number): Found {
  const name = tagName.exec(text.slice(start, end))?.[1]
  const tag: TemplateSpan = {start, end, syntax: 'liquid-tag', readerText: readerTextIn(text, start, end)}
  if (name === 'comment') {
    const closing = endTag(text, end, 'endcomment')
    return {span: closing ? {start, end: closing.end, syntax: 'liquid-comment', readerText: []} : tag}
  }
  if (name === 'raw' || name === 'verbatim') {
    const closing = endTag(text, end, 'end' + name)
    // The content is text: the next span starts at the closing tag, which the scan reads as a tag of its own.
    if (closing) return {span: tag, resume: closing.start}
  }
  return {span: tag}
}

/**
 * Find a closing Liquid tag (`{% endraw %}`, `{%- endcomment -%}`).
 *
 * @param text Story text.
 * @param from Where to look from.
 * @param name Its name.
 * @returns Its span, or `undefined` when the block is never closed.
 */
function endTag(text: string, from: number, name: string): Span | undefined {
  const pattern = new RegExp(`\\{%-?\\s*${name}\\s*-?%\\}`, 'g')
  pattern.lastIndex = from
  const match = pattern.exec(text)
  return match ? {start: match.index, end: match.index + match[0].length} : undefined
}

/**
 * Find where a tag closes, skipping quoted strings (`{% image "a.jpg" "100%}" %}`);
 * when a stray quote leaves a string open, the first closer counts.
 *
 * @param text Story text.
 * @param from Offset after the opener.
 * @param close The closer.
 * @returns Offset after the closer, or `undefined` when none is in reach.
 */
function closerAfter(text: string, from: number, close: string): number | undefined {
  const limit = Math.min(text.length, from + longestTag)
  let quote: string | undefined
  for (let index = from; index < limit; index++) {
    const char = text[index]
    if (quote) {
      if (char === quote) quote = undefined
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (text.startsWith(close, index)) {
      return index + close.length
    }
  }
  const plain = text.indexOf(close, from)
  return plain !== -1 && plain + close.length <= limit ? plain + close.length : undefined
}

/**
 * Read a kramdown attribute list or extension on one line: `{: .lead}`,
 * `{:#intro}`, `{::comment}`; a `{::comment}` runs to its `{:/comment}` or `{:/}`.
 *
 * @param text Story text.
 * @param start Offset of the `{`.
 * @returns The span, or `undefined` when the brace closes on no `}` on its line.
 */
function kramdownAt(text: string, start: number): TemplateSpan | undefined {
  const lineEnd = lineEndAfter(text, start)
  const close = text.indexOf('}', start)
  if (close === -1 || close > lineEnd) return undefined
  let end = close + 1
  const extension = /^\{::(\w+)/.exec(text.slice(start, end))?.[1]
  if (extension === 'comment' || extension === 'nomarkdown') {
    const closing = /\{:\/(\w+)?\}/g
    closing.lastIndex = end
    const match = closing.exec(text)
    if (match) end = match.index + match[0].length
  }
  return {start, end, syntax: 'kramdown', readerText: []}
}

/**
 * Find the end of the line an offset is on.
 *
 * @param text Text.
 * @param offset Offset.
 * @returns Offset of the line break, or the text's length.
 */
function lineEndAfter(text: string, offset: number): number {
  const end = text.indexOf('\n', offset)
  return end === -1 ? text.length : end
}

/**
 * Find the quoted arguments of a tag that readers see: the value of a named
 * argument in `readerArguments`, or an unnamed string that reads as words
 * (it has a space, and is no path or address): `"The 18F team"` but not
 * `"/blog/"` or `"assets/a b.jpg"`.
 *
 * @param text Story text.
 * @param start Start of the tag.
 * @param end End of the tag.
 * @returns Spans of the strings' contents, without their quotes.
 */
export function readerTextIn(text: string, start: number, end: number): Span[] {
  const spans: Span[] = []
  const literal = /"([^"]*)"|'([^']*)'/g
  literal.lastIndex = start
  for (let match = literal.exec(text); match && match.index < end; match = literal.exec(text)) {
    const value = match[1] ?? match[2] ?? ''
    const contentStart = match.index + 1
    if (contentStart + value.length >= end) break
    const name = /([\w-]+)\s*=\s*$/.exec(text.slice(start, match.index))?.[1]?.toLowerCase()
    const readable = name === undefined ? readsAsWords(value) : readerArguments.has(name) || name.endsWith('-text')
    if (readable && value.trim() !== '') spans.push({start: contentStart, end: contentStart + value.length})
  }
  return spans
}

/**
 * Whether an unnamed string argument reads as words rather than a path,
 * an address or a class name.
 *
 * @param value The string's content.
 * @returns Whether a reader would see it as text.
 */
function readsAsWords(value: string): boolean {
  return /\s/.test(value.trim()) && !/[/\\]\S*$|:\/\/|^[\w.-]*\//.test(value) && /\p{L}{2}/u.test(value)
}

/**
 * Where an offset falls among template spans: in code, in reader text of
 * a tag's arguments, or outside template code.
 *
 * @param spans Spans in document order.
 * @param offset Offset.
 * @returns `'code'`, `'reader-text'` or `undefined`.
 */
export function templatePlace(spans: readonly TemplateSpan[], offset: number): 'code' | 'reader-text' | undefined {
  const span = spanContaining(spans, offset)
  if (!span) return undefined
  return span.readerText.some((text) => text.start <= offset && offset < text.end) ? 'reader-text' : 'code'
}

/**
 * Find the span that holds an offset, by binary search.
 *
 * @param spans Spans in document order, none overlapping.
 * @param offset Offset.
 * @returns The span, or `undefined`.
 */
export function spanContaining<T extends Span>(spans: readonly T[], offset: number): T | undefined {
  let low = 0
  let high = spans.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const span = spans[middle] as T
    if (offset < span.start) high = middle - 1
    else if (offset >= span.end) low = middle + 1
    else return span
  }
  return undefined
}
