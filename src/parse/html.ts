import type {Comment, ElementContent, Nodes as HastNodes, Root as HastRoot} from 'hast'
import {fromParse5} from 'hast-util-from-parse5'
import {toNlcst} from 'hast-util-to-nlcst'
import type {Root} from 'nlcst'
import type {ParseEnglish} from 'parse-english'
import {parse, parseFragment} from 'parse5'
import type {Position} from 'unist'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {type Location, location} from 'vfile-location'
import {addLinkNames, destinationPieces, type LinkNames, noteLinkNames} from './link-names.js'
import {addMarkers, type CommentMarker, commentMarker} from './markers.js'
import {lastAtOrBefore, linePoints, type PointAt} from './line-points.js'
import {checkParse5Depth} from './nesting-limit.js'
import {alignDecoded, placeDecoded, type SourceOffsets} from './source-offsets.js'
import {joinsWordsAcross, joinWordsAt} from './words-across-markup.js'

/** Elements whose text is not prose: program code, styles, preformatted blocks. */
const notProse = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'template'])

/** parse5's settings as rehype-parse gives them: places kept, `<noscript>` content read as markup. */
const parse5Options = {sourceCodeLocationInfo: true, scriptingEnabled: false} as const

/**
 * Parse an HTML page and keep the prose of its text content.
 *
 * Markup, attributes and comments never reach the spell checker; neither does
 * the text of `script`, `style`, `code` and `pre`.
 *
 * @param doc The HTML source.
 * @param english English parser.
 * @param options Whether `doc` is a fragment (HTML inside Markdown) rather than
 *   a page; the file `doc` is the whole of, to keep its comment markers and
 *   link names on; else where to note the link names (see `noteLinkNames`),
 *   by offset in `doc`.
 * @returns Its natural-language tree, positioned in `doc`.
 * @throws {NestedTooDeep} When its elements nest deeper than `maxNestingDepth`.
 */
export function parseHtml(
  doc: string,
  english: ParseEnglish,
  options: {fragment?: boolean; file?: VFile | undefined; linkNames?: LinkNames | undefined} = {}
): Root {
  // HTML drops a NUL in text ("Vote\0count" is the text `Votecount`), which
  // would join two words and shift every place after it in the node; as a
  // U+FFFD, the character Markdown puts for it, it stays one character that
  // is not part of a word, and places stay those of `doc`.
  const source = doc.includes('\0') ? doc.replaceAll('\0', '\uFFFD') : doc
  // parse5 builds its tree without recursion, hast-util-from-parse5 walks it
  // by recursion: the depth is checked in between (see `maxNestingDepth`).
  const page = options.fragment ? parseFragment(source, parse5Options) : parse(source, parse5Options)
  checkParse5Depth(page)
  const hast = fromParse5(page, {file: new VFile(source)}) as HastRoot
  const place = location(doc)
  // hast-util-from-parse5 places the root only once some node in it has a
  // place, and in an empty or blank page none has ("", "  \n": parse5
  // drops the blank before `<html>` and makes up the rest); but the root is
  // the whole source whatever is in it, and hast-util-to-nlcst needs that.
  hast.position ??= wholeOf(doc, place)
  // hast-util-to-nlcst reads text only inside an element: a fragment's own
  // text (`<!-- note --> The mayor said…`, `</div> said…` in a Markdown
  // HTML block) would be dropped. In a page it is inside `<body>`; a fragment
  // is read as if inside a `<div>`, which takes the same implied paragraphs.
  if (options.fragment) hast.children = [{type: 'element', tagName: 'div', properties: {}, children: hast.children.filter((child): child is ElementContent => child.type !== 'doctype'), position: hast.position}]
  const linkNames: LinkNames = options.linkNames ?? new Map()
  const decodedTexts: DecodedText[] = []
  const continuations = skipNonProse(hast, source, linkNames, decodedTexts)
  if (options.file) {
    addMarkers(options.file, markersIn(hast, doc, place))
    addLinkNames(options.file, linkNames)
  }
  const tree = toNlcst(hast, new VFile(source), withWordsAcrossMarkup(english, continuations))
  if (decodedTexts.length > 0) placeDecodedTexts(tree, decodedTexts, source)
  return tree
}

/**
 * A text node whose value is not its source as written (`Ki&#101;v`, a
 * CRLF, `the</h1>the` joined), and the places of its characters once asked for.
 */
interface DecodedText {
  /** Where its source starts. */
  start: number
  /** Where its source ends. */
  end: number
  /** Its text, as decoded. */
  value: string
  /** Where each of its characters stands in the source. */
  offsets?: SourceOffsets
}

/**
 * Put the nodes made from decoded text where their characters stand in the
 * source. hast-util-to-nlcst places the tokens of a text node by counting
 * its decoded characters from the node's start, which after a character
 * reference, a CRLF or joined markup is to the left of the source; each
 * node's own text node knows where its characters are (see
 * source-offsets.ts). The nodes of other text are where they belong.
 *
 * @param tree Natural-language tree from hast-util-to-nlcst, changed in place.
 * @param texts The text nodes that were decoded.
 * @param doc The source.
 */
function placeDecodedTexts(tree: Root, texts: DecodedText[], doc: string): void {
  // Document order, for the search below: foster parenting (`<table>a`) puts text before where it stands.
  texts.sort((a, b) => a.start - b.start)
  const starts = texts.map((text) => text.start)
  /** The last decoded text starting at or before an offset. */
  const textAt = (offset: number): DecodedText | undefined => {
    const index = lastAtOrBefore(starts, offset)
    return (starts[index] ?? Infinity) <= offset ? texts[index] : undefined
  }
  const pointAt = linePoints(doc)
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      for (const child of sentence.children) {
        if (child.type === 'WordNode') {
          for (const piece of child.children) placeLeaf(piece, textAt, doc, pointAt)
          spanChildren(child)
        } else {
          placeLeaf(child, textAt, doc, pointAt)
        }
      }
      spanChildren(sentence)
    }
    spanChildren(paragraph)
  }
}

/**
 * Place one leaf of the tree where its characters stand, if it was made from a decoded text.
 *
 * @param node Leaf, changed in place.
 * @param textAt The decoded text node an offset may be in: the last starting at or before it.
 * @param doc The source.
 * @param pointAt Points of `doc`.
 */
function placeLeaf(
  node: {value: string; position?: Position | undefined},
  textAt: (offset: number) => DecodedText | undefined,
  doc: string,
  pointAt: PointAt
): void {
  const start = node.position?.start.offset
  if (start === undefined) return
  const text = textAt(start)
  // hast-util-to-nlcst counts decoded characters from the text node's start, and a decoded text is never longer than its source.
  if (!text || start >= text.start + text.value.length) return
  text.offsets ??= alignDecoded(text.value, doc, text.start, text.end, 'html')
  const from = start - text.start
  placeDecoded([node], text.offsets, pointAt, from)
}

/**
 * Make a parent span its children, after they moved.
 *
 * @param node Parent.
 */
function spanChildren(node: {children: ReadonlyArray<{position?: Position | undefined}>; position?: Position | undefined}): void {
  const start = node.children[0]?.position?.start
  const end = node.children.at(-1)?.position?.end
  if (start && end) node.position = {start, end}
}

/**
 * Find the comment markers (`<!-- copydesk-disable -->`) of a page.
 *
 * @param tree HTML tree.
 * @param doc The HTML source.
 * @param place Location index of `doc`.
 * @returns Markers, in document order.
 */
function markersIn(tree: HastRoot, doc: string, place: Location): CommentMarker[] {
  const markers: CommentMarker[] = []
  visit(tree, 'comment', function (node: Comment) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const marker = commentMarker(doc.slice(start, end), start, place)
    if (marker) markers.push(marker)
  })
  return markers
}

/**
 * Mark non-prose elements so that `hast-util-to-nlcst` leaves them out, and
 * the page title so that it checks it; in the same walk, find where a piece
 * of text runs on from the text before it across only the edges of
 * elements that style or link text (`<b>w</b>orking`), so that a word
 * written across them is read as one, and the words of link text that
 * name the link's destination (`<a href="…/rdbms-subsetter">rdbms-subsetter</a>`).
 *
 * Also notes the text nodes whose value is not their source as written, to
 * place later (see `placeDecodedTexts`).
 *
 * @param tree HTML tree, changed in place.
 * @param doc The HTML source.
 * @param linkNames Where to note the link names.
 * @param decodedTexts Where to note the decoded text nodes.
 * @returns Offsets where such pieces of text start.
 */
function skipNonProse(tree: HastRoot, doc: string, linkNames: LinkNames, decodedTexts: DecodedText[]): Set<number> {
  const continuations = new Set<number>()
  let afterText = false
  // The pieces of the destination of the link the walk is inside, if any.
  let link: ReadonlySet<string> | undefined
  walk(tree)
  return continuations

  /**
   * Mark one node and its descendants, in document order.
   *
   * @param node HTML node.
   */
  function walk(node: HastNodes): void {
    if (node.type === 'text') {
      const start = node.position?.start.offset
      if (afterText && start !== undefined) continuations.add(start)
      afterText = true
      const end = node.position?.end.offset
      const value = node.value
      // A text as long as its source is placed right (one character for one: a lone CR read as LF).
      if (start !== undefined && end !== undefined && end - start !== value.length) {
        decodedTexts.push({start, end, value})
      }
      if (link && start !== undefined && end !== undefined) noteLinkNames(node.value, start, end, doc, link, linkNames)
      return
    }
    let crossed = false
    const outerLink = link
    if (node.type === 'element') {
      if (notProse.has(node.tagName)) node.properties.dataNlcst = 'ignore'
      // hast-util-to-nlcst reads only body flow; the page title is a headline.
      if (node.tagName === 'title') node.tagName = 'h1'
      crossed = joinsWordsAcross(node.tagName) && node.properties.dataNlcst === undefined
      const href = node.properties.href
      if (node.tagName === 'a' && typeof href === 'string') link = destinationPieces(href)
    }
    if (!crossed) afterText = false
    if ('children' in node) for (const child of node.children) walk(child)
    if (!crossed) afterText = false
    link = outerLink
  }
}

/**
 * The English parser, joining the words that run on at the given offsets
 * before its own sentence plugins see them.
 *
 * @param english English parser.
 * @param continuations Offsets where text runs on from a word before it.
 * @returns The parser itself when there are none, else one that joins them.
 */
function withWordsAcrossMarkup(english: ParseEnglish, continuations: ReadonlySet<number>): ParseEnglish {
  if (continuations.size === 0) return english
  const parser = Object.create(english) as ParseEnglish
  parser.tokenizeSentencePlugins = [joinWordsAt(continuations), ...english.tokenizeSentencePlugins]
  return parser
}

/**
 * The place of a whole document.
 *
 * @param doc The source.
 * @param place Location index of `doc`.
 * @returns From its first to its last character; `undefined` never happens for these offsets.
 */
function wholeOf(doc: string, place: Location): Position | undefined {
  const start = place.toPoint(0)
  const end = place.toPoint(doc.length)
  return start && end ? {start, end} : undefined
}
