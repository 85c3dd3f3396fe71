import type {PhrasingContent} from 'mdast'
import type {PointAt} from './markdown-points.js'

/**
 * Text that the GFM autolink-literal construct or transform could make a
 * link of: an address (`@`), `www.`, `http://`, `https://`.
 */
const addressLike = /@|www\.|https?:\/\//i

/** A character reference micromark decodes (`&amp;`, `&#39;`, `&#x27;`), or what looks like one. */
const characterReference = /&(?:#[xX][\dA-Fa-f]{1,6}|#\d{1,7}|[A-Za-z][\dA-Za-z]{0,31});/y

/** Unicode punctuation and symbols, as micromark classifies characters next to `*` and `_`. */
const unicodePunctuation = /\p{P}|\p{S}/u

/** Unicode white space, as micromark classifies characters next to `*` and `_`. */
const unicodeWhitespace = /\s/

/** The longest link text taken: micromark limits labels to 999 characters where they name a reference. */
const maxLabel = 999

/** An open emphasis, strong emphasis or link text, with what has been read inside it. */
interface Scope {
  kind: 'root' | 'emphasis' | 'strong' | 'link'
  /** Character code of its marker: `*`, `_`, or `[`. */
  marker: number
  /** Offset where its opening marks start. */
  start: number
  children: PhrasingContent[]
}

/**
 * Build the phrasing content micromark and mdast-util-from-markdown make of
 * a run of inline Markdown, for the runs that are certain to parse one way:
 * text, `*emphasis*` and `_emphasis_`, `**strong**` and `__strong__`, code
 * spans, and links `[text](url)` or `[text](url "title")`.
 *
 * Anything else gives up: an escape, a character reference, HTML or an
 * autolink (`<`), strikethrough (`~`), an image, a reference or footnote
 * (`[` not followed by `](`), an address or bare URL in text, a tab, CR or
 * other control character, white space at either end of a line, a code span
 * across lines or never closed, and any `*` or `_` whose reading depends on
 * the delimiter algorithm's finer rules: runs of three or more, runs that
 * could both open and close, closers that do not close the innermost open
 * run of the same marks and length, and runs left open. A run that can
 * neither open nor close (`2 * 3`, `snake_case`) is text.
 *
 * Lines must be checked by the caller for what would end the run as a
 * block (a list item, heading or fence starting a line); this reads only
 * the inline syntax.
 *
 * @param doc The Markdown source.
 * @param from Offset where the run starts.
 * @param to Offset where it ends.
 * @param pointAt Points of offsets in the run.
 * @returns The nodes, or `undefined` when the run is not certain.
 */
export function parseInline(doc: string, from: number, to: number, pointAt: PointAt): PhrasingContent[] | undefined {
  const scopes: Scope[] = [{kind: 'root', marker: 0, start: from, children: []}]
  let top = scopes[0]!
  let textStart = from
  let index = from

  /** Add the text read since `textStart` up to `end`; `false` when it holds an address. */
  const flush = (end: number): boolean => {
    if (end <= textStart) return true
    const value = doc.slice(textStart, end)
    if (addressLike.test(value)) return false
    top.children.push({type: 'text', value, position: {start: pointAt(textStart), end: pointAt(end)}})
    return true
  }

  while (index < to) {
    const code = doc.charCodeAt(index)
    if (code > 96 ? code !== 126 : !special[code]) {
      index++
      continue
    }
    switch (code) {
      case 10: {
        // White space around a line ending is stripped, or makes a hard break.
        const before = doc.charCodeAt(index - 1)
        const after = doc.charCodeAt(index + 1)
        if (before === 32 || after === 32 || index === from || index + 1 >= to) return undefined
        index++
        break
      }
      case 33: {
        // `!` is text unless it starts an image.
        if (doc.charCodeAt(index + 1) === 91) return undefined
        index++
        break
      }
      case 38: {
        characterReference.lastIndex = index
        if (characterReference.test(doc)) return undefined
        index++
        break
      }
      case 42:
      case 95: {
        let end = index + 1
        while (doc.charCodeAt(end) === code) end++
        const size = end - index
        const [open, close] = flanks(code, classify(doc, index - 1, from, to), classify(doc, end, from, to))
        if (!open && !close) {
          // Text, merged with the text around it.
          index = end
          break
        }
        if (size > 2 || (open && close)) return undefined
        if (!flush(index)) return undefined
        if (open) {
          top = {kind: size === 1 ? 'emphasis' : 'strong', marker: code, start: index, children: []}
          scopes.push(top)
        } else {
          if (top.marker !== code || top.kind !== (size === 1 ? 'emphasis' : 'strong')) return undefined
          const closed = scopes.pop()!
          top = scopes.at(-1)!
          top.children.push({
            type: closed.kind as 'emphasis' | 'strong',
            children: closed.children,
            position: {start: pointAt(closed.start), end: pointAt(end)}
          } as PhrasingContent)
        }
        index = end
        textStart = end
        break
      }
      case 91: {
        // No links in links, and no footnote calls.
        if (scopes.some((scope) => scope.kind === 'link') || doc.charCodeAt(index + 1) === 94) return undefined
        if (!flush(index)) return undefined
        top = {kind: 'link', marker: code, start: index, children: []}
        scopes.push(top)
        index++
        textStart = index
        break
      }
      case 93: {
        if (top.kind !== 'link' || index - top.start - 1 > maxLabel) return undefined
        const resource = parseResource(doc, index + 1, to)
        if (!resource || !flush(index)) return undefined
        const link = scopes.pop()!
        top = scopes.at(-1)!
        top.children.push({
          type: 'link',
          title: resource.title,
          url: resource.url,
          children: link.children,
          position: {start: pointAt(link.start), end: pointAt(resource.end)}
        } as PhrasingContent)
        index = resource.end
        textStart = index
        break
      }
      case 96: {
        const span = parseCodeSpan(doc, index, to)
        if (!span || !flush(index)) return undefined
        top.children.push({type: 'inlineCode', value: span.value, position: {start: pointAt(index), end: pointAt(span.end)}})
        index = span.end
        textStart = index
        break
      }
      default:
        // `<`, `\`, `~`, `@`, and control characters.
        return undefined
    }
  }
  if (scopes.length !== 1 || !flush(to)) return undefined
  return top.children
}

/**
 * Which character codes below `a` need a look (the rest, but `~`, are
 * text): the line feed, `!`, `&`, `*`, `<`, `@`, `[`, `\`, `]`, `_`, `` ` ``
 * and control characters.
 */
const special: boolean[] = []
for (let code = 0; code <= 96; code++) special[code] = code < 32 || '!&*<@[\\]_`'.includes(String.fromCharCode(code))

/**
 * Classify the character next to a run of `*` or `_` as micromark does:
 * `1` for white space, a line ending or the edge of the run of inline
 * Markdown (micromark's `null` before and after), `2` for punctuation or a
 * symbol, `0` otherwise.
 *
 * @param doc The Markdown source.
 * @param at Offset of the character.
 * @param from Offset where the inline run starts.
 * @param to Offset where it ends.
 * @returns Its class.
 */
function classify(doc: string, at: number, from: number, to: number): 0 | 1 | 2 {
  return at < from || at >= to ? 1 : classifyCode(doc.charCodeAt(at))
}

/**
 * Classify a character code (see `classify`). micromark reads one code
 * unit at a time: half of a surrogate pair is neither white space nor
 * punctuation.
 *
 * @param code The code unit.
 * @returns Its class.
 */
function classifyCode(code: number): 0 | 1 | 2 {
  const character = String.fromCharCode(code)
  if (unicodeWhitespace.test(character)) return 1
  return unicodePunctuation.test(character) ? 2 : 0
}

/**
 * Whether a run of `*` or `_` can open and close emphasis, as micromark's
 * attention construct decides it.
 *
 * @param marker Character code of the run's marks.
 * @param before Class of the character before it.
 * @param after Class of the character after it.
 * @returns Whether it can open, and whether it can close.
 */
function flanks(marker: number, before: 0 | 1 | 2, after: 0 | 1 | 2): [boolean, boolean] {
  const open = !after || (after === 2 && before !== 0)
  const close = !before || (before === 2 && after !== 0)
  if (marker === 42) return [open, close]
  return [open && (before !== 0 || !close), close && (after !== 0 || !open)]
}

/**
 * Read the resource of an inline link, `(url)` or `(url "title")`, with a
 * destination of visible characters and no parenthesis, escape or
 * character reference, and a title on one line without either.
 *
 * @param doc The Markdown source.
 * @param at Offset just after the link text's `]`.
 * @param to Offset where the inline run ends.
 * @returns The destination, title and the offset just after `)`, or
 *   `undefined` when the resource is not one of those.
 */
function parseResource(doc: string, at: number, to: number): {url: string; title: string | null; end: number} | undefined {
  if (doc.charCodeAt(at) !== 40) return undefined
  const urlStart = at + 1
  let index = urlStart
  while (index < to) {
    const code = doc.charCodeAt(index)
    if (code === 41 || code === 32) break
    if (code < 33 || code === 127 || code === 40 || code === 60 || code === 92) return undefined
    if (code === 38) {
      characterReference.lastIndex = index
      if (characterReference.test(doc)) return undefined
    }
    index++
  }
  if (index === urlStart || index >= to) return undefined
  const url = doc.slice(urlStart, index)
  let title: string | null = null
  while (doc.charCodeAt(index) === 32) index++
  if (doc.charCodeAt(index) === 34 && index > urlStart + url.length) {
    const titleStart = index + 1
    const titleEnd = doc.indexOf('"', titleStart)
    if (titleEnd === -1 || titleEnd >= to) return undefined
    title = doc.slice(titleStart, titleEnd)
    if (/[\\\n\r\0]/.test(title) || /&[#\dA-Za-z]+;/.test(title)) return undefined
    index = titleEnd + 1
    while (doc.charCodeAt(index) === 32) index++
  }
  if (doc.charCodeAt(index) !== 41 || index >= to) return undefined
  return {url, title, end: index + 1}
}

/**
 * Read a code span on one line: a run of backticks, the code, and a run of
 * as many. As micromark does, one space is taken off each end when both
 * ends are spaces and the code is not all spaces.
 *
 * @param doc The Markdown source.
 * @param at Offset of the opening run.
 * @param to Offset where the inline run ends.
 * @returns The code and the offset just after the closing run, or
 *   `undefined` when it has none on the line or holds a control character.
 */
function parseCodeSpan(doc: string, at: number, to: number): {value: string; end: number} | undefined {
  let contentStart = at
  while (doc.charCodeAt(contentStart) === 96) contentStart++
  const size = contentStart - at
  let index = contentStart
  while (index < to) {
    const code = doc.charCodeAt(index)
    if (code < 32) return undefined
    if (code !== 96) {
      index++
      continue
    }
    let end = index
    while (doc.charCodeAt(end) === 96) end++
    if (end - index === size) {
      if (end > to) return undefined
      let value = doc.slice(contentStart, index)
      if (value.length > 2 && value.startsWith(' ') && value.endsWith(' ') && /[^ ]/.test(value)) value = value.slice(1, -1)
      return {value, end}
    }
    index = end
  }
  return undefined
}
