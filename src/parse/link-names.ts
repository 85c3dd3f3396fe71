/**
 * Link text that names what the link points to: `[pylint](http://www.pylint.org/)`,
 * `[**urlsize**](https://github.com/18F/urlsize)`, `<a href="…/rdbms-subsetter">rdbms-subsetter</a>`.
 * Such a word is the name of a tool, a site or a project, spelled as its
 * owner spells it in the address, not a slip of a dictionary word; the
 * spell check reports it as it reports any unknown name (see
 * `UnknownWord.namesLink`). The Markdown and HTML parsers note where such
 * words stand, in the walks of their trees they make anyway.
 */
import type {Nodes as MdastNodes, LinkReference} from 'mdast'
import type {VFile} from 'vfile'

/** Where the words that name a link's destination start in the source, each with its text in lower case. */
export type LinkNames = Map<number, string>

/** A run of letters, marks and digits: a word of link text, or one part of a hyphenated one (`gapps` in `gapps-download`). */
const wordRun = /[\p{L}\p{M}\p{N}]+/gu

/** Letters a word must have to be taken for a name: `to` or `go` in an address says nothing. */
const fewestLetters = 3

/**
 * Most words a link text may have to be a name (`gapps-download`, `Julia
 * Lindpaintner`, `Universo curioso de la NASA`'s four are too many): longer
 * text is a title (`[Chatbots ease the queue at the tax office](…/chatbots-ease-the-queue…)`),
 * whose address is a slug made of it, and a slip in it is a slip in both.
 */
const mostNameWords = 3

/**
 * The pieces of a link's destination that link text can name: each segment
 * of its host and path, whole and split at hyphens, underscores, dots and
 * the `@` of an address (`mailto:jhunter@agency.example`), in lower case. `http://www.pylint.org/` gives `www.pylint.org`, `www`,
 * `pylint`, `org`; `https://github.com/18F/gapps-download` gives `github.com`,
 * `github`, `com`, `18f`, `gapps-download`, `gapps`, `download`. The query
 * and fragment are left out: `?q=teh` names nothing.
 *
 * @param url The link's destination as written (`link.url`, an `href`).
 * @returns The pieces; none for an empty destination.
 */
export function destinationPieces(url: string): Set<string> {
  const pieces = new Set<string>()
  // "https://", "mailto:", "//": the scheme and the slashes before the host name nothing.
  const path = url.replace(/^[a-z][a-z\d+.-]*:/i, '').replace(/[?#][\s\S]*$/, '')
  for (const segment of path.split('/')) {
    if (segment === '') continue
    const whole = decoded(segment).toLowerCase()
    pieces.add(whole)
    for (const piece of whole.split(/[-_.@]+/)) if (piece !== '') pieces.add(piece)
  }
  return pieces
}

/**
 * Note the words of one piece of link text that name the link's
 * destination: a word of at least three letters equal (whatever its case)
 * to one of the destination's pieces. `pyilnt` against `pylint` is not one:
 * a slip that merely resembles the address is still a slip.
 *
 * The text is decoded (`gapps\_download` is `gapps_download`), so each word
 * is found again in the source, in order, within the text's span; a word
 * the source writes with a character reference in it is not found, and
 * stays a word like any other.
 *
 * @param text The link text, decoded.
 * @param start Where the text starts in `doc`.
 * @param end Where it ends in `doc`.
 * @param doc The source.
 * @param pieces The destination's pieces (see `destinationPieces`).
 * @param into Where to note the words found, by source offset.
 */
export function noteLinkNames(
  text: string,
  start: number,
  end: number,
  doc: string,
  pieces: ReadonlySet<string>,
  into: LinkNames
): void {
  const words = [...text.matchAll(wordRun)]
  if (words.length > mostNameWords) return
  let cursor = start
  for (const match of words) {
    const word = match[0]
    const lower = word.toLowerCase()
    if (!pieces.has(lower) || letterCount(word) < fewestLetters) continue
    const at = doc.indexOf(word, cursor)
    if (at === -1 || at + word.length > end) continue
    into.set(at, lower)
    cursor = at + word.length
  }
}

/** Markdown inline node types: anything else ends the paragraph an inline `<a href>` stands in. */
const phrasingTypes: ReadonlySet<string> = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'inlineCode',
  'html',
  'break',
  'image',
  'imageReference',
  'footnoteReference'
])

/** An inline HTML start tag of a link, with its `href`. */
const htmlLinkStart = /^<a\s(?:[^>]*?\s)?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))[^>]*>$/i

/** An inline HTML end tag of a link. */
const htmlLinkEnd = /^<\/a\s*>$/i

/**
 * Finds the link names of a Markdown story, seeing its nodes one by one in
 * the walk the Markdown parser makes of its tree anyway: the text of links
 * (`[pylint](http://www.pylint.org/)`), of reference links, whose
 * definitions may come after them (`[urlsize][10]` … `[10]: …/urlsize`),
 * and of inline HTML links (`<a href="…">rdbms-subsetter</a>`, whose tags
 * are nodes of their own beside the text).
 */
export class MarkdownLinkNames {
  /** Words found so far, by source offset. */
  readonly found: LinkNames = new Map()
  /** Destinations of the definitions seen, by identifier. */
  private readonly definitions = new Map<string, string>()
  /** Reference links seen, resolved once every definition is known. */
  private readonly references: LinkReference[] = []
  /** The destination's pieces while inside an inline `<a href>`. */
  private htmlLink: ReadonlySet<string> | undefined

  /**
   * Start on one story.
   *
   * @param doc The Markdown source the tree is positioned in.
   */
  constructor(private readonly doc: string) {}

  /**
   * See one node of the walk, parents before their children, in document order.
   *
   * @param node Markdown node.
   */
  see(node: MdastNodes): void {
    const type: string = node.type
    if (!phrasingTypes.has(type)) this.htmlLink = undefined
    if (node.type === 'link') {
      this.noteText(node, destinationPieces(node.url))
    } else if (node.type === 'linkReference') {
      this.references.push(node)
    } else if (node.type === 'definition') {
      // The first definition of a label wins, as CommonMark reads them.
      if (!this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node.url)
    } else if (node.type === 'html') {
      const start = htmlLinkStart.exec(node.value)
      if (start) this.htmlLink = destinationPieces(start[1] ?? start[2] ?? start[3] ?? '')
      else if (htmlLinkEnd.test(node.value)) this.htmlLink = undefined
    } else if (node.type === 'text' && this.htmlLink) {
      this.noteText(node, this.htmlLink)
    }
  }

  /**
   * The words found, with those of the reference links now that every
   * definition is known.
   *
   * @returns Words by source offset.
   */
  names(): LinkNames {
    for (const reference of this.references) {
      const url = this.definitions.get(reference.identifier)
      if (url !== undefined) this.noteText(reference, destinationPieces(url))
    }
    this.references.length = 0
    return this.found
  }

  /**
   * Note the words of a node's text (its own, or its descendants': `**urlsize**`) that name a destination.
   *
   * @param node Text node, or a link's node.
   * @param pieces The destination's pieces.
   */
  private noteText(node: MdastNodes, pieces: ReadonlySet<string>): void {
    if (pieces.size === 0) return
    if (node.type === 'text') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) noteLinkNames(node.value, start, end, this.doc, pieces, this.found)
    } else if ('children' in node) {
      for (const child of node.children) this.noteText(child, pieces)
    }
  }
}

/**
 * Keep a parser's link names on the file, for the spell check to read.
 *
 * @param file The file being parsed.
 * @param names Words found, by offset in `file`'s source.
 */
export function addLinkNames(file: VFile, names: LinkNames): void {
  if (names.size === 0) return
  const kept = (file.data.linkNames ??= new Map())
  for (const [offset, word] of names) kept.set(offset, word)
}

/**
 * Whether an unknown word is a word of link text that names the link's
 * destination, where the parser noted one.
 *
 * @param file The story's file.
 * @param offset Where the word starts in the source.
 * @param text The word.
 * @returns Whether it names the destination of its link.
 */
export function namesLinkDestination(file: VFile, offset: number, text: string): boolean {
  const names = file.data.linkNames
  return names !== undefined && names.get(offset) === text.toLowerCase()
}

/**
 * A path segment with its percent-escapes decoded (`rdbms%2Dsubsetter`);
 * as written when they are not valid UTF-8.
 *
 * @param segment A segment of a URL.
 * @returns The segment decoded.
 */
function decoded(segment: string): string {
  if (!segment.includes('%')) return segment
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * How many letters a word has (not marks or digits).
 *
 * @param word A run of letters, marks and digits.
 * @returns Its letters.
 */
function letterCount(word: string): number {
  let count = 0
  for (const _ of word.matchAll(/\p{L}/gu)) count++
  return count
}

declare module 'vfile' {
  interface DataMap {
    /** Words of link text that name the link's destination, by source offset (see `noteLinkNames`). */
    linkNames: LinkNames
  }
}
