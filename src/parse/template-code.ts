import {pushAll} from '../push-all.js'

/**
 * Template code in stories: Liquid, Jekyll, Eleventy, Nunjucks and Jinja
 * tags (`{{ page.url }}`, `{% image "a.jpg" "alt" %}`, `{# note #}`), Hugo
 * shortcodes (`{{< figure src="a.png" >}}`, `{{% notice %}}`) and kramdown
 * attribute lists (`{: .lead}`). A site generator runs them; a reader never
 * sees them, so they are not prose.
 *
 * They are found in the source before the format's parser runs and
 * blanked out: every character but a line break becomes a space, so each
 * offset, line and column stays that of the file, and the Markdown fast
 * paths and micromark read the same text. The text a reader does see inside
 * them (an `alt`, a `caption`) is handed back as spans to parse on their own.
 */

/** A span of the source: start and end offsets. */
export type Span = [number, number]

/** A source with its template code blanked out. */
export interface MaskedSource {
  /** The source, template code replaced by spaces (line breaks kept); the same string when there is none. */
  source: string
  /** Spans of text inside the blanked code that readers see (`alt="…"`), in document order. */
  prose: Span[]
}

/** Where a tag may start: `{{`, `{%`, `{#`, `{:`. */
const opener = /\{[{%#:]/g

/**
 * The most characters a tag that may run over lines (`{% … %}`, `{# … #}`,
 * a shortcode) is read across: a stray `{%` in prose must not swallow the
 * rest of a story. A tag never holds a blank line either.
 */
const tagLimit = 2000

/**
 * The most characters of a `{% raw %}` or `{% comment %}` block, or of a
 * code shortcode's content: a script or a code sample, longer than any tag.
 */
const blockLimit = 100_000

/**
 * Liquid and Nunjucks blocks whose content is not prose: raw template text,
 * comments, and the generators' own code blocks (Jekyll's `highlight`,
 * Octopress's `codeblock`, Nunjucks's `verbatim`).
 */
const codeBlocks: ReadonlySet<string> = new Set(['raw', 'comment', 'highlight', 'verbatim', 'codeblock'])

/** Hugo shortcodes whose content is code: Hugo's own `highlight`. */
const codeShortcodes: ReadonlySet<string> = new Set(['highlight'])

/**
 * Named arguments whose text readers see: an image's alternative text, a
 * caption, a title (`{{< figure src="a.png" caption="Flood barriers in Hull" >}}`).
 */
const proseArgument = /(?<![\w-])(?:alt|caption|title)\s*=\s*(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)')/g

/** A quoted argument of a tag, to find the positional ones that are text. */
const quotedArgument = /"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'/g

/** A tag's name, after its opener and an optional `-` or `/`: `image` in `{%- image "a.jpg" %}`. */
const tagName = /^[-\s]*\/?\s*([\w.-]+)/

/**
 * Find the template code of a story and blank it out.
 *
 * @param doc The story's source.
 * @param patterns The config's `ignorePatterns`, compiled: what they match is blanked out too.
 * @returns The source to parse, and the spans of reader-visible text inside the code.
 */
export function maskTemplateCode(doc: string, patterns: readonly LinearPattern[] = []): MaskedSource {
  const masked: Span[] = []
  const prose: Span[] = []
  if (doc.includes('{')) findTemplateCode(doc, masked, prose)
  const matched: Span[] = []
  for (const pattern of patterns) pushAll(matched, pattern.spans(doc))
  if (masked.length === 0 && matched.length === 0) return {source: doc, prose: []}
  pushAll(masked, matched)
  // Text a newsroom's pattern covers is not read, even an `alt` inside a tag.
  const read = prose.filter((span) => !matched.some(([start, end]) => start < span[1] && span[0] < end))
  return {source: blankOut(doc, masked), prose: read.sort((a, b) => a[0] - b[0])}
}

/** A pattern run by a linear-time engine: the spans it matches in a text. */
export interface LinearPattern {
  /**
   * Find every non-empty match, left to right.
   *
   * @param text The text.
   * @returns Start and end offsets of each match.
   */
  spans(text: string): Span[]
}

/**
 * Find the template tags and blocks of a source.
 *
 * @param doc The source.
 * @param masked Spans to blank out, added to.
 * @param prose Spans of reader-visible text inside them, added to.
 */
function findTemplateCode(doc: string, masked: Span[], prose: Span[]): void {
  const closers = new NextIndex(doc)
  opener.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = opener.exec(doc))) {
    const start = match.index
    const second = doc.charAt(start + 1)
    const third = doc.charAt(start + 2)
    let end: number | undefined
    if (second === '{' && (third === '<' || third === '%')) {
      end = shortcodeEnd(doc, start, third, closers, masked, prose)
    } else if (second === '{') {
      // `{{ page.title }}` ends on its line, as Liquid and Hugo's output tags do in stories.
      end = closers.closing('}}', start + 2, true)
      if (end !== undefined) end += 2
    } else if (second === '%') {
      end = liquidTagEnd(doc, start, closers, masked, prose)
    } else if (second === '#') {
      end = closers.closing('#}', start + 2, false)
      if (end !== undefined) end += 2
    } else {
      end = attributeListEnd(doc, start, closers)
    }
    if (end === undefined) continue
    masked.push([start, end])
    opener.lastIndex = end
  }
}

/**
 * Read a Hugo shortcode: `{{< name args >}}` or `{{% name args %}}`, and
 * for a code shortcode (`highlight`) its content up to the closing one.
 *
 * @param doc The source.
 * @param start Offset of its `{{`.
 * @param kind `<` or `%`.
 * @param closers Index of closing delimiters.
 * @param masked Spans to blank out, added to (the content of a code shortcode).
 * @param prose Spans of reader-visible text, added to.
 * @returns The offset after its closing `>}}`, or `undefined` when it is not closed.
 */
function shortcodeEnd(
  doc: string,
  start: number,
  kind: string,
  closers: NextIndex,
  masked: Span[],
  prose: Span[]
): number | undefined {
  const close = (kind === '<' ? '>' : '%') + '}}'
  const at = closers.closing(close, start + 3, false)
  if (at === undefined) return undefined
  const inner = doc.slice(start + 3, at)
  const name = tagName.exec(inner)?.[1]
  addProseArguments(inner, start + 3, prose)
  const end = at + 3
  if (name && codeShortcodes.has(name) && !/^\s*\//.test(inner)) {
    const found = closers.blockClosing('{{/' + name, new RegExp('\\{\\{[<%]\\s*/\\s*' + name + '\\s*[>%]\\}\\}', 'g'), end)
    if (found) masked.push([end, found[0]])
  }
  return end
}

/**
 * Read a Liquid tag `{% name args %}` (or `{%- … -%}`), and for a block
 * whose content is not prose (`{% raw %}`, `{% comment %}`) the content and
 * the closing tag too.
 *
 * @param doc The source.
 * @param start Offset of its `{%`.
 * @param closers Index of closing delimiters.
 * @param masked Spans to blank out, added to.
 * @param prose Spans of reader-visible text, added to.
 * @returns The offset after the tag or block, or `undefined` when it is not closed.
 */
function liquidTagEnd(doc: string, start: number, closers: NextIndex, masked: Span[], prose: Span[]): number | undefined {
  const at = closers.closing('%}', start + 2, false)
  if (at === undefined) return undefined
  const inner = doc.slice(start + 2, at)
  const name = tagName.exec(inner)?.[1]
  const end = at + 2
  if (name && codeBlocks.has(name)) {
    // `{% endraw %}`, `{%- endraw -%}`, `{%endraw%}`: the first one closes the block, as in Liquid.
    const found = closers.blockClosing('{%end' + name, new RegExp('\\{%-?\\s*end' + name + '\\s*-?%\\}', 'g'), end)
    return found ? found[1] : end
  }
  addProseArguments(inner, start + 2, prose)
  addPositionalProse(inner, start + 2, prose)
  return end
}

/**
 * Read a kramdown attribute list or extension: `{: .lead}`, `{:.no_toc}`,
 * `{::options parse_block_html="true" /}`, on one line.
 *
 * @param doc The source.
 * @param start Offset of its `{:`.
 * @param closers Index of closing delimiters.
 * @returns The offset after its `}`, or `undefined` when it is not one.
 */
function attributeListEnd(doc: string, start: number, closers: NextIndex): number | undefined {
  // "{: .class}", "{:#id}", "{:toc}", "{::comment}": not a stray "{:)" in prose.
  if (!/[\s.#:\w/]/.test(doc.charAt(start + 2))) return undefined
  const at = closers.closing('}', start + 2, true)
  return at === undefined ? undefined : at + 1
}

/**
 * Add the text of the named arguments readers see (`alt="…"`, `caption="…"`, `title="…"`).
 *
 * @param inner The tag between its delimiters.
 * @param offset Offset of `inner` in the source.
 * @param prose Spans of reader-visible text, added to.
 */
function addProseArguments(inner: string, offset: number, prose: Span[]): void {
  if (!/alt|caption|title/.test(inner)) return
  proseArgument.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = proseArgument.exec(inner))) {
    const text = match[1] ?? match[2] ?? ''
    const textStart = match.index + match[0].length - 1 - text.length
    if (/\p{L}/u.test(text)) prose.push([offset + textStart, offset + textStart + text.length])
  }
}

/**
 * Add the text of positional string arguments that read as words: every
 * quoted argument after the first that holds a space between two
 * characters (`{% image "assets/flood.jpg" "Barriers along the Humber" %}`).
 * Paths, class names, keys and ids never hold a space; the first argument
 * is what the tag works on (a file, a URL, a name).
 *
 * @param inner The tag between its delimiters.
 * @param offset Offset of `inner` in the source.
 * @param prose Spans of reader-visible text, added to.
 */
function addPositionalProse(inner: string, offset: number, prose: Span[]): void {
  if (!inner.includes('"') && !inner.includes("'")) return
  quotedArgument.lastIndex = 0
  let match: RegExpExecArray | null
  let index = 0
  while ((match = quotedArgument.exec(inner))) {
    // A named argument's value (`class="wide"`) is no positional argument.
    if (afterEquals(inner, match.index)) continue
    index++
    const text = match[1] ?? match[2] ?? ''
    if (index === 1 || !/\S\s+\S/.test(text) || !/\p{L}/u.test(text)) continue
    prose.push([offset + match.index + 1, offset + match.index + 1 + text.length])
  }
}

/**
 * Whether an `=` comes before an offset, past white space only.
 *
 * @param text The text.
 * @param offset The offset.
 * @returns Whether it does.
 */
function afterEquals(text: string, offset: number): boolean {
  let index = offset - 1
  while (index >= 0 && /\s/.test(text.charAt(index))) index--
  return text.charAt(index) === '='
}

/**
 * Replace every character of the spans but line breaks by a space.
 *
 * A span that starts a line and has text after it on that line starts with
 * a no-break space instead: Markdown would read four spaces and more before
 * the text (`{{< note >}}Register by May`) as an indented code block, while
 * the no-break space is white space to the English parser and no indent.
 *
 * @param doc The source.
 * @param spans Spans to blank out, in any order, perhaps overlapping.
 * @returns The source blanked out.
 */
function blankOut(doc: string, spans: readonly Span[]): string {
  const sorted = [...spans].sort((a, b) => a[0] - b[0])
  let out = ''
  let from = 0
  for (const [start, end] of sorted) {
    if (end <= from) continue
    const begin = Math.max(start, from)
    out += doc.slice(from, begin)
    let blank = doc.slice(begin, end).replace(/[^\r\n]/g, ' ')
    if (startsLine(doc, begin) && textAfter(doc, end)) blank = '\u00A0' + blank.slice(1)
    out += blank
    from = end
  }
  return out + doc.slice(from)
}

/**
 * Whether only up to three spaces stand before an offset on its line: what
 * comes there may open a Markdown block.
 *
 * @param doc The source.
 * @param offset The offset.
 * @returns Whether it starts its line.
 */
function startsLine(doc: string, offset: number): boolean {
  const char = doc.charAt(offset)
  if (char === '\n' || char === '\r') return false
  // Look back over at most three spaces, not over the whole line: linear over many tags.
  for (let index = offset - 1; index >= offset - 4; index--) {
    if (index < 0) return true
    const before = doc.charAt(index)
    if (before === '\n' || before === '\r') return true
    if (before !== ' ') return false
  }
  return false
}

/**
 * Whether text other than white space follows an offset on its line.
 *
 * @param doc The source.
 * @param offset The offset.
 * @returns Whether it does.
 */
function textAfter(doc: string, offset: number): boolean {
  for (let index = offset; index < doc.length; index++) {
    const char = doc.charAt(index)
    if (char === '\n' || char === '\r') return false
    if (char !== ' ' && char !== '\t') return true
  }
  return false
}

/**
 * Finds closing delimiters, remembering the last answer for each, so that
 * a line of many `{{` and no `}}` is read once, not once for each: the
 * whole search stays linear in the length of the source.
 */
class NextIndex {
  private readonly found = new Map<string, {from: number; at: number}>()
  private readonly blankLine = /\n[ \t\r]*\n/g
  private readonly blocks = new Map<string, {from: number; at: Span | undefined}>()

  /**
   * @param doc The source.
   */
  constructor(private readonly doc: string) {}

  /**
   * The index of the first `needle` after an opener, when the tag it closes
   * is on the opener's line (`line`), or else within `tagLimit` characters
   * without a blank line.
   *
   * @param needle The delimiter.
   * @param from Where to start looking (after the opener).
   * @param line Whether the tag must end on its line.
   * @returns Its index, or `undefined`.
   */
  closing(needle: string, from: number, line: boolean): number | undefined {
    const at = this.next(needle, from)
    if (at === -1) return undefined
    if (line) {
      const lineEnd = this.next('\n', from)
      return lineEnd === -1 || lineEnd > at ? at : undefined
    }
    if (at - from > tagLimit) return undefined
    const blank = this.next('', from)
    return blank === -1 || blank > at ? at : undefined
  }

  /**
   * Where the tag that closes a block stands (`{% endraw %}`), when it is
   * within `blockLimit` characters of the block's start.
   *
   * @param key Names the closing tag, for remembering.
   * @param closing Expression of the closing tag, global.
   * @param from Where the block's content starts.
   * @returns The start and end of the closing tag, or `undefined`.
   */
  blockClosing(key: string, closing: RegExp, from: number): Span | undefined {
    const last = this.blocks.get(key)
    let found: Span | undefined
    if (last && last.from <= from && (last.at === undefined || last.at[0] >= from)) {
      found = last.at
    } else {
      closing.lastIndex = from
      const match = closing.exec(this.doc)
      found = match ? [match.index, match.index + match[0].length] : undefined
      this.blocks.set(key, {from, at: found})
    }
    return found && found[0] - from <= blockLimit ? found : undefined
  }

  /**
   * The first index of a needle at or after an offset (of a blank line for
   * the empty needle), remembering the last answer.
   *
   * @param needle The needle.
   * @param from Where to start.
   * @returns Its index, or -1.
   */
  private next(needle: string, from: number): number {
    const last = this.found.get(needle)
    if (last && last.from <= from && (last.at === -1 || last.at >= from)) return last.at
    let at: number
    if (needle === '') {
      this.blankLine.lastIndex = from
      at = this.blankLine.exec(this.doc)?.index ?? -1
    } else {
      at = this.doc.indexOf(needle, from)
    }
    this.found.set(needle, {from, at})
    return at
  }
}
