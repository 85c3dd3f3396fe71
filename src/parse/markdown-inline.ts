import type {PhrasingContent} from 'mdast'
import type {Point} from 'unist'

/** The point (line, column, offset) of an offset in a Markdown source, as micromark gives it. */
export type PointAt = (offset: number) => Point

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

/** Text being read: where its node starts and ends, and its value so far. */
interface OpenText {
  start: number
  end: number
  value: string
}

/** What a reader of inline Markdown needs to know of the document around the run. */
export interface InlineContext {
  /**
   * Whether the document may define link references or footnotes: then
   * text in brackets may be a reference, and is not certain to be text.
   */
  references: boolean
  /**
   * Whether the run is in a container (a list item): micromark then ends a
   * line ending that starts a text node after the container's indent on
   * the next line, and this reader leaves such runs, and hard breaks there,
   * to it.
   */
  contained?: boolean
}

/**
 * Build the phrasing content micromark and mdast-util-from-markdown make of
 * a run of inline Markdown, for the runs that are certain to parse one way:
 * text, `*emphasis*` and `_emphasis_`, `**strong**` and `__strong__`, code
 * spans, links `[text](url)`, `[text](url "title")`, backslash escapes,
 * hard breaks of two or more spaces, and, in a document that defines no
 * references, text in brackets that is certain to be no link
 * (`[sic]`, `[text]({{ "/" | url }})`).
 *
 * Anything else gives up: a character reference, HTML or an autolink
 * (`<`), strikethrough (`~`), an image, a reference or footnote, an
 * address or bare URL in text, a tab, CR or other control character, a
 * code span across lines or never closed, and any `*` or `_` whose reading
 * depends on the delimiter algorithm's finer rules: runs of three or more,
 * runs that could both open and close, closers that do not close the
 * innermost open run of the same marks and length, and runs left open. A
 * run that can neither open nor close (`2 * 3`, `snake_case`) is text.
 *
 * As micromark does, white space before a line ending (but for a hard
 * break) and at the start of a line is left out of the text, and out of
 * its position where the text starts or ends there; the run's last line
 * may end in white space too.
 *
 * Lines must be checked by the caller for what would end the run as a
 * block (a list item, heading or fence starting a line); this reads only
 * the inline syntax.
 *
 * @param doc The Markdown source.
 * @param from Offset where the run starts.
 * @param to Offset where it ends.
 * @param pointAt Points of offsets in the run.
 * @param context What is known of the document around it.
 * @returns The nodes, or `undefined` when the run is not certain.
 */
export function parseInline(
  doc: string,
  from: number,
  to: number,
  pointAt: PointAt,
  context: InlineContext
): PhrasingContent[] | undefined {
  const scopes: Scope[] = [{kind: 'root', marker: 0, start: from, children: []}]
  let top = scopes[0]!
  // The text node being built in `top`, and where the characters not yet added to it start.
  let text: OpenText | undefined
  let dataStart = from
  let index = from

  /** Add the characters read since `dataStart` up to `end` to the text. */
  const addData = (end: number): void => {
    if (end <= dataStart) return
    if (text) text.value += doc.slice(dataStart, end)
    else text = {start: dataStart, end, value: doc.slice(dataStart, end)}
    text.end = end
  }

  /** End the text node being built, if any; `false` when it holds an address. */
  const endText = (): boolean => {
    const open = text
    text = undefined
    return open === undefined || addText(top.children, open)
  }

  /**
   * Add a text node to a list of nodes, joined to a text node it follows:
   * mdast-util-from-markdown adds all text that follows text to it, across
   * the white space it leaves out.
   */
  const addText = (children: PhrasingContent[], open: OpenText): boolean => {
    const last = children.at(-1)
    if (last?.type === 'text' && last.position) {
      last.value += open.value
      last.position.end = pointAt(open.end)
      return !addressLike.test(last.value)
    }
    if (addressLike.test(open.value)) return false
    children.push({type: 'text', value: open.value, position: {start: pointAt(open.start), end: pointAt(open.end)}})
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
        let spaces = 0
        while (doc.charCodeAt(index - spaces - 1) === 32 && index - spaces > dataStart) spaces++
        addData(index - spaces)
        if (context.contained && (spaces >= 2 || !text)) return undefined
        if (spaces >= 2) {
          if (!endText()) return undefined
          top.children.push({type: 'break', position: {start: pointAt(index - spaces), end: pointAt(index + 1)}})
        } else {
          if (!text) text = {start: index, end: index, value: ''}
          text.value += '\n'
          text.end = index + 1
        }
        index++
        while (doc.charCodeAt(index) === 32) index++
        if (index >= to) return undefined
        dataStart = index
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
          // Text, joined to the text around it.
          index = end
          break
        }
        if (size > 2 || (open && close)) return undefined
        addData(index)
        if (!endText()) return undefined
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
        dataStart = end
        break
      }
      case 91: {
        // No links in links, and no footnote calls.
        if (scopes.some((scope) => scope.kind === 'link') || doc.charCodeAt(index + 1) === 94) return undefined
        addData(index)
        if (!endText()) return undefined
        top = {kind: 'link', marker: code, start: index, children: []}
        scopes.push(top)
        index++
        dataStart = index
        break
      }
      case 92: {
        const next = doc.charCodeAt(index + 1)
        if (next === 10 || index + 1 >= to) return undefined
        if (asciiPunctuation(next)) {
          // An escape: the character is text, without its backslash, which the text's position takes in.
          addData(index)
          if (!text) text = {start: index, end: index, value: ''}
          text.value += doc[index + 1]
          text.end = index + 2
          dataStart = index + 2
          index += 2
        } else {
          index++
        }
        break
      }
      case 93: {
        if (top.kind !== 'link') {
          // A `]` with no `[` open is text.
          if (scopes.some((scope) => scope.kind === 'link')) return undefined
          index++
          break
        }
        const resource = parseResource(doc, index + 1, to)
        if (resource === undefined) return undefined
        addData(index)
        if (!endText()) return undefined
        const label = scopes.pop()!
        top = scopes.at(-1)!
        if (resource === 'none') {
          // Text in brackets that no link or reference can be made of: its `[` and `]` are text.
          if (context.references || doc.charCodeAt(index + 1) === 91) return undefined
          if (!addText(top.children, {start: label.start, end: label.start + 1, value: '['})) return undefined
          for (const child of label.children) {
            if (child.type === 'text' && child.position?.start.offset !== undefined && child.position.end.offset !== undefined) {
              if (!addText(top.children, {start: child.position.start.offset, end: child.position.end.offset, value: child.value})) return undefined
            } else {
              top.children.push(child)
            }
          }
          dataStart = index
          index++
          break
        }
        if (index - label.start - 1 > maxLabel) return undefined
        top.children.push({
          type: 'link',
          title: resource.title,
          url: resource.url,
          children: label.children,
          position: {start: pointAt(label.start), end: pointAt(resource.end)}
        } as PhrasingContent)
        index = resource.end
        dataStart = index
        break
      }
      case 96: {
        const span = parseCodeSpan(doc, index, to)
        if (!span) return undefined
        addData(index)
        if (!endText()) return undefined
        top.children.push({type: 'inlineCode', value: span.value, position: {start: pointAt(index), end: pointAt(span.end)}})
        index = span.end
        dataStart = index
        break
      }
      default:
        // `<`, `~`, `@`, and control characters.
        return undefined
    }
  }
  if (scopes.length !== 1) return undefined
  // White space at the end of the run is left out.
  let end = to
  while (end > dataStart && doc.charCodeAt(end - 1) === 32) end--
  addData(end)
  if (!endText()) return undefined
  return top.children
}

/**
 * Whether a character code is ASCII punctuation, which a backslash escapes.
 *
 * @param code The code.
 * @returns Whether it is.
 */
function asciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126)
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
 * Read the resource of an inline link, `(url)` or `(url "title")` (or
 * `'title'`, `(title)`), with a destination of visible characters and no
 * parenthesis, escape or character reference, and a title on one line
 * without either; or find that there is certainly none, as when what
 * follows the link text is not `(`, or what follows the destination is
 * neither a title nor `)` (`({{ "/" | url }})`).
 *
 * @param doc The Markdown source.
 * @param at Offset just after the link text's `]`.
 * @param to Offset where the inline run ends.
 * @returns The destination, title and the offset just after `)`; `'none'`
 *   when micromark certainly reads no resource there; `undefined` when it
 *   is not certain.
 */
function parseResource(doc: string, at: number, to: number): {url: string; title: string | null; end: number} | 'none' | undefined {
  if (doc.charCodeAt(at) !== 40) return 'none'
  let index = at + 1
  while (doc.charCodeAt(index) === 32) index++
  const urlStart = index
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
  while (doc.charCodeAt(index) === 32) index++
  let title: string | null = null
  const opening = doc.charCodeAt(index)
  if (opening === 34 || opening === 39 || opening === 40) {
    const closing = opening === 40 ? 41 : opening
    const titleStart = index + 1
    index = titleStart
    while (index < to && doc.charCodeAt(index) !== closing) {
      const code = doc.charCodeAt(index)
      if (code < 32 || code === 92 || code === opening) return undefined
      if (code === 38) {
        characterReference.lastIndex = index
        if (characterReference.test(doc)) return undefined
      }
      index++
    }
    if (index >= to) return undefined
    title = doc.slice(titleStart, index)
    index++
    while (doc.charCodeAt(index) === 32) index++
  }
  if (index >= to || doc.charCodeAt(index) < 33) return undefined
  return doc.charCodeAt(index) === 41 ? {url, title, end: index + 1} : 'none'
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
